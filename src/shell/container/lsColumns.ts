// `ls` on a terminal: names in columns, filled down then across.
// GNU (coreutils 8.30 ls.c, calculate_columns and print_many_per_line): for each
// number of columns, each column is as wide as its longest name plus two (the
// column numbered last gets no gap, every column is at least 3 wide); the most
// columns whose line stays under the width win, and the gaps are filled with tabs
// where a tab stop (every 8) is reached (indent()).
// busybox (coreutils/ls.c display_files): every column as wide as the longest
// name plus two, as many as fit, padded with spaces.

const MIN_COLUMN_WIDTH = 3;
const TAB = 8;

export function gnuColumns(names: readonly string[], width: number): string[] {
  const n = names.length;
  if (n === 0) return [];
  const maxCols = Math.min(Math.max(1, Math.floor(width / MIN_COLUMN_WIDTH)), n);
  let best = { cols: 1, widths: [0] };
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(n / cols);
    const widths = Array<number>(cols).fill(MIN_COLUMN_WIDTH);
    names.forEach((name, f) => {
      const idx = Math.floor(f / rows);
      widths[idx] = Math.max(widths[idx] as number, name.length + (idx === cols - 1 ? 0 : 2));
    });
    if (widths.reduce((a, b) => a + b, 0) < width) best = { cols, widths };
  }
  const rows = Math.ceil(n / best.cols);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = '';
    let pos = 0;
    for (let f = row, col = 0; f < n; f += rows, col++) {
      const name = names[f] as string;
      line += name;
      if (f + rows >= n) break;
      const to = pos + (best.widths[col] as number);
      line += indent(pos + name.length, to);
      pos = to;
    }
    lines.push(line);
  }
  return lines;
}

/** ls.c indent(): a tab while it reaches a tab stop before `to`, then spaces. */
function indent(from: number, to: number): string {
  let s = '';
  let at = from;
  while (at < to) {
    if (Math.floor(to / TAB) > Math.floor((at + 1) / TAB)) {
      s += '\t';
      at += TAB - (at % TAB);
    } else {
      s += ' ';
      at++;
    }
  }
  return s;
}

export function busyboxColumns(names: readonly string[], width: number): string[] {
  const n = names.length;
  if (n === 0) return [];
  const colWidth = Math.max(...names.map((s) => s.length)) + 2;
  const cols = Math.floor(width / colWidth);
  const rows = cols > 1 ? Math.ceil(n / cols) : n;
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = '';
    for (let c = 0; c < Math.max(cols, 1); c++) {
      const name = names[c * rows + row];
      if (name === undefined) continue;
      if (line !== '') line = line.padEnd(c * colWidth);
      line += name;
    }
    lines.push(line);
  }
  return lines;
}
