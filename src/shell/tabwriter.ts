// Go's text/tabwriter, which kubectl prints every table through: a column is as
// wide as its widest cell plus padding (at least minwidth); the cell after a
// line's last tab is not part of a column and is never padded. Columns are
// aligned per block of consecutive lines that have that column.

export interface TabwriterOptions {
  readonly minwidth: number;
  readonly padding: number;
}

/** kubectl get: printers.GetNewTabWriter (minwidth 6, padding 3). */
export const getTableOptions: TabwriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe: tabwriter.Init(buf, 0, 8, 2, ' ', 0). */
export const describeOptions: TabwriterOptions = { minwidth: 0, padding: 2 };

/**
 * `remembered`: kubectl's tabwriter (github.com/liggitt/tabwriter with RememberWidths,
 * cli-runtime 1.18) keeps each column's widest width across flushes, so a watch's rows,
 * flushed one by one, line up with the table before them and a column only ever grows.
 * Pass the same array to every flush of one writer.
 */
export function tabwrite(
  text: string,
  opts: TabwriterOptions = getTableOptions,
  remembered?: number[],
): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = lines.map(() => '');
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      let s = '';
      cells.forEach((cell, j) => {
        s += cell;
        const w = widths[j];
        if (w !== undefined && j < cells.length - 1) s += ' '.repeat(Math.max(0, w - cell.length));
      });
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= (lines[i]?.length ?? 0) - 1) continue;
      writeLines(start, i);
      start = i;
      let width = opts.minwidth;
      for (; i < line1; i++) {
        const cells = lines[i] ?? [];
        if (column >= cells.length - 1) break;
        width = Math.max(width, (cells[column] ?? '').length + opts.padding);
      }
      if (remembered) {
        if (remembered.length < widths.length) remembered.push(...widths.slice(remembered.length));
        const kept = remembered[widths.length];
        if (kept === undefined) remembered.push(width);
        else if (kept > width) width = kept;
        else remembered[widths.length] = width;
      }
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
      i--;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Rows of cells as kubectl prints a table: tab-separated, then aligned. */
export function table(
  rows: readonly (readonly string[])[],
  opts?: TabwriterOptions,
  remembered?: number[],
): string {
  return tabwrite(rows.map((r) => r.join('\t')).join('\n'), opts, remembered);
}
