// The ready lab is written straight into etcd, but its objects carry the managedFields
// that the writes of a real setup would have left: each step is the object after one
// client's write (kubelet, kubeadm, kubectl, kube-controller-manager, calico-node), or
// after a write no manager records (admission, the scheduler's binding).

import { CALICO_POD_IP } from '../components/cni';
import { KUBELET_CONDITIONS } from '../controllers/nodeLifecycle';
import type { KubeObject, Node, Pod } from '../objects';
import { podSpecDefaults } from '../podDefaults';
import type { SimMs } from '../units';
import { updateManagedFields } from '../wire/managedFields';

export interface SeedWrite {
  /** undefined: a write that no manager records. */
  readonly manager?: string;
  readonly at: SimMs;
  readonly state: KubeObject;
}

export function seedManaged<T extends KubeObject>(final: T, writes: readonly SeedWrite[]): T {
  let live: KubeObject | undefined;
  for (const w of writes) {
    const managedFields = w.manager
      ? updateManagedFields(live, w.state, w.manager, w.at)
      : (live?.metadata.managedFields ?? []);
    live = { ...w.state, metadata: { ...w.state.metadata, managedFields } } as KubeObject;
  }
  return { ...final, metadata: { ...final.metadata, managedFields: live?.metadata.managedFields ?? [] } };
}

/** A pod created by `creator`, admitted, bound (unless the creator named the node), then reported by its kubelet. */
export function seedPod(
  pod: Pod,
  creator: string,
  createdAt: SimMs,
  startedAt: SimMs,
  bound: boolean,
  calico: boolean,
): Pod {
  const { [CALICO_POD_IP]: _ip, ...ownAnnotations } = pod.metadata.annotations ?? {};
  const meta = {
    ...pod.metadata,
    annotations: Object.keys(ownAnnotations).length > 0 ? ownAnnotations : undefined,
  };
  const { nodeName: _n, ...unbound } = pod.spec;
  const sent: Pod = {
    ...pod,
    metadata: meta,
    spec: bound ? pod.spec : { ...unbound },
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
  const created = podSpecDefaults(sent);
  const admitted: Pod = {
    ...pod,
    metadata: meta,
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
  const scheduled: Pod = {
    ...admitted,
    status: {
      ...admitted.status,
      conditions: pod.status.conditions.filter((c) => c.type === 'PodScheduled'),
    },
  };
  return seedManaged(pod, [
    { manager: creator, at: createdAt, state: created },
    { at: createdAt, state: admitted },
    { at: createdAt, state: scheduled },
    // Calico's CNI plugin annotates the pod with the address it gave the sandbox.
    ...(calico
      ? [{ manager: 'calico', at: startedAt, state: { ...scheduled, metadata: pod.metadata } }]
      : []),
    { manager: 'kubelet', at: startedAt, state: pod },
  ]);
}

/**
 * A node as its kubelet registered it, kubeadm marked it (the CRI socket; the master's
 * role label and taint), the node IPAM controller gave it a pod CIDR and the TTL
 * controller its TTL, calico-node its addresses and NetworkUnavailable, and its
 * kubelet last reported its status.
 */
export function seedNode(node: Node, t: { joinedAt: SimMs; calicoAt: SimMs; reportedAt: SimMs }): Node {
  const a = { ...(node.metadata.annotations ?? {}) };
  const pick = (keys: string[]) => Object.fromEntries(Object.entries(a).filter(([k]) => keys.includes(k)));
  const kubeletAnn = ['volumes.kubernetes.io/controller-managed-attach-detach'];
  const kubeadmAnn = [...kubeletAnn, 'kubeadm.alpha.kubernetes.io/cri-socket'];
  const kcmAnn = [...kubeadmAnn, 'node.alpha.kubernetes.io/ttl'];
  // kubeadm's mark-control-plane labels: node-role.kubernetes.io/master (1.18), or /control-plane and exclude-from-external-load-balancers (1.36).
  const kubeadmLabel = (k: string) =>
    k.startsWith('node-role.kubernetes.io/') ||
    k === 'node.kubernetes.io/exclude-from-external-load-balancers';
  const all = Object.entries(node.metadata.labels ?? {});
  const labels = Object.fromEntries(all.filter(([k]) => !kubeadmLabel(k)));
  const roleLabels = Object.fromEntries(all.filter(([k]) => kubeadmLabel(k)));
  const kubeletConditions = node.status.conditions
    .filter((c) => KUBELET_CONDITIONS.has(c.type))
    .map((c) => ({ ...c, lastHeartbeatTime: t.joinedAt }));
  const { podCIDR: _c, podCIDRs: _cs, ...spec } = node.spec;
  const registered: Node = {
    ...node,
    metadata: { ...node.metadata, annotations: pick(kubeletAnn), labels },
    spec: { ...spec, taints: [] },
    status: { ...node.status, conditions: kubeletConditions },
  };
  const marked: Node = {
    ...registered,
    metadata: {
      ...registered.metadata,
      annotations: pick(kubeadmAnn),
      labels: { ...labels, ...roleLabels },
    },
    spec: { ...registered.spec, taints: node.spec.taints },
  };
  const allocated: Node = {
    ...marked,
    metadata: { ...marked.metadata, annotations: pick(kcmAnn) },
    spec: { ...node.spec },
  };
  const calico: Node = {
    ...node,
    status: {
      ...node.status,
      conditions: [
        ...node.status.conditions.filter((c) => !KUBELET_CONDITIONS.has(c.type)),
        ...kubeletConditions,
      ],
    },
  };
  return seedManaged(node, [
    { manager: 'kubelet', at: t.joinedAt, state: registered },
    { manager: 'kubeadm', at: (t.joinedAt + 3000) as SimMs, state: marked },
    { manager: 'kube-controller-manager', at: (t.joinedAt + 5000) as SimMs, state: allocated },
    { manager: 'calico-node', at: t.calicoAt, state: calico },
    { manager: 'kubelet', at: t.reportedAt, state: node },
  ]);
}

/**
 * A Deployment, ReplicaSet or DaemonSet created by `creator` (kubeadm for its add-ons,
 * kubectl for Calico's manifest), then given its status and revision annotations by the
 * controller manager.
 */
export function seedWorkload<T extends KubeObject>(o: T, creator: string, at: SimMs): T {
  const annotations = Object.fromEntries(
    Object.entries(o.metadata.annotations ?? {}).filter(([k]) => !k.startsWith('deployment.kubernetes.io/')),
  );
  const created = {
    ...o,
    metadata: {
      ...o.metadata,
      ...(Object.keys(annotations).length > 0 ? { annotations } : { annotations: undefined }),
    },
    status: {},
  } as T;
  return seedManaged(o, [
    { manager: creator, at, state: created },
    { manager: 'kube-controller-manager', at: (at + 1000) as SimMs, state: o },
  ]);
}

/** An object one client created and nobody changed since. */
export function seedCreated<T extends KubeObject>(o: T, manager: string): T {
  return seedManaged(o, [{ manager, at: o.metadata.creationTimestamp, state: o }]);
}
