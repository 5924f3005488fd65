// kubectl get -o jsonpath=… | custom-columns=… and --sort-by, over the objects in
// their wire shape (a List for several, the object itself for one name).
import type { KubeObject } from '../../sim/objects';
import { table } from '../tabwriter';
import { execute, findAll, goText, parseTemplate, relaxedSteps } from './jsonpath';
import { naturalCompare } from './naturalOrder';
import type { Plain, WireShown } from './objectPrinter';
import { wireList, wireObject } from './objectPrinter';

export type Printed =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: string };

export function printJsonPath(
  template: string,
  items: readonly KubeObject[],
  single: boolean,
  epochMs?: number,
  shown: WireShown = {},
): Printed {
  return printJsonPathOver(
    template,
    single && items[0] ? wireObject(items[0], epochMs, shown) : wireList(items, epochMs, shown),
    shown.jsonPathMapsAsJson,
  );
}

/** -o jsonpath over an object already in its wire shape (a client dry run's). */
export function printJsonPathOver(template: string, root: Plain, mapsAsJson = false): Printed {
  if (template === '') return { ok: false, error: 'error: template format specified but no template given' };
  const t = parseTemplate(template);
  if (!t.ok) return { ok: false, error: `error: error parsing jsonpath ${template}, ${t.error}` };
  return { ok: true, text: execute(t.nodes, root, mapsAsJson) };
}

export function printCustomColumns(
  spec: string,
  items: readonly KubeObject[],
  noHeaders: boolean,
  epochMs?: number,
  shown: WireShown = {},
): Printed {
  if (spec === '')
    return { ok: false, error: 'error: custom-columns format specified but no custom columns given' };
  const columns: { header: string; steps: NonNullable<ReturnType<typeof stepsOf>> }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return {
        ok: false,
        error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    const steps = stepsOf(part.slice(colon + 1));
    if (!steps) return { ok: false, error: `error: unexpected path string in custom-columns spec: ${part}` };
    columns.push({ header: part.slice(0, colon), steps });
  }
  const rows = items.map((o) => {
    const wire = wireObject(o, epochMs, shown);
    return columns.map((c) => {
      const found = findAll(wire, c.steps);
      return found.length === 0 ? '<none>' : found.map(goText).join(',');
    });
  });
  return { ok: true, text: table(noHeaders ? rows : [columns.map((c) => c.header), ...rows]) };
}

function stepsOf(expr: string) {
  const s = relaxedSteps(expr.startsWith('.') || expr.startsWith('{') ? expr : `.${expr}`);
  return typeof s === 'string' ? undefined : s;
}

/** --sort-by: numbers by value, everything else as text in natural order; objects without the field first. */
export function sortBy(
  expr: string,
  items: readonly KubeObject[],
  epochMs?: number,
  shown: WireShown = {},
): KubeObject[] | string {
  const steps = stepsOf(expr);
  if (!steps)
    return `error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`;
  const keyed = items.map((o) => ({ o, v: findAll(wireObject(o, epochMs, shown), steps)[0] }));
  return keyed
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === undefined ? (b.v === undefined ? 0 : -1) : 1;
      if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v;
      // Strings in natural order, as sorter.go's isLess (sortorder.NaturalLess).
      return naturalCompare(goText(a.v), goText(b.v));
    })
    .map((k) => k.o);
}
