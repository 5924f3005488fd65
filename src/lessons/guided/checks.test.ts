import { describe, expect, it } from 'vitest';
import type { ComponentView, Node, PodView, SimCluster } from '../../sim';
import type { CheckContext } from './checks';
import { evaluate } from './checks';
import type { Check } from './types';

const pod = (name: string, status: string, extra: Partial<PodView> = {}): PodView => ({
  namespace: 'default',
  name,
  status,
  ready: '1/1',
  restarts: 0,
  ...extra,
});
const node = (name: string, ready: 'True' | 'False' | 'Unknown') =>
  ({ metadata: { name }, status: { conditions: [{ type: 'Ready', status: ready }] } }) as unknown as Node;

const cluster = {
  pods: () => [
    pod('nginx-pod', 'Running', { node: 'w2-k8s', restarts: 1 }),
    pod('dpy-nginx-abc-1', 'Running'),
    pod('dpy-nginx-abc-2', 'Running'),
    pod('dpy-nginx-abc-3', 'Pending'),
    pod('coredns-1', 'Running', { namespace: 'kube-system' }),
  ],
  nodes: () => [
    node('m-k8s', 'True'),
    node('w1-k8s', 'True'),
    node('w2-k8s', 'Unknown'),
    node('w3-k8s', 'True'),
  ],
  components: (): ComponentView[] => [
    { id: 'scheduler', name: 'scheduler', state: 'stopped' },
    { id: 'kubelet@w2-k8s', name: 'kubelet', state: 'stopped' },
    { id: 'apiserver', name: 'API server', state: 'running' },
  ],
  faults: () => [{ id: 'kubelet', target: 'w2-k8s' }, { id: 'scheduler' }],
} as unknown as SimCluster;

const ctx: CheckContext = {
  cluster,
  typed: [
    {
      host: 'm-k8s',
      line: 'kubectl get pods -o wide',
      output: ['NAME  READY  STATUS', 'nginx-pod  1/1  Running'],
    },
    { host: 'w2-k8s', line: 'systemctl stop kubelet', output: [] },
  ],
};

const table: [Check, boolean][] = [
  [{ pod: 'nginx-pod' }, true],
  [{ pod: 'nginx-pod', status: 'Running', node: 'w2-k8s' }, true],
  [{ pod: 'nginx-pod', node: 'w1-k8s' }, false],
  [{ pod: 'nginx-pod', restartsAtLeast: 1 }, true],
  [{ pod: 'nginx-pod', restartsAtLeast: 2 }, false],
  [{ pod: 'nginx-pod', namespace: 'kube-system' }, false],
  [{ pod: 'nginx' }, false],
  [{ podPrefix: 'dpy-nginx-' }, true],
  [{ podPrefix: 'dpy-nginx-', status: 'Running', count: 2 }, true],
  [{ podPrefix: 'dpy-nginx-', status: 'Running', count: 3 }, false],
  [{ podPrefix: 'dpy-nginx-', count: 3 }, true],
  [{ podPrefix: 'coredns-' }, false],
  [{ podPrefix: 'coredns-', namespace: 'kube-system', status: 'Running' }, true],
  [{ podGone: 'gone-pod' }, true],
  [{ podGone: 'nginx-pod' }, false],
  [{ node: 'w2-k8s', ready: 'Unknown' }, true],
  [{ node: 'w2-k8s', ready: 'True' }, false],
  [{ node: 'w9-k8s', ready: 'True' }, false],
  [{ nodesReady: 3 }, true],
  [{ nodesReady: 4 }, false],
  [{ component: 'scheduler', state: 'stopped' }, true],
  [{ component: 'apiserver', state: 'stopped' }, false],
  [{ component: 'nothing', state: 'running' }, false],
  [{ fault: 'kubelet', target: 'w2-k8s' }, true],
  [{ fault: 'kubelet', target: 'w1-k8s' }, false],
  [{ fault: 'kubelet' }, true],
  [{ fault: 'kubelet', target: 'w1-k8s', active: false }, true],
  [{ fault: 'scheduler', active: false }, false],
  [{ fault: 'etcd' }, false],
  [{ typed: 'get pods' }, true],
  [{ typed: 'get pods', host: 'w2-k8s' }, false],
  [{ typed: 'stop kubelet', host: 'w2-k8s' }, true],
  [{ printed: 'nginx-pod' }, true],
  [{ printed: 'nginx-pod', host: 'w2-k8s' }, false],
  [{ printed: 'NotFound' }, false],
  [{ all: [{ pod: 'nginx-pod' }, { nodesReady: 3 }] }, true],
  [{ all: [{ pod: 'nginx-pod' }, { nodesReady: 4 }] }, false],
  [{ any: [{ pod: 'x' }, { nodesReady: 3 }] }, true],
  [{ any: [{ pod: 'x' }, { nodesReady: 4 }] }, false],
  [{ all: [] }, true],
  [{ any: [] }, false],
];

describe('evaluate', () => {
  it.each(table.map(([c, want]) => [JSON.stringify(c), c, want] as const))(
    '%s → %s',
    (_name, check, want) => {
      expect(evaluate(check, ctx)).toBe(want);
    },
  );
});
