// kubectl set image (kubectl 1.18.4 pkg/cmd/set/set_image.go): the container
// images of a Deployment's template changed through the API server, so the
// deployment controller rolls a new ReplicaSet out.
import { CHANGE_CAUSE } from '../../sim/controllers/rollout';
import type { PodTemplate } from '../../sim/objects';
import type { Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import { changeCause, dryRunFlag, readDryRun, recordFlag } from './dryRun';
import { flagBool } from './flags';
import { mutateEach, splitPairs } from './mutate';
import { readTargets } from './resources';

export const setImageVerb: Verb = {
  name: 'set image',
  flags: [
    filenameFlag,
    outputFlag,
    dryRunFlag,
    recordFlag,
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'local', type: 'bool' },
  ],
  run(ctx) {
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    const split = splitPairs(ctx.args, 'image');
    if ('error' in split) return failWith(ctx, split.error);
    if (split.resources.length === 0)
      return failWith(
        ctx,
        'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
      );
    if (split.pairs.length === 0) return failWith(ctx, 'error: at least one image update is required');
    const images = new Map<string, string>();
    const bad = split.pairs.filter((p) => p.indexOf('=') <= 0);
    if (bad.length > 0) return failWith(ctx, `error: invalid image format: ${bad.join(', ')}`);
    for (const p of split.pairs) images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
    if (images.has('*') && images.size > 1)
      return failWith(
        ctx,
        'error: all containers are already specified by *, but saw more than one container_name=container_image pairs',
      );
    const parsed = readTargets(split.resources);
    if ('error' in parsed) return failWith(ctx, parsed.error);
    const targets = parsed.targets.flatMap((x) => x.names.map((name) => ({ resource: x.resource, name })));
    const other = targets.find((x) => x.resource !== 'deployments');
    if (other)
      return failWith(
        ctx,
        `error: podscope: set image on ${other.resource} is not simulated (deployments are)`,
      );
    const cause = flagBool(ctx.flags, 'record') ? changeCause(ctx, setImageVerb.flags) : undefined;
    const setImages = (t: PodTemplate): PodTemplate => ({
      ...t,
      containers: t.containers.map((c) => {
        const image = images.get(c.name) ?? images.get('*');
        return image === undefined ? c : { ...c, image };
      }),
    });
    mutateEach(ctx, targets, d.dryRun, (o) => {
      if (o.kind !== 'Deployment') return { error: 'error: not a deployment' };
      const missing = [...images.keys()].filter(
        (n) => n !== '*' && !o.spec.template.containers.some((c) => c.name === n),
      );
      if (missing.length > 0)
        return { error: `error: unable to find container named ${JSON.stringify(missing[0])}` };
      const same = JSON.stringify(setImages(o.spec.template)) === JSON.stringify(o.spec.template);
      // An empty patch is not sent and prints nothing; --record alone still changes the object.
      if (same && !cause) return { word: '' };
      return {
        word: 'image updated',
        patch: (cur) =>
          cur.kind === 'Deployment'
            ? {
                ...cur,
                metadata: cause
                  ? { ...cur.metadata, annotations: { ...cur.metadata.annotations, [CHANGE_CAUSE]: cause } }
                  : cur.metadata,
                spec: { ...cur.spec, template: setImages(cur.spec.template) },
              }
            : cur,
      };
    });
  },
};
