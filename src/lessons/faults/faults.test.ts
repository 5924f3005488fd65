import { describe, expect, it } from 'vitest';
import { createCluster, faultCatalog } from '../../sim';
import { profiles } from '../../sim/profiles';
import { createPod, nginxPod } from '../../sim/testing/fixtures';
import { diagnose } from './diagnose';
import { faultStory } from './faultStory';

const advance = (c: ReturnType<typeof createCluster>, s: number) => c.advanceTo((c.now + s * 1000) as never);

describe('fault stories', () => {
  it('has words in both languages for every fault in the catalog', () => {
    const c = createCluster();
    for (const f of faultCatalog) {
      const story = faultStory(f.scope === 'node' ? { id: f.id, target: 'w2-k8s' } : { id: f.id }, c);
      for (const part of [story.what, story.observe, story.next]) {
        expect(part.ko.length, f.id).toBeGreaterThan(10);
        expect(part.en.length, f.id).toBeGreaterThan(10);
      }
    }
  });

  it("times NotReady from the node's last heartbeat (its lease renewal) and eviction 300 s after it", () => {
    const c = createCluster();
    createPod(c);
    advance(c, 30);
    const story = faultStory({ id: 'kubelet', target: 'w2-k8s' }, c);
    expect(story.next.en).toMatch(
      /^In about (3\d|40) s \(40 s after its last heartbeat\) w2-k8s turns NotReady and gets the unreachable taints; 300 s after that its pods \(nginx-pod\) are evicted\./,
    );
    expect(story.next.ko).toContain('nginx-pod');
  });

  it('in the 1.36 lab: NotReady 50 s after the last heartbeat, and the API server back on cp-k8s', () => {
    const c = createCluster({ profile: '1.36' });
    c.request(
      'cp-k8s',
      { verb: 'create', resource: 'pods', namespace: 'default', body: nginxPod() },
      () => {},
    );
    advance(c, 30);
    const story = faultStory({ id: 'kubelet', target: 'w2-k8s' }, c, profiles['1.36']);
    expect(story.next.en).toMatch(
      /^In about (4\d|50) s \(50 s after its last heartbeat\) w2-k8s turns NotReady/,
    );
    expect(story.next.ko).toContain('마지막 하트비트 후 50초');
    const api = faultStory({ id: 'apiserver' }, c, profiles['1.36']);
    expect(api.next.en).toBe(
      'Put the manifest back and the kubelet on cp-k8s starts the API server within 20 s; every component re-opens its watches.',
    );
    expect(api.next.ko).toContain('cp-k8s 의 kubelet');
  });
});

describe('why is it stuck?', () => {
  it('says nothing of a pod that is running', () => {
    const c = createCluster();
    createPod(c);
    advance(c, 30);
    expect(diagnose(c, 'nginx-pod')).toBeUndefined();
  });

  it('points at the scheduler when it is stopped', () => {
    const c = createCluster();
    c.dispatch({ type: 'manifest.remove', manifest: 'kube-scheduler' });
    advance(c, 21);
    createPod(c);
    advance(c, 10);
    expect(diagnose(c, 'nginx-pod')).toMatchObject({
      step: 4,
      component: 'scheduler',
      command: 'kubectl describe pod nginx-pod',
    });
  });

  it('points at the kubelet when a deletion hangs', () => {
    const c = createCluster();
    createPod(c);
    advance(c, 30);
    c.dispatch({ type: 'service.stop', host: 'w2-k8s', service: 'kubelet' });
    c.request(
      'm-k8s',
      { verb: 'delete', resource: 'pods', namespace: 'default', name: 'nginx-pod' },
      () => {},
    );
    advance(c, 5);
    expect(diagnose(c, 'nginx-pod')).toMatchObject({
      step: 5,
      component: 'kubelet@w2-k8s',
      command: 'kubectl get nodes',
    });
  });

  it('points at the image pull and at a crashing container', () => {
    const c = createCluster();
    c.dispatch({ type: 'image.pull.fail' });
    createPod(c);
    advance(c, 10);
    expect(diagnose(c, 'nginx-pod')).toMatchObject({ step: 6, component: 'runtime@w2-k8s' });
    const d = createCluster();
    d.dispatch({ type: 'container.crash' });
    createPod(d);
    advance(d, 40);
    expect(diagnose(d, 'nginx-pod')).toMatchObject({ step: 7, component: 'pods@w2-k8s' });
  });
});

describe('why is it stuck? in the 1.36 lab', () => {
  it('has the commands typed on cp-k8s', () => {
    const c = createCluster({ profile: '1.36' });
    c.dispatch({ type: 'manifest.remove', manifest: 'kube-scheduler' });
    advance(c, 21);
    // kubectl on the lab's master sends it.
    c.request(
      'cp-k8s',
      { verb: 'create', resource: 'pods', namespace: 'default', body: nginxPod() },
      () => {},
    );
    advance(c, 10);
    expect(diagnose(c, 'nginx-pod')).toMatchObject({ step: 4, component: 'scheduler', host: 'cp-k8s' });
  });
});
