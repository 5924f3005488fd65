// A Node object as the kubelet registers it, for the fake cluster.

import { machineIds, nodeSoftware, roleFacts } from '../../sim/labs/nodeFacts';
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
      capacity: roleFacts.master.capacity,
      allocatable: roleFacts.master.allocatable,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: { ...nodeSoftware, ...machineIds(name, 0) },
    },
  };
}
