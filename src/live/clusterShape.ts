// The observed cluster's shape, from its nodes alone: which node is the control plane
// (drawn in the master's box, named as the cluster names it: m-k8s, cp-k8s,
// kind-control-plane) and which are workers. Nothing here assumes the book's names.
import type { ApiObject } from './apiShapes';

/** The control-plane node (drawn in the master's box) and the workers, by their real names. */
export interface ClusterShape {
  readonly master: string;
  readonly workers: readonly string[];
}

// kubeadm labels its control plane node-role.kubernetes.io/master (before 1.24) or /control-plane (1.20+).
const isControlPlane = (n: ApiObject) => {
  const labels = n.metadata?.labels ?? {};
  return 'node-role.kubernetes.io/master' in labels || 'node-role.kubernetes.io/control-plane' in labels;
};

export function clusterShape(nodes: readonly ApiObject[]): ClusterShape {
  const names = nodes.map((n) => n.metadata?.name ?? '').sort();
  const master = nodes.find(isControlPlane)?.metadata?.name;
  const workers = names.filter((n) => n !== master);
  // A one-node cluster (minikube, kind): its node is the master and the worker both.
  return { master: master ?? 'control plane', workers: workers.length > 0 ? workers : names };
}

/** The person's kubectl, drawn on the control plane: `kubectl@cp-k8s`. */
export const kubectlOn = (nodes: readonly ApiObject[]): string => `kubectl@${clusterShape(nodes).master}`;
