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

/** `epochMs`: the wall-clock time of cluster time 0 (the lab's July 2020 morning, or `npm run api`'s start). */
export function rfc3339Micro(simMs: number, epochMs = LAB_EPOCH_MS): string {
  const ms = Math.floor(simMs);
  return new Date(epochMs + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function rfc3339(simMs: number, epochMs = LAB_EPOCH_MS): string {
  return new Date(epochMs + Math.floor(simMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Times as RFC 3339 and resourceVersion as a string; keys sorted, as kubectl prints an
 * object it decoded into a map (encoding/json sorts map keys, so -o json is sorted too).
 * Below fieldsV1 the keys are field paths, not times.
 */
function plain(v: unknown, epochMs: number, key = '', inFields = false): Plain | undefined {
  if (v === undefined || typeof v === 'function') return undefined;
  if (!inFields && typeof v === 'number' && timeFields.has(key)) return rfc3339(v, epochMs);
  if (!inFields && typeof v === 'number' && microTimeFields.has(key)) return rfc3339Micro(v, epochMs);
  if (!inFields && key === 'resourceVersion') return String(v);
  if (v === null || typeof v !== 'object') return v as Plain;
  if (Array.isArray(v)) return v.map((x) => plain(x, epochMs, '', inFields) ?? null);
  const out: { [k: string]: Plain } = {};
  for (const k of Object.keys(v).sort()) {
    const p = plain((v as Record<string, unknown>)[k], epochMs, k, inFields || key === 'fieldsV1');
    if (p !== undefined) out[k] = p;
  }
  return out;
}

/**
 * What a version shows of an object (the lab's profile): a 1.24+ API server sets no
 * selfLink; kubectl 1.21+ prints no managedFields, nor `selfLink: ""` on the List it builds.
 * Everything is shown by default, as 1.18 does.
 */
export interface WireShown {
  readonly selfLink?: boolean;
  readonly managedFields?: boolean;
  readonly listSelfLink?: boolean;
  /** -o jsonpath prints a map or a list found as JSON (client-go 1.19+), not as Go's `map[k:v]`. */
  readonly jsonPathMapsAsJson?: boolean;
  /** A pod template's metadata says `creationTimestamp: null` (apimachinery before 0.34's omitzero). */
  readonly nullTemplateTimestamp?: boolean;
}

/** The object with its pod template's zero creationTimestamp left out, as a 1.34+ server encodes it. */
function withoutNullTemplateTimestamp(body: { [k: string]: Plain }): { [k: string]: Plain } {
  const spec = body.spec as { [k: string]: Plain } | undefined;
  const template = spec?.template as { [k: string]: Plain } | undefined;
  const meta = template?.metadata as { [k: string]: Plain } | undefined;
  if (!spec || !template || !meta || meta.creationTimestamp !== null) return body;
  const { creationTimestamp: _zero, ...rest } = meta;
  return { ...body, spec: { ...spec, template: { ...template, metadata: rest } } };
}

export function wireObject(
  o: KubeObject,
  epochMs = LAB_EPOCH_MS,
  shown: WireShown = {},
): { [k: string]: Plain } {
  const shaped = plain(wireShape(o), epochMs) as { [k: string]: Plain };
  const body = shown.nullTemplateTimestamp === false ? withoutNullTemplateTimestamp(shaped) : shaped;
  // A ComponentStatus is made per request, never stored: no uid, no version, a null creation time.
  if (o.kind === 'ComponentStatus') body.metadata = { creationTimestamp: null, name: o.metadata.name };
  else if (shown.selfLink === false || shown.managedFields === false) {
    const { selfLink, managedFields, ...rest } = body.metadata as { [k: string]: Plain };
    body.metadata = {
      ...rest,
      ...(shown.managedFields !== false && managedFields !== undefined ? { managedFields } : {}),
      ...(shown.selfLink !== false && selfLink !== undefined ? { selfLink } : {}),
    };
  }
  return body;
}

export function wireList(
  items: readonly KubeObject[],
  epochMs = LAB_EPOCH_MS,
  shown: WireShown = {},
): { [k: string]: Plain } {
  return {
    apiVersion: 'v1',
    items: items.map((o) => wireObject(o, epochMs, shown)),
    kind: 'List',
    metadata: shown.listSelfLink === false ? { resourceVersion: '' } : { resourceVersion: '', selfLink: '' },
  };
}

/** json.MarshalIndent(obj, "", "    "): Go escapes <, > and & inside strings. */
export function toJson(v: Plain): string {
  return JSON.stringify(v, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/**
 * go-yaml v2 writes a string with a line break as a literal block (`|`, `|-` without a
 * final newline, `|+` with more than one), its lines indented two more than the key or
 * the list's dash;
 * a string that cannot be a block (a space before a break, leading spaces) is double-quoted.
 */
function literal(v: string, indent: string): string | undefined {
  const control = [...v].some((c) => c !== '\n' && (c < ' ' || c === '\u007f'));
  if (/ \n|[^\S\n]$/.test(v) || control) return undefined;
  // A first line that starts with a space or a break needs the indentation spelled out.
  const hint = /^[ \n]/.test(v) ? '2' : '';
  const body = v.replace(/\n+$/, '');
  const trailing = v.length - body.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = (trailing > 1 ? v.slice(0, -1) : body).split('\n');
  return `|${hint}${chomp}\n${lines.map((l) => (l === '' ? '' : `${indent}  ${l}`)).join('\n')}`;
}

function scalar(v: string | number | boolean | null, indent = ''): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  if (v.includes('\n')) {
    const block = literal(v, indent);
    if (block !== undefined) return block;
    return JSON.stringify(v);
  }
  // Strings another YAML reader would take for a bool, number or timestamp are quoted.
  const ambiguous =
    /^(true|false|null|yes|no|on|off|y|n|~)$/i.test(v) ||
    /^[-+]?(\d+|\d*\.\d+|\d+\.\d*)([eE][-+]?\d+)?$/.test(v) ||
    /^\d{4}-\d{2}-\d{2}/.test(v);
  // `-`, `?` and `:` start a plain scalar unless a space follows (yaml_emitter_analyze_scalar).
  if (v === '' || ambiguous || /^[\s,[\]{}#&*!|>'"%@`]|^[-?:](\s|$)|: | #|:$|\s$/.test(v)) {
    return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return v;
}

/**
 * go-yaml v2 folds a long plain scalar (yaml_emitter_write_plain_scalar, best_width 80):
 * at a single space, once the line is past column 80 and a word follows, it breaks the
 * line and goes on indented two more than the key or the dash.
 */
function folded(text: string, column: number, indent: string): string {
  let out = '';
  let col = column;
  let spaces = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ' ') {
      if (!spaces && col > 80 && text[i + 1] !== ' ' && i + 1 < text.length) {
        out += `\n${indent}`;
        col = indent.length;
      } else {
        out += c;
        col++;
      }
      spaces = true;
    } else {
      out += c;
      col++;
      spaces = false;
    }
  }
  return out;
}

/** A string value as a plain scalar starting at `column`, folded; other scalars as they are. */
function scalarAt(v: string, column: number, indent: string): string {
  const s = scalar(v, indent);
  return s === v ? folded(v, column, `${indent}  `) : s;
}

export function toYaml(v: Plain, indent = ''): string {
  if (v === null || typeof v !== 'object') return `${scalar(v, indent)}\n`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]\n';
    return v
      .map((item) => {
        if (typeof item === 'string') return `${indent}- ${scalarAt(item, indent.length + 2, indent)}\n`;
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
      if (typeof x === 'string')
        return `${indent}${k}: ${scalarAt(x, indent.length + k.length + 2, indent)}\n`;
      return `${indent}${k}: ${toYaml(x, indent)}`;
    })
    .join('');
}
