// A Node object as the kubelet registers it, for the fake cluster.
import type { KubeObject } from '../../sim/objects';
import type { SimMs } from '../../sim/units';

export function fakeNode(name: string, ip: string, role: 'master' | 'worker', created: number): KubeObject {
  return {
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      resourceVersion: 1,
      creationTimestamp: created as SimMs,
      labels: role === 'master' ? { 'node-role.kubernetes.io/master': '' } : {},
    },
    spec: { taints: [] },
    status: {
      conditions: [{ type: 'Ready', status: 'True' }],
      addresses: [{ type: 'InternalIP', address: ip }],
      capacity: { cpuMillis: 2000, memoryMi: 2560, pods: 110 },
      nodeInfo: {
        kubeletVersion: 'v1.18.4',
        osImage: 'CentOS Linux 7 (Core)',
        kernelVersion: '3.10.0-1127.19.1.el7.x86_64',
        containerRuntimeVersion: 'docker://1.13.1',
      },
    },
  };
}
