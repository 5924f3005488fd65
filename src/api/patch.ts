// PATCH bodies as the API server applies them to the stored object's JSON: RFC 6902
// JSON patch, RFC 7386 merge patch, and strategic merge patch (the one kubectl apply,
// set image, taint and cordon send), by the patch's content type.

import { applyPatch } from '../shell/kubectl/lastApplied';
import type { JsonValue } from '../shell/manifestYaml';

type Map = { [k: string]: JsonValue };

const isMap = (v: JsonValue | undefined): v is Map =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const patchTypes = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
] as const;

export type PatchType = (typeof patchTypes)[number];

export function mergePatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (!isMap(patch)) return patch;
  const out: Map = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

function pointer(path: string): string[] | undefined {
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902; a failed operation gives the message the API server answers (evanphx/json-patch wording). */
export function jsonPatch(
  doc: JsonValue,
  ops: JsonValue,
): { ok: true; doc: JsonValue } | { ok: false; message: string } {
  if (!Array.isArray(ops))
    return { ok: false, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' };
  let cur: JsonValue = structuredClone(doc);
  for (const op of ops) {
    if (!isMap(op) || typeof op.op !== 'string' || typeof op.path !== 'string')
      return { ok: false, message: 'Unexpected kind: ' };
    const parts = pointer(op.path);
    if (!parts)
      return {
        ok: false,
        message: `replace operation does not apply: doc is missing path: "${op.path}": missing value`,
      };
    const res = applyOp(cur, op, parts);
    if (!res.ok) return res;
    cur = res.doc;
  }
  return { ok: true, doc: cur };
}

function getAt(doc: JsonValue, parts: readonly string[]): JsonValue | undefined {
  let c: JsonValue | undefined = doc;
  for (const p of parts) {
    if (Array.isArray(c)) c = c[Number(p)];
    else if (isMap(c)) c = Object.hasOwn(c, p) ? c[p] : undefined;
    else return undefined;
  }
  return c;
}

function applyOp(
  doc: JsonValue,
  op: Map,
  parts: string[],
): { ok: true; doc: JsonValue } | { ok: false; message: string } {
  const kind = op.op as string;
  const missing = {
    ok: false as const,
    message: `${kind} operation does not apply: doc is missing path: "${op.path}": missing value`,
  };
  if (kind === 'test') {
    const v = getAt(doc, parts);
    return JSON.stringify(v) === JSON.stringify(op.value)
      ? { ok: true, doc }
      : { ok: false, message: `testing value ${op.path} failed: test failed` };
  }
  if (kind === 'copy' || kind === 'move') {
    const from = pointer(typeof op.from === 'string' ? op.from : '');
    const v = from ? getAt(doc, from) : undefined;
    if (!from || v === undefined) return missing;
    const removed =
      kind === 'move'
        ? applyOp(doc, { op: 'remove', path: op.from as string }, from)
        : { ok: true as const, doc };
    if (!removed.ok) return removed;
    return applyOp(removed.doc, { op: 'add', path: op.path as string, value: v }, parts);
  }
  if (parts.length === 0)
    return kind === 'remove' ? missing : { ok: true, doc: (op.value ?? null) as JsonValue };
  const parent = getAt(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1] as string;
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (kind !== 'add' && i >= parent.length))
      return missing;
    if (kind === 'add') parent.splice(i, 0, op.value ?? null);
    else if (kind === 'remove') parent.splice(i, 1);
    else if (kind === 'replace') parent[i] = op.value ?? null;
    else return { ok: false, message: `Unexpected kind: ${kind}` };
    return { ok: true, doc };
  }
  if (!isMap(parent)) return missing;
  if (kind === 'add') parent[last] = op.value ?? null;
  else if (kind === 'remove' || kind === 'replace') {
    if (!Object.hasOwn(parent, last)) return missing;
    if (kind === 'remove') delete parent[last];
    else parent[last] = op.value ?? null;
  } else return { ok: false, message: `Unexpected kind: ${kind}` };
  return { ok: true, doc };
}

/** The stored object's JSON with the patch applied, or the API server's message for a bad patch. */
export function applyPatchOf(
  type: PatchType,
  current: Map,
  body: JsonValue,
): { ok: true; doc: Map } | { ok: false; message: string } {
  if (type === 'application/json-patch+json') {
    const r = jsonPatch(current, body);
    if (!r.ok) return r;
    return isMap(r.doc)
      ? { ok: true, doc: r.doc }
      : { ok: false, message: 'the patch replaced the object with a non-object' };
  }
  if (!isMap(body))
    return {
      ok: false,
      message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    };
  if (type === 'application/merge-patch+json') return { ok: true, doc: mergePatch(current, body) as Map };
  return { ok: true, doc: applyPatch(current, body) as Map };
}
