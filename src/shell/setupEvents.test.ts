// The ready lab keeps the events its setup recorded less than an hour ago, as a real
// lab does (kubelet start and conditions, RegisteredNode, kube-proxy start, NodeReady).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

describe('the setup’s events on the ready lab', () => {
  it('kubectl get events lists each node’s registration, in time order', () => {
    const s = new Session({ seed: 7 });
    const lines = typeAndWait(s, 'kubectl get events').text().split('\n');
    expect(lines[0]).toBe('LAST SEEN   TYPE     REASON                    OBJECT        MESSAGE');
    expect(lines.slice(1, 9)).toEqual([
      '29m         Normal   Starting                  node/m-k8s    Starting kubelet.',
      '29m         Normal   NodeHasSufficientMemory   node/m-k8s    Node m-k8s status is now: NodeHasSufficientMemory',
      '29m         Normal   NodeHasNoDiskPressure     node/m-k8s    Node m-k8s status is now: NodeHasNoDiskPressure',
      '29m         Normal   NodeHasSufficientPID      node/m-k8s    Node m-k8s status is now: NodeHasSufficientPID',
      '29m         Normal   NodeAllocatableEnforced   node/m-k8s    Updated Node Allocatable limit across pods',
      '28m         Normal   RegisteredNode            node/m-k8s    Node m-k8s event: Registered Node m-k8s in Controller',
      '28m         Normal   Starting                  node/m-k8s    Starting kube-proxy.',
      '28m         Normal   NodeReady                 node/m-k8s    Node m-k8s status is now: NodeReady',
    ]);
    expect(lines).toHaveLength(1 + 4 * 8);
    for (const node of ['w1-k8s', 'w2-k8s', 'w3-k8s'])
      expect(lines.filter((l) => l.includes(`node/${node}`)).map((l) => l.slice(21, 46).trim())).toEqual([
        'Starting',
        'NodeHasSufficientMemory',
        'NodeHasNoDiskPressure',
        'NodeHasSufficientPID',
        'NodeAllocatableEnforced',
        'RegisteredNode',
        'Starting',
        'NodeReady',
      ]);
  });

  it('describe node shows who recorded each one', () => {
    const s = new Session({ seed: 7 });
    const text = typeAndWait(s, 'kubectl describe node w2-k8s').text();
    expect(text).toContain('Normal  Starting                 19m   kubelet, w2-k8s     Starting kubelet.');
    expect(text).toContain(
      'Normal  RegisteredNode           18m   node-controller     Node w2-k8s event: Registered Node w2-k8s in Controller',
    );
    expect(text).toContain('Normal  Starting                 18m   kube-proxy, w2-k8s  Starting kube-proxy.');
  });
});
