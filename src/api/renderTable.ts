// How kubectl 1.20 prints a Table the server sent (cli-runtime pkg/printers/tableprinter.go
// at kubernetes-1.20.2: decorateTable, then printTable, through printers.GetNewTabWriter):
// the client side of server-side printing. The differential tests render toTable's answer
// with it and hold it to the in-page kubectl's output; the real kubectl checks both.
import { table as tabulate } from '../shell/tabwriter';
import type { JsonObject } from './tables';

export interface RenderOptions {
  /** -o wide: the priority-1 columns too. */
  readonly wide?: boolean;
  /** -A on a namespaced resource: a NAMESPACE column from each row's object. */
  readonly withNamespace?: boolean;
  readonly noHeaders?: boolean;
  readonly showLabels?: boolean;
  /** -L keys, in order. */
  readonly labelColumns?: readonly string[];
  /** More than one kind asked for: the name column reads `pod/x` (strings.ToLower(GroupKind.String())). */
  readonly kind?: string;
}

type Column = { name: string; priority: number; format: string; type: string };
type Cell = unknown;

/** labels.FormatLabels: sorted `k=v`, `<none>` for none. */
function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k]}`).join(',');
}

/** fmt.Fprint of a cell decoded from JSON; a nil cell prints nothing. */
function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  return String(c);
}

function metadataOf(row: JsonObject): { namespace?: string; labels?: Record<string, string> } | undefined {
  const o = row.object;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const m = o.metadata;
  return m && typeof m === 'object' && !Array.isArray(m) ? (m as never) : undefined;
}

/** The lines kubectl writes for one Table, cells still tab-separated (before the tabwriter). */
export function tableLines(table: JsonObject, opts: RenderOptions = {}): string[][] {
  const defs = (Array.isArray(table.columnDefinitions) ? table.columnDefinitions : []) as unknown as Column[];
  const rowsIn = (Array.isArray(table.rows) ? table.rows : []) as unknown as JsonObject[];
  const labelKeys = opts.labelColumns ?? [];

  // decorateTable
  const width = defs.length + labelKeys.length + (opts.withNamespace ? 1 : 0) + (opts.showLabels ? 1 : 0);
  const nameColumn = opts.kind ? defs.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  let columns: Column[] = defs;
  if (width !== defs.length) {
    const plain = (name: string): Column => ({ name, type: 'string', format: '', priority: 0 });
    columns = [
      ...(opts.withNamespace ? [plain('Namespace')] : []),
      ...defs,
      ...labelKeys.map((l) => plain((l.split('/').pop() ?? l).toUpperCase())),
      ...(opts.showLabels ? [plain('Labels')] : []),
    ];
  }
  const includeLabels = labelKeys.length > 0 || !!opts.showLabels;
  const rows: Cell[][] = rowsIn.map((r) => {
    let cells: Cell[] = [...((r.cells as Cell[] | undefined) ?? [])];
    if (!includeLabels && !opts.withNamespace && nameColumn === -1) return cells;
    if (nameColumn !== -1) cells[nameColumn] = `${opts.kind}/${cellText(cells[nameColumn])}`;
    const m = metadataOf(r);
    if (!m) {
      if (opts.withNamespace) cells = [null, ...cells];
      // Go's loop re-reads len(row.Cells) as it appends: it fills only part of the gap.
      for (let j = 0; j < width - cells.length; j++) cells.push(null);
      return cells;
    }
    if (opts.withNamespace) cells = [m.namespace ?? '', ...cells];
    if (includeLabels) {
      for (const k of labelKeys) cells.push(m.labels?.[k] ?? '');
      if (opts.showLabels) cells.push(formatLabels(m.labels));
    }
    return cells;
  });

  // printTable
  const shown = (c: Column | undefined) => !!c && (opts.wide || c.priority === 0);
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    if (rows.length === 0) return [];
    lines.push(columns.filter(shown).map((c) => c.name.toUpperCase()));
  }
  for (const cells of rows) {
    lines.push(cells.flatMap((c, i) => (i < columns.length && shown(columns[i]) ? [cellText(c)] : [])));
  }
  return lines;
}

/** The Table as kubectl 1.20 prints it, aligned, without the final newline (as printTable in printers.ts). */
export function renderTable(table: JsonObject, opts: RenderOptions = {}): string {
  return tabulate(tableLines(table, opts));
}
