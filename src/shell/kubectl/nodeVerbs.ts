// kubectl cordon, uncordon, taint and drain (kubectl 1.18.4 pkg/cmd/drain,
// pkg/drain, pkg/cmd/taint): spec.unschedulable and spec.taints patched through the
// API server, where the scheduler and the taint manager see them.

import { labelValueErrors, qualifiedNameErrors } from '../../sim/labelSelector';
import type { KubeObject, Taint } from '../../sim/objects';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith } from './context';
import { dryRunFlag, readDryRun } from './dryRun';
import { flagBool, flagString } from './flags';
import type { Target } from './mutate';
import { mutateEach } from './mutate';

const selectorFlag = { name: 'selector', short: 'l', type: 'string' } as const;

export function withUnschedulable(o: KubeObject, desired: boolean): KubeObject {
  if (o.kind !== 'Node') return o;
  const { unschedulable: _, ...spec } = o.spec;
  return { ...o, spec: desired ? { ...spec, unschedulable: true } : spec };
}

/** The nodes named, or those a -l selector lists. */
export function nodeTargets(ctx: KubectlContext, use: string, found: (t: Target[]) => void) {
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
