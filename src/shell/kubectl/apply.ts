// kubectl apply -f: create what is missing, patch what differs, leave the rest
// ("unchanged"), one object at a time in file order.
import type { KubeObject } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import { createError, createRequest, inOrder, labelOf, recorded } from './create';
import type { DryRun } from './dryRun';
import { dryRunFlag, dryRunSuffix, readDryRun, recordFlag } from './dryRun';
import type { FileObject } from './files';
import { loadFiles, validating, withStdin } from './files';
import { resourceOfKindName } from './resources';

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
    case 'Service':
      return JSON.stringify([
        o.metadata.labels ?? {},
        o.spec.type ?? 'ClusterIP',
        o.spec.selector ?? {},
        o.spec.ports.map((p) => [p.name ?? '', p.port, p.targetPort ?? p.port]),
      ]);
    default:
      return JSON.stringify(o.metadata.labels ?? {});
  }
}

function merged(current: KubeObject, wanted: KubeObject): KubeObject {
  // A Service keeps the ClusterIP and node ports it was given unless the manifest names them.
  if (current.kind === 'Service' && wanted.kind === 'Service') {
    const ports = wanted.spec.ports.map((p) => {
      const had = current.spec.ports.find((c) => c.port === p.port && c.protocol === p.protocol);
      return {
        ...p,
        targetPort: p.targetPort ?? p.port,
        ...(p.nodePort === undefined && had?.nodePort && wanted.spec.type !== 'ClusterIP'
          ? { nodePort: had.nodePort }
          : {}),
      };
    });
    return {
      ...current,
      metadata: {
        ...current.metadata,
        ...(wanted.metadata.labels ? { labels: wanted.metadata.labels } : {}),
      },
      spec: {
        ...current.spec,
        ...wanted.spec,
        clusterIP: wanted.spec.clusterIP || current.spec.clusterIP,
        ports,
      },
    };
  }
  if (!('spec' in current) || !('spec' in wanted)) return current;
  return { ...current, spec: { ...current.spec, ...wanted.spec } } as KubeObject;
}

/** Applies each object in file order: create what is missing, patch what differs. */
function applyAll(ctx: KubectlContext, objects: readonly FileObject[], dryRun: DryRun): void {
  const d = { dryRun };
  const suffix = dryRunSuffix(dryRun);
  inOrder(ctx, objects, (sent, source, done) => {
    const obj = recorded(ctx, sent, applyVerb.flags);
    const resource = resourceOfKindName[obj.kind] ?? 'pods';
    const { name, namespace } = obj.metadata;
    const where = { resource, name, ...(namespace ? { namespace } : {}) };
    const label = labelOf(obj);
    send(ctx.io, ctx.server, { verb: 'get', ...where }, (res) => {
      if (!res.ok && res.reason === 'ConnectionRefused') return done({ refused: apiError(res, ctx.server) });
      if (!res.ok || !res.object) {
        if (d.dryRun === 'client') return done({ word: `created${suffix}`, label });
        return send(ctx.io, ctx.server, createRequest(obj, source, d.dryRun), (created) => {
          done(
            created.ok ? { word: `created${suffix}`, label } : { error: createError(ctx, created, source) },
          );
        });
      }
      if (desired(res.object) === desired(obj)) return done({ word: `unchanged${suffix}`, label });
      // A dry run of the patch changes nothing (the server's dry run is not modelled past admission).
      if (d.dryRun !== 'none') return done({ word: `configured${suffix}`, label });
      const req: ApiRequest = { verb: 'patch', ...where, patch: (cur) => merged(cur, obj) };
      send(ctx.io, ctx.server, req, (patched) => {
        done(patched.ok ? { word: 'configured', label } : { error: apiError(patched, ctx.server) });
      });
    });
  });
}

export const applyVerb: Verb = {
  name: 'apply',
  flags: [filenameFlag, outputFlag, { name: 'validate', type: 'bool' }, dryRunFlag, recordFlag],
  run(ctx) {
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    const files = ctx.flags.values.get('filename');
    if (!files || files.length === 0)
      return failWith(
        ctx,
        "error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples",
      );
    withStdin(ctx.io, files, (stdin) => {
      const loaded = loadFiles(ctx.io, files, validating(ctx.flags.values), stdin);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      applyAll(ctx, loaded.objects, d.dryRun);
    });
  },
};
