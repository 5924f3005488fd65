// metadata.managedFields as the 1.18 API server writes them: one entry per manager
// (the client's user agent up to its first "/": kubectl, kubelet, kube-scheduler,
// kube-controller-manager), operation Update (kubectl 1.18 applies client-side, so
// even `kubectl apply` is an Update), its fields as FieldsV1, and the time of its
// last write that changed something it owns.
import type { KubeObject, ManagedFieldsEntry } from '../objects';
import { resourceOfKind } from '../objects';
import { apiVersionOf } from '../resourceKinds';
import type { ComponentId } from '../trace';
import type { SimMs } from '../units';
import { deferManagedFields } from './deferredFields';
import type { FieldSet, WireValue } from './fieldSet';
import { compare, isEmpty, setOf, union, without } from './fieldSet';
import { wireShape, zeroShape } from './shape';

/** sortEncodedManagedFields: by operation (Apply before Update), then time, then manager. */
function sorted(entries: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  return entries.sort(
    (p, q) =>
      (p.operation < q.operation ? -1 : p.operation > q.operation ? 1 : 0) ||
      p.time - q.time ||
      (p.manager < q.manager ? -1 : p.manager > q.manager ? 1 : 0),
  );
}

function has(set: FieldSet, path: readonly string[]): boolean {
  let node: FieldSet | undefined = set;
  for (const e of path) {
    node = node[e];
    if (!node) return false;
  }
  return true;
}

/** The user agent's program name for each of the lab's API clients. */
export function managerOf(id: ComponentId): string {
  if (id.startsWith('kubectl@')) return 'kubectl';
  if (id.startsWith('kubelet@')) return 'kubelet';
  if (id === 'controller-manager') return 'kube-controller-manager';
  if (id === 'scheduler') return 'kube-scheduler';
  if (id.startsWith('kube-proxy@')) return 'kube-proxy';
  // Calico's CNI plugin, /opt/cni/bin/calico.
  if (id === 'cni') return 'calico';
  return id.replace(/@.*/, '');
}

/** What the field manager never sees: the API server's own metadata, set after it runs. */
const serverMeta: ReadonlySet<string> = new Set([
  'creationTimestamp',
  'deletionGracePeriodSeconds',
  'deletionTimestamp',
  'generation',
  'managedFields',
  'name',
  'namespace',
  'resourceVersion',
  'selfLink',
  'uid',
]);

type WireObj = { [k: string]: WireValue };

/**
 * Whether an update can be compared on the lab's own objects, which share what the write
 * left alone (so the compare skips it) and are laid out as the API's except for the
 * workloads' spec (a flat template, a plain selector) and defaults the wire shape adds to
 * new parts: any update but one that changes a workload's spec.
 */
function sameShape(live: KubeObject, next: KubeObject): boolean {
  if (next.kind === 'Deployment' || next.kind === 'ReplicaSet' || next.kind === 'DaemonSet')
    return 'spec' in live && live.spec === next.spec;
  return true;
}

function comparable(o: WireObj, withStatus: boolean): WireObj {
  const out: WireObj = {};
  for (const k in o) {
    if (k === 'apiVersion' || k === 'kind' || (k === 'status' && !withStatus)) continue;
    if (k !== 'metadata') {
      out[k] = o[k] as WireValue;
      continue;
    }
    const meta: WireObj = {};
    const m = o.metadata as WireObj;
    for (const mk in m) if (!serverMeta.has(mk)) meta[mk] = m[mk] as WireValue;
    out.metadata = meta;
  }
  return out;
}

/**
 * The entries after `manager` wrote `next` over `live` (undefined on create). A create
 * sends no status except a Node's (the kubelet registers its node with it).
 */
export function updateManagedFields(
  live: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  time: SimMs,
): ManagedFieldsEntry[] {
  const entries = live?.metadata.managedFields ?? [];
  const withStatus = live !== undefined || next.kind === 'Node';
  const { changed, removed } =
    live && sameShape(live, next)
      ? compare(comparable(live as unknown as WireObj, true), comparable(next as unknown as WireObj, true))
      : compare(
          live ? comparable(wireShape(live, true), true) : comparable(zeroShape(next.kind), true),
          comparable(wireShape(next, true), withStatus),
        );
  if (changed.length === 0 && removed.length === 0) return [...entries];
  // The common write (a heartbeat, a status refresh): fields the writer already owns
  // change value. Only its entry's time moves.
  const own = entries.find((e) => e.manager === manager && e.operation === 'Update');
  if (own && removed.length === 0 && changed.every((p) => has(own.fieldsV1, p)))
    return sorted(entries.map((e) => (e === own ? { ...e, time } : e)));
  const taken: FieldSet = setOf(changed);
  const out: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  for (const e of entries) {
    if (e.manager === manager && e.operation === 'Update') {
      mine = e;
      continue;
    }
    const touched = changed.some((p) => has(e.fieldsV1, p)) || removed.some((p) => has(e.fieldsV1, p));
    if (!touched) {
      out.push(e);
      continue;
    }
    const kept = without(without(e.fieldsV1, changed), removed);
    if (!isEmpty(kept)) out.push({ ...e, fieldsV1: kept });
  }
  const fields = without(union(mine?.fieldsV1 ?? {}, taken), removed);
  if (isEmpty(fields)) return out;
  const entry: ManagedFieldsEntry = {
    apiVersion: apiVersionOf(resourceOfKind[next.kind]),
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    manager,
    operation: 'Update',
    time: isEmpty(taken) && mine ? mine.time : time,
  };
  return sorted([...out, entry]);
}

/** The object with its managed fields after `manager`'s write (computed when first read). */
export function withManagedFields<T extends KubeObject>(
  live: KubeObject | undefined,
  next: T,
  manager: string,
  time: SimMs,
): T {
  const metadata = deferManagedFields(next.metadata, live, () =>
    updateManagedFields(live, next, manager, time),
  );
  return { ...next, metadata };
}
