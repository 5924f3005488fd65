// --dry-run as kubectl 1.18.4 reads it (pkg/cmd/util/helpers.go GetDryRunStrategy),
// the objects its generators would send (printed by -o yaml|json with
// --dry-run=client, never sent), and --record's change-cause annotation.
import { labEpoch } from '../wallClock';
import type { KubectlContext } from './context';
import type { FlagSpec } from './flags';
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

/** The strategy, with klog's deprecation warning for the boolean forms, or kubectl's error. */
export function readDryRun(ctx: KubectlContext): { ok: true; dryRun: DryRun } | { ok: false; error: string } {
  const v = flagString(ctx.flags, 'dry-run') ?? 'none';
  if (v === 'client' || v === 'server' || v === 'none') return { ok: true, dryRun: v };
  if (v === 'unchanged') {
    ctx.io.err(klogWarning(ctx, 535, '--dry-run is deprecated and can be replaced with --dry-run=client.'));
    return { ok: true, dryRun: 'client' };
  }
  // strconv.ParseBool's spellings.
  if (/^(1|t|T|TRUE|true|True)$/.test(v)) {
    ctx.io.err(
      klogWarning(
        ctx,
        549,
        `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.`,
      ),
    );
    return { ok: true, dryRun: 'client' };
  }
  if (/^(0|f|F|FALSE|false|False)$/.test(v)) {
    ctx.io.err(
      klogWarning(
        ctx,
        552,
        `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=none.`,
      ),
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

/** The Pod `kubectl run NAME --image=IMAGE` sends (1.18 generator run-pod/v1). */
export function runPodWire(
  name: string,
  image: string,
  labels: Record<string, string>,
  namespace?: string,
): Plain {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      creationTimestamp: null,
      labels,
    },
    spec: {
      containers: [{ name, image, resources: {} }],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  };
}

/** The Deployment `kubectl create deployment NAME --image=IMAGE` sends. */
export function createDeploymentWire(
  name: string,
  containers: readonly { name: string; image: string }[],
  namespace?: string,
): Plain {
  const labels = { app: name };
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { creationTimestamp: null, labels },
        spec: { containers: containers.map((c) => ({ name: c.name, image: c.image, resources: {} })) },
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
      ? printJsonPathOver(file.text, wire)
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
  // cli-runtime 1.18.4 NoCompatiblePrinterError: the create printers' formats, sorted.
  else
    return {
      ok: false,
      error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,yaml`,
    };
  return { ok: true };
}
