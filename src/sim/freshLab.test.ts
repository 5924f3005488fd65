import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { calicoObjects } from './labs/addons';
import { profile118 } from './profiles/v1_18';
import { advance, nodeReady } from './testing/fixtures';

describe("the fresh lab, built by the book's own setup commands", () => {
  it('has no cluster until kubeadm init; the master is NotReady until Calico is applied; workers join Ready', () => {
    const c = createCluster({ lab: 'fresh' });
    advance(c, 5);
    expect(c.nodes()).toEqual([]);
    expect(c.components().find((x) => x.id === 'apiserver')?.state).toBe('stopped');

    expect(c.dispatch({ type: 'kubeadm.init', host: 'm-k8s' })).toBe(true);
    expect(c.dispatch({ type: 'kubeadm.init', host: 'm-k8s' })).toBe(false);
    advance(c, 60);
    expect(nodeReady(c, 'm-k8s')).toBe('False');
    const dns = c.pods().filter((p) => p.name.startsWith('coredns-'));
    expect(dns.map((p) => p.status)).toEqual(['Pending', 'Pending']);
    expect(
      c
        .pods()
        .filter((p) => p.name.endsWith('-m-k8s'))
        .map((p) => p.status),
    ).toEqual(['Running', 'Running', 'Running', 'Running']);

    for (const body of calicoObjects(c.now, profile118)) {
      c.request(
        'm-k8s',
        {
          verb: 'create',
          resource: body.kind === 'DaemonSet' ? 'daemonsets' : 'deployments',
          namespace: 'kube-system',
          body,
        },
        () => {},
      );
    }
    advance(c, 60);
    expect(nodeReady(c, 'm-k8s')).toBe('True');
    expect(
      c
        .pods()
        .filter((p) => p.name.startsWith('coredns-'))
        .every((p) => p.status === 'Running'),
    ).toBe(true);

    for (const w of ['w1-k8s', 'w2-k8s', 'w3-k8s'])
      expect(c.dispatch({ type: 'kubeadm.join', host: w })).toBe(true);
    advance(c, 80);
    expect(c.nodes().map((n) => `${n.metadata.name} ${nodeReady(c, n.metadata.name)}`)).toEqual([
      'm-k8s True',
      'w1-k8s True',
      'w2-k8s True',
      'w3-k8s True',
    ]);
    const system = c.pods().filter((p) => p.namespace === 'kube-system');
    expect(system).toHaveLength(15);
    expect(system.every((p) => p.status === 'Running')).toBe(true);
  });
});
