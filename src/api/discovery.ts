// Discovery as the lab's kube-apiserver serves it: /api, /apis, each group version's
// resource list with its subresources, and /version. Read from the lab's one registry
// of kinds, so the served kinds are the ones the lab models (fewer than a real
// cluster's; see docs/FACTS-api.md), and from the profile's `apiServer.discovery`: what
// each version registers for them. A 1.33 kubectl asks for aggregated discovery
// (apidiscovery.k8s.io/v2) first; 1.18 does not know it and answers the old lists, which
// is what makes the client fall back; the 1.36 lab answers it.

import { verbsOf } from '../shell/kubectl/discovery';
import type { Resource } from '../sim/objects';
import type { Profile } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import type { DiscoverySubresource } from '../sim/profiles/profile';
import { allCategory, resourceKinds } from '../sim/resourceKinds';

/** The lab's API server address, as 1.18 names itself to clients (serverAddressByClientCIDRs). */
export const LAB_API_ADDRESS = '192.168.1.10:6443';

/** GET /version of the book's kube-apiserver v1.18.4 (a lab of another profile serves its own: rest.ts). */
export const versionInfo = profileOf(undefined).apiServer.versionInfo;

/** The subresources the lab's version registers for the served kinds (its profile's discovery). */
const subresourcesOf = (resource: Resource, profile: Profile): readonly DiscoverySubresource[] =>
  profile.apiServer.discovery.subresources[resource] ?? [];

export function hasSubresource(
  resource: Resource,
  sub: string,
  profile: Profile = profileOf(undefined),
): boolean {
  return subresourcesOf(resource, profile).some((s) => s.name === sub);
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
export function apiResourceList(
  group: string,
  version: string,
  profile: Profile = profileOf(undefined),
): object | undefined {
  const kinds = resourceKinds.filter((k) => k.group === group && k.version === version);
  if (kinds.length === 0) return undefined;
  const d = profile.apiServer.discovery;
  const groupVersion = group ? `${group}/${version}` : version;
  const resources = kinds.flatMap((k) => {
    const hash = d.storageVersionHashes.find(([gvr]) => gvr === `${groupVersion}/${k.resource}`)?.[1];
    return [
      {
        name: k.resource,
        singularName: d.singularNames ? k.singular : '',
        namespaced: k.namespaced,
        kind: k.kind,
        verbs: verbsOf(k.resource, profile),
        ...(k.shortNames.length > 0 ? { shortNames: k.shortNames } : {}),
        ...(allCategory.includes(k.resource) ? { categories: ['all'] } : {}),
        ...(hash ? { storageVersionHash: hash } : {}),
      },
      ...subresourcesOf(k.resource, profile).map((s) => ({
        name: `${k.resource}/${s.name}`,
        singularName: '',
        namespaced: k.namespaced,
        ...(s.group ? { group: s.group, version: s.version } : {}),
        kind: s.kind ?? k.kind,
        verbs: s.verbs,
      })),
    ];
  });
  return { kind: 'APIResourceList', ...(group ? { apiVersion: 'v1' } : {}), groupVersion, resources };
}

/** What a client asks for when it reads aggregated discovery (client-go's AcceptV2). */
export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** The client's Accept names apidiscovery.k8s.io/v2's APIGroupDiscoveryList (parameters in any order, spaces allowed). */
export function asksAggregated(accept: string): boolean {
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((p) => p.trim());
    const has = (kv: string) => params.includes(kv);
    return (
      type === 'application/json' &&
      has('g=apidiscovery.k8s.io') &&
      has('v=v2') &&
      has('as=APIGroupDiscoveryList')
    );
  });
}

/** One group version in aggregated discovery (apidiscovery/v2 APIVersionDiscovery), its resources by name. */
function versionDiscovery(group: string, version: string, profile: Profile): object {
  const d = profile.apiServer.discovery;
  const kinds = resourceKinds
    .filter((k) => k.group === group && k.version === version)
    .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  // apiserver's ConvertGroupVersionIntoToDiscovery: a resource's responseKind carries the group and
  // version of its APIResource (empty for the group version's own kinds), a subresource's only
  // when it names one of them.
  const resources = kinds.map((k) => {
    const subs = subresourcesOf(k.resource, profile);
    return {
      resource: k.resource,
      responseKind: { group: '', version: '', kind: k.kind },
      scope: k.namespaced ? 'Namespaced' : 'Cluster',
      ...(d.singularNames ? { singularResource: k.singular } : {}),
      verbs: verbsOf(k.resource, profile),
      ...(k.shortNames.length > 0 ? { shortNames: k.shortNames } : {}),
      ...(allCategory.includes(k.resource) ? { categories: ['all'] } : {}),
      ...(subs.length > 0
        ? {
            subresources: subs.map((s) => ({
              subresource: s.name,
              responseKind: { group: s.group ?? '', version: s.version ?? '', kind: s.kind ?? k.kind },
              verbs: s.verbs,
            })),
          }
        : {}),
    };
  });
  return { version, resources, freshness: 'Current' };
}

/**
 * GET /api or /apis asking for aggregated discovery: every group version's resources in one
 * APIGroupDiscoveryList, the core group unnamed. Its objects' metadata carry no creationTimestamp
 * (apimachinery 0.34+ leaves a zero time out).
 */
export function aggregatedDiscovery(core: boolean, profile: Profile): object {
  const names = core ? [''] : groups();
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: names.map((name) => ({
      metadata: name ? { name } : {},
      versions: [...new Set(resourceKinds.filter((k) => k.group === name).map((k) => k.version))].map((v) =>
        versionDiscovery(name, v, profile),
      ),
    })),
  };
}
