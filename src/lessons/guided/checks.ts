// A step's `doneWhen` read against the lab: pure functions of the cluster's read
// models and of what the student typed, so a check gives the same answer in the
// page, in the walker test and after a replay.
import type { SimCluster } from '../../sim';
import type { Check } from './types';

/** One line the student typed, with what it printed so far. */
export interface TypedLine {
  readonly host: string;
  readonly line: string;
  readonly output: readonly string[];
}

/** What a check reads of the lab: the live cluster (the walker), or the moment on screen (the page). */
export type CheckedLab = Pick<SimCluster, 'pods' | 'nodes' | 'components' | 'faults'>;

export interface CheckContext {
  readonly cluster: CheckedLab;
  readonly typed: readonly TypedLine[];
}

const ns = (namespace: string | undefined) => namespace ?? 'default';

export function evaluate(check: Check, ctx: CheckContext): boolean {
  if ('all' in check) return check.all.every((c) => evaluate(c, ctx));
  if ('any' in check) return check.any.some((c) => evaluate(c, ctx));
  if ('pod' in check) {
    const pod = ctx.cluster.pods().find((p) => p.namespace === ns(check.namespace) && p.name === check.pod);
    if (!pod) return false;
    return (
      (check.status === undefined || pod.status === check.status) &&
      (check.node === undefined || pod.node === check.node) &&
      (check.restartsAtLeast === undefined || pod.restarts >= check.restartsAtLeast)
    );
  }
  if ('podPrefix' in check) {
    const n = ctx.cluster
      .pods()
      .filter(
        (p) =>
          p.namespace === ns(check.namespace) &&
          p.name.startsWith(check.podPrefix) &&
          (check.status === undefined || p.status === check.status),
      ).length;
    // `count` is exact: "3 Running" after a scale to 3, not 4 while one is still going.
    return check.count === undefined ? n > 0 : n === check.count;
  }
  if ('podGone' in check) {
    return !ctx.cluster.pods().some((p) => p.namespace === ns(check.namespace) && p.name === check.podGone);
  }
  if ('ready' in check) {
    const node = ctx.cluster.nodes().find((n) => n.metadata.name === check.node);
    // A node that never registered has no Ready condition: kubectl shows it nowhere, so nothing matches.
    const ready = node?.status.conditions.find((c) => c.type === 'Ready');
    return ready !== undefined && ready.status === check.ready;
  }
  if ('nodesReady' in check) {
    const ready = ctx.cluster
      .nodes()
      .filter((n) => n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    return ready >= check.nodesReady;
  }
  if ('component' in check) {
    return ctx.cluster.components().some((c) => c.id === check.component && c.state === check.state);
  }
  if ('fault' in check) {
    const inForce = ctx.cluster
      .faults()
      .some((f) => f.id === check.fault && (check.target === undefined || f.target === check.target));
    return inForce === (check.active ?? true);
  }
  if ('typed' in check) {
    return ctx.typed.some(
      (t) => (check.host === undefined || t.host === check.host) && t.line.includes(check.typed),
    );
  }
  if ('printed' in check) {
    return ctx.typed.some(
      (t) =>
        (check.host === undefined || t.host === check.host) &&
        t.output.some((l) => l.includes(check.printed)),
    );
  }
  return false;
}

/** A check in a line, for a failing test or a teacher's error list. */
export function describeCheck(check: Check): string {
  return JSON.stringify(check);
}
