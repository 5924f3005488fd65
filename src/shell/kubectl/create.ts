// kubectl create -f, apply -f and create deployment: objects built on the
// client, sent one by one, each answered by a line of the name printer.

import type { KubeObject } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { labProfile, wireShown } from '../labProfile';
import { deploymentObject, newMeta } from '../manifest';
import type { JsonValue as Json } from '../manifestYaml';
import { labEpoch } from '../wallClock';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag, missingRequiredFlag, outputFlag } from './context';
import type { DryRun } from './dryRun';
import {
  changeCause,
  createDeploymentWire,
  dryRunFlag,
  dryRunSuffix,
  printClientObject,
  readDryRun,
  recordFlag,
} from './dryRun';
import type { FileObject } from './files';
import { loadFiles, validating, withStdin } from './files';
import type { FlagSpec } from './flags';
import { flagBool, flagInt, flagString } from './flags';
import { goJson, LAST_APPLIED, lastAppliedOf } from './lastApplied';
import type { Plain } from './objectPrinter';
import { toJson, toYaml, wireObject } from './objectPrinter';
import { kindName, resourceOfKindName } from './resources';

function inNamespace(obj: KubeObject, ctx: KubectlContext): KubeObject {
  if (!namespaced[resourceOfKindName[obj.kind] ?? 'pods']) return obj;
  const explicit = flagString(ctx.flags, 'namespace');
  const ns =
    explicit ??
    (obj.metadata.namespace && obj.metadata.namespace !== 'default' ? obj.metadata.namespace : ctx.namespace);
  return { ...obj, metadata: { ...obj.metadata, namespace: ns } } as KubeObject;
}

export function createRequest(obj: KubeObject, source?: string, dryRun: DryRun = 'none'): ApiRequest {
  return {
    verb: 'create',
    resource: resourceOfKindName[obj.kind] ?? 'pods',
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    body: obj,
    ...(source ? { source } : {}),
    ...(dryRun === 'server' ? { dryRun: true } : {}),
  };
}

/** --record: the change cause as an annotation on the object sent. */
export function recorded(ctx: KubectlContext, obj: KubeObject, specs: readonly FlagSpec[]): KubeObject {
  if (!flagBool(ctx.flags, 'record')) return obj;
  const annotations = { ...obj.metadata.annotations, 'kubernetes.io/change-cause': changeCause(ctx, specs) };
  return { ...obj, metadata: { ...obj.metadata, annotations } } as KubeObject;
}

/** `Error from server (AlreadyExists): error when creating "<file>": pods "x" already exists` (or `replacing`: cmdutil.AddSourceToErr). */
export function createError(
  ctx: KubectlContext,
  res: Parameters<typeof apiError>[0],
  source: string | undefined,
  verb: 'creating' | 'replacing' = 'creating',
): string {
  if (
    res.reason === 'ConnectionRefused' ||
    res.reason === 'Invalid' ||
    !source ||
    res.message.startsWith('error when')
  )
    return apiError(res, ctx.server);
  return `Error from server (${res.reason}): error when ${verb} "${source}": ${res.message}`;
}

type Outcome =
  | { readonly word: string; readonly label: string }
  | { readonly printed: string }
  | { readonly error: string }
  | { readonly refused: string };

/**
 * Handles a file's objects in order, one request at a time. Objects the lab does not
 * model (Calico's ConfigMap, CRDs) are printed with the outcome of the next modelled one.
 */
export function inOrder(
  ctx: KubectlContext,
  items: readonly FileObject[],
  handle: (
    obj: KubeObject,
    source: string | undefined,
    done: (o: Outcome) => void,
    raw: FileObject['raw'],
  ) => void,
): void {
  const errors: string[] = [];
  let pending: string[] = [];
  let last = 'created';
  const flush = (word: string) => {
    for (const l of pending) ctx.io.out(`${l} ${word}`);
    pending = [];
  };
  const step = (i: number): void => {
    const item = items[i];
    if (!item) {
      flush(last);
      for (const e of errors) ctx.io.err(e);
      ctx.io.exit(errors.length > 0 ? 1 : 0);
      return;
    }
    if (!item.obj) {
      if (item.label) pending.push(item.label);
      step(i + 1);
      return;
    }
    handle(
      inNamespace(item.obj, ctx),
      item.source,
      (o) => {
        if ('refused' in o) {
          failWith(ctx, o.refused);
          return;
        }
        if ('error' in o) {
          pending = [];
          errors.push(o.error);
        } else if ('printed' in o) {
          ctx.io.out(o.printed);
        } else {
          last = o.word;
          flush(o.word);
          ctx.io.out(`${o.label} ${o.word}`);
        }
        step(i + 1);
      },
      item.raw,
    );
  };
  step(0);
}

export function labelOf(obj: KubeObject): string {
  return `${kindName[resourceOfKindName[obj.kind] ?? 'pods']}/${obj.metadata.name}`;
}

/**
 * Sends creates in order; prints `<kind>/<name> created` for each success, errors at
 * the end. A client dry run sends nothing; a server dry run prints what came back.
 */
export function createAll(ctx: KubectlContext, items: readonly FileObject[], specs: readonly FlagSpec[]) {
  const d = readDryRun(ctx);
  if (!d.ok) return failWith(ctx, d.error);
  const output = flagString(ctx.flags, 'output');
  if (d.dryRun === 'client' && output !== undefined && output !== 'name') {
    // The file's own objects are printed: only those the lab read from a file, unannotated.
    const printable =
      items.every((i) => !i.obj || i.raw) &&
      !flagBool(ctx.flags, 'save-config') &&
      !flagBool(ctx.flags, 'record');
    if (printable) return printFileObjects(ctx, items);
    return failWith(
      ctx,
      `error: podscope: -o ${output} with -f --dry-run=client is not simulated; use --dry-run=server`,
    );
  }
  inOrder(ctx, items, (sent, source, done, raw) => {
    // create (unlike apply) saves the configuration before --record adds its cause.
    const obj = recorded(ctx, saveConfig(ctx, sent, raw), specs);
    if (d.dryRun === 'client')
      return done(
        output === 'name'
          ? { printed: labelOf(obj) }
          : { word: `created${dryRunSuffix(d.dryRun)}`, label: labelOf(obj) },
      );
    send(ctx.io, ctx.server, createRequest(obj, source, d.dryRun), (res) => {
      if (res.ok && output !== undefined && res.object) {
        const wire = wireObject(res.object, labEpoch(ctx.io.shell.world.cluster), wireShown(ctx.io.shell));
        done({
          printed:
            output === 'json'
              ? toJson(wire)
              : output === 'name'
                ? labelOf(obj)
                : toYaml(wire).replace(/\n$/, ''),
        });
      } else if (res.ok) done({ word: `created${dryRunSuffix(d.dryRun)}`, label: labelOf(obj) });
      else if (res.reason === 'ConnectionRefused') done({ refused: apiError(res, ctx.server) });
      else done({ error: createError(ctx, res, source) });
    });
  });
}

/** An unstructured object as json.Marshal writes a map: its keys sorted, all the way down. */
function unstructured(v: Json): Json {
  if (Array.isArray(v)) return v.map(unstructured);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, unstructured((v as { [k: string]: Json })[k] as Json)]),
    );
  return v;
}

/**
 * create -f --dry-run=client -o yaml|json|…: each document as the file wrote it (an
 * unstructured object), the namespace it would be sent to added, yaml's separated by `---`
 * (kubectl 1.20.2 and 1.33 print so).
 */
function printFileObjects(ctx: KubectlContext, items: readonly FileObject[]): void {
  let first = true;
  for (const item of items) {
    if (!item.obj || !item.raw) continue;
    const sent = inNamespace(item.obj, ctx);
    const meta =
      typeof item.raw.metadata === 'object' && item.raw.metadata && !Array.isArray(item.raw.metadata)
        ? item.raw.metadata
        : {};
    const ns = namespaced[resourceOfKindName[sent.kind] ?? 'pods'] ? sent.metadata.namespace : undefined;
    const doc = unstructured({ ...item.raw, metadata: { ...meta, ...(ns ? { namespace: ns } : {}) } });
    if (!first && flagString(ctx.flags, 'output') === 'yaml') ctx.io.out('---');
    first = false;
    const printed = printClientObject(ctx, doc as Plain, labelOf(sent));
    if (!printed.ok) {
      failWith(ctx, printed.error);
      return;
    }
  }
  ctx.io.exit(0);
}

/**
 * --save-config (util.CreateOrUpdateAnnotation): the object read from a file is saved as
 * apply would save it; without the flag, an annotation the file already carries is
 * computed again from the file (updateApplyAnnotation).
 */
export function saveConfig(ctx: KubectlContext, obj: KubeObject, raw: FileObject['raw']): KubeObject {
  if (!raw) return obj;
  const carried = obj.metadata.annotations?.[LAST_APPLIED] !== undefined;
  if (!flagBool(ctx.flags, 'save-config') && !carried) return obj;
  const ns = namespaced[resourceOfKindName[obj.kind] ?? 'pods'] ? obj.metadata.namespace : undefined;
  const annotations = { ...obj.metadata.annotations, [LAST_APPLIED]: lastAppliedOf(raw, ns) };
  return { ...obj, metadata: { ...obj.metadata, annotations } } as KubeObject;
}

export const createVerb: Verb = {
  name: 'create',
  flags: [
    filenameFlag,
    outputFlag,
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'bool' },
    dryRunFlag,
    recordFlag,
  ],
  run(ctx) {
    const files = ctx.flags.values.get('filename');
    if (!files || files.length === 0) {
      const unknown = ctx.args[0];
      return failWith(
        ctx,
        unknown
          ? `error: must specify one of -f and -k\n\nerror: unknown command "${unknown}"\nSee 'kubectl create -h' for help and examples`
          : 'error: must specify one of -f and -k',
      );
    }
    withStdin(ctx.io, files, (stdin) => {
      const loaded = loadFiles(ctx.io, files, validating(ctx.flags.values), stdin);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      createAll(ctx, loaded.objects, createVerb.flags);
    });
  },
};

/** The words after `--` (cobra's ArgsLenAtDash): create deployment's command in 1.19+. */
function afterDash(ctx: KubectlContext): readonly string[] {
  const at = ctx.argv.indexOf('--');
  return at < 0 ? [] : ctx.argv.slice(at + 1);
}

export const createDeploymentVerb: Verb = {
  name: 'create deployment',
  flags: [
    { name: 'image', type: 'strings' },
    // 1.19+ (absent from 1.18's: the profile's absentFlags).
    { name: 'port', type: 'int' },
    { name: 'replicas', short: 'r', type: 'int' },
    outputFlag,
    dryRunFlag,
    { name: 'save-config', type: 'bool' },
  ],
  run(ctx) {
    // --image is marked required: cobra refuses before the command counts its names.
    if (!ctx.flags.values.has('image')) return missingRequiredFlag(ctx, 'image');
    const version = labProfile(ctx.io.shell).kubectl;
    const command = version.createDeploymentCommand ? afterDash(ctx) : [];
    const names = ctx.args.length - command.length;
    if (names !== 1) {
      return failWith(
        ctx,
        `error: exactly one NAME is required, got ${names}\nSee 'kubectl create deployment -h' for help and examples`,
      );
    }
    const images = ctx.flags.values.get('image') ?? [];
    if (images.length === 0) return missingRequiredFlag(ctx, 'image');
    if (images.length > 1 && command.length > 0)
      return failWith(ctx, 'error: cannot specify multiple --image options and command');
    const name = ctx.args[0] as string;
    const labels = { app: name };
    const containers = images.map((image) => ({
      name: (image.split('/').pop() ?? image).split(':')[0] ?? image,
      image,
      ...(command.length > 0 ? { command } : {}),
    }));
    const replicas = flagInt(ctx.flags, 'replicas') ?? 1;
    const port = flagInt(ctx.flags, 'port');
    const extras = {
      replicas,
      ...(port !== undefined && port >= 0 ? { port } : {}),
      ...(command.length > 0 ? { command } : {}),
    };
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    // The typed object saved as the applied configuration: struct order, no namespace.
    const saved = flagBool(ctx.flags, 'save-config')
      ? {
          annotations: {
            [LAST_APPLIED]: `${goJson(createDeploymentWire(ctx, name, containers, undefined, extras), false)}\n`,
          },
        }
      : {};
    if (d.dryRun === 'client') {
      const ns = flagString(ctx.flags, 'namespace');
      // 1.18.4 saves the configuration only when it sends the object; 1.20+ before the dry-run check.
      const shown = createDeploymentWire(ctx, name, containers, ns, {
        ...extras,
        ...(version.saveConfigOnClientDryRun && saved.annotations ? { annotations: saved.annotations } : {}),
      });
      const printed = printClientObject(ctx, shown, `deployment.apps/${name}`);
      return printed.ok ? ctx.io.exit(0) : failWith(ctx, printed.error);
    }
    const firstPorts = port !== undefined && port >= 0 ? [{ containerPort: port }] : undefined;
    const obj = deploymentObject(newMeta(name, ctx.namespace, { labels, ...saved }), replicas, {
      labels,
      containers: containers.map((c, i) => (i === 0 && firstPorts ? { ...c, ports: firstPorts } : c)),
    });
    if (!version.createSubcommandErrors)
      return createAll(ctx, [{ obj, source: '' }], createDeploymentVerb.flags);
    // 1.19+: a typed client's Create, its error wrapped (create_deployment.go Run).
    send(ctx.io, ctx.server, createRequest(obj, undefined, d.dryRun), (res) => {
      if (res.ok) {
        const output = flagString(ctx.flags, 'output');
        if (output !== undefined && res.object) {
          const wire = wireObject(res.object, labEpoch(ctx.io.shell.world.cluster), wireShown(ctx.io.shell));
          ctx.io.out(
            output === 'json'
              ? toJson(wire)
              : output === 'name'
                ? labelOf(obj)
                : toYaml(wire).replace(/\n$/, ''),
          );
        } else ctx.io.out(`${labelOf(obj)} created${dryRunSuffix(d.dryRun)}`);
        return ctx.io.exit(0);
      }
      if (res.reason === 'ConnectionRefused') return failWith(ctx, apiError(res, ctx.server));
      failWith(ctx, `error: failed to create deployment: ${res.message}`);
    });
  },
};
