// The one registry of resource kinds the lab serves: names, short names,
// group/version, whether namespaced, and the field selectors the API server
// accepts for each. The API server, kubectl's discovery and resource names,
// Tab completion and the inspectors all read this table.
import type { KubeObject, Resource } from './objects';

export interface ResourceKind {
  readonly resource: Resource;
  readonly kind: KubeObject['kind'];
  /** `pod`: what kubectl also accepts, and the name printer's kind without its group. */
  readonly singular: string;
  readonly shortNames: readonly string[];
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  /**
   * The field labels the API server converts for `fieldSelector`, or undefined for
   * the default (metadata.name and metadata.namespace, with apimachinery's own error).
   * From kubernetes `pkg/apis/core/v1/conversion.go` (see docs/FACTS-kubectl.md).
   */
  readonly fieldLabels?: readonly string[];
}

export const resourceKinds: readonly ResourceKind[] = [
  {
    resource: 'pods',
    kind: 'Pod',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
    fieldLabels: [
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'status.phase',
      'status.podIP',
      'status.podIPs',
      'status.nominatedNodeName',
      'spec.host',
    ],
  },
  {
    resource: 'nodes',
    kind: 'Node',
    singular: 'node',
    shortNames: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
    fieldLabels: ['metadata.name', 'spec.unschedulable'],
  },
  {
    resource: 'services',
    kind: 'Service',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    resource: 'endpoints',
    kind: 'Endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    resource: 'events',
    kind: 'Event',
    singular: 'event',
    shortNames: ['ev'],
    group: '',
    version: 'v1',
    namespaced: true,
    fieldLabels: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'source',
      'type',
      'metadata.namespace',
      'metadata.name',
    ],
  },
  {
    resource: 'namespaces',
    kind: 'Namespace',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
    // pkg/registry/core/namespace: NamespaceToSelectableFields adds status.phase.
    fieldLabels: ['metadata.name', 'status.phase'],
  },
  {
    resource: 'configmaps',
    kind: 'ConfigMap',
    singular: 'configmap',
    shortNames: ['cm'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    resource: 'componentstatuses',
    kind: 'ComponentStatus',
    singular: 'componentstatus',
    shortNames: ['cs'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  {
    resource: 'deployments',
    kind: 'Deployment',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    resource: 'replicasets',
    kind: 'ReplicaSet',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    resource: 'daemonsets',
    kind: 'DaemonSet',
    singular: 'daemonset',
    shortNames: ['ds'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    resource: 'leases',
    kind: 'Lease',
    singular: 'lease',
    shortNames: [],
    group: 'coordination.k8s.io',
    version: 'v1',
    namespaced: true,
  },
];

/**
 * The `all` category in the order 1.18's discovery lists it (pods, replicationcontrollers,
 * services, daemonsets, deployments, replicasets, statefulsets, hpa, jobs, cronjobs),
 * reduced to the kinds the lab serves; the others are always empty here.
 */
export const allCategory: readonly Resource[] = [
  'pods',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
];

const byResource = new Map(resourceKinds.map((k) => [k.resource, k]));
const byKind = new Map<string, ResourceKind>(resourceKinds.map((k) => [k.kind, k]));

export function kindOf(resource: Resource): ResourceKind {
  return byResource.get(resource) as ResourceKind;
}

export function kindNamed(kind: string): ResourceKind | undefined {
  return byKind.get(kind);
}

/** `pods`, `deployments.apps`: how the API server names a resource in its messages. */
export function groupResource(resource: Resource): string {
  const k = kindOf(resource);
  return k.group ? `${k.resource}.${k.group}` : k.resource;
}

/** `/v1, Resource=pods`, `apps/v1, Resource=deployments`: Go's GroupVersionResource.String(). */
export function gvrString(resource: Resource): string {
  const k = kindOf(resource);
  return `${k.group}/${k.version}, Resource=${k.resource}`;
}

/** `v1`, `apps/v1`. */
export function apiVersionOf(resource: Resource): string {
  const k = kindOf(resource);
  return k.group ? `${k.group}/${k.version}` : k.version;
}
