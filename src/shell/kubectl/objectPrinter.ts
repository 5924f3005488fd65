// kubectl get -o yaml | -o json: the stored object in Kubernetes' wire shape
// (apiVersion first, timestamps as RFC 3339, resourceVersion as a string).
// The yaml follows go-yaml v2 as kubectl uses it: sorted keys, "- " at the
// parent's indentation, strings quoted only when they would read as something else.
import type { KubeObject } from '../../sim/objects';
import { wireShape } from '../../sim/wire/shape';
import { LAB_EPOCH_MS } from '../wallClock';

export type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

const timeFields = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'startTime',
  'startedAt',
  'finishedAt',
  'lastHeartbeatTime',
  'lastTransitionTime',
  'lastUpdateTime',
  'timeAdded',
  'firstTimestamp',
  'lastTimestamp',
  // managedFields[].time
  'time',
]);

/** metav1.MicroTime fields (a Lease's), written RFC3339Micro: `2020-07-07T10:00:00.123000Z`. */
const microTimeFields = new Set(['renewTime', 'acquireTime']);

export function rfc3339Micro(simMs: number): string {
  const ms = Math.floor(simMs);
  return new Date(LAB_EPOCH_MS + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function rfc3339(simMs: number): string {
  return new Date(LAB_EPOCH_MS + Math.floor(simMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Times as RFC 3339 and resourceVersion as a string; keys sorted, as kubectl prints an
 * object it decoded into a map (encoding/json sorts map keys, so -o json is sorted too).
 * Below fieldsV1 the keys are field paths, not times.
 */
function plain(v: unknown, key = '', inFields = false): Plain | undefined {
  if (v === undefined || typeof v === 'function') return undefined;
  if (!inFields && typeof v === 'number' && timeFields.has(key)) return rfc3339(v);
  if (!inFields && typeof v === 'number' && microTimeFields.has(key)) return rfc3339Micro(v);
  if (!inFields && key === 'resourceVersion') return String(v);
  if (v === null || typeof v !== 'object') return v as Plain;
  if (Array.isArray(v)) return v.map((x) => plain(x, '', inFields) ?? null);
  const out: { [k: string]: Plain } = {};
  for (const k of Object.keys(v).sort()) {
    const p = plain((v as Record<string, unknown>)[k], k, inFields || key === 'fieldsV1');
    if (p !== undefined) out[k] = p;
  }
  return out;
}

export function wireObject(o: KubeObject): { [k: string]: Plain } {
  const body = plain(wireShape(o)) as { [k: string]: Plain };
  // A ComponentStatus is made per request, never stored: no uid, no version, a null creation time.
  if (o.kind === 'ComponentStatus') body.metadata = { creationTimestamp: null, name: o.metadata.name };
  return body;
}

export function wireList(items: readonly KubeObject[]): { [k: string]: Plain } {
  return {
    apiVersion: 'v1',
    items: items.map(wireObject),
    kind: 'List',
    metadata: { resourceVersion: '', selfLink: '' },
  };
}

/** json.MarshalIndent(obj, "", "    "): Go escapes <, > and & inside strings. */
export function toJson(v: Plain): string {
  return JSON.stringify(v, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
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
