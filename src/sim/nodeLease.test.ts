// The kubelet's heartbeat as 1.18 sends it with the NodeLease feature: it renews its Lease
// in kube-node-lease every 10 s (a quarter of the 40 s lease), posts its node's status only
// when it changes or once a minute, and the node lifecycle controller turns a node NotReady
// 40 s after the last renewal it saw (pkg/kubelet/nodelease, kubelet_node_status.go,
// node_lifecycle_controller.go; docs/FACTS-kubectl.md §19).
import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import type { Lease } from './objects';
import { advance, nodeReady } from './testing/fixtures';

const lease = (c: ReturnType<typeof createCluster>, node: string): Lease | undefined =>
  c.leases().find((l) => l.metadata.name === node);

const sentBy = (c: ReturnType<typeof createCluster>, from: string, kind: string, after = 0) =>
  c.trace.all().filter((e) => e.from === from && e.kind === kind && e.sentAt >= after);

describe('node leases', () => {
  it('the ready lab has one lease per node, held by it and owned by its Node', () => {
    const c = createCluster({ seed: 3 });
    const nodes = c.nodes();
    expect(c.leases().map((l) => [l.metadata.namespace, l.metadata.name, l.spec.holderIdentity])).toEqual(
      nodes.map((n) => ['kube-node-lease', n.metadata.name, n.metadata.name]),
    );
    for (const l of c.leases()) {
      const owner = nodes.find((n) => n.metadata.name === l.metadata.name);
      expect(l.spec.leaseDurationSeconds).toBe(40);
      expect(l.metadata.ownerReferences).toEqual([
        { kind: 'Node', name: l.metadata.name, uid: owner?.metadata.uid },
      ]);
    }
  });

  it('is renewed every 10 s; the node status is posted once a minute when nothing changes', () => {
    const c = createCluster({ seed: 3 });
    advance(c, 5 * 60 + 1);
    const renewals = sentBy(c, 'kubelet@w1-k8s', 'api.update.leases');
    // At start a GET (it holds no lease yet), the PUT on its answer, then a PUT every 10 s.
    expect(renewals[0]?.sentAt).toBeLessThan(100);
    expect(renewals.slice(1).map((e) => e.sentAt)).toEqual(
      Array.from({ length: 30 }, (_, i) => (i + 1) * 10_000),
    );
    expect(sentBy(c, 'kubelet@w1-k8s', 'api.get.leases').map((e) => e.sentAt)).toEqual([0]);
    expect(sentBy(c, 'kubelet@w1-k8s', 'api.updateStatus.nodes').map((e) => e.sentAt)).toEqual([
      0, 60_000, 120_000, 180_000, 240_000, 300_000,
    ]);
    expect(lease(c, 'w1-k8s')?.spec.renewTime).toBe(300_000);
    expect(
      c
        .nodes()
        .find((n) => n.metadata.name === 'w1-k8s')
        ?.status.conditions.find((x) => x.type === 'Ready')?.lastHeartbeatTime,
    ).toBe(300_000);
  });

  it('stops with the kubelet: NotReady 40 s after the controller last saw a renewal', () => {
    const c = createCluster({ seed: 3 });
    advance(c, 65);
    c.dispatch({ type: 'service.stop', host: 'w2-k8s', service: 'kubelet' });
    const last = lease(c, 'w2-k8s')?.spec.renewTime ?? 0;
    expect(last).toBe(60_000);
    // The controller notes a renewal when it looks (every 5 s, node-monitor-period) and gives
    // up 40 s after that: NotReady 40 to 50 s after the last renewal.
    advance(c, (last + 40_000 - c.now) / 1000);
    expect(nodeReady(c, 'w2-k8s')).toBe('True');
    advance(c, 10.1);
    expect(nodeReady(c, 'w2-k8s')).toBe('Unknown');
    expect(lease(c, 'w2-k8s')?.spec.renewTime).toBe(last);
    c.dispatch({ type: 'service.start', host: 'w2-k8s', service: 'kubelet' });
    advance(c, 1);
    expect(nodeReady(c, 'w2-k8s')).toBe('True');
    expect(lease(c, 'w2-k8s')?.spec.renewTime).toBeGreaterThan(last);
  });

  it('a kubelet that registers its node creates its lease then (the fresh lab)', () => {
    const c = createCluster({ lab: 'fresh' });
    advance(c, 5);
    c.dispatch({ type: 'kubeadm.init', host: 'm-k8s' });
    advance(c, 60);
    const node = c.nodes().find((n) => n.metadata.name === 'm-k8s');
    const l = lease(c, 'm-k8s');
    expect(l?.spec.holderIdentity).toBe('m-k8s');
    expect(l?.metadata.ownerReferences?.[0]?.uid).toBe(node?.metadata.uid);
    expect(sentBy(c, 'kubelet@m-k8s', 'api.create.leases')).toHaveLength(1);
  });
});
