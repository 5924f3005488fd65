// The objects kubeadm and the book's Calico manifest put into the cluster:
// kube-proxy and calico-node DaemonSets, the CoreDNS and calico-kube-controllers
// Deployments, and the two Services every cluster has.
import type {
  Container,
  DaemonSet,
  Deployment,
  Endpoints,
  ObjectMeta,
  PodTemplate,
  Service,
  Toleration,
} from '../objects';
import type { SimMs } from '../units';

const everything: Toleration[] = [{ operator: 'Exists' }];
const masterToleration: Toleration[] = [
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
];

function meta(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  at: SimMs,
  uid = '',
): ObjectMeta {
  return { name, namespace, uid, resourceVersion: 0, creationTimestamp: at, labels };
}

export const templates = {
  kubeProxy: {
    labels: { 'k8s-app': 'kube-proxy' },
    containers: [{ name: 'kube-proxy', image: 'k8s.gcr.io/kube-proxy:v1.18.4' }],
    tolerations: everything,
    hostNetwork: true,
  } satisfies PodTemplate,
  calicoNode: {
    labels: { 'k8s-app': 'calico-node' },
    containers: [
      { name: 'calico-node', image: 'calico/node:v3.9.4', resources: { requests: { cpu: '250m' } } },
    ],
    tolerations: everything,
    hostNetwork: true,
  } satisfies PodTemplate,
  coredns: {
    labels: { 'k8s-app': 'kube-dns' },
    containers: [
      {
        name: 'coredns',
        image: 'k8s.gcr.io/coredns:1.6.7',
        // kubeadm 1.18's CoreDNS Deployment.
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
      },
    ],
    tolerations: masterToleration,
  } satisfies PodTemplate,
  calicoKubeControllers: {
    labels: { 'k8s-app': 'calico-kube-controllers' },
    containers: [{ name: 'calico-kube-controllers', image: 'calico/kube-controllers:v3.9.4' }],
    tolerations: masterToleration,
  } satisfies PodTemplate,
};

export function daemonSet(name: string, template: PodTemplate, at: SimMs, uid = ''): DaemonSet {
  return {
    kind: 'DaemonSet',
    metadata: meta(name, 'kube-system', template.labels as Record<string, string>, at, uid),
    spec: { selector: template.labels, template },
    status: { desiredNumberScheduled: 0, numberReady: 0 },
  };
}

export function deployment(
  name: string,
  namespace: string,
  replicas: number,
  template: PodTemplate,
  at: SimMs,
  uid = '',
): Deployment {
  return {
    kind: 'Deployment',
    metadata: meta(name, namespace, template.labels as Record<string, string>, at, uid),
    spec: { replicas, selector: template.labels, template },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0 },
  };
}

export function service(
  name: string,
  namespace: string,
  clusterIP: string,
  ports: Service['spec']['ports'],
  at: SimMs,
  selector?: Record<string, string>,
  labels: Record<string, string> = {},
  annotations?: Record<string, string>,
): Service {
  return {
    kind: 'Service',
    metadata: { ...meta(name, namespace, labels, at), ...(annotations ? { annotations } : {}) },
    spec: {
      type: 'ClusterIP',
      clusterIP,
      ports,
      ...(selector ? { selector } : {}),
      sessionAffinity: 'None',
    },
  };
}

/**
 * The `kubernetes` Service's Endpoints: the API server keeps it itself (its master
 * endpoint reconciler), pointing at the advertised address, 192.168.1.10:6443.
 */
export function kubernetesEndpoints(at: SimMs): Endpoints {
  return {
    kind: 'Endpoints',
    metadata: meta('kubernetes', 'default', {}, at),
    subsets: [
      { addresses: [{ ip: '192.168.1.10' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
    ],
  };
}

/** What `kubeadm init` applies once the API server answers. */
export function kubeadmAddons(at: SimMs) {
  return [
    daemonSet('kube-proxy', templates.kubeProxy, at),
    deployment('coredns', 'kube-system', 2, templates.coredns, at),
    service(
      'kubernetes',
      'default',
      '10.96.0.1',
      [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
      at,
      undefined,
      { component: 'apiserver', provider: 'kubernetes' },
    ),
    // kubeadm 1.18's CoreDNS Service (cmd/kubeadm/app/phases/addons/dns/manifests.go).
    service(
      'kube-dns',
      'kube-system',
      '10.96.0.10',
      [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
      at,
      { 'k8s-app': 'kube-dns' },
      { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'KubeDNS' },
      { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    ),
    kubernetesEndpoints(at),
  ];
}

/** What `kubectl apply -f .../172.16_net_calico.yaml` creates (the parts Podscope models). */
export function calicoObjects(at: SimMs) {
  return [
    daemonSet('calico-node', templates.calicoNode, at),
    deployment('calico-kube-controllers', 'kube-system', 1, templates.calicoKubeControllers, at),
  ];
}

export const controlPlaneImages: Record<string, string> = {
  etcd: 'k8s.gcr.io/etcd:3.4.3-0',
  'kube-apiserver': 'k8s.gcr.io/kube-apiserver:v1.18.4',
  'kube-controller-manager': 'k8s.gcr.io/kube-controller-manager:v1.18.4',
  'kube-scheduler': 'k8s.gcr.io/kube-scheduler:v1.18.4',
};

/**
 * The static pod manifests kubeadm 1.18 writes: their CPU requests (etcd asks for none in
 * 1.18), and the priority class every control-plane pod has.
 */
export function controlPlaneContainer(component: string): Container {
  const cpu: Record<string, string> = {
    'kube-apiserver': '250m',
    'kube-controller-manager': '200m',
    'kube-scheduler': '100m',
  };
  const request = cpu[component];
  return {
    name: component,
    image: controlPlaneImages[component] ?? component,
    ...(request ? { resources: { requests: { cpu: request } } } : {}),
  };
}
