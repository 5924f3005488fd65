// kubectl cordon, uncordon, taint and drain (kubectl 1.18.4 pkg/cmd/drain,
// pkg/drain, pkg/cmd/taint): spec.unschedulable and spec.taints patched through the
// API server, where the scheduler and the taint manager see them.

import { labelValueErrors, qualifiedNameErrors } from '../../sim/labelSelector';
import type { KubeObject, Node, Pod, Taint } from '../../sim/objects';
import { isMirrorPod } from '../../sim/objects';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith } from './context';
import type { DryRun } from './dryRun';
import { dryRunFlag, dryRunSuffix, readDryRun } from './dryRun';
import { flagBool, flagString } from './flags';
import type { Target } from './mutate';
import { mutateEach } from './mutate';

const selectorFlag = { name: 'selector', short: 'l', type: 'string' } as const;

function withUnschedulable(o: KubeObject, desired: boolean): KubeObject {
  if (o.kind !== 'Node') return o;
  const { unschedulable: _, ...spec } = o.spec;
  return { ...o, spec: desired ? { ...spec, unschedulable: true } : spec };
}

/** The nodes named, or those a -l selector lists. */
function nodeTargets(ctx: KubectlContext, use: string, found: (t: Target[]) => void) {
  const selector = flagString(ctx.flags, 'selector');
  if (selector !== undefined && ctx.args.length > 0)
    return failWith(ctx, 'error: error: cannot specify both a node name and a --selector option');
  if (selector === undefined) {
    if (ctx.args.length !== 1)
      return failWith(
        ctx,
        `error: USAGE: ${use} [flags]\nSee 'kubectl ${ctx.path} -h' for help and examples`,
      );
    return found([{ resource: 'nodes', name: ctx.args[0] as string }]);
  }
  send(ctx.io, ctx.server, { verb: 'list', resource: 'nodes', labelSelector: selector }, (res) => {
    if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
    found((res.items ?? []).map((n) => ({ resource: 'nodes', name: n.metadata.name })));
  });
}

function cordonVerb(name: 'cordon' | 'uncordon'): Verb {
  const desired = name === 'cordon';
  return {
    name,
    flags: [dryRunFlag, selectorFlag],
    run(ctx) {
      const d = readDryRun(ctx);
      if (!d.ok) return failWith(ctx, d.error);
      nodeTargets(ctx, `${name} NODE`, (targets) =>
        mutateEach(ctx, targets, d.dryRun, (o) => {
          const now = o.kind === 'Node' && !!o.spec.unschedulable;
          if (now === desired) return { word: `already ${name}ed` };
          return { word: `${name}ed`, patch: (cur) => withUnschedulable(cur, desired) };
        }),
      );
    },
  };
}

export const cordonVerbs = [cordonVerb('cordon'), cordonVerb('uncordon')];

const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** taint.ToString(): key=value:effect, key:effect, key=value or key. */
export function taintString(t: { key: string; value?: string; effect?: string }): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

type ParsedTaint = { key: string; value?: string; effect?: Taint['effect'] };

function parseTaint(st: string): ParsedTaint | { error: string } {
  const parts = st.split(':');
  let key: string;
  let value: string | undefined;
  let effect: Taint['effect'] | undefined;
  if (parts.length === 1) key = parts[0] as string;
  else if (parts.length === 2) {
    const e = parts[1] as string;
    if (!(effects as readonly string[]).includes(e))
      return { error: `invalid taint effect: ${e}, unsupported taint effect` };
    effect = e as Taint['effect'];
    const kv = (parts[0] as string).split('=');
    if (kv.length > 2) return { error: `invalid taint spec: ${st}` };
    key = kv[0] as string;
    if (kv.length === 2) {
      value = kv[1] as string;
      const errs = labelValueErrors(value);
      if (errs.length > 0) return { error: `invalid taint spec: ${st}, ${errs.join('; ')}` };
    }
  } else return { error: `invalid taint spec: ${st}` };
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) return { error: `invalid taint spec: ${st}, ${errs.join('; ')}` };
  return { key, ...(value ? { value } : {}), ...(effect ? { effect } : {}) };
}

const matchTaint = (a: { key: string; effect?: string }, b: Taint) =>
  a.key === b.key && a.effect === b.effect;

/** reorganizeTaints: the new taints first, then the old ones they do not replace, less the removed. */
function reorganize(
  old: readonly Taint[],
  add: readonly ParsedTaint[],
  remove: readonly ParsedTaint[],
  overwrite: boolean,
): { operation: string; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = add.map((t) => ({ ...t }) as Taint);
  for (const o of old) if (!taints.some((t) => matchTaint(o, t))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matchTaint(r, t) : t.key !== r.key));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

export const taintVerb: Verb = {
  name: 'taint',
  flags: [
    dryRunFlag,
    selectorFlag,
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'validate', type: 'bool' },
  ],
  run(ctx) {
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    const resources: string[] = [];
    const specs: string[] = [];
    for (const s of ctx.args) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
      if (isTaint) specs.push(s);
      else if (specs.length > 0)
        return failWith(ctx, `error: all resources must be specified before taint changes: ${s}`);
      else resources.push(s);
    }
    if (resources.length < 1)
      return failWith(ctx, 'error: one or more resources must be specified as <resource> <name>');
    if (specs.length < 1) return failWith(ctx, 'error: at least one taint update is required');
    const add: ParsedTaint[] = [];
    const remove: ParsedTaint[] = [];
    for (const s of specs) {
      const removing = s.endsWith('-');
      const t = parseTaint(removing ? s.slice(0, -1) : s);
      // parseTaints' errors are usage errors: cobra adds the help hint.
      if ('error' in t)
        return failWith(ctx, `error: ${t.error}\nSee 'kubectl taint -h' for help and examples`);
      if (removing) remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      else {
        if (!t.effect)
          return failWith(
            ctx,
            `error: invalid taint spec: ${s}\nSee 'kubectl taint -h' for help and examples`,
          );
        add.push(t);
      }
    }
    const type = (resources[0] as string).toLowerCase();
    if (type !== 'node' && type !== 'nodes')
      return failWith(
        ctx,
        `error: invalid resource type ${resources[0]}, only ["node" "nodes"] are supported`,
      );
    const conflicts = add.flatMap((a) =>
      remove
        .filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect))
        .map((r) => `{"${r.key}":"${r.effect ?? ''}"}`),
    );
    if (conflicts.length > 0)
      return failWith(
        ctx,
        `error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
      );
    const all = flagBool(ctx.flags, 'all');
    const selector = flagString(ctx.flags, 'selector');
    if (!all && selector === undefined && resources.length < 2)
      return failWith(
        ctx,
        "error: at least one resource name must be specified since 'all' parameter is not set",
      );
    const overwrite = flagBool(ctx.flags, 'overwrite');
    const run = (targets: Target[]) =>
      mutateEach(ctx, targets, d.dryRun, (o) => {
        if (o.kind !== 'Node') return { error: `error: unexpected type, expected Node` };
        if (!overwrite) {
          const exists = add.filter((a) =>
            o.spec.taints.some((t) => t.key === a.key && t.effect === a.effect),
          );
          if (exists.length > 0)
            return {
              error: `error: node ${o.metadata.name} already has ${exists.map((t) => t.key).join(',')} taint(s) with same effect(s) and --overwrite is false`,
            };
        }
        const r = reorganize(o.spec.taints, add, remove, overwrite);
        if (r.errors.length > 0)
          return { error: `error: ${r.errors.length === 1 ? r.errors[0] : `[${r.errors.join(', ')}]`}` };
        const patch = (cur: KubeObject): KubeObject =>
          cur.kind === 'Node'
            ? {
                ...cur,
                spec: { ...cur.spec, taints: reorganize(cur.spec.taints, add, remove, overwrite).taints },
              }
            : cur;
        return { word: r.operation, patch };
      });
    if (all || selector !== undefined) {
      send(
        ctx.io,
        ctx.server,
        { verb: 'list', resource: 'nodes', ...(selector ? { labelSelector: selector } : {}) },
        (res) => {
          if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
          run((res.items ?? []).map((n) => ({ resource: 'nodes', name: n.metadata.name })));
        },
      );
      return;
    }
    run(resources.slice(1).map((name) => ({ resource: 'nodes', name })));
  },
};

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
