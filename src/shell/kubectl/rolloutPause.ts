// kubectl rollout pause|resume (kubectl 1.18.4 pkg/cmd/rollout/rollout_pause.go,
// rollout_resume.go, polymorphichelpers objectpauser.go, objectresumer.go): a patch of
// spec.paused. Only Deployments can be paused; pausing a paused one (or resuming one
// that is not) is the helper's error, worded `error: <resource>.<group> "<name>" …`.
import type { KubeObject } from '../../sim/objects';
import type { Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import type { Target } from './mutate';
import { mutateEach } from './mutate';
import { groupResource, readTargets } from './resources';

function pauseVerb(pause: boolean): Verb {
  return {
    name: pause ? 'rollout pause' : 'rollout resume',
    flags: [filenameFlag, outputFlag],
    run(ctx) {
      if (ctx.args.length === 0) return failWith(ctx, 'error: required resource not specified');
      const parsed = readTargets(ctx.args);
      if ('error' in parsed) return failWith(ctx, parsed.error);
      const targets: Target[] = parsed.targets.flatMap((t) =>
        t.names.map((name) => ({ resource: t.resource, name })),
      );
      if (targets.length === 0)
        return failWith(
          ctx,
          'error: resource(s) were provided, but no name, label selector, or --all flag specified',
        );
      mutateEach(ctx, targets, 'none', (cur) => {
        const what = `${groupResource[targets.find((t) => t.name === cur.metadata.name)?.resource ?? 'deployments']} ${JSON.stringify(cur.metadata.name)}`;
        if (cur.kind !== 'Deployment')
          return { error: `error: ${what} ${pause ? 'pausing' : 'resuming'} is not supported` };
        if (pause && cur.spec.paused) return { error: `error: ${what} is already paused` };
        if (!pause && !cur.spec.paused) return { error: `error: ${what} is not paused` };
        return {
          word: pause ? 'paused' : 'resumed',
          patch: (o: KubeObject): KubeObject => {
            if (o.kind !== 'Deployment') return o;
            const { paused: _, ...spec } = o.spec;
            return { ...o, spec: pause ? { ...spec, paused: true } : spec };
          },
        };
      });
    },
  };
}

export const rolloutPauseVerbs: readonly Verb[] = [pauseVerb(true), pauseVerb(false)];
