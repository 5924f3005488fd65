// The scheduler's two phases as pure functions: filter out the nodes a pod cannot
// go to, then score the rest (least allocated first).
import type { Node, Pod, Taint, Toleration } from '../objects';
import { cpuMillis } from '../quantity';

/** The scheduler reserves the sum of the containers' CPU requests. */
export function podCpuRequest(pod: Pod): number {
  return pod.spec.containers.reduce((n, c) => n + cpuMillis(c.resources?.requests?.cpu), 0);
}

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some(
    (t) =>
      (t.operator === 'Exists' && !t.key) ||
      (t.key === taint.key && (!t.effect || t.effect === taint.effect)),
  );
}

export interface NodeLoad {
  readonly pods: number;
  readonly cpuMillis: number;
}

export type FilterReason =
  | { readonly kind: 'taint'; readonly taint: Taint }
  | { readonly kind: 'cpu' }
  | { readonly kind: 'pods' };

export function filterNode(node: Node, pod: Pod, load: NodeLoad): FilterReason | undefined {
  if (node.spec.unschedulable)
    return { kind: 'taint', taint: { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } };
  for (const taint of node.spec.taints) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!tolerates(pod.spec.tolerations, taint)) return { kind: 'taint', taint };
  }
  if (load.cpuMillis + podCpuRequest(pod) > cpuMillis(node.status.allocatable.cpu)) return { kind: 'cpu' };
  if (load.pods + 1 > Number(node.status.allocatable.pods ?? 0)) return { kind: 'pods' };
  return undefined;
}

/** LeastAllocated + BalancedAllocation, simplified: fewer pods and less CPU score higher (0..100). */
export function scoreNode(node: Node, load: NodeLoad): number {
  const cpuFree = 1 - load.cpuMillis / cpuMillis(node.status.allocatable.cpu);
  const podsFree = 1 - load.pods / Number(node.status.allocatable.pods ?? 0);
  return Math.round(50 * cpuFree + 50 * podsFree);
}

/** kube-scheduler's FailedScheduling message: '0/4 nodes are available: 1 node(s) had taint {...}, that the pod didn't tolerate.' */
export function unschedulableMessage(total: number, reasons: readonly FilterReason[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) {
    const text =
      r.kind === 'taint'
        ? `node(s) had taint {${r.taint.key}: }, that the pod didn't tolerate`
        : r.kind === 'cpu'
          ? 'Insufficient cpu'
          : 'Too many pods';
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const parts = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([t, n]) => (t.startsWith('node(s)') ? `${n} ${t}` : `${n} ${t}`));
  return `0/${total} nodes are available: ${parts.join(', ')}.`;
}
