// Objects as a kubeadm 1.18 cluster's API server sends them (trimmed to the fields the
// page reads, the rest as kube-apiserver writes them), for the observer's tests: the
// book's lab with its nodes, and nginx-pod's life from POST to Ready, line by line as
// `GET /api/v1/pods?watch=1` and `GET /api/v1/events?watch=1` stream them.
import type { ApiObject, WatchLine } from './apiShapes';

const readyCondition = (status: string, reason: string, message: string) => ({
  type: 'Ready',
  status,
  lastHeartbeatTime: '2026-12-02T10:00:00Z',
  lastTransitionTime: '2026-12-02T10:00:00Z',
  reason,
  message,
});

export function node(
  name: string,
  rv: number,
  ready: 'True' | 'Unknown' = 'True',
  master = false,
): ApiObject {
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: `uid-${name}`,
      resourceVersion: String(rv),
      creationTimestamp: '2026-12-01T09:00:00Z',
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(master ? { 'node-role.kubernetes.io/master': '' } : {}),
      },
    },
    spec: master ? { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] } : {},
    status: {
      conditions: [
        {
          type: 'MemoryPressure',
          status: ready === 'True' ? 'False' : 'Unknown',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        ready === 'True'
          ? readyCondition('True', 'KubeletReady', 'kubelet is posting ready status')
          : readyCondition('Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'),
      ],
    },
  } as ApiObject;
}

export const labNodes = (rv: number) => [
  node('m-k8s', rv, 'True', true),
  node('w1-k8s', rv + 1),
  node('w2-k8s', rv + 2),
  node('w3-k8s', rv + 3),
];

const podMeta = (rv: number) => ({
  name: 'nginx-pod',
  namespace: 'default',
  uid: 'f1c3a6e2-0b7d-4d0e-9a51-2c1e8f0f6a11',
  resourceVersion: String(rv),
  creationTimestamp: '2026-12-02T10:00:00Z',
  labels: { run: 'nginx-pod' },
});
const spec = (nodeName?: string) => ({
  containers: [
    { name: 'nginx-pod', image: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log' },
  ],
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  serviceAccountName: 'default',
  schedulerName: 'default-scheduler',
  ...(nodeName ? { nodeName } : {}),
});
const scheduled = {
  type: 'PodScheduled',
  status: 'True',
  lastProbeTime: null,
  lastTransitionTime: '2026-12-02T10:00:00Z',
};

/** nginx-pod's object at each write of its life, as the pods watch sends it. */
export const nginxPodLife: readonly WatchLine[] = [
  {
    type: 'ADDED',
    object: {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: podMeta(1200),
      spec: spec(),
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    } as ApiObject,
  },
  {
    type: 'MODIFIED',
    object: {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: podMeta(1201),
      spec: spec('w2-k8s'),
      status: { phase: 'Pending', conditions: [scheduled], qosClass: 'BestEffort' },
    } as ApiObject,
  },
  {
    type: 'MODIFIED',
    object: {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: podMeta(1203),
      spec: spec('w2-k8s'),
      status: {
        phase: 'Pending',
        conditions: [
          { type: 'Initialized', status: 'True' },
          {
            type: 'Ready',
            status: 'False',
            reason: 'ContainersNotReady',
            message: 'containers with unready status: [nginx-pod]',
          },
          {
            type: 'ContainersReady',
            status: 'False',
            reason: 'ContainersNotReady',
            message: 'containers with unready status: [nginx-pod]',
          },
          scheduled,
        ],
        hostIP: '192.168.1.102',
        startTime: '2026-12-02T10:00:00Z',
        containerStatuses: [
          {
            name: 'nginx-pod',
            state: { waiting: { reason: 'ContainerCreating' } },
            lastState: {},
            ready: false,
            restartCount: 0,
            image: 'nginx',
            imageID: '',
            started: false,
          },
        ],
        qosClass: 'BestEffort',
      },
    } as ApiObject,
  },
  {
    type: 'MODIFIED',
    object: {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: podMeta(1209),
      spec: spec('w2-k8s'),
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True' },
          { type: 'Ready', status: 'True' },
          { type: 'ContainersReady', status: 'True' },
          scheduled,
        ],
        hostIP: '192.168.1.102',
        podIP: '172.16.221.129',
        podIPs: [{ ip: '172.16.221.129' }],
        startTime: '2026-12-02T10:00:00Z',
        containerStatuses: [
          {
            name: 'nginx-pod',
            state: { running: { startedAt: '2026-12-02T10:00:09Z' } },
            lastState: {},
            ready: true,
            restartCount: 0,
            image: 'nginx:latest',
            imageID: 'docker-pullable://nginx@sha256:aa',
            containerID: 'docker://3f2a',
            started: true,
          },
        ],
        qosClass: 'BestEffort',
      },
    } as ApiObject,
  },
];

export function podEvent(
  rv: number,
  reason: string,
  message: string,
  from: 'kubelet' | 'default-scheduler',
): WatchLine {
  return {
    type: 'ADDED',
    object: {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: {
        name: `nginx-pod.16d0f${rv}`,
        namespace: 'default',
        uid: `ev-${rv}`,
        resourceVersion: String(rv),
        creationTimestamp: '2026-12-02T10:00:01Z',
      },
      involvedObject: {
        kind: 'Pod',
        namespace: 'default',
        name: 'nginx-pod',
        uid: 'f1c3a6e2-0b7d-4d0e-9a51-2c1e8f0f6a11',
        apiVersion: 'v1',
        resourceVersion: '1200',
        ...(from === 'kubelet' ? { fieldPath: 'spec.containers{nginx-pod}' } : {}),
      },
      reason,
      message,
      source:
        from === 'kubelet' ? { component: 'kubelet', host: 'w2-k8s' } : { component: 'default-scheduler' },
      firstTimestamp: '2026-12-02T10:00:01Z',
      lastTimestamp: '2026-12-02T10:00:01Z',
      count: 1,
      type: 'Normal',
      reportingComponent: '',
      reportingInstance: '',
    } as ApiObject,
  };
}

/** The events nginx-pod's start leaves, in the order a 1.18 cluster posts them. */
export const nginxPodEvents: readonly WatchLine[] = [
  podEvent(1202, 'Scheduled', 'Successfully assigned default/nginx-pod to w2-k8s', 'default-scheduler'),
  podEvent(1204, 'Pulling', 'Pulling image "nginx"', 'kubelet'),
  podEvent(1206, 'Pulled', 'Successfully pulled image "nginx"', 'kubelet'),
  podEvent(1207, 'Created', 'Created container nginx-pod', 'kubelet'),
  podEvent(1208, 'Started', 'Started container nginx-pod', 'kubelet'),
];
