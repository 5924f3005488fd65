import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { advance, createPod, podLine } from './testing/fixtures';

describe('etcd holds all state', () => {
  it('keeps a pod under /registry/pods/default/nginx-pod with a mod revision that grows as it changes', () => {
    const c = createCluster();
    createPod(c);
    advance(c, 1);
    const first = c.etcdKeys().find((k) => k.key === '/registry/pods/default/nginx-pod');
    advance(c, 30);
    const later = c.etcdKeys().find((k) => k.key === '/registry/pods/default/nginx-pod');
    expect(first).toBeDefined();
    expect(later?.createRevision).toBe(first?.createRevision);
    expect(later?.modRevision).toBeGreaterThan(first?.modRevision ?? 0);
  });

  it("restores a snapshot: a pod deleted after it comes back, and etcd's revision still grows", () => {
    const c = createCluster();
    createPod(c);
    advance(c, 30);
    const snapshot = c.etcdSnapshot();
    c.request(
      'm-k8s',
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'nginx-pod' },
      () => {},
    );
    advance(c, 40);
    expect(podLine(c)).toBe('gone');
    const before = c.etcdRevision();
    expect(c.etcdRestore(snapshot)).toBe(true);
    expect(c.etcdRevision()).toBeGreaterThan(before);
    advance(c, 40);
    // The kubelet re-lists, sees its pod again and runs it (a new sandbox, so a new IP).
    expect(podLine(c)).toMatch(/^Running 1\/1 \d 172\.16\.103\.\d+ w2-k8s$/);
  });

  it("cannot take a snapshot while etcd is down, and the API server answers with etcd's error", () => {
    const c = createCluster();
    c.dispatch({ type: 'manifest.remove', manifest: 'etcd' });
    advance(c, 21);
    expect(c.etcdSnapshot()).toBeUndefined();
    const answers: string[] = [];
    c.request('m-k8s', { verb: 'list', resource: 'pods', namespace: 'default' }, (r) =>
      answers.push(r.ok ? 'ok' : r.message),
    );
    advance(c, 1);
    expect(answers).toEqual(['etcdserver: request timed out']);
  });
});

describe('11 the network plugin and 12 CoreDNS', () => {
  it('without Calico on a node, its new pods stay ContainerCreating and the node goes NotReady', () => {
    const c = createCluster();
    c.dispatch({ type: 'cni.remove', host: 'w2-k8s' });
    createPod(c);
    advance(c, 5);
    expect(podLine(c)).toMatch(/^(Pending|ContainerCreating) 0\/1 0 <none>/);
    advance(c, 30);
    expect(
      c
        .nodes()
        .find((n) => n.metadata.name === 'w2-k8s')
        ?.status.conditions.find((x) => x.type === 'Ready')?.status,
    ).toBe('False');
    c.dispatch({ type: 'cni.restore', host: 'w2-k8s' });
    advance(c, 60);
    expect(podLine(c)).toMatch(/^Running 1\/1 0 172\.16\./);
  });

  it('resolves a service name through CoreDNS, and times out when CoreDNS is down', () => {
    const c = createCluster();
    const answers: string[] = [];
    c.resolve('m-k8s', 'kube-dns.kube-system.svc.cluster.local', (ip, err) => answers.push(ip ?? err ?? ''));
    c.resolve('m-k8s', 'nope.default.svc.cluster.local', (ip, err) => answers.push(ip ?? err ?? ''));
    advance(c, 1);
    c.dispatch({ type: 'coredns.down' });
    c.resolve('m-k8s', 'kubernetes.default', (ip, err) => answers.push(ip ?? err ?? ''));
    advance(c, 16);
    expect(answers).toEqual(['10.96.0.10', 'nxdomain', 'timeout']);
  });
});
