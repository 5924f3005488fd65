// The NamespaceLifecycle admission plugin and the namespace storage's graceful
// delete (kubernetes 1.18 plugin/pkg/admission/namespace/lifecycle and
// pkg/registry/core/namespace/storage): nothing is created in a namespace that does
// not exist or is being terminated, the three immortal namespaces cannot be deleted,
// and a deleted namespace stays Terminating until its finalizer is gone.
import type { EtcdStore } from '../etcdStore';
import type { KubeObject, Namespace } from '../objects';
import { namespaced, registryKey, resourceOfKind } from '../objects';
import type { ApiResponse } from '../protocol';
import { groupResource } from '../resourceKinds';
import { sha256 } from '../sha256';
import type { SimMs } from '../units';

/**
 * The API server's bootstrap controller (re)creates these on start, so in the lab they
 * are always there; they may not be deleted (kube-node-lease may, in 1.18).
 */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

/** What the bootstrap controller makes when the API server starts on an empty etcd. */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/** The finalizer the namespace controller removes once the namespace is empty. */
export const NAMESPACE_FINALIZER = 'kubernetes';

/**
 * The system namespaces' uids come from their names, not the seeded rng: adding them
 * must not shift every random name drawn after them.
 */
function systemUid(name: string): string {
  return uidFromText(`namespace/${name}`);
}

/** A uid derived from a text (objects the ready lab adds without drawing from its rng). */
export function uidFromText(text: string): string {
  const hex = [...sha256(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A namespace as kubectl create sends it (uid '') or, with `system`, as the bootstrap controller makes it. */
export function namespaceObject(name: string, at: SimMs, system = false): Namespace {
  return {
    kind: 'Namespace',
    metadata: { name, uid: system ? systemUid(name) : '', resourceVersion: 0, creationTimestamp: at },
    spec: { finalizers: [NAMESPACE_FINALIZER] },
    status: { phase: 'Active' },
  };
}

type Refusal = Extract<ApiResponse, { ok: false }>;

/** A create refused by the plugin, or undefined to go on. */
export function refuseCreate(obj: KubeObject, store: EtcdStore<KubeObject> | undefined): Refusal | undefined {
  const resource = resourceOfKind[obj.kind];
  if (!namespaced[resource] || !store) return undefined;
  const ns = obj.metadata.namespace ?? 'default';
  if (IMMORTAL_NAMESPACES.includes(ns)) return undefined;
  const stored = store.get(registryKey('namespaces', ns))?.value;
  if (!stored) return { ok: false, code: 404, reason: 'NotFound', message: `namespaces "${ns}" not found` };
  if (stored.kind === 'Namespace' && stored.status.phase === 'Terminating')
    return {
      ok: false,
      code: 403,
      reason: 'Forbidden',
      message: `${groupResource(resource)} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
    };
  return undefined;
}

export function refuseDelete(name: string): Refusal | undefined {
  if (!IMMORTAL_NAMESPACES.includes(name)) return undefined;
  return {
    ok: false,
    code: 403,
    reason: 'Forbidden',
    message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
  };
}

/** Delete of a namespace: with finalizers it only turns Terminating, once. */
export function deleteNamespace(ns: Namespace, now: SimMs): Namespace | 'delete' {
  if (ns.spec.finalizers.length === 0) return 'delete';
  if (ns.metadata.deletionTimestamp !== undefined) return ns;
  return {
    ...ns,
    metadata: { ...ns.metadata, deletionTimestamp: now, deletionGracePeriodSeconds: 0 },
    status: { phase: 'Terminating' },
  };
}

/** An update that leaves a terminating namespace without finalizers removes it. */
export function finalized(o: KubeObject): boolean {
  return (
    o.kind === 'Namespace' && o.metadata.deletionTimestamp !== undefined && o.spec.finalizers.length === 0
  );
}
