// `ls` on a terminal: names in columns, filled down then across, as many columns as
// fit the width (coreutils ls.c calculate_columns: each column as wide as its longest
// name plus two, the last one unpadded). GNU ls pads with tabs where a tab stop
// (every 8) is reached; busybox pads with spaces.

export function lsColumns(names: readonly string[], width: number, tabs = true): string[] {
  const n = names.length;
  if (n === 0) return [];
  let best = { rows: n, widths: [Math.max(...names.map((s) => s.length))] };
  for (let cols = 2; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const used = Math.ceil(n / rows);
    const widths: number[] = [];
    for (let c = 0; c < used; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...col.map((s) => s.length)) + (c === used - 1 ? 0 : 2));
    }
    if (widths.reduce((a, b) => a + b, 0) < width) best = { rows, widths };
  }
  const lines: string[] = [];
  for (let r = 0; r < best.rows; r++) {
    let line = '';
    let at = 0;
    for (let c = 0; c < best.widths.length; c++) {
      const name = names[c * best.rows + r];
      if (name === undefined) break;
      if (c > 0) {
        const to = best.widths.slice(0, c).reduce((a, b) => a + b, 0);
        line += pad(at, to, tabs);
        at = to;
      }
      line += name;
      at += name.length;
    }
    lines.push(line);
  }
  return lines;
}

/** ls.c indent(): tabs while a whole tab stop fits, then spaces. */
function pad(from: number, to: number, tabs: boolean): string {
  let s = '';
  let at = from;
  while (at < to) {
    if (tabs && Math.floor(to / 8) > Math.floor((at + 1) / 8)) {
      s += '\t';
      at += 8 - (at % 8);
    } else {
      s += ' ';
      at++;
    }
  }
  return s;
}
