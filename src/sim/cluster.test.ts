import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { deployment } from './labs/addons';
import { advance, createPod, nginxPod, nodeReady, podLine } from './testing/fixtures';

describe('the ready lab', () => {
  it('has four Ready nodes and the 15 kube-system pods of the book, all Running', () => {
    const c = createCluster();
    advance(c, 15);
    expect(c.nodes().map((n) => `${n.metadata.name} ${nodeReady(c, n.metadata.name)}`)).toEqual([
      'm-k8s True',
      'w1-k8s True',
      'w2-k8s True',
      'w3-k8s True',
    ]);
    const system = c.pods().filter((p) => p.namespace === 'kube-system');
    expect(system).toHaveLength(15);
    expect(system.every((p) => p.status === 'Running' && p.ready === '1/1')).toBe(true);
    expect(
      system.filter((p) => /^coredns-66bff467f8-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.name)),
    ).toHaveLength(2);
    expect(system.filter((p) => p.name.startsWith('kube-proxy-'))).toHaveLength(4);
    expect(system.filter((p) => p.name.endsWith('-m-k8s')).map((p) => p.name)).toEqual([
      'etcd-m-k8s',
      'kube-apiserver-m-k8s',
      'kube-controller-manager-m-k8s',
      'kube-scheduler-m-k8s',
    ]);
  });

  it('shows every component running', () => {
    const c = createCluster();
    advance(c, 5);
    expect(c.components().filter((x) => x.state !== 'running')).toEqual([]);
    expect(
      c
        .components()
        .map((x) => x.number)
        .filter((n) => n !== undefined),
    ).toEqual(expect.arrayContaining([0, 1, 2, 3, 4, 5, 6, 7, 11, 12]));
  });

  it('scales the number of workers', () => {
    const c = createCluster({ workers: 20 });
    advance(c, 5);
    expect(c.nodes()).toHaveLength(21);
    expect(c.hosts().map((h) => h.ip)).toContain('192.168.1.120');
  });
});

describe('creating nginx-pod (the book 3.1.5)', () => {
  it('runs it on w2-k8s at 172.16.103.129, as in the book', () => {
    const c = createCluster();
    const answers = createPod(c);
    advance(c, 30);
    expect(answers[0]?.ok).toBe(true);
    expect(podLine(c)).toBe('Running 1/1 0 172.16.103.129 w2-k8s');
  });

  it('sends each message from one component to another, and only the API server talks to etcd', () => {
    const c = createCluster();
    createPod(c);
    advance(c, 30);
    // Only the API server talks to etcd.
    expect(
      c.trace
        .all()
        .filter((e) => e.to === 'etcd' || e.from === 'etcd')
        .every((e) => e.from === 'apiserver' || e.to === 'apiserver'),
    ).toBe(true);
    for (const e of c.trace.all()) expect(e.deliverAt).toBeGreaterThanOrEqual(e.sentAt);
  });

  it('refuses a second create with AlreadyExists', () => {
    const c = createCluster();
    createPod(c);
    advance(c, 5);
    const again = createPod(c);
    advance(c, 1);
    expect(again[0]).toMatchObject({
      ok: false,
      reason: 'AlreadyExists',
      message: 'pods "nginx-pod" already exists',
    });
  });

  it('gives the same trace for the same seed and inputs, and another for another seed', () => {
    const run = (seed: number) => {
      const c = createCluster({ seed });
      createPod(c);
      advance(c, 60);
      createPod(c, nginxPod('second'));
      advance(c, 60);
      return JSON.stringify(c.trace.all());
    };
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });
});

describe('a Deployment (the book 3.2)', () => {
  it('creates a ReplicaSet named for the template hash, scales, heals a deleted pod, and goes with its pods', () => {
    const c = createCluster();
    const body = deployment(
      'dpy-nginx',
      'default',
      1,
      { labels: { app: 'dpy-nginx' }, containers: [{ name: 'nginx', image: 'nginx' }] },
      c.now,
    );
    c.request('m-k8s', { verb: 'create', resource: 'deployments', namespace: 'default', body }, () => {});
    advance(c, 15);
    const pods = () => c.pods().filter((p) => p.name.startsWith('dpy-nginx-'));
    expect(pods().map((p) => p.name)).toEqual([
      expect.stringMatching(
        /^dpy-nginx-[bcdfghjklmnpqrstvwxz2456789]{8,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
      ),
    ]);
    c.request(
      'm-k8s',
      {
        verb: 'patch',
        resource: 'deployments',
        namespace: 'default',
        name: 'dpy-nginx',
        patch: (o) => (o.kind === 'Deployment' ? { ...o, spec: { ...o.spec, replicas: 3 } } : o),
      },
      () => {},
    );
    advance(c, 15);
    expect(pods().filter((p) => p.status === 'Running')).toHaveLength(3);
    expect(new Set(pods().map((p) => p.node)).size).toBe(3);
    const victim = pods()[0]?.name ?? '';
    c.request('m-k8s', { verb: 'delete', resource: 'pods', namespace: 'default', name: victim }, () => {});
    advance(c, 20);
    expect(pods().filter((p) => p.status === 'Running')).toHaveLength(3);
    expect(pods().map((p) => p.name)).not.toContain(victim);
    c.request(
      'm-k8s',
      { verb: 'delete', resource: 'deployments', namespace: 'default', name: 'dpy-nginx' },
      () => {},
    );
    advance(c, 20);
    expect(pods()).toEqual([]);
    expect(
      c.objects().filter((o) => o.kind === 'ReplicaSet' && o.metadata.name.startsWith('dpy-nginx')),
    ).toEqual([]);
  });
});
