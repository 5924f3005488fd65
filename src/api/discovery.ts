// Discovery as the 1.18.4 API server serves it: /api, /apis, each group version's
// resource list with its subresources, and /version. Read from the lab's one registry
// of kinds, so the served kinds are the ones the lab models (fewer than a real 1.18
// cluster's; see docs/FACTS-api.md). A 1.33 kubectl asks for aggregated discovery
// (apidiscovery.k8s.io/v2) first; 1.18 does not know it and answers the old lists, which
// is what makes the client fall back.

import { verbsOf } from '../shell/kubectl/discovery';
import type { Resource } from '../sim/objects';
import { profileOf } from '../sim/profiles';
import { allCategory, resourceKinds } from '../sim/resourceKinds';

/** The lab's API server address, as 1.18 names itself to clients (serverAddressByClientCIDRs). */
export const LAB_API_ADDRESS = '192.168.1.10:6443';

/** GET /version of the book's kube-apiserver v1.18.4 (a lab of another profile serves its own: rest.ts). */
export const versionInfo = profileOf(undefined).apiServer.versionInfo;

interface Sub {
  readonly name: string;
  readonly verbs: readonly string[];
  readonly kind?: string;
  readonly group?: string;
  readonly version?: string;
}

/** The subresources 1.18.4 registers for the served kinds (pkg/registry/*\/rest storage maps). */
const subresources: Partial<Record<Resource, readonly Sub[]>> = {
  pods: [
    { name: 'attach', verbs: ['create', 'get'], kind: 'PodAttachOptions' },
    { name: 'binding', verbs: ['create'], kind: 'Binding' },
    { name: 'eviction', verbs: ['create'], kind: 'Eviction', group: 'policy', version: 'v1beta1' },
    { name: 'exec', verbs: ['create', 'get'], kind: 'PodExecOptions' },
    { name: 'log', verbs: ['get'] },
    { name: 'portforward', verbs: ['create', 'get'], kind: 'PodPortForwardOptions' },
    { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'PodProxyOptions' },
    { name: 'status', verbs: ['get', 'patch', 'update'] },
  ],
  nodes: [
    { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'NodeProxyOptions' },
    { name: 'status', verbs: ['get', 'patch', 'update'] },
  ],
  services: [
    { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'ServiceProxyOptions' },
    { name: 'status', verbs: ['get', 'patch', 'update'] },
  ],
  namespaces: [
    { name: 'finalize', verbs: ['update'] },
    { name: 'status', verbs: ['get', 'patch', 'update'] },
  ],
  deployments: [
    { name: 'scale', verbs: ['get', 'patch', 'update'], kind: 'Scale', group: 'autoscaling', version: 'v1' },
    { name: 'status', verbs: ['get', 'patch', 'update'] },
  ],
  replicasets: [
    { name: 'scale', verbs: ['get', 'patch', 'update'], kind: 'Scale', group: 'autoscaling', version: 'v1' },
    { name: 'status', verbs: ['get', 'patch', 'update'] },
  ],
  daemonsets: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
};

export function hasSubresource(resource: Resource, sub: string): boolean {
  return (subresources[resource] ?? []).some((s) => s.name === sub);
}

export function apiVersions(): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: LAB_API_ADDRESS }],
  };
}

const groups = (): string[] => [...new Set(resourceKinds.map((k) => k.group).filter((g) => g !== ''))];

function groupOf(name: string): object {
  const versions = [...new Set(resourceKinds.filter((k) => k.group === name).map((k) => k.version))].map(
    (v) => ({ groupVersion: `${name}/${v}`, version: v }),
  );
  return { name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups().map(groupOf) };
}

/** GET /apis/<group>: the group alone, or undefined for a group the lab does not serve. */
export function apiGroup(name: string): object | undefined {
  return groups().includes(name) ? { kind: 'APIGroup', apiVersion: 'v1', ...groupOf(name) } : undefined;
}

/** GET /api/v1 or /apis/<group>/<version>: the resources, or undefined when not served. */
export function apiResourceList(group: string, version: string): object | undefined {
  const kinds = resourceKinds.filter((k) => k.group === group && k.version === version);
  if (kinds.length === 0) return undefined;
  const resources = kinds.flatMap((k) => [
    {
      name: k.resource,
      singularName: '',
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: verbsOf(k.resource),
      ...(k.shortNames.length > 0 ? { shortNames: k.shortNames } : {}),
      ...(allCategory.includes(k.resource) ? { categories: ['all'] } : {}),
    },
    ...(subresources[k.resource] ?? []).map((s) => ({
      name: `${k.resource}/${s.name}`,
      singularName: '',
      namespaced: k.namespaced,
      ...(s.group ? { group: s.group, version: s.version } : {}),
      kind: s.kind ?? k.kind,
      verbs: s.verbs,
    })),
  ]);
  const groupVersion = group ? `${group}/${version}` : version;
  return { kind: 'APIResourceList', ...(group ? { apiVersion: 'v1' } : {}), groupVersion, resources };
}
