// The Deployment, ReplicaSet and DaemonSet controllers' decisions as pure
// functions of the cached objects: what to create, scale or delete.
import { podTemplateHash } from '../names';
import type { DaemonSet, Deployment, Node, ObjectMeta, Pod, PodTemplate, ReplicaSet } from '../objects';
import type { SimMs } from '../units';

export function ownedBy(meta: ObjectMeta, uid: string): boolean {
  return !!meta.ownerReferences?.some((r) => r.uid === uid);
}

export function live(p: Pod): boolean {
  return (
    p.metadata.deletionTimestamp === undefined &&
    p.status.phase !== 'Failed' &&
    p.status.phase !== 'Succeeded'
  );
}

function meta(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  owner?: { kind: string; name: string; uid: string },
  generateName?: string,
): ObjectMeta {
  return {
    name,
    namespace,
    uid: '',
    resourceVersion: 0,
    creationTimestamp: 0 as SimMs,
    labels,
    ...(owner ? { ownerReferences: [owner] } : {}),
    ...(generateName ? { generateName } : {}),
  };
}

export function podFromTemplate(
  template: PodTemplate,
  namespace: string,
  owner: { kind: string; name: string; uid: string },
  generateName: string,
  nodeName?: string,
  extraLabels: Record<string, string> = {},
): Pod {
  return {
    kind: 'Pod',
    metadata: {
      ...meta('', namespace, { ...template.labels, ...extraLabels }, owner, generateName),
      ...(template.annotations ? { annotations: template.annotations } : {}),
    },
    spec: {
      containers: template.containers,
      tolerations: template.tolerations ?? [],
      terminationGracePeriodSeconds: 30,
      ...(template.hostNetwork ? { hostNetwork: true } : {}),
      ...(nodeName ? { nodeName } : {}),
    },
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
}

/**
 * The real pod-template-hash of a template the lab knows one for (kubeadm's CoreDNS of the
 * profile's version: every cluster of that version hashes it alike), else undefined.
 */
export type KnownHash = (d: Deployment) => string | undefined;

export function replicaSetName(d: Deployment, known?: KnownHash): { name: string; hash: string } {
  const hash = known?.(d) ?? podTemplateHash(d.spec.template, d.metadata.name);
  return { name: `${d.metadata.name}-${hash}`, hash };
}

export function replicaSetFor(d: Deployment, known?: KnownHash): ReplicaSet {
  const { name, hash } = replicaSetName(d, known);
  const ns = d.metadata.namespace ?? 'default';
  const labels = { ...d.spec.template.labels, 'pod-template-hash': hash };
  return {
    kind: 'ReplicaSet',
    metadata: meta(name, ns, labels, { kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid }),
    spec: {
      replicas: d.spec.replicas,
      selector: { ...d.spec.selector, 'pod-template-hash': hash },
      template: { ...d.spec.template, labels },
    },
    status: { replicas: 0, readyReplicas: 0 },
  };
}

/** Pods to delete when scaling down: unscheduled first, then not ready, then the newest. */
export function podsToDelete(pods: readonly Pod[], n: number): Pod[] {
  const rank = (p: Pod) => (!p.spec.nodeName ? 0 : p.status.phase !== 'Running' ? 1 : 2);
  return [...pods]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.metadata.creationTimestamp - a.metadata.creationTimestamp ||
        (a.metadata.name < b.metadata.name ? -1 : 1),
    )
    .slice(0, n);
}

export function isReady(p: Pod): boolean {
  return p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Nodes a DaemonSet should run on: every node whose NoSchedule taints it tolerates. */
export function daemonNodes(ds: DaemonSet, nodes: readonly Node[]): Node[] {
  const tol = ds.spec.template.tolerations ?? [];
  const everything = tol.some((t) => t.operator === 'Exists' && !t.key);
  return nodes.filter(
    (n) =>
      everything ||
      n.spec.taints.every((t) => t.effect === 'PreferNoSchedule' || tol.some((x) => x.key === t.key)),
  );
}
