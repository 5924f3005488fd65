// kubectl.kubernetes.io/last-applied-configuration, as kubectl 1.18.4 writes and reads
// it (k8s.io/kubectl pkg/util/apply.go, pkg/cmd/apply/apply.go and patcher.go): the
// object as the user wrote it, its own annotation removed, encoded as compact JSON with
// a final newline; apply's three-way patch between that (original), the file now
// (modified, the new annotation inside) and the object on the server (current).
import type { JsonValue } from '../manifestYaml';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = JsonValue;
type JsonMap = { [key: string]: Json };

function isMap(v: Json | undefined): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's encoding/json string: <, >, & and U+2028/2029 escaped (SetEscapeHTML is on by default). */
function goString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * json.Marshal, compact. `sorted`: keys sorted, as Go encodes a map (an unstructured
 * object read from a file); otherwise the order given, as Go encodes a typed struct (what a
 * generator such as `create deployment` builds).
 */
export function goJson(v: Json, sorted = true): string {
  if (Array.isArray(v)) return `[${v.map((x) => goJson(x, sorted)).join(',')}]`;
  if (isMap(v)) {
    const keys = sorted ? Object.keys(v).sort() : Object.keys(v);
    return `{${keys.map((k) => `${goString(k)}:${goJson(v[k] as Json, sorted)}`).join(',')}}`;
  }
  if (typeof v === 'string') return goString(v);
  return JSON.stringify(v);
}

/**
 * GetModifiedConfiguration(obj, false, UnstructuredJSONScheme): the document with its
 * namespace (the builder sets it on a namespaced object), its annotations without this one
 * (an empty map left behind when there were none: SetAnnotations of an empty map keeps the
 * key), json.Encoder's output with its newline.
 */
export function lastAppliedOf(
  doc: { readonly [key: string]: Json },
  namespace: string | undefined,
  extraAnnotations: Readonly<Record<string, string>> = {},
): string {
  const meta: JsonMap = isMap(doc.metadata) ? { ...doc.metadata } : {};
  const annotations: JsonMap = isMap(meta.annotations) ? { ...meta.annotations } : {};
  delete annotations[LAST_APPLIED];
  Object.assign(annotations, extraAnnotations);
  meta.annotations = annotations;
  if (namespace !== undefined) meta.namespace = namespace;
  return `${goJson({ ...doc, metadata: meta })}\n`;
}

/** The document with the annotation inside it: GetModifiedConfiguration(obj, true, …). */
export function withLastApplied(
  doc: { readonly [key: string]: Json },
  namespace: string | undefined,
  extraAnnotations: Readonly<Record<string, string>> = {},
): JsonMap {
  const applied = lastAppliedOf(doc, namespace, extraAnnotations);
  const parsed = JSON.parse(applied) as JsonMap;
  const meta = parsed.metadata as JsonMap;
  meta.annotations = { ...(meta.annotations as JsonMap), [LAST_APPLIED]: applied };
  return parsed;
}

/**
 * The lists strategic merge patch merges item by item, by the key the API types name
 * (patchMergeKey in k8s.io/api): containers and volumes by name, container ports by
 * containerPort, Service ports by port, mounts by mountPath, taints by key. Other lists are replaced whole.
 */
function mergeKeyOf(field: string, items: readonly Json[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'conditions':
      return 'type';
    // A Node's taints (patchStrategy merge, patchMergeKey key in k8s.io/api core/v1).
    case 'taints':
      return 'key';
    case 'ports':
      return items.some((i) => isMap(i) && 'containerPort' in i) ? 'containerPort' : 'port';
    default:
      return undefined;
  }
}

/** Sets a key as an own property: a `__proto__` key in a file stays a key. */
function put(o: JsonMap, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function get(o: JsonMap, k: string): Json | undefined {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return goJson(a ?? null) === goJson(b ?? null) && (a === undefined) === (b === undefined);
}

/** Additions and changes from current to modified; what current has alone stays. */
function delta(current: JsonMap, modified: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [k, m] of Object.entries(modified)) {
    const c = get(current, k);
    if (isMap(m) && isMap(c)) {
      const d = delta(c, m);
      if (Object.keys(d).length > 0) put(out, k, d);
    } else if (Array.isArray(m) && Array.isArray(c) && mergeKeyOf(k, [...m, ...c])) {
      const key = mergeKeyOf(k, [...m, ...c]) as string;
      const items: Json[] = [];
      for (const item of m) {
        const had = isMap(item) ? c.find((x) => isMap(x) && same(x[key], item[key])) : undefined;
        if (!isMap(item) || !isMap(had)) {
          items.push(item);
          continue;
        }
        const d = delta(had, item);
        if (Object.keys(d).length > 0) items.push({ ...d, [key]: item[key] as Json });
      }
      if (items.length > 0) put(out, k, items);
    } else if (!same(c, m)) put(out, k, m);
  }
  return out;
}

/** What the last applied configuration had and the file no longer has: null, or `$patch: delete`. */
function deletions(original: JsonMap, modified: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [k, o] of Object.entries(original)) {
    const m = get(modified, k);
    if (m === undefined) put(out, k, null);
    else if (isMap(o) && isMap(m)) {
      const d = deletions(o, m);
      if (Object.keys(d).length > 0) put(out, k, d);
    } else if (Array.isArray(o) && Array.isArray(m) && mergeKeyOf(k, [...o, ...m])) {
      const key = mergeKeyOf(k, [...o, ...m]) as string;
      const items: Json[] = [];
      for (const item of o) {
        if (!isMap(item)) continue;
        const now = m.find((x) => isMap(x) && same(x[key], item[key]));
        if (!isMap(now)) items.push({ $patch: 'delete', [key]: item[key] as Json });
        else {
          const d = deletions(item, now);
          if (Object.keys(d).length > 0) items.push({ ...d, [key]: item[key] as Json });
        }
      }
      if (items.length > 0) put(out, k, items);
    }
  }
  return out;
}

function mergePatches(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const x = get(out, k);
    if (isMap(x) && isMap(v)) put(out, k, mergePatches(x, v));
    else if (Array.isArray(x) && Array.isArray(v)) put(out, k, [...x, ...v]);
    else put(out, k, v);
  }
  return out;
}

/**
 * CreateThreeWayMergePatch(original, modified, current): the changes from current to
 * modified, plus the deletions of what original had and modified dropped. `{}` means
 * apply has nothing to send ("unchanged"). Simplified: no `$setElementOrder` directives
 * (they only come with a list that changes anyway), no `$retainKeys`.
 */
export function threeWayPatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap): JsonMap {
  const d = delta(current, modified);
  return original ? mergePatches(deletions(original, modified), d) : d;
}

/** The server's side: the strategic merge patch applied to the object it has. */
export function applyPatch(current: JsonMap, patch: JsonMap): JsonMap {
  const out: JsonMap = { ...current };
  for (const [k, p] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    const c = get(out, k);
    if (p === null) delete out[k];
    else if (isMap(p) && isMap(c)) put(out, k, applyPatch(c, p));
    else if (Array.isArray(p) && Array.isArray(c) && mergeKeyOf(k, [...p, ...c])) {
      const key = mergeKeyOf(k, [...p, ...c]) as string;
      let items = [...c];
      for (const item of p) {
        if (!isMap(item)) continue;
        const at = items.findIndex((x) => isMap(x) && same(x[key], item[key]));
        if (item.$patch === 'delete') {
          if (at >= 0) items = items.filter((_, i) => i !== at);
        } else if (at >= 0) items[at] = applyPatch(items[at] as JsonMap, item);
        else items.push(applyPatch({}, item));
      }
      put(out, k, items);
    } else put(out, k, isMap(p) ? applyPatch({}, p) : p);
  }
  return out;
}

/** The last applied configuration stored on an object, parsed, or undefined. */
export function originalOf(annotations: Readonly<Record<string, string>> | undefined): JsonMap | undefined {
  const text = annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Json;
    return isMap(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
