// The "what changed" view (issue 18) pairs one lab with the other: the same command
// typed on the same machine of each profile (the control plane is m-k8s in the book and
// cp-k8s in the second edition; the workers keep their names), and the two terminals'
// lines set side by side, the lines both print on one row.
import type { RecordedInput } from '../../player';
import type { Profile, ProfileId } from '../../sim/profiles';

/** The two labs the view compares: the book's as printed and its second edition's (src/sim/profiles/differences.ts). */
export const PAIR: readonly [ProfileId, ProfileId] = ['1.18', '1.36'];

/** The master's name as a word of a line or a host field: not part of a longer name (`m-k8s` is not in `cp-k8s`). */
function masterPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9_.-])${escaped}(?![A-Za-z0-9_-])`, 'g');
}

/** A machine of `from`'s lab as `to` names it: the control plane is renamed, a worker is itself. */
export function hostIn(to: Profile, from: Profile, host: string): string {
  return host === from.master.name ? to.master.name : host;
}

/** A line typed in `from`'s lab as it would be typed in `to`'s: the master's name swapped, `{master}` filled in. */
export function lineIn(to: Profile, from: Profile, line: string): string {
  const named =
    from.master.name === to.master.name
      ? line
      : line.replace(masterPattern(from.master.name), to.master.name);
  return named.replaceAll('{master}', to.master.name);
}

/** One of the timeline's inputs (a line, Ctrl+C, a fault) made in `to`'s lab instead. */
export function inputIn(to: Profile, from: Profile, input: RecordedInput): RecordedInput {
  if ('fault' in input) {
    const target = input.fault.target;
    return target === undefined
      ? input
      : { ...input, fault: { ...input.fault, target: hostIn(to, from, target) } };
  }
  if ('api' in input) return input;
  const host = hostIn(to, from, input.host);
  if ('interrupt' in input) return { ...input, host };
  return {
    ...input,
    host,
    line: lineIn(to, from, input.line),
    ...(input.tab !== undefined ? { tab: hostIn(to, from, input.tab) } : {}),
  };
}

/** A row of the side-by-side: a line of each terminal, or of one of them; `same` when both print it. */
export interface Row {
  readonly left?: string;
  readonly right?: string;
  readonly same: boolean;
}

/** Steps through two sequences along their longest common subsequence: `both` for a common item, else one side's. */
function walkCommon(
  a: readonly string[],
  b: readonly string[],
  on: (step: 'both' | 'left' | 'right', i: number, j: number) => void,
): void {
  const n = a.length;
  const m = b.length;
  // The table from the ends; outputs are short (a describe is under a hundred lines).
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] =
        a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) on('both', i++, j++);
    else if (j >= m || (i < n && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) on('left', i++, j);
    else on('right', i, j++);
  }
}

/**
 * The two terminals' lines in rows: the lines both print (the same words, whatever their
 * padding), in order, each on a row of its own, and the lines between two of those paired
 * in order as changed (the longer side's rest alone on its rows), so that the answer to
 * the same command sits on the same row.
 */
export function pairLines(left: readonly string[], right: readonly string[]): Row[] {
  // A column's padding follows the widest cell (ROLES is wider with control-plane): the same words are the same line.
  const words = (l: string) => l.replace(/\s+/g, ' ').trimEnd();
  const rows: Row[] = [];
  let onlyLeft: string[] = [];
  let onlyRight: string[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(onlyLeft.length, onlyRight.length); k++) {
      const l = onlyLeft[k];
      const r = onlyRight[k];
      rows.push({
        ...(l !== undefined ? { left: l } : {}),
        ...(r !== undefined ? { right: r } : {}),
        same: false,
      });
    }
    onlyLeft = [];
    onlyRight = [];
  };
  walkCommon(left.map(words), right.map(words), (step, i, j) => {
    if (step === 'both') {
      flush();
      rows.push({ left: left[i] as string, right: right[j] as string, same: true });
    } else if (step === 'left') onlyLeft.push(left[i] as string);
    else onlyRight.push(right[j] as string);
  });
  flush();
  return rows;
}

/** A part of a changed line: a run of text, `changed` when the other side's line has no such word there. */
export interface Part {
  readonly text: string;
  readonly changed: boolean;
}

/** The words of two changed lines that differ (spaces count as words, so columns keep their widths). */
export function changedWords(left: string, right: string): { left: Part[]; right: Part[] } {
  const a = left.split(/(\s+)/).filter((w) => w !== '');
  const b = right.split(/(\s+)/).filter((w) => w !== '');
  // A column's padding is wider or narrower on the other side, but it is no change of its own.
  const word = (w: string) => (w.trim() === '' ? ' ' : w);
  const out = { left: [] as Part[], right: [] as Part[] };
  const push = (parts: Part[], text: string, changed: boolean) => {
    const last = parts[parts.length - 1];
    // Runs of one kind are one part.
    if (last && last.changed === changed) parts[parts.length - 1] = { text: last.text + text, changed };
    else parts.push({ text, changed });
  };
  walkCommon(a.map(word), b.map(word), (step, i, j) => {
    if (step === 'both') {
      push(out.left, a[i] as string, false);
      push(out.right, b[j] as string, false);
    } else if (step === 'left') push(out.left, a[i] as string, true);
    else push(out.right, b[j] as string, true);
  });
  return out;
}
