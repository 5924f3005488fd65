import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { advance, createPod, nginxPod, nodeReady, podLine } from './testing/fixtures';

function runningNginx() {
  const c = createCluster();
  createPod(c);
  advance(c, 30);
  return c;
}

describe('kubelet stopped on w2-k8s (the book 3.1.6)', () => {
  it('keeps the pod Running, marks the node Unknown after the 40 s grace, evicts 300 s after that', () => {
    const c = runningNginx();
    c.dispatch({ type: 'service.stop', host: 'w2-k8s', service: 'kubelet' });
    advance(c, 35);
    expect(nodeReady(c, 'w2-k8s')).toBe('True');
    expect(podLine(c)).toBe('Running 1/1 0 172.16.103.129 w2-k8s');
    advance(c, 25);
    expect(nodeReady(c, 'w2-k8s')).toBe('Unknown');
    const taints = c
      .nodes()
      .find((n) => n.metadata.name === 'w2-k8s')
      ?.spec.taints.map((t) => `${t.key}:${t.effect}`);
    expect(taints).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    advance(c, 270);
    expect(podLine(c)).toMatch(/^Running/);
    advance(c, 40);
    // Evicted, but nobody on w2-k8s confirms the containers are gone: Terminating until the kubelet returns.
    expect(podLine(c)).toBe('Terminating 1/1 0 172.16.103.129 w2-k8s');
    c.dispatch({ type: 'service.start', host: 'w2-k8s', service: 'kubelet' });
    advance(c, 10);
    expect(podLine(c)).toBe('gone');
    expect(nodeReady(c, 'w2-k8s')).toBe('True');
  });

  it('leaves a deleted pod Terminating until the kubelet comes back', () => {
    const c = runningNginx();
    c.dispatch({ type: 'service.stop', host: 'w2-k8s', service: 'kubelet' });
    let gone = false;
    c.request(
      'm-k8s',
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'nginx-pod' },
      () => {},
    );
    c.waitForDeletion(
      'm-k8s',
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'nginx-pod' },
      () => {
        gone = true;
      },
    );
    advance(c, 120);
    expect(podLine(c)).toMatch(/^Terminating/);
    expect(gone).toBe(false);
    c.dispatch({ type: 'service.start', host: 'w2-k8s', service: 'kubelet' });
    advance(c, 10);
    expect(gone).toBe(true);
    expect(podLine(c)).toBe('gone');
  });
});

describe('br_netfilter removed and reboot (the book 3.1.6)', () => {
  it('times the curl out after 127 s, then after a reboot counts a restart and gives a new IP', () => {
    const c = runningNginx();
    c.dispatch({ type: 'module.remove', host: 'w2-k8s', module: 'br_netfilter' });
    c.dispatch({ type: 'service.restart', host: 'w2-k8s', service: 'network' });
    const results: string[] = [];
    c.connect('m-k8s', '172.16.103.129', 80, (r) => results.push(r.ok ? 'ok' : r.error));
    advance(c, 126);
    expect(results).toEqual([]);
    advance(c, 2);
    expect(results).toEqual(['timeout']);
    expect(podLine(c)).toBe('Running 1/1 0 172.16.103.129 w2-k8s');
    c.dispatch({ type: 'module.load', host: 'w2-k8s', module: 'br_netfilter' });
    c.dispatch({ type: 'host.reboot', host: 'w2-k8s' });
    advance(c, 60);
    expect(podLine(c)).toBe('Running 1/1 1 172.16.103.130 w2-k8s');
    c.connect('m-k8s', '172.16.103.130', 80, (r) => results.push(r.ok ? 'ok' : r.error));
    advance(c, 1);
    expect(results).toEqual(['timeout', 'ok']);
  });
});

describe('control plane parts stopped', () => {
  it('leaves a new pod Pending without a node while the scheduler is away, and schedules it when it is back', () => {
    const c = createCluster();
    c.dispatch({ type: 'manifest.remove', manifest: 'kube-scheduler' });
    advance(c, 21);
    expect(c.components().find((x) => x.id === 'scheduler')?.state).toBe('stopped');
    createPod(c);
    advance(c, 30);
    expect(podLine(c)).toBe('Pending 0/1 0 <none> <none>');
    c.dispatch({ type: 'manifest.restore', manifest: 'kube-scheduler' });
    advance(c, 40);
    expect(podLine(c)).toMatch(/^Running 1\/1 0 172\.16\./);
  });

  it('refuses kubectl while the API server is down, and running pods keep serving', () => {
    const c = runningNginx();
    c.dispatch({ type: 'manifest.remove', manifest: 'kube-apiserver' });
    advance(c, 21);
    const answers: string[] = [];
    c.request('m-k8s', { verb: 'list', resource: 'pods', namespace: 'default' }, (r) =>
      answers.push(r.ok ? 'ok' : r.reason),
    );
    c.connect('m-k8s', '172.16.103.129', 80, (r) => answers.push(r.ok ? 'curl ok' : r.error));
    advance(c, 1);
    expect(answers).toEqual(['ConnectionRefused', 'curl ok']);
  });

  it('stops replacing deleted Deployment pods while the controller manager is away', () => {
    const c = createCluster();
    c.dispatch({ type: 'manifest.remove', manifest: 'kube-controller-manager' });
    advance(c, 21);
    const dns = c.pods().find((p) => p.name.startsWith('coredns-'));
    c.request(
      'm-k8s',
      { verb: 'delete', resource: 'pods', namespace: 'kube-system', name: dns?.name ?? '' },
      () => {},
    );
    advance(c, 40);
    expect(c.pods().filter((p) => p.name.startsWith('coredns-'))).toHaveLength(1);
    c.dispatch({ type: 'manifest.restore', manifest: 'kube-controller-manager' });
    advance(c, 60);
    expect(c.pods().filter((p) => p.name.startsWith('coredns-') && p.status === 'Running')).toHaveLength(2);
  });
});

describe('image pull failing and a crashing container', () => {
  it('shows ErrImagePull then ImagePullBackOff, and runs once the registry is back', () => {
    const c = createCluster();
    c.dispatch({ type: 'image.pull.fail', image: 'nginx' });
    createPod(c);
    advance(c, 8);
    expect(podLine(c)).toMatch(/^ErrImagePull 0\/1/);
    advance(c, 20);
    expect(podLine(c)).toMatch(/^ImagePullBackOff 0\/1/);
    c.dispatch({ type: 'image.pull.heal', image: 'nginx' });
    advance(c, 90);
    expect(podLine(c)).toMatch(/^Running 1\/1 0/);
  });

  it('restarts a crashing container with back-off (CrashLoopBackOff)', () => {
    const c = createCluster();
    c.dispatch({ type: 'container.crash', pod: 'nginx-pod' });
    createPod(c);
    // Between an exit and the next start kubectl shows the exit (Error, exit code 1), while
    // the kubelet waits out the back-off CrashLoopBackOff, and Running while it lasts.
    const seen = new Set<string>();
    for (let s = 0; s < 60; s++) {
      advance(c, 1);
      seen.add(c.pods().find((x) => x.name === 'nginx-pod')?.status ?? 'gone');
    }
    const p = c.pods().find((x) => x.name === 'nginx-pod');
    expect(p?.restarts).toBeGreaterThanOrEqual(2);
    expect([...seen].sort()).toEqual(['ContainerCreating', 'CrashLoopBackOff', 'Error', 'Running']);
  });
});

describe('docker stopped on w2-k8s', () => {
  it('kills the containers and makes the node NotReady; when docker is back the pod restarts (RESTARTS 1)', () => {
    const c = runningNginx();
    c.dispatch({ type: 'service.stop', host: 'w2-k8s', service: 'docker' });
    advance(c, 15);
    expect(nodeReady(c, 'w2-k8s')).toBe('False');
    expect(c.components().find((x) => x.id === 'runtime@w2-k8s')?.state).toBe('stopped');
    c.dispatch({ type: 'service.start', host: 'w2-k8s', service: 'docker' });
    advance(c, 30);
    expect(nodeReady(c, 'w2-k8s')).toBe('True');
    expect(podLine(c)).toMatch(/^Running 1\/1 1 172\.16\.103\.\d+ w2-k8s$/);
  });
});

describe('kubectl delete --wait on several pods', () => {
  it('hears each pod go, not only the last one asked about', () => {
    const c = createCluster();
    for (const name of ['a', 'b', 'c']) createPod(c, nginxPod(name));
    advance(c, 30);
    const gone: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const req = { verb: 'delete', resource: 'pods', namespace: 'default', name } as const;
      c.request('m-k8s', req, () => {});
      c.waitForDeletion('m-k8s', req, () => gone.push(name));
    }
    advance(c, 40);
    expect(gone.sort()).toEqual(['a', 'b', 'c']);
  });
});
