// The endpoints controller's port lookup (podutil.FindPort) and its repacking of
// addresses by the ports they resolved to (endpoints.RepackSubsets).
import { describe, expect, it } from 'vitest';
import type { Pod, Service, ServicePort } from '../objects';
import { nginxPod } from '../testing/fixtures';
import { seconds } from '../units';
import { desiredSubsets, findPort } from './endpointsController';

function pod(name: string, ip: string, ports: Pod['spec']['containers'][number]['ports']): Pod {
  const p = nginxPod(name);
  return {
    ...p,
    metadata: { ...p.metadata, uid: name, labels: { app: 'web' } },
    spec: { ...p.spec, containers: [{ name: 'nginx', image: 'nginx', ...(ports ? { ports } : {}) }] },
    status: {
      phase: 'Running',
      podIP: ip,
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [],
    },
  };
}

const svc = (targetPort: number | string, protocol: 'TCP' | 'UDP' = 'TCP'): Service => ({
  kind: 'Service',
  metadata: {
    name: 'web',
    uid: 's',
    resourceVersion: 0,
    creationTimestamp: seconds(0),
    namespace: 'default',
  },
  spec: { clusterIP: '10.96.5.5', selector: { app: 'web' }, ports: [{ protocol, port: 80, targetPort }] },
});

const first = (s: Service) => s.spec.ports[0] as ServicePort;

describe('named targetPort', () => {
  it('is found among the pod’s declared ports of the same protocol; a number is taken as it is', () => {
    const p = pod('a', '172.16.1.2', [{ name: 'http', containerPort: 8080 }]);
    expect(findPort(p, first(svc('http')))).toBe(8080);
    expect(findPort(p, first(svc('http', 'UDP')))).toBeUndefined();
    expect(findPort(p, first(svc('metrics')))).toBeUndefined();
    expect(findPort(p, first(svc(9000)))).toBe(9000);
  });

  it('groups pods by the port their name resolves to, and leaves out a pod without that name', () => {
    const pods = [
      pod('b', '172.16.1.9', [{ name: 'http', containerPort: 80 }]),
      pod('a', '172.16.1.3', [{ name: 'http', containerPort: 8080 }]),
      pod('c', '172.16.1.4', [{ name: 'http', containerPort: 80 }]),
      pod('d', '172.16.1.5', undefined),
    ];
    const subsets = desiredSubsets(svc('http'), pods);
    expect(subsets.map((s) => [s.addresses?.map((a) => a.ip), s.ports.map((p) => p.port)])).toEqual([
      [['172.16.1.3'], [8080]],
      [['172.16.1.4', '172.16.1.9'], [80]],
    ]);
    expect(desiredSubsets(svc('nope'), pods)).toEqual([]);
  });
});
