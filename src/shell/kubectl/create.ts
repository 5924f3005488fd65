// kubectl create -f, apply -f, run and create deployment: objects built on the
// client, sent one by one, each answered by a line of the name printer.
import type { KubeObject } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { deploymentObject, newMeta, podObject } from '../manifest';
import { apiError, send, sendAll } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
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
  if (res.reason === 'ConnectionRefused' || !source || res.message.startsWith('error when'))
    return apiError(res, ctx.server);
  return `Error from server (${res.reason}): error when creating "${source}": ${res.message}`;
}

/** Sends creates in order; prints `<kind>/<name> created` for each success, errors at the end. */
function createAll(ctx: KubectlContext, items: readonly { obj: KubeObject; source?: string }[]): void {
  const errors: string[] = [];
  const reqs = items.map((i) => createRequest(inNamespace(i.obj, ctx), i.source));
  sendAll(
    ctx.io,
    ctx.server,
    reqs,
    (req, res, i) => {
      if (res.ok) ctx.io.out(`${kindName[req.resource]}/${req.body?.metadata.name} created`);
      else if (res.reason === 'ConnectionRefused') {
        failWith(ctx, apiError(res, ctx.server));
        return false;
      } else errors.push(createError(ctx, res, items[i]?.source));
      return true;
    },
    () => {
      for (const e of errors) ctx.io.err(e);
      ctx.io.exit(errors.length > 0 ? 1 : 0);
    },
  );
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
    createAll(ctx, [{ obj }]);
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
    outputFlag,
  ],
  run(ctx) {
    const name = ctx.args[0];
    if (!name)
      return failWith(ctx, "error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
    const image = flagString(ctx.flags, 'image');
    if (!image)
      return failWith(ctx, "error: --image is required\nSee 'kubectl run -h' for help and examples");
    const containers = [{ name, image }];
    const obj = podObject(newMeta(name, ctx.namespace, { labels: { run: name } }), {
      containers: containers.map((c) => ({ ...c })),
    });
    createAll(ctx, [{ obj }]);
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
    const items = loaded.objects.map((i) => ({ ...i, obj: inNamespace(i.obj, ctx) }));
    const errors: string[] = [];
    const step = (i: number): void => {
      const item = items[i];
      if (!item) {
        for (const e of errors) ctx.io.err(e);
        ctx.io.exit(errors.length > 0 ? 1 : 0);
        return;
      }
      const resource = resourceOfKindName[item.obj.kind] ?? 'pods';
      const { name, namespace } = item.obj.metadata;
      const label = `${kindName[resource]}/${name}`;
      send(
        ctx.io,
        ctx.server,
        { verb: 'get', resource, name, ...(namespace ? { namespace } : {}) },
        (res) => {
          if (!res.ok && res.reason === 'ConnectionRefused') return failWith(ctx, apiError(res, ctx.server));
          if (!res.ok || !res.object) {
            return send(ctx.io, ctx.server, createRequest(item.obj, item.source), (created) => {
              if (created.ok) ctx.io.out(`${label} created`);
              else errors.push(createError(ctx, created, item.source));
              step(i + 1);
            });
          }
          const current = res.object;
          if (desired(current) === desired(item.obj)) {
            ctx.io.out(`${label} unchanged`);
            return step(i + 1);
          }
          const req: ApiRequest = {
            verb: 'patch',
            resource,
            name,
            ...(namespace ? { namespace } : {}),
            patch: (cur) => merged(cur, item.obj),
          };
          send(ctx.io, ctx.server, req, (patched) => {
            if (patched.ok) ctx.io.out(`${label} configured`);
            else errors.push(apiError(patched, ctx.server));
            step(i + 1);
          });
        },
      );
    };
    step(0);
  },
};
