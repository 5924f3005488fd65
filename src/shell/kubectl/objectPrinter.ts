// kubectl get -o yaml | -o json: the stored object in Kubernetes' wire shape
// (apiVersion first, timestamps as RFC 3339, resourceVersion as a string).
// The yaml follows go-yaml v2 as kubectl uses it: sorted keys, "- " at the
// parent's indentation, strings quoted only when they would read as something else.
import type { KubeObject } from '../../sim/objects';
import { LAB_EPOCH_MS } from '../wallClock';

export type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

const apiVersions: Record<KubeObject['kind'], string> = {
  Pod: 'v1',
  Node: 'v1',
  Service: 'v1',
  Endpoints: 'v1',
  Event: 'v1',
  Namespace: 'v1',
  ComponentStatus: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  DaemonSet: 'apps/v1',
};

const timeFields = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'startTime',
  'startedAt',
  'finishedAt',
  'lastHeartbeatTime',
  'lastTransitionTime',
  'timeAdded',
  'firstTimestamp',
  'lastTimestamp',
]);

export function rfc3339(simMs: number): string {
  return new Date(LAB_EPOCH_MS + Math.floor(simMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function plain(v: unknown, key = ''): Plain | undefined {
  if (v === undefined || typeof v === 'function') return undefined;
  if (typeof v === 'number' && timeFields.has(key)) return rfc3339(v);
  if (key === 'resourceVersion') return String(v);
  if (v === null || typeof v !== 'object') return v as Plain;
  if (Array.isArray(v)) return v.map((x) => plain(x) ?? null);
  const out: { [k: string]: Plain } = {};
  for (const [k, x] of Object.entries(v)) {
    const p = plain(x, k);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

export function wireObject(o: KubeObject): { [k: string]: Plain } {
  const body = plain(o) as { [k: string]: Plain };
  const { kind, ...rest } = body;
  // A ComponentStatus is made per request, never stored: no uid, no version, a null creation time.
  if (o.kind === 'ComponentStatus') rest.metadata = { creationTimestamp: null, name: o.metadata.name };
  return { apiVersion: apiVersions[o.kind], kind: kind ?? o.kind, ...rest };
}

export function wireList(items: readonly KubeObject[]): { [k: string]: Plain } {
  return {
    apiVersion: 'v1',
    items: items.map(wireObject),
    kind: 'List',
    metadata: { resourceVersion: '', selfLink: '' },
  };
}

export function toJson(v: Plain): string {
  return JSON.stringify(v, null, 4);
}

function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  // Strings another YAML reader would take for a bool, number or timestamp are quoted.
  const ambiguous =
    /^(true|false|null|yes|no|on|off|y|n|~)$/i.test(v) ||
    /^[-+]?(\d+|\d*\.\d+|\d+\.\d*)([eE][-+]?\d+)?$/.test(v) ||
    /^\d{4}-\d{2}-\d{2}/.test(v);
  if (v === '' || ambiguous || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(v)) {
    return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return v;
}

export function toYaml(v: Plain, indent = ''): string {
  if (v === null || typeof v !== 'object') return `${scalar(v)}\n`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]\n';
    return v
      .map((item) => {
        const body = toYaml(item, `${indent}  `);
        return typeof item === 'object' && item !== null && !(Array.isArray(item) && item.length === 0)
          ? `${indent}- ${body.slice(indent.length + 2)}`
          : `${indent}- ${body}`;
      })
      .join('');
  }
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return '{}\n';
  return keys
    .map((k) => {
      const x = v[k] as Plain;
      if (
        x !== null &&
        typeof x === 'object' &&
        (Array.isArray(x) ? x.length > 0 : Object.keys(x).length > 0)
      ) {
        return `${indent}${k}:\n${toYaml(x, Array.isArray(x) ? indent : `${indent}  `)}`;
      }
      return `${indent}${k}: ${toYaml(x, indent)}`;
    })
    .join('');
}
