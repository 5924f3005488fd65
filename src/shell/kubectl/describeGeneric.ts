// kubectl 1.18.4's genericDescriber (pkg/describe/versioned/describe.go), used for
// every kind without a describer of its own — here Event and ComponentStatus: Name,
// Namespace, Labels, Annotations, then each field of the object as the API returns
// it (printUnstructuredContent: keys sorted, nested maps indented two spaces, field
// names made readable by smartLabelFor), then the object's events.
import type { KubeObject } from '../../sim/objects';
import { describeOptions, tabwrite } from '../tabwriter';
import { annotationsMultiline, describeText, labelsMultiline } from './describeParts';
import type { Plain } from './objectPrinter';
import { wireObject } from './objectPrinter';

const skipped = ['.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];
const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];

type CharClass = 'lower' | 'upper' | 'digit' | 'other';
const classOf = (c: string): CharClass =>
  /[a-z]/.test(c) ? 'lower' : /[A-Z]/.test(c) ? 'upper' : /[0-9]/.test(c) ? 'digit' : 'other';

/** github.com/fatih/camelcase Split: runs of one class; an upper run's last letter starts the next lower run. */
export function camelSplit(s: string): string[] {
  const runs: string[] = [];
  let last: CharClass | undefined;
  for (const c of s) {
    const k = classOf(c);
    if (k === last && runs.length > 0) runs[runs.length - 1] += c;
    else runs.push(c);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = runs[i] as string;
    const b = runs[i + 1] as string;
    if (classOf(a[0] as string) === 'upper' && classOf(b[0] as string) === 'lower') {
      runs[i + 1] = a.slice(-1) + b;
      runs[i] = a.slice(0, -1);
    }
  }
  return runs.filter((r) => r !== '');
}

/** smartLabelFor: `creationTimestamp` → `Creation Timestamp`, `apiVersion` → `API Version`. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) =>
      acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ');
}

/** Go's %v of a value decoded from JSON. */
function goValue(v: Plain): string {
  return v === null ? '<nil>' : String(v);
}

function unstructured(out: string[], level: number, content: { [k: string]: Plain }, prefix: string): void {
  const pad = '  '.repeat(level);
  for (const field of Object.keys(content).sort()) {
    const value = content[field] as Plain;
    const path = `${prefix}.${field}`;
    if (skipped.includes(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push(`${pad}${smartLabel(field)}:`);
      unstructured(out, level + 1, value, path);
    } else if (Array.isArray(value)) {
      out.push(`${pad}${smartLabel(field)}:`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          unstructured(out, level + 1, child, path);
        else
          out.push(`${pad}  ${Array.isArray(child) ? `[${child.map(goValue).join(' ')}]` : goValue(child)}`);
      }
    } else out.push(`${pad}${smartLabel(field)}:\t${goValue(value)}`);
  }
}

export function describeGeneric(o: KubeObject, eventLines: readonly string[], epochMs?: number): string {
  const lines = [
    `Name:\t${o.metadata.name}`,
    `Namespace:\t${o.metadata.namespace ?? ''}`,
    ...labelsMultiline('Labels', o.metadata.labels),
    ...annotationsMultiline('Annotations', o.metadata.annotations),
  ];
  unstructured(lines, 0, wireObject(o, epochMs), '');
  return tabwrite(describeText([...lines, ...eventLines]), describeOptions);
}
