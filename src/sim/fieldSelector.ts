// Field selectors as the API server reads them: apimachinery 1.18.4
// `pkg/fields/selector.go` (terms split on unescaped commas, sorted, `!=`, `==`,
// `=`), then each field converted by the kind's field-label function, then
// matched against the object's selectable fields.
import type { KubeObject } from './objects';
import { isMirrorPod } from './objects';
import type { ResourceKind } from './resourceKinds';

export interface FieldTerm {
  readonly field: string;
  readonly value: string;
  readonly negated: boolean;
}

export type ParsedFields =
  | { readonly ok: true; readonly terms: readonly FieldTerm[] }
  | { readonly ok: false; readonly error: string };

function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

function unescapeValue(s: string): { ok: true; value: string } | { ok: false; error: string } {
  if (!/[\\,=]/.test(s)) return { ok: true, value: s };
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=')
        return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` };
      out += c;
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    // Go prints the rune with %v: its code point.
    else if (c === ',' || c === '=')
      return {
        ok: false,
        error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}`,
      };
    else out += c;
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/** fields.ParseSelector followed by the kind's ConvertFieldLabel, as ListResource does it. */
export function parseFieldSelector(selector: string, kind: ResourceKind): ParsedFields {
  const parts = splitTerms(selector).sort();
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    let split: { lhs: string; op: string; rhs: string } | undefined;
    for (let i = 0; i < part.length && !split; i++) {
      for (const op of ['!=', '==', '=']) {
        if (part.startsWith(op, i)) {
          split = { lhs: part.slice(0, i), op, rhs: part.slice(i + op.length) };
          break;
        }
      }
    }
    if (!split) return { ok: false, error: `invalid selector: '${selector}'; can't understand '${part}'` };
    const v = unescapeValue(split.rhs);
    if (!v.ok) return v;
    terms.push({ field: split.lhs, value: v.value, negated: split.op === '!=' });
  }
  const converted: FieldTerm[] = [];
  for (const t of terms) {
    const labels = kind.fieldLabels;
    if (!labels) {
      if (t.field !== 'metadata.name' && t.field !== 'metadata.namespace')
        return {
          ok: false,
          error: `"${t.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
        };
    } else if (!labels.includes(t.field)) {
      return { ok: false, error: `field label not supported: ${t.field}` };
    }
    // Old v1 clients sent spec.host; the server reads it as spec.nodeName.
    converted.push(t.field === 'spec.host' ? { ...t, field: 'spec.nodeName' } : t);
  }
  return { ok: true, terms: converted };
}

/** The object's selectable fields (the registry strategies' ToSelectableFields). */
export function selectableFields(o: KubeObject): Record<string, string> {
  const f: Record<string, string> = {
    'metadata.name': o.metadata.name,
    'metadata.namespace': o.metadata.namespace ?? '',
  };
  switch (o.kind) {
    case 'Pod':
      f['spec.nodeName'] = o.spec.nodeName ?? '';
      f['spec.restartPolicy'] = 'Always';
      f['spec.schedulerName'] = 'default-scheduler';
      f['spec.serviceAccountName'] = isMirrorPod(o) ? '' : 'default';
      f['status.phase'] = o.status.phase;
      f['status.podIP'] = o.status.podIP ?? '';
      f['status.podIPs'] = o.status.podIP ?? '';
      f['status.nominatedNodeName'] = '';
      break;
    case 'Node':
      f['spec.unschedulable'] = o.spec.unschedulable ? 'true' : 'false';
      break;
    case 'Namespace':
      f['status.phase'] = o.status.phase;
      break;
    case 'Event':
      f['involvedObject.kind'] = o.involvedObject.kind;
      f['involvedObject.namespace'] = o.involvedObject.namespace ?? '';
      f['involvedObject.name'] = o.involvedObject.name;
      f['involvedObject.uid'] = o.involvedObject.uid ?? '';
      f['involvedObject.apiVersion'] =
        o.involvedObject.kind === 'Node' || o.involvedObject.kind === 'Pod' ? 'v1' : 'apps/v1';
      f['involvedObject.resourceVersion'] = '';
      f['involvedObject.fieldPath'] = o.involvedObject.fieldPath ?? '';
      f.reason = o.reason;
      f.source = o.source.component;
      f.type = o.type;
      break;
    default:
      break;
  }
  return f;
}

export function fieldsMatch(terms: readonly FieldTerm[], o: KubeObject): boolean {
  if (terms.length === 0) return true;
  const f = selectableFields(o);
  return terms.every((t) => ((f[t.field] ?? '') === t.value) !== t.negated);
}
