// kubectl scale: a patch of spec.replicas. A bare pod has no scale subresource,
// hence the server's NotFound for "the requested resource" (k8s-facts §1.5).
import type { Deployment, KubeObject, ReplicaSet } from '../../sim/objects';
import { apiError, send } from './client';
import type { Verb } from './context';
import { failWith, filenameFlag, missingRequiredFlag } from './context';
import { loadFiles } from './files';
import { flagInt } from './flags';
import type { Target } from './resources';
import { kindName, readTargets, resourceOfKindName } from './resources';

export const scaleVerb: Verb = {
  name: 'scale',
  flags: [
    filenameFlag,
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
    { name: 'all', type: 'bool' },
  ],
  run(ctx) {
    // scale marks --replicas required: cobra refuses before the command runs.
    if (!ctx.flags.values.has('replicas')) return missingRequiredFlag(ctx, 'replicas');
    const replicas = flagInt(ctx.flags, 'replicas');
    if (replicas === undefined || replicas < 0) {
      return failWith(
        ctx,
        'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
      );
    }
    let targets: Target[];
    const files = ctx.flags.values.get('filename');
    if (files && files.length > 0) {
      const loaded = loadFiles(ctx.io, files);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      targets = loaded.objects.flatMap(({ obj }) =>
        obj ? [{ resource: resourceOfKindName[obj.kind] ?? 'pods', names: [obj.metadata.name] }] : [],
      );
    } else {
      const parsed = readTargets(ctx.args);
      if ('error' in parsed) return failWith(ctx, parsed.error);
      targets = parsed.targets;
    }
    const one = targets.flatMap((t) => t.names.map((name) => ({ resource: t.resource, name })));
    if (one.length === 0)
      return failWith(
        ctx,
        'error: resource(s) were provided, but no name, label selector, or --all flag specified',
      );
    const step = (i: number): void => {
      const t = one[i];
      if (!t) {
        ctx.io.exit(0);
        return;
      }
      if (t.resource !== 'deployments' && t.resource !== 'replicasets') {
        // Only scalable kinds have a /scale subresource; kubectl still asks, and the server answers 404.
        send(
          ctx.io,
          ctx.server,
          { verb: 'get', resource: t.resource, name: t.name, namespace: ctx.namespace },
          (res) => {
            if (!res.ok && res.reason === 'ConnectionRefused')
              return failWith(ctx, apiError(res, ctx.server));
            failWith(ctx, 'Error from server (NotFound): the server could not find the requested resource');
          },
        );
        return;
      }
      const patch = (cur: KubeObject): KubeObject =>
        cur.kind === 'Deployment' || cur.kind === 'ReplicaSet'
          ? ({ ...cur, spec: { ...cur.spec, replicas } } as Deployment | ReplicaSet)
          : cur;
      send(
        ctx.io,
        ctx.server,
        { verb: 'patch', resource: t.resource, name: t.name, namespace: ctx.namespace, patch },
        (res) => {
          if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
          ctx.io.out(`${kindName[t.resource]}/${t.name} scaled`);
          step(i + 1);
        },
      );
    };
    step(0);
  },
};
