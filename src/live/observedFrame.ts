// The observed cluster as a Frame, the value the diagram draws (view/StillPicture): the
// same components in the same boxes as the simulated lab, their states read from what the
// API server holds (a node's Ready condition, the control plane's and kube-proxy's pods),
// the pods by node with kubectl's STATUS, and etcd's keys as the objects' resource
// versions (a resource version is the etcd revision that last wrote the object).
import type { Frame } from '../player/history';
import type { ComponentState, ComponentView, EtcdKeyView, KubeObject, PodView, SimMs } from '../sim';
import type { ApiObject, Resource } from './apiShapes';
import { clusterShape } from './clusterShape';
import type { LiveObserver } from './observer';
import { keyOf } from './observer';
import { nodeReady, podColumns, podReady } from './podStatus';

const etcdPrefix: Record<Resource, string> = {
  nodes: '/registry/minions/',
  pods: '/registry/pods/',
  events: '/registry/events/',
  deployments: '/registry/deployments/',
  replicasets: '/registry/replicasets/',
  services: '/registry/services/specs/',
};

export function observedFrame(obs: LiveObserver, now: number): Frame {
  const nodes = obs.all('nodes');
  const pods = obs.all('pods');
  const shape = clusterShape(nodes);
  const system = (prefix: string) =>
    pods.filter((p) => p.metadata?.namespace === 'kube-system' && (p.metadata.name ?? '').startsWith(prefix));
  // A control-plane part runs as a static pod on the master (kubeadm); a managed cluster shows none, and is taken as running.
  const partState = (prefix: string): Pick<ComponentView, 'state' | 'why'> => {
    const mine = system(`${prefix}-`);
    if (mine.length === 0 || mine.some(podReady)) return { state: 'running' };
    return {
      state: 'failing',
      why: `${mine[0]?.metadata?.name} is ${podColumns(mine[0] as ApiObject).status}`,
    };
  };
  const components: ComponentView[] = [
    // The person's kubectl, on the control plane by its real name (cp-k8s, kind-control-plane, …).
    { id: `kubectl@${shape.master}`, number: 0, name: 'kubectl', host: shape.master, state: 'running' },
    // It answers the page's watches: running.
    { id: 'apiserver', number: 1, name: 'API server', host: shape.master, state: 'running' },
    { id: 'etcd', number: 2, name: 'etcd', host: shape.master, ...partState('etcd') },
    {
      id: 'controller-manager',
      number: 3,
      name: 'controller manager',
      host: shape.master,
      ...partState('kube-controller-manager'),
    },
    { id: 'scheduler', number: 4, name: 'scheduler', host: shape.master, ...partState('kube-scheduler') },
  ];
  for (const host of shape.workers) {
    const node = nodes.find((n) => n.metadata?.name === host);
    const ready = node ? nodeReady(node) : undefined;
    const condition = node?.status?.conditions?.find((c) => c.type === 'Ready');
    const kubelet: Pick<ComponentView, 'state' | 'why'> =
      ready === 'True'
        ? { state: 'running' }
        : { state: ready === 'Unknown' ? 'stopped' : 'failing', why: condition?.message ?? 'not ready' };
    const proxy = pods.find(
      (p) => (p.metadata?.name ?? '').startsWith('kube-proxy-') && p.spec?.nodeName === host,
    );
    const proxyState: ComponentState = !proxy ? 'absent' : podReady(proxy) ? 'running' : 'failing';
    components.push(
      { id: `kubelet@${host}`, number: 5, name: 'kubelet', host, ...kubelet },
      { id: `runtime@${host}`, number: 6, name: 'container runtime', host, state: 'running' },
      { id: `pods@${host}`, number: 7, name: 'pods', host, state: ready === 'True' ? 'running' : 'failing' },
      { id: `kube-proxy@${host}`, name: 'kube-proxy', host, state: proxyState },
    );
  }
  const dns = pods.filter((p) => p.metadata?.labels?.['k8s-app'] === 'kube-dns');
  components.push(
    { id: 'cni', number: 11, name: 'network plugin', state: 'running' },
    {
      id: 'coredns',
      number: 12,
      name: 'CoreDNS',
      ...(dns.length === 0 || dns.some(podReady)
        ? { state: 'running' as const }
        : { state: 'stopped' as const, why: 'no CoreDNS pod is running' }),
    },
  );
  const podViews: PodView[] = pods.map((p) => {
    const cols = podColumns(p);
    return {
      namespace: p.metadata?.namespace ?? '',
      name: p.metadata?.name ?? '',
      ...(p.spec?.nodeName ? { node: p.spec.nodeName } : {}),
      ...cols,
      ...(p.status?.podIP ? { ip: p.status.podIP } : {}),
    };
  });
  const etcdKeys: EtcdKeyView[] = [];
  let revision = 0;
  for (const r of Object.keys(etcdPrefix) as Resource[])
    for (const o of obs.all(r)) {
      const modRevision = Number(o.metadata?.resourceVersion ?? 0);
      revision = Math.max(revision, modRevision);
      etcdKeys.push({
        key: `${etcdPrefix[r]}${keyOf(o)}`,
        createRevision: obs.createdAt(r, o) ?? modRevision,
        modRevision,
      });
    }
  return {
    at: now as SimMs,
    components,
    pods: podViews,
    etcdKeys,
    etcdRevision: revision,
    // The nodes in the shape the diagram reads (nodeStatus): their conditions, taints and cordon.
    objects: nodes.map(
      (n) =>
        ({
          kind: 'Node',
          metadata: { name: n.metadata?.name ?? '', labels: n.metadata?.labels ?? {} },
          spec: { taints: n.spec?.taints ?? [], ...(n.spec?.unschedulable ? { unschedulable: true } : {}) },
          status: { conditions: n.status?.conditions ?? [] },
        }) as unknown as KubeObject,
    ),
    faults: [],
    hosts: [],
  };
}
