// The colours a program writes into its output as ANSI SGR escapes (kubectl cluster-info
// colours its names green and its addresses yellow, as 1.18.4's printService does with
// go-colortext), read into runs of text for the terminal to draw. Other escapes are
// dropped, never shown as stray characters.

export interface Run {
  readonly text: string;
  /** The SGR foreground code in force (30–37, 90–97), or undefined for the default. */
  readonly fg?: number;
  readonly bold?: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts every sequence read here
const ESCAPE = /\u001b\[([0-9;]*)([A-Za-z])/g;

export function ansiRuns(text: string): readonly Run[] {
  if (!text.includes('\u001b')) return [{ text }];
  const runs: Run[] = [];
  let fg: number | undefined;
  let bold = false;
  let at = 0;
  const push = (t: string) => {
    if (t !== '') runs.push({ text: t, ...(fg !== undefined ? { fg } : {}), ...(bold ? { bold } : {}) });
  };
  for (const m of text.matchAll(ESCAPE)) {
    push(text.slice(at, m.index));
    at = (m.index ?? 0) + m[0].length;
    if (m[2] !== 'm') continue;
    for (const p of (m[1] || '0').split(';').map(Number)) {
      if (p === 0) {
        fg = undefined;
        bold = false;
      } else if (p === 1) bold = true;
      else if (p === 22) bold = false;
      else if (p === 39) fg = undefined;
      else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) fg = p;
    }
  }
  push(text.slice(at).replaceAll('\u001b', ''));
  return runs;
}
