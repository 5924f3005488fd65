import { describe, expect, it } from 'vitest';
import { newNode } from '../components/kubeletStatus';
import { filterNode, scoreNode, unschedulableMessage } from '../components/scoreNodes';
import { nginxPod } from '../testing/fixtures';
import type { SimMs } from '../units';
import { evictionTime, markUnknown, NOT_READY, UNREACHABLE, withTaints } from './nodeLifecycle';
import { podsToDelete } from './workloads';

const at = (n: number) => n as SimMs;
const worker = (name = 'w2-k8s') => {
  const n = newNode({ name, ip: '192.168.1.102', role: 'worker', bootedAt: 0 }, at(0));
  return {
    ...n,
    status: {
      ...n.status,
      conditions: [{ type: 'Ready', status: 'True' as const, lastHeartbeatTime: at(0) }],
    },
  };
};
const admitted = () => ({
  ...nginxPod(),
  spec: {
    ...nginxPod().spec,
    tolerations: [
      { key: UNREACHABLE, operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
      { key: NOT_READY, operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
    ],
  },
});

describe('scheduler: filter then score', () => {
  it('filters out the master for an ordinary pod, a node with too many pods, and a tainted node', () => {
    const master = newNode({ name: 'm-k8s', ip: '192.168.1.10', role: 'master', bootedAt: 0 }, at(0));
    expect(filterNode(master, nginxPod(), { pods: 0, cpuMillis: 0 })).toMatchObject({
      kind: 'taint',
      taint: { key: 'node-role.kubernetes.io/master' },
    });
    expect(filterNode(worker(), nginxPod(), { pods: 110, cpuMillis: 0 })).toEqual({ kind: 'pods' });
    expect(filterNode(worker(), nginxPod(), { pods: 1, cpuMillis: 0 })).toBeUndefined();
  });

  it('scores the emptier node higher', () => {
    expect(scoreNode(worker(), { pods: 2, cpuMillis: 250 })).toBeGreaterThan(
      scoreNode(worker(), { pods: 5, cpuMillis: 250 }),
    );
  });

  it('words FailedScheduling as kube-scheduler does', () => {
    const taint = { key: UNREACHABLE, effect: 'NoSchedule' as const };
    const master = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' as const };
    expect(
      unschedulableMessage(4, [
        { kind: 'taint', taint: master },
        { kind: 'taint', taint },
        { kind: 'taint', taint },
        { kind: 'taint', taint },
      ]),
    ).toBe(
      "0/4 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 3 node(s) had taint {node.kubernetes.io/unreachable: }, that the pod didn't tolerate.",
    );
  });
});

describe('node lifecycle controller', () => {
  it('marks every condition Unknown with the kubelet-stopped reason', () => {
    const n = markUnknown(worker(), at(50_000));
    expect(n.status.conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
    ]);
  });

  it('adds unreachable taints for Unknown, not-ready taints for False, and removes them when Ready', () => {
    const unknown = withTaints(markUnknown(worker(), at(50_000)), at(50_000));
    expect(unknown.spec.taints).toEqual([
      { key: UNREACHABLE, effect: 'NoSchedule' },
      { key: UNREACHABLE, effect: 'NoExecute', timeAdded: 50_000 },
    ]);
    const back = withTaints({ ...unknown, status: worker().status }, at(90_000));
    expect(back.spec.taints).toEqual([]);
    const notReady = {
      ...worker(),
      status: { ...worker().status, conditions: [{ type: 'Ready', status: 'False' as const }] },
    };
    expect(withTaints(notReady, at(1)).spec.taints.map((t) => `${t.key}:${t.effect}`)).toEqual([
      `${NOT_READY}:NoSchedule`,
      `${NOT_READY}:NoExecute`,
    ]);
  });

  it('evicts a pod 300 s after the NoExecute taint, and a pod without the toleration at once', () => {
    const node = withTaints(markUnknown(worker(), at(50_000)), at(50_000));
    expect(evictionTime(admitted(), node)).toBe(350_000);
    expect(evictionTime(nginxPod(), node)).toBe(50_000);
    expect(evictionTime(admitted(), worker())).toBeUndefined();
  });
});

describe('ReplicaSet controller', () => {
  it('deletes unscheduled pods first, then not-running ones, then the newest', () => {
    const pod = (name: string, node: string | undefined, phase: 'Pending' | 'Running', created: number) => ({
      ...nginxPod(name),
      metadata: { ...nginxPod(name).metadata, creationTimestamp: at(created) },
      spec: { ...nginxPod(name).spec, ...(node ? { nodeName: node } : {}) },
      status: { ...nginxPod(name).status, phase },
    });
    const pods = [
      pod('old', 'w1-k8s', 'Running', 1),
      pod('new', 'w2-k8s', 'Running', 9),
      pod('pending', 'w3-k8s', 'Pending', 2),
      pod('unscheduled', undefined, 'Pending', 3),
    ];
    expect(podsToDelete(pods, 3).map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'new']);
  });
});
