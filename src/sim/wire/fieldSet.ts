// Server-side field ownership as the 1.18 API server records it (structured-merge-diff
// v3, FieldsV1): an Update by a manager takes every field it added or changed, away from
// the other managers. A field set is a tree keyed by path elements, `f:<field>`,
// `k:{"<key>":<value>}` for an item of a keyed list, `v:<json>` for an item of a set,
// and `.` for the node itself when the update added it whole (a map, list or list item
// that was absent before, not merely null or empty).

export type WireValue = string | number | boolean | null | WireValue[] | { [k: string]: WireValue };
export interface FieldSet {
  [element: string]: FieldSet;
}

/**
 * The merge keys of the lists the lab's objects hold (patchMergeKey in k8s.io/api 1.18);
 * lists not named here are atomic (tolerations, containerStatuses, command, args, taints).
 */
const listKeys: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  conditions: ['type'],
  ports: ['containerPort', 'protocol'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  env: ['name'],
  ownerReferences: ['uid'],
  podIPs: ['ip'],
  addresses: ['type'],
};
/** Service ports are keyed by port and protocol, container ports by containerPort and protocol. */
const servicePortKeys = ['port', 'protocol'];
/** Lists of scalars merged as sets (podCIDRs, finalizers). */
const setLists = new Set(['podCIDRs', 'finalizers']);

function isMap(v: WireValue | undefined): v is { [k: string]: WireValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function itemElement(field: string, item: WireValue, keys: readonly string[]): string {
  if (!isMap(item)) return `v:${JSON.stringify(item)}`;
  const parts = keys
    .filter((k) => item[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(item[k])}`);
  void field;
  return `k:{${parts.join(',')}}`;
}

function keysFor(field: string, items: readonly WireValue[]): readonly string[] | undefined {
  if (setLists.has(field)) return [];
  if (field === 'ports' && items.some((i) => isMap(i) && 'port' in i && !('containerPort' in i)))
    return servicePortKeys;
  return listKeys[field];
}

function add(set: FieldSet, path: readonly string[]): void {
  let node = set;
  for (const e of path) {
    node[e] ??= {};
    node = node[e] as FieldSet;
  }
}

/** Every path in `v` as added whole: its own `.` (if it has children) and all leaves. */
function addedWhole(v: WireValue, field: string, path: string[], out: string[][]): void {
  const children = childrenOf(v, field);
  if (children.length === 0) {
    out.push(path);
    return;
  }
  out.push([...path, '.']);
  for (const [e, child, f] of children) addedWhole(child, f, [...path, e], out);
}

function childrenOf(v: WireValue, field: string): [string, WireValue, string][] {
  if (isMap(v)) return Object.keys(v).map((k) => [`f:${k}`, v[k] as WireValue, k]);
  if (Array.isArray(v)) {
    const keys = keysFor(field, v);
    if (!keys) return [];
    return v.map((item) => [
      keys.length === 0 ? `v:${JSON.stringify(item)}` : itemElement(field, item, keys),
      item,
      '',
    ]);
  }
  return [];
}

/** The paths an Update from `live` to `next` added or changed (compare's Added ∪ Modified), and removed. */
export function compare(
  live: WireValue | undefined,
  next: WireValue | undefined,
  field = '',
  path: string[] = [],
  changed: string[][] = [],
  removed: string[][] = [],
): { changed: string[][]; removed: string[][] } {
  // Objects share the branches a write left alone: nothing below them changed.
  if (live === next) return { changed, removed };
  if (next === undefined) {
    if (live !== undefined) removed.push(path);
    return { changed, removed };
  }
  if (live === undefined) {
    if (path.length > 0) addedWhole(next, field, path, changed);
    else for (const [e, c, f] of childrenOf(next, field)) addedWhole(c, f, [e], changed);
    return { changed, removed };
  }
  if (typeof next !== 'object' || next === null) {
    if (live !== next) changed.push(path);
    return { changed, removed };
  }
  if (isMap(next)) {
    const keys = Object.keys(next);
    if (keys.length === 0 || !isMap(live)) {
      if (keys.length === 0 ? !(isMap(live) && Object.keys(live).length === 0) : true) {
        if (keys.length === 0) changed.push(path);
        else for (const k of keys) compare(undefined, next[k], k, [...path, `f:${k}`], changed, removed);
      }
      return { changed, removed };
    }
    for (const k of keys) {
      const l = live[k];
      const n = next[k];
      if (l !== n) compare(l, n, k, [...path, `f:${k}`], changed, removed);
    }
    for (const k in live) if (!(k in next) && live[k] !== undefined) removed.push([...path, `f:${k}`]);
    return { changed, removed };
  }
  const nextChildren = childrenOf(next, field);
  if (nextChildren.length === 0) {
    if (JSON.stringify(live) !== JSON.stringify(next)) changed.push(path);
    return { changed, removed };
  }
  const liveBy = new Map(childrenOf(live, field).map(([e, c]) => [e, c]));
  for (const [e, c, f] of nextChildren) {
    const l = liveBy.get(e);
    if (l !== c) compare(l, c, f, [...path, e], changed, removed);
    liveBy.delete(e);
  }
  for (const e of liveBy.keys()) removed.push([...path, e]);
  return { changed, removed };
}

export function setOf(paths: readonly (readonly string[])[]): FieldSet {
  const s: FieldSet = {};
  for (const p of paths) add(s, p);
  return s;
}

/** `set` without the paths in `paths` (or below them); empty branches go. */
export function without(set: FieldSet, paths: readonly (readonly string[])[]): FieldSet {
  const drop = setOf(paths);
  const walk = (s: FieldSet, d: FieldSet | undefined): FieldSet => {
    const out: FieldSet = {};
    for (const [e, child] of Object.entries(s)) {
      const dChild = d?.[e];
      if (dChild && Object.keys(dChild).length === 0) continue;
      const kept = walk(child, dChild);
      if (Object.keys(child).length > 0 && Object.keys(kept).length === 0) continue;
      out[e] = kept;
    }
    return out;
  };
  return walk(set, drop);
}

export function union(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { ...a };
  for (const [e, child] of Object.entries(b)) out[e] = out[e] ? union(out[e] as FieldSet, child) : child;
  return out;
}

export function isEmpty(s: FieldSet): boolean {
  return Object.keys(s).length === 0;
}
