// kubectl create -f, apply -f, run and create deployment: objects built on the
// client, sent one by one, each answered by a line of the name printer.
import type { KubeObject } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { deploymentObject, newMeta, podObject } from '../manifest';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import type { FileObject } from './files';
import { loadFiles } from './files';
import { flagString } from './flags';
import { kindName, resourceOfKindName } from './resources';

function inNamespace(obj: KubeObject, ctx: KubectlContext): KubeObject {
  if (obj.kind === 'Node') return obj;
  const explicit = flagString(ctx.flags, 'namespace');
  const ns =
    explicit ??
    (obj.metadata.namespace && obj.metadata.namespace !== 'default' ? obj.metadata.namespace : ctx.namespace);
  return { ...obj, metadata: { ...obj.metadata, namespace: ns } } as KubeObject;
}

function createRequest(obj: KubeObject, source?: string): ApiRequest {
  return {
    verb: 'create',
    resource: resourceOfKindName[obj.kind] ?? 'pods',
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    body: obj,
    ...(source ? { source } : {}),
  };
}

/** `Error from server (AlreadyExists): error when creating "<file>": pods "x" already exists`. */
function createError(
  ctx: KubectlContext,
  res: Parameters<typeof apiError>[0],
  source: string | undefined,
): string {
  if (
    res.reason === 'ConnectionRefused' ||
    res.reason === 'Invalid' ||
    !source ||
    res.message.startsWith('error when')
  )
    return apiError(res, ctx.server);
  return `Error from server (${res.reason}): error when creating "${source}": ${res.message}`;
}

type Outcome =
  | { readonly word: string; readonly label: string }
  | { readonly error: string }
  | { readonly refused: string };

/**
 * Handles a file's objects in order, one request at a time. Objects the lab does not
 * model (Calico's ConfigMap, CRDs) are printed with the outcome of the next modelled one.
 */
function inOrder(
  ctx: KubectlContext,
  items: readonly FileObject[],
  handle: (obj: KubeObject, source: string | undefined, done: (o: Outcome) => void) => void,
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
    handle(inNamespace(item.obj, ctx), item.source, (o) => {
      if ('refused' in o) {
        failWith(ctx, o.refused);
        return;
      }
      if ('error' in o) {
        pending = [];
        errors.push(o.error);
      } else {
        last = o.word;
        flush(o.word);
        ctx.io.out(`${o.label} ${o.word}`);
      }
      step(i + 1);
    });
  };
  step(0);
}

function labelOf(obj: KubeObject): string {
  return `${kindName[resourceOfKindName[obj.kind] ?? 'pods']}/${obj.metadata.name}`;
}

/** Sends creates in order; prints `<kind>/<name> created` for each success, errors at the end. */
function createAll(ctx: KubectlContext, items: readonly FileObject[]): void {
  inOrder(ctx, items, (obj, source, done) => {
    send(ctx.io, ctx.server, createRequest(obj, source), (res) => {
      if (res.ok) done({ word: 'created', label: labelOf(obj) });
      else if (res.reason === 'ConnectionRefused') done({ refused: apiError(res, ctx.server) });
      else done({ error: createError(ctx, res, source) });
    });
  });
}

export const createVerb: Verb = {
  name: 'create',
  flags: [
    filenameFlag,
    outputFlag,
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'bool' },
    { name: 'dry-run', type: 'string' },
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
    const loaded = loadFiles(ctx.io, files);
    if (!loaded.ok) return failWith(ctx, loaded.error);
    createAll(ctx, loaded.objects);
  },
};

export const createDeploymentVerb: Verb = {
  name: 'create deployment',
  flags: [
    { name: 'image', type: 'strings' },
    outputFlag,
    { name: 'dry-run', type: 'string' },
    { name: 'save-config', type: 'bool' },
  ],
  run(ctx) {
    if (ctx.args.length !== 1) {
      return failWith(
        ctx,
        `error: exactly one NAME is required, got ${ctx.args.length}\nSee 'kubectl create deployment -h' for help and examples`,
      );
    }
    const images = ctx.flags.values.get('image') ?? [];
    if (images.length === 0) return failWith(ctx, 'error: required flag(s) "image" not set');
    const name = ctx.args[0] as string;
    const labels = { app: name };
    const containers = images.map((image) => ({
      name: (image.split('/').pop() ?? image).split(':')[0] ?? image,
      image,
    }));
    const obj = deploymentObject(newMeta(name, ctx.namespace, { labels }), 1, { labels, containers });
    createAll(ctx, [{ obj, source: '' }]);
  },
};

export const runVerb: Verb = {
  name: 'run',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'dry-run', type: 'string' },
    { name: 'command', type: 'bool' },
    { name: 'env', type: 'strings' },
    { name: 'image-pull-policy', type: 'string' },
    outputFlag,
  ],
  run(ctx) {
    const name = ctx.args[0];
    if (!name)
      return failWith(ctx, "error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
    const image = flagString(ctx.flags, 'image');
    if (!image)
      return failWith(ctx, "error: --image is required\nSee 'kubectl run -h' for help and examples");
    const restart = flagString(ctx.flags, 'restart') ?? 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart))
      return failWith(
        ctx,
        `error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples`,
      );
    const rest = ctx.args.slice(1);
    const pull = flagString(ctx.flags, 'image-pull-policy');
    const container = {
      name,
      image,
      ...(rest.length > 0 ? (ctx.flags.values.has('command') ? { command: rest } : { args: rest }) : {}),
      ...(pull ? { imagePullPolicy: pull } : {}),
    };
    const obj = podObject(newMeta(name, ctx.namespace, { labels: { run: name } }), {
      containers: [container],
      restartPolicy: restart,
    });
    createAll(ctx, [{ obj, source: '' }]);
  },
};

/** What apply compares: the fields a manifest sets, not what the cluster filled in. */
function desired(o: KubeObject): string {
  switch (o.kind) {
    case 'Pod':
      return JSON.stringify(o.spec.containers.map((c) => [c.name, c.image]));
    case 'Deployment':
    case 'ReplicaSet':
      return JSON.stringify([
        o.spec.replicas,
        o.spec.template.labels,
        o.spec.template.containers.map((c) => [c.name, c.image]),
      ]);
    case 'DaemonSet':
      return JSON.stringify(o.spec.template.containers.map((c) => [c.name, c.image]));
    default:
      return JSON.stringify(o.metadata.labels ?? {});
  }
}

function merged(current: KubeObject, wanted: KubeObject): KubeObject {
  if (!('spec' in current) || !('spec' in wanted)) return current;
  return { ...current, spec: { ...current.spec, ...wanted.spec } } as KubeObject;
}

export const applyVerb: Verb = {
  name: 'apply',
  flags: [filenameFlag, outputFlag, { name: 'validate', type: 'bool' }, { name: 'dry-run', type: 'string' }],
  run(ctx) {
    const files = ctx.flags.values.get('filename');
    if (!files || files.length === 0)
      return failWith(
        ctx,
        "error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples",
      );
    const loaded = loadFiles(ctx.io, files);
    if (!loaded.ok) return failWith(ctx, loaded.error);
    inOrder(ctx, loaded.objects, (obj, source, done) => {
      const resource = resourceOfKindName[obj.kind] ?? 'pods';
      const { name, namespace } = obj.metadata;
      const where = { resource, name, ...(namespace ? { namespace } : {}) };
      const label = labelOf(obj);
      send(ctx.io, ctx.server, { verb: 'get', ...where }, (res) => {
        if (!res.ok && res.reason === 'ConnectionRefused')
          return done({ refused: apiError(res, ctx.server) });
        if (!res.ok || !res.object) {
          return send(ctx.io, ctx.server, createRequest(obj, source), (created) => {
            done(created.ok ? { word: 'created', label } : { error: createError(ctx, created, source) });
          });
        }
        if (desired(res.object) === desired(obj)) return done({ word: 'unchanged', label });
        const req: ApiRequest = { verb: 'patch', ...where, patch: (cur) => merged(cur, obj) };
        send(ctx.io, ctx.server, req, (patched) => {
          done(patched.ok ? { word: 'configured', label } : { error: apiError(patched, ctx.server) });
        });
      });
    });
  },
};
