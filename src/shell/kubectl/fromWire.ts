// An object in the API's JSON, as a client sends it (POST, PUT, or the stored object
// with a PATCH applied), back into the lab's own form. For an update the stored object
// is the start: only what a client may change is taken from the JSON (labels,
// annotations and the spec the lab models); status, uid and times stay the server's.

import type { Container, KubeObject, Node, PodTemplate, Taint } from '../../sim/objects';
import type { SimMs } from '../../sim/units';
import { toObject } from '../manifest';
import type { JsonValue } from '../manifestYaml';
import { wireObject } from './objectPrinter';

type Map = { [k: string]: JsonValue };

const isMap = (v: JsonValue | undefined): v is Map =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function strings(v: JsonValue | undefined): Record<string, string> | undefined {
  if (!isMap(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

export type Decoded =
  | { readonly ok: true; readonly object: KubeObject }
  | { readonly ok: false; readonly message: string };

/** JSON with sorted keys: two objects that say the same compare equal. */
function sorted(v: JsonValue | undefined): string {
  const walk = (x: JsonValue | undefined): unknown =>
    Array.isArray(x)
      ? x.map(walk)
      : isMap(x)
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, walk(x[k])]),
          )
        : (x ?? null);
  return JSON.stringify(walk(v));
}

const byName = (cs: JsonValue | undefined): Record<string, Map> =>
  Object.fromEntries(
    (Array.isArray(cs) ? cs.filter(isMap) : []).map((c) => [typeof c.name === 'string' ? c.name : '', c]),
  );

/**
 * The template after a PUT or PATCH: the stored one where the client's JSON says the same
 * (it carries the API's defaults, which the lab's form leaves out, and must not look like a
 * new template), and only the fields the client changed taken from `fresh`.
 */
function changedTemplate(
  current: PodTemplate,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  fresh: PodTemplate,
): PodTemplate {
  if (sorted(before) === sorted(after)) return current;
  const b = isMap(before) ? before : {};
  const a = isMap(after) ? after : {};
  const bs = isMap(b.spec) ? b.spec : {};
  const as = isMap(a.spec) ? a.spec : {};
  const was = byName(bs.containers);
  const now = byName(as.containers);
  const containers = fresh.containers.map((fc) => {
    const cc = current.containers.find((c) => c.name === fc.name);
    const cw = was[fc.name];
    const nw = now[fc.name];
    if (!cc || !cw || !nw) return fc;
    const out: Record<string, unknown> = { ...cc };
    for (const k of new Set([...Object.keys(cw), ...Object.keys(nw)])) {
      if (sorted(cw[k]) === sorted(nw[k])) continue;
      const v = (fc as unknown as Record<string, unknown>)[k];
      if (v === undefined) delete out[k];
      else out[k] = v;
    }
    return out as unknown as Container;
  });
  const metaChanged = sorted(b.metadata) !== sorted(a.metadata);
  // `rollout restart` writes its restartedAt here.
  const annotations = strings(isMap(a.metadata) ? a.metadata.annotations : undefined);
  const { annotations: _, ...withoutAnnotations } = current;
  return {
    ...(metaChanged ? withoutAnnotations : current),
    ...(metaChanged ? { labels: fresh.labels } : {}),
    ...(metaChanged && annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
    ...(sorted(bs.tolerations) !== sorted(as.tolerations) ? { tolerations: fresh.tolerations ?? [] } : {}),
    containers,
  };
}

/** POST: a new object of a kind the lab models. */
export function createdFromWire(doc: Map): Decoded {
  const o = toObject(doc, '');
  if (typeof o === 'string') return { ok: false, message: o.replace(/^error: /, '') };
  return { ok: true, object: o };
}

function canonical(v: JsonValue | undefined): string {
  return JSON.stringify(v ?? null);
}

/** The wire time a client sent back, as cluster time. */
function simTime(v: JsonValue | undefined, epochMs: number): SimMs | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : ((t - epochMs) as SimMs);
}

function taints(v: JsonValue | undefined, epochMs: number): Taint[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isMap).map((t) => {
    const at = simTime(t.timeAdded, epochMs);
    return {
      key: typeof t.key === 'string' ? t.key : '',
      ...(typeof t.value === 'string' && t.value !== '' ? { value: t.value } : {}),
      effect: (typeof t.effect === 'string' ? t.effect : 'NoSchedule') as Taint['effect'],
      ...(at !== undefined ? { timeAdded: at } : {}),
    };
  });
}

/** Without the images of its containers: what else a Pod's spec holds, for the immutability check. */
function specWithoutImages(spec: JsonValue | undefined): string {
  if (!isMap(spec)) return canonical(spec);
  const strip = (cs: JsonValue | undefined) =>
    Array.isArray(cs) ? cs.map((c) => (isMap(c) ? { ...c, image: '' } : c)) : cs;
  return canonical({
    ...spec,
    containers: strip(spec.containers) ?? null,
    initContainers: strip(spec.initContainers) ?? null,
  });
}

/**
 * PUT or PATCH: the stored object changed as `doc` says. `epochMs` is the wall time of
 * cluster time 0, to read back the times the client saw.
 */
export function updatedFromWire(current: KubeObject, doc: Map, epochMs: number): Decoded {
  const meta = isMap(doc.metadata) ? doc.metadata : {};
  const labels = strings(meta.labels);
  const annotations = strings(meta.annotations);
  const { labels: _l, annotations: _a, ...kept } = current.metadata;
  const metadata = {
    ...kept,
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  const spec = isMap(doc.spec) ? doc.spec : {};
  switch (current.kind) {
    case 'Pod': {
      const before = wireObject(current, epochMs).spec as JsonValue;
      if (specWithoutImages(before) !== specWithoutImages(spec)) {
        return {
          ok: false,
          message: `Pod "${current.metadata.name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`, \`spec.initContainers[*].image\`, \`spec.activeDeadlineSeconds\` or \`spec.tolerations\` (only additions to existing tolerations)`,
        };
      }
      const images = new Map<string, string>();
      for (const c of Array.isArray(spec.containers) ? spec.containers.filter(isMap) : [])
        if (typeof c.name === 'string' && typeof c.image === 'string') images.set(c.name, c.image);
      const containers = current.spec.containers.map((c) => ({ ...c, image: images.get(c.name) ?? c.image }));
      return { ok: true, object: { ...current, metadata, spec: { ...current.spec, containers } } };
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'Service': {
      const fresh = toObject({ ...doc, kind: current.kind }, '');
      if (typeof fresh === 'string') return { ok: false, message: fresh };
      const beforeSpec = wireObject(current, epochMs).spec as JsonValue;
      const templateOf = (cur: PodTemplate, next: PodTemplate) =>
        changedTemplate(cur, isMap(beforeSpec) ? beforeSpec.template : undefined, spec.template, next);
      if (fresh.kind === 'Deployment' && current.kind === 'Deployment') {
        const paused = spec.paused === true;
        const { paused: _p, ...rest } = current.spec;
        return {
          ok: true,
          object: {
            ...current,
            metadata,
            spec: {
              ...rest,
              replicas: fresh.spec.replicas,
              template: templateOf(current.spec.template, fresh.spec.template),
              ...(paused ? { paused } : {}),
            },
          },
        };
      }
      if (fresh.kind === 'ReplicaSet' && current.kind === 'ReplicaSet')
        return {
          ok: true,
          object: {
            ...current,
            metadata,
            spec: {
              ...current.spec,
              replicas: fresh.spec.replicas,
              template: templateOf(current.spec.template, fresh.spec.template),
            },
          },
        };
      if (fresh.kind === 'DaemonSet' && current.kind === 'DaemonSet')
        return {
          ok: true,
          object: {
            ...current,
            metadata,
            spec: { ...current.spec, template: templateOf(current.spec.template, fresh.spec.template) },
          },
        };
      if (fresh.kind === 'Service' && current.kind === 'Service')
        return {
          ok: true,
          object: { ...current, metadata, spec: { ...fresh.spec, clusterIP: current.spec.clusterIP } },
        };
      return { ok: false, message: 'the kind of the object cannot change' };
    }
    case 'Node': {
      const node: Node = current;
      const { unschedulable: _u, ...rest } = node.spec;
      return {
        ok: true,
        object: {
          ...node,
          metadata,
          spec: {
            ...rest,
            taints: taints(spec.taints, epochMs),
            ...(spec.unschedulable === true ? { unschedulable: true } : {}),
          },
        },
      };
    }
    default:
      return { ok: true, object: { ...current, metadata } as KubeObject };
  }
}
