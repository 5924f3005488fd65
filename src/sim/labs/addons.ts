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
import type { Profile } from '../profiles';
import type { SimMs } from '../units';

const everything: Toleration[] = [{ operator: 'Exists' }];

export type AddonTemplates = Readonly<
  Record<'kubeProxy' | 'calicoNode' | 'coredns' | 'calicoKubeControllers', PodTemplate>
>;

const templatesCache = new WeakMap<Profile, AddonTemplates>();

/** The pod templates of kube-proxy, CoreDNS and Calico in the profile's version (its images, its taint's key). */
export function addonTemplates(profile: Profile): AddonTemplates {
  const cached = templatesCache.get(profile);
  if (cached) return cached;
  const { images, controlPlaneTolerationKeys } = profile.addons;
  const masterToleration: Toleration[] = [
    { key: 'CriticalAddonsOnly', operator: 'Exists' },
    ...controlPlaneTolerationKeys.map((key) => ({
      key,
      operator: 'Exists' as const,
      effect: 'NoSchedule' as const,
    })),
  ];
  const made: AddonTemplates = {
    kubeProxy: {
      labels: { 'k8s-app': 'kube-proxy' },
      containers: [{ name: 'kube-proxy', image: images.kubeProxy }],
      tolerations: everything,
      hostNetwork: true,
    },
    calicoNode: {
      labels: { 'k8s-app': 'calico-node' },
      containers: [
        { name: 'calico-node', image: images.calicoNode, resources: { requests: { cpu: '250m' } } },
      ],
      tolerations: everything,
      hostNetwork: true,
    },
    coredns: {
      labels: { 'k8s-app': 'kube-dns' },
      containers: [
        {
          name: 'coredns',
          image: images.coredns,
          // kubeadm's CoreDNS Deployment (the same requests and limit in 1.18 and 1.36).
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        },
      ],
      tolerations: masterToleration,
    },
    calicoKubeControllers: {
      labels: { 'k8s-app': 'calico-kube-controllers' },
      containers: [{ name: 'calico-kube-controllers', image: images.calicoKubeControllers }],
      tolerations: masterToleration,
    },
  };
  templatesCache.set(profile, made);
  return made;
}

/**
 * The add-on Deployments whose real ReplicaSet hash the profile gives: while their template
 * still runs the profile's image, the deployment controller names its ReplicaSet as a real
 * cluster of that version does (coredns-66bff467f8 in 1.18, coredns-589f44dc88 in 1.36).
 */
export function addonHash(profile: Profile): (d: Deployment) => string | undefined {
  const templates = addonTemplates(profile);
  const known: Readonly<Record<string, readonly [string, PodTemplate]>> = {
    coredns: [profile.addons.corednsHash, templates.coredns],
    'calico-kube-controllers': [profile.addons.calicoKubeControllersHash, templates.calicoKubeControllers],
  };
  return (d) => {
    const entry = d.metadata.namespace === 'kube-system' ? known[d.metadata.name] : undefined;
    if (!entry) return undefined;
    const [hash, template] = entry;
    const images = (t: PodTemplate) => t.containers.map((c) => `${c.name}=${c.image}`).join(',');
    return images(d.spec.template) === images(template) ? hash : undefined;
  };
}

function meta(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  at: SimMs,
  uid = '',
): ObjectMeta {
  return { name, namespace, uid, resourceVersion: 0, creationTimestamp: at, labels };
}

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
export function kubeadmAddons(at: SimMs, profile: Profile) {
  const templates = addonTemplates(profile);
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
export function calicoObjects(at: SimMs, profile: Profile) {
  const templates = addonTemplates(profile);
  return [
    daemonSet('calico-node', templates.calicoNode, at),
    deployment('calico-kube-controllers', 'kube-system', 1, templates.calicoKubeControllers, at),
  ];
}

/**
 * The static pod manifests kubeadm writes: their images, their CPU requests (etcd asks for
 * none in 1.18), and the priority class every control-plane pod has.
 */
export function controlPlaneContainer(component: string, profile: Profile): Container {
  const cpu: Record<string, string> = {
    'kube-apiserver': '250m',
    'kube-controller-manager': '200m',
    'kube-scheduler': '100m',
  };
  const request = cpu[component];
  return {
    name: component,
    image: controlPlaneImage(component, profile),
    ...(request ? { resources: { requests: { cpu: request } } } : {}),
  };
}

export function controlPlaneImage(component: string, profile: Profile): string {
  const images = profile.addons.images as unknown as Readonly<Record<string, string>>;
  return images[component] ?? component;
}
