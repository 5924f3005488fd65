// The node lifecycle controller and the taint manager (in kube-controller-manager):
// every 5 s it looks for kubelets silent past the grace period (40 s in 1.18, 50 s since 1.32) (no lease renewal, no new status), marks their nodes
// Unknown and taints them; pods on NoExecute-tainted nodes go when their toleration ends.
import type { ApiClient } from '../client';
import { NODE_LEASE_NAMESPACE } from '../components/kubeletLease';
import { recordEvent } from '../events';
import type { Informer } from '../informer';
import type { KubeObject, Lease, Node, Pod } from '../objects';
import type { SimMs } from '../units';
import {
  evictionTime,
  markUnknown,
  NODE_MONITOR_GRACE_MS,
  podNotReady,
  readyCondition,
  withTaints,
} from './nodeLifecycle';

export interface NodeLifecycleDeps {
  readonly client: ApiClient;
  readonly now: () => SimMs;
  readonly nodes: Informer<Node>;
  /** The kubelets' node leases in kube-node-lease: a renewal is a heartbeat. */
  readonly leases: Informer<Lease>;
  readonly pods: Informer<Pod>;
  readonly synced: () => boolean;
  readonly isDeleting: (uid: string) => boolean;
  readonly deletePod: (p: Pod, about: KubeObject, reason: string, message: string, component: string) => void;
  /** --node-monitor-grace-period: 40 s in 1.18, 50 s since 1.32 (the lab's profile). */
  readonly nodeMonitorGraceMs?: number;
}

export class NodeLifecycleController {
  /**
   * When this process last saw each node's heartbeat, a new Ready heartbeat time or a later
   * lease renewal (it trusts its own clock, not the kubelet's: tryUpdateNodeHealth's probeTimestamp).
   */
  private readonly heard = new Map<string, { hb: number; renew: number | undefined; at: number }>();
  private readonly evictionTimers = new Set<string>();

  constructor(private readonly d: NodeLifecycleDeps) {}

  /** The process stopped: what it remembered is gone. */
  reset(): void {
    this.heard.clear();
    this.evictionTimers.clear();
  }

  /** Node lifecycle controller: every 5 s (node-monitor-period), look for silent kubelets. */
  monitorNodes(): void {
    if (!this.d.nodes.synced || !this.d.leases.synced) return;
    const now = this.d.now();
    for (const node of this.d.nodes.list()) {
      const name = node.metadata.name;
      const ready = readyCondition(node);
      const hb = ready?.lastHeartbeatTime ?? node.metadata.creationTimestamp;
      const renew = this.d.leases.cache.get(`${NODE_LEASE_NAMESPACE}/${name}`)?.spec.renewTime;
      const h = this.heard.get(name);
      // "Always update the probe time if node lease is renewed" (node_lifecycle_controller.go).
      const renewed = renew !== undefined && (h?.renew === undefined || renew > h.renew);
      if (!h || h.hb !== hb || renewed)
        this.heard.set(name, { hb, renew: renewed ? renew : h?.renew, at: now });
      const silentFor = now - (this.heard.get(name)?.at ?? now);
      let next = node;
      if (
        ready &&
        ready.status !== 'Unknown' &&
        silentFor > (this.d.nodeMonitorGraceMs ?? NODE_MONITOR_GRACE_MS)
      )
        next = markUnknown(next, now);
      next = withTaints(next, now);
      if (next === node) continue;
      const becameUnknown = next.status !== node.status;
      const taints = next.spec.taints;
      const conditions = next.status.conditions;
      this.d.client.request({
        verb: 'updateStatus',
        resource: 'nodes',
        name,
        patch: (o) =>
          o.kind === 'Node'
            ? {
                ...o,
                spec: { ...o.spec, taints },
                status: becameUnknown ? { ...o.status, conditions } : o.status,
              }
            : o,
      });
      if (becameUnknown) {
        recordEvent(
          this.d.client,
          now,
          node,
          'Normal',
          'NodeNotReady',
          `Node ${name} status is now: NodeNotReady`,
          { component: 'node-controller' },
        );
        for (const p of this.d.pods.list()) {
          if (p.spec.nodeName !== name) continue;
          this.d.client.request({
            verb: 'updateStatus',
            resource: 'pods',
            namespace: p.metadata.namespace ?? 'default',
            name: p.metadata.name,
            patch: (o) => (o.kind === 'Pod' ? podNotReady(o, now) : o),
          });
        }
      }
    }
  }

  /** Taint manager: pods on NoExecute-tainted nodes go when their toleration runs out. */
  evictPods(): void {
    if (!this.d.synced()) return;
    const now = this.d.now();
    const tainted = new Map<string, Node>();
    for (const n of this.d.nodes.list())
      if (n.spec.taints.some((t) => t.effect === 'NoExecute')) tainted.set(n.metadata.name, n);
    if (tainted.size === 0) return;
    for (const p of this.d.pods.list()) {
      const node = p.spec.nodeName === undefined ? undefined : tainted.get(p.spec.nodeName);
      if (!node) continue;
      if (p.metadata.deletionTimestamp !== undefined || this.d.isDeleting(p.metadata.uid)) continue;
      const at = evictionTime(p, node);
      if (at === undefined) continue;
      if (now < at) {
        // The taint manager times each eviction to the millisecond of its toleration's end.
        if (!this.evictionTimers.has(p.metadata.uid)) {
          this.evictionTimers.add(p.metadata.uid);
          this.d.client.later(at - now, () => {
            this.evictionTimers.delete(p.metadata.uid);
            this.evictPods();
          });
        }
        continue;
      }
      const ns = p.metadata.namespace ?? 'default';
      this.d.deletePod(
        p,
        p,
        'TaintManagerEviction',
        `Marking for deletion Pod ${ns}/${p.metadata.name}`,
        'taint-controller',
      );
    }
  }
}
export type { SimMs };
