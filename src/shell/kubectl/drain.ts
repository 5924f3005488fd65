// kubectl drain (kubectl 1.18.4 pkg/cmd/drain/drain.go, pkg/drain): cordon, list
// the node's pods, refuse or warn as the filters say, evict each and wait for it.
import type { Node, Pod } from '../../sim/objects';
import { isMirrorPod } from '../../sim/objects';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith } from './context';
import type { DryRun } from './dryRun';
import { dryRunFlag, dryRunSuffix, readDryRun } from './dryRun';
import { flagBool } from './flags';
import { nodeTargets, withUnschedulable } from './nodeVerbs';

const selectorFlag = { name: 'selector', short: 'l', type: 'string' } as const;

const DS_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DS_WARNING = 'ignoring DaemonSet-managed Pods';
const UNMANAGED_FATAL =
  'Pods not managed by ReplicationController, ReplicaSet, Job, DaemonSet or StatefulSet (use --force to override)';
const UNMANAGED_WARNING =
  'deleting Pods not managed by ReplicationController, ReplicaSet, Job, DaemonSet or StatefulSet';

type Verdict = { delete: boolean; warning?: string; error?: string };

/** pkg/drain filters.go, in its order: deleted, DaemonSet, mirror, local storage, unreplicated. */
function filterPod(p: Pod, ignoreDaemonSets: boolean, force: boolean): Verdict {
  const owner = p.metadata.ownerReferences?.[0];
  const finished = p.status.phase === 'Succeeded' || p.status.phase === 'Failed';
  if (owner?.kind === 'DaemonSet' && !finished) {
    if (!ignoreDaemonSets) return { delete: false, error: DS_FATAL };
    return { delete: false, warning: DS_WARNING };
  }
  if (isMirrorPod(p)) return { delete: false };
  if (finished || owner) return { delete: true };
  if (force) return { delete: true, warning: UNMANAGED_WARNING };
  return { delete: false, error: UNMANAGED_FATAL };
}

/** podDeleteList.Warnings()/errors(): pods grouped by message, `ns/name` joined by ", ". */
function grouped(items: readonly { pod: Pod; text?: string }[]): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const { pod, text } of items) {
    if (!text) continue;
    const list = by.get(text) ?? [];
    list.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
    by.set(text, list);
  }
  return [...by.entries()];
}

export const drainVerb: Verb = {
  name: 'drain',
  flags: [
    dryRunFlag,
    selectorFlag,
    { name: 'force', type: 'bool' },
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-local-data', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'string' },
    { name: 'pod-selector', type: 'string' },
    { name: 'disable-eviction', type: 'bool' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' },
  ],
  run(ctx) {
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    const ignoreDs = flagBool(ctx.flags, 'ignore-daemonsets');
    const force = flagBool(ctx.flags, 'force');
    nodeTargets(ctx, 'drain NODE', (targets) => {
      const t = targets[0];
      if (!t) return ctx.io.exit(0);
      cordonThenDrain(ctx, t.name, d.dryRun, ignoreDs, force);
    });
  },
};

function cordonThenDrain(
  ctx: KubectlContext,
  node: string,
  dryRun: DryRun,
  ignoreDs: boolean,
  force: boolean,
): void {
  const io = ctx.io;
  const suffix = dryRunSuffix(dryRun);
  send(io, ctx.server, { verb: 'get', resource: 'nodes', name: node }, (res) => {
    if (!res.ok || res.object?.kind !== 'Node')
      return failWith(ctx, res.ok ? 'error: not a node' : apiError(res, ctx.server));
    const n: Node = res.object;
    const drainPods = () => {
      const query = {
        verb: 'list',
        resource: 'pods',
        allNamespaces: true,
        fieldSelector: `spec.nodeName=${node}`,
      } as const;
      send(io, ctx.server, query, (list) => {
        if (!list.ok) return failWith(ctx, apiError(list, ctx.server));
        const pods = (list.items ?? []).filter((o): o is Pod => o.kind === 'Pod');
        const verdicts = pods.map((pod) => ({ pod, v: filterPod(pod, ignoreDs, force) }));
        const errors = grouped(
          verdicts.map(({ pod, v }) => ({ pod, ...(v.error ? { text: v.error } : {}) })),
        );
        if (errors.length > 0) {
          io.err(
            `error: unable to drain node "${node}", aborting command...\n\nThere are pending nodes to be drained:\n ${node}`,
          );
          const texts = errors.map(([m, ps]) => `cannot delete ${m}: ${ps.join(', ')}`);
          io.err(`error: ${texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`}`);
          return io.exit(1);
        }
        const warnings = grouped(
          verdicts.map(({ pod, v }) => ({ pod, ...(v.warning ? { text: v.warning } : {}) })),
        );
        if (warnings.length > 0)
          io.err(`WARNING: ${warnings.map(([m, ps]) => `${m}: ${ps.join(', ')}`).join('; ')}`);
        const doomed = verdicts.filter(({ v }) => v.delete).map(({ pod }) => pod);
        if (dryRun === 'client') {
          for (const p of doomed) io.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)`);
          io.out(`node/${node} drained${suffix}`);
          return io.exit(0);
        }
        evictAll(ctx, doomed, dryRun, () => {
          io.out(`node/${node} drained${suffix}`);
          io.exit(0);
        });
      });
    };
    if (n.spec.unschedulable) {
      io.out(`node/${node} already cordoned${suffix}`);
      return drainPods();
    }
    if (dryRun !== 'none') {
      io.out(`node/${node} cordoned${suffix}`);
      return drainPods();
    }
    send(
      io,
      ctx.server,
      { verb: 'patch', resource: 'nodes', name: node, patch: (o) => withUnschedulable(o, true) },
      (p) => {
        if (!p.ok) {
          io.err(`error: unable to cordon node "${node}": ${apiError(p, ctx.server)}`);
          return drainPods();
        }
        io.out(`node/${node} cordoned`);
        drainPods();
      },
    );
  });
}

/**
 * Every pod is evicted at once (one goroutine each), then each is waited for, polled
 * every second, until it is gone: `pod/<name> evicted` as each one goes. The lab has no
 * eviction subresource (nor PodDisruptionBudgets to refuse one): an eviction is the
 * graceful delete the API server does for it.
 */
function evictAll(ctx: KubectlContext, pods: readonly Pod[], dryRun: DryRun, done: () => void) {
  const io = ctx.io;
  if (pods.length === 0) return done();
  for (const p of pods)
    io.out(
      `evicting pod ${p.metadata.namespace}/${p.metadata.name}${dryRun === 'server' ? ' (server dry run)' : ''}`,
    );
  if (dryRun === 'server') return done();
  let left = pods.length;
  const world = io.shell.world;
  for (const p of pods) {
    const where = {
      resource: 'pods',
      namespace: p.metadata.namespace ?? 'default',
      name: p.metadata.name,
    } as const;
    send(io, ctx.server, { verb: 'delete', ...where }, () => {
      const poll = () => {
        send(io, ctx.server, { verb: 'get', ...where }, (res) => {
          const gone =
            (!res.ok && res.reason === 'NotFound') || (res.ok && res.object?.metadata.uid !== p.metadata.uid);
          if (!gone) {
            io.onInterrupt(world.after(1000, poll));
            return;
          }
          io.out(`pod/${p.metadata.name} evicted`);
          left -= 1;
          if (left === 0) done();
        });
      };
      io.onInterrupt(world.after(1000, poll));
    });
  }
}
