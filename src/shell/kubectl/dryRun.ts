// --dry-run as kubectl reads it (pkg/cmd/util/helpers.go GetDryRunStrategy), the objects
// its generators would send (printed by -o yaml|json with --dry-run=client, never sent),
// and --record's change-cause annotation. What differs by version is the lab's profile's.
import { labProfile } from '../labProfile';
import { labEpoch } from '../wallClock';
import type { KubectlContext } from './context';
import type { FlagSpec, ParsedFlags } from './flags';
import { flagString } from './flags';
import { printGoTemplate, readTemplateFile } from './goTemplatePrinter';
import type { Plain } from './objectPrinter';
import { toJson, toYaml } from './objectPrinter';
import { printJsonPathOver } from './templatePrinters';

export type DryRun = 'none' | 'client' | 'server';

export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' };
export const recordFlag: FlagSpec = { name: 'record', type: 'bool' };

const two = (n: number) => String(n).padStart(2, '0');

/** A klog warning line: `W0706 01:02:03.000000    4242 helpers.go:535] text`. */
function klogWarning(ctx: KubectlContext, line: number, text: string): string {
  const d = new Date(ctx.io.shell.world.now() + labEpoch(ctx.io.shell.world.cluster));
  const micros = String((ctx.io.shell.world.now() % 1000) * 1000).padStart(6, '0');
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
  return `W${stamp} ${String(4242).padStart(7, ' ')} helpers.go:${line}] ${text}`;
}

/** The commands whose deprecated --dry-run was already warned about: kubectl reads the strategy once (Complete). */
const warned = new WeakSet<ParsedFlags>();

/** The strategy, with klog's deprecation warning for the boolean forms, or kubectl's error. */
export function readDryRun(ctx: KubectlContext): { ok: true; dryRun: DryRun } | { ok: false; error: string } {
  const v = flagString(ctx.flags, 'dry-run') ?? 'none';
  if (v === 'client' || v === 'server' || v === 'none') return { ok: true, dryRun: v };
  const lines = labProfile(ctx.io.shell).kubectl.dryRunWarningLines;
  const warn = (line: number, text: string) => {
    if (warned.has(ctx.flags)) return;
    warned.add(ctx.flags);
    ctx.io.err(klogWarning(ctx, line, text));
  };
  if (v === 'unchanged') {
    warn(lines.bare, '--dry-run is deprecated and can be replaced with --dry-run=client.');
    return { ok: true, dryRun: 'client' };
  }
  // strconv.ParseBool's spellings.
  if (/^(1|t|T|TRUE|true|True)$/.test(v)) {
    warn(
      lines.isTrue,
      `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.`,
    );
    return { ok: true, dryRun: 'client' };
  }
  if (/^(0|f|F|FALSE|false|False)$/.test(v)) {
    warn(
      lines.isFalse,
      `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=none.`,
    );
    return { ok: true, dryRun: 'none' };
  }
  return { ok: false, error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

/** What the name printer appends: ` (dry run)`, ` (server dry run)`. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/**
 * The change cause --record writes (1.18 factory.Command): `kubectl`, the words that
 * are not flags, then every flag as ` --name=value` in the order typed.
 */
export function changeCause(ctx: KubectlContext, specs: readonly FlagSpec[]): string {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const words: string[] = [];
  let flags = '';
  const argv = ctx.argv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      const long = a.startsWith('--');
      const eq = a.indexOf('=');
      const key = long ? (eq < 0 ? a.slice(2) : a.slice(2, eq)) : a.slice(1, 2);
      const spec = long ? byName.get(key) : byShort.get(key);
      if (!spec) continue;
      let value: string;
      if (long && eq >= 0) value = a.slice(eq + 1);
      else if (!long && a.length > 2) value = a.slice(a[2] === '=' ? 3 : 2);
      else if (spec.type === 'bool') value = 'true';
      else if (spec.noOptDefault !== undefined && long) value = spec.noOptDefault;
      else value = argv[++i] ?? '';
      flags += ` --${spec.name}=${value}`;
      continue;
    }
    words.push(a);
  }
  return `kubectl${words.length ? ` ${words.join(' ')}` : ''}${flags}`;
}

/** metadata.creationTimestamp as kubectl's encoder writes a zero time: `null`, or nothing (apimachinery 0.34+). */
export function zeroTimestamp(ctx: KubectlContext): { creationTimestamp?: null } {
  return labProfile(ctx.io.shell).kubectl.nullCreationTimestamp ? { creationTimestamp: null } : {};
}

/** The container `kubectl run` builds, in the JSON order of corev1.Container. */
export interface RunContainer {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly ports?: readonly { containerPort: number }[];
  readonly env?: readonly { name: string; value: string }[];
  readonly imagePullPolicy?: string;
}

/** The Pod `kubectl run NAME --image=IMAGE` sends (1.18's generator run-pod/v1, 1.36's generatePod). */
export function runPodWire(
  ctx: KubectlContext,
  c: RunContainer,
  labels: Record<string, string>,
  restartPolicy: string,
  namespace?: string,
  annotations?: Record<string, string>,
): Plain {
  const { name, image, command, args, ports, env, imagePullPolicy } = c;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...zeroTimestamp(ctx),
      labels,
      ...(annotations ? { annotations } : {}),
    },
    spec: {
      containers: [
        {
          name,
          image,
          ...(command ? { command: [...command] } : {}),
          ...(args ? { args: [...args] } : {}),
          ...(ports ? { ports: ports.map((p) => ({ ...p })) } : {}),
          ...(env ? { env: env.map((e) => ({ ...e })) } : {}),
          resources: {},
          ...(imagePullPolicy ? { imagePullPolicy } : {}),
        },
      ],
      restartPolicy,
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  };
}

/** What `kubectl create deployment` puts in the Deployment besides its name and images (1.19+ flags). */
export interface DeploymentExtras {
  readonly replicas?: number;
  readonly port?: number;
  readonly command?: readonly string[];
  /** --save-config's annotation, on the object of a client dry run (1.20+). */
  readonly annotations?: Record<string, string>;
}

/** The Deployment `kubectl create deployment NAME --image=IMAGE` sends. */
export function createDeploymentWire(
  ctx: KubectlContext,
  name: string,
  containers: readonly { name: string; image: string }[],
  namespace?: string,
  extras: DeploymentExtras = {},
): Plain {
  const labels = { app: name };
  const ts = zeroTimestamp(ctx);
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...ts,
      labels,
      ...(extras.annotations ? { annotations: extras.annotations } : {}),
    },
    spec: {
      replicas: extras.replicas ?? 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { ...ts, labels },
        spec: {
          containers: containers.map((c, i) => ({
            name: c.name,
            image: c.image,
            ...(extras.command ? { command: [...extras.command] } : {}),
            // createDeployment: the port goes on the first container only.
            ...(i === 0 && extras.port !== undefined ? { ports: [{ containerPort: extras.port }] } : {}),
            resources: {},
          })),
        },
      },
      strategy: {},
    },
    status: {},
  };
}

/** -o yaml|json|name of a client-side dry run; undefined output prints the name line. */
export function printClientObject(
  ctx: KubectlContext,
  wire: Plain,
  label: string,
): { ok: true } | { ok: false; error: string } {
  const output = flagString(ctx.flags, 'output');
  if (output === undefined) ctx.io.out(`${label} created (dry run)`);
  else if (output === 'yaml') ctx.io.out(toYaml(wire).replace(/\n$/, ''));
  else if (output === 'json') ctx.io.out(toJson(wire));
  else if (output === 'name') ctx.io.out(label);
  else if (/^(go-template|template|go-template-file|templatefile|jsonpath|jsonpath-file)=/.test(output)) {
    const format = output.slice(0, output.indexOf('='));
    const value = output.slice(output.indexOf('=') + 1);
    const fromFile = format.endsWith('file');
    const file = fromFile && value !== '' ? readTemplateFile(ctx.io, value) : { text: value };
    if ('error' in file) return { ok: false, error: file.error };
    if (fromFile && value !== '' && file.text === '') return { ok: true };
    const printed = format.startsWith('jsonpath')
      ? printJsonPathOver(file.text, wire, labProfile(ctx.io.shell).kubectl.jsonPathMapsAsJson)
      : printGoTemplate(file.text, wire);
    if (!printed.ok) {
      const stdout = 'stdout' in printed ? printed.stdout : undefined;
      if (typeof stdout === 'string' && stdout !== '') ctx.io.out(stdout);
      return { ok: false, error: printed.error };
    }
    if (printed.text !== '')
      ctx.io.out(format === 'jsonpath' ? printed.text : printed.text.replace(/\n$/, ''));
  } else if (/^(go-template|template|go-template-file|templatefile|jsonpath|jsonpath-file)$/.test(output))
    return { ok: false, error: 'error: template format specified but no template given' };
  // cli-runtime's NoCompatiblePrinterError: the create printers' formats, sorted.
  else
    return {
      ok: false,
      error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${labProfile(ctx.io.shell).kubectl.printFormats}`,
    };
  return { ok: true };
}
