// The node lifecycle controller's rules as pure functions (kube-controller-manager
// defaults of 1.18: node-monitor-grace-period 40 s, pod tolerations 300 s).

import { tolerates } from '../components/scoreNodes';
import type { Condition, Node, Pod, Taint } from '../objects';
import type { SimMs } from '../units';

export const NODE_MONITOR_GRACE_MS = 40_000;

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';

/** The conditions the kubelet posts, and the node lifecycle controller marks Unknown when it falls silent. */
export const KUBELET_CONDITIONS: ReadonlySet<string> = new Set([
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
  'Ready',
]);

export function readyCondition(node: Node): Condition | undefined {
  return node.status.conditions.find((c) => c.type === 'Ready');
}

/** The kubelet has been silent past the grace period: every condition becomes Unknown. */
export function markUnknown(node: Node, now: SimMs): Node {
  // Only the kubelet's own conditions: Calico's NetworkUnavailable stays as Calico wrote it.
  const conditions = node.status.conditions.map((c) =>
    !KUBELET_CONDITIONS.has(c.type)
      ? c
      : {
          ...c,
          status: 'Unknown' as const,
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: now,
        },
  );
  return { ...node, status: { ...node.status, conditions } };
}

/** The taints a node should carry for its Ready condition (TaintNodesByCondition + taint-based eviction). */
export function wantedTaints(node: Node): { key: string; effect: Taint['effect'] }[] {
  const ready = readyCondition(node)?.status;
  if (ready === 'Unknown')
    return [
      { key: UNREACHABLE, effect: 'NoSchedule' },
      { key: UNREACHABLE, effect: 'NoExecute' },
    ];
  if (ready === 'False' || ready === undefined)
    return [
      { key: NOT_READY, effect: 'NoSchedule' },
      { key: NOT_READY, effect: 'NoExecute' },
    ];
  return [];
}

export function withTaints(node: Node, now: SimMs): Node {
  const wanted = wantedTaints(node);
  const managed = (t: Taint) => t.key === UNREACHABLE || t.key === NOT_READY;
  const kept = node.spec.taints.filter(
    (t) => !managed(t) || wanted.some((w) => w.key === t.key && w.effect === t.effect),
  );
  const added = wanted
    .filter((w) => !kept.some((t) => t.key === w.key && t.effect === w.effect))
    .map((w) => ({ ...w, ...(w.effect === 'NoExecute' ? { timeAdded: now } : {}) }));
  if (added.length === 0 && kept.length === node.spec.taints.length) return node;
  return { ...node, spec: { ...node.spec, taints: [...kept, ...added] } };
}

/** When the taint manager evicts a pod from a node with NoExecute taints; undefined: never. */
export function evictionTime(pod: Pod, node: Node): number | undefined {
  let at: number | undefined;
  for (const taint of node.spec.taints) {
    if (taint.effect !== 'NoExecute') continue;
    const tol = pod.spec.tolerations.find((t) => tolerates([t], taint));
    if (!tol) return taint.timeAdded ?? 0;
    if (tol.tolerationSeconds === undefined) continue;
    const due = (taint.timeAdded ?? 0) + tol.tolerationSeconds * 1000;
    at = at === undefined ? due : Math.min(at, due);
  }
  return at;
}

export function podNotReady(pod: Pod, now: SimMs): Pod {
  const conditions = pod.status.conditions.map((c) =>
    c.type === 'Ready' && c.status === 'True'
      ? { ...c, status: 'False' as const, lastTransitionTime: now }
      : c,
  );
  return { ...pod, status: { ...pod.status, conditions } };
}
