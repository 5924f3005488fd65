// SVG text does not wrap or shrink by itself. In the browser a text's width is measured
// with a canvas in the page's own font (the stage's SVG units are CSS pixels before the
// SVG scales, so one measure holds at every size); where there is no canvas (Node, jsdom)
// an estimate by character class stands in.

/** Rough advance width of a string in em: Hangul is about square, Latin about half. */
export function estimateEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3000-\u30ff\u4e00-\u9fff]/.test(ch)) em += 0.95;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[ .,:;'()·-]/.test(ch)) em += 0.32;
    else em += 0.58;
  }
  return em;
}

let context: CanvasRenderingContext2D | null | undefined;
let family = 'sans-serif';
const cache = new Map<string, number>();

function canvas(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  context = null;
  if (
    typeof document === 'undefined' ||
    typeof navigator === 'undefined' ||
    /jsdom/i.test(navigator.userAgent)
  )
    return context;
  context = document.createElement('canvas').getContext('2d');
  family = getComputedStyle(document.documentElement).fontFamily || family;
  return context;
}

/** The width of `text` set at `px` pixels and the given weight, in the same units. */
export function textWidth(text: string, px: number, weight = 400): number {
  const ctx = canvas();
  if (!ctx) return estimateEm(text) * px;
  const key = `${weight}|${text}`;
  let em = cache.get(key);
  if (em === undefined) {
    // Measured at 100 px and scaled: widths are linear in the size, and one entry serves every size.
    ctx.font = `${weight} 100px ${family}`;
    em = ctx.measureText(text).width / 100;
    if (cache.size > 5000) cache.clear();
    cache.set(key, em);
  }
  return em * px;
}

/** The font size (≤ base) at which `text` fits in `available` units, or undefined when base fits. */
export function fitFontSize(text: string, available: number, base: number, weight = 400): number | undefined {
  const width = textWidth(text, base, weight);
  if (width <= available) return undefined;
  return Math.max(base * 0.6, Math.floor((available / width) * base * 10) / 10);
}

/** `text`, cut with an ellipsis where it must be, so that it fits in `available` units at `px`. */
export function clipText(text: string, available: number, px: number, weight = 400): string {
  if (textWidth(text, px, weight) <= available) return text;
  let n = text.length;
  while (n > 1 && textWidth(`${text.slice(0, n)}…`, px, weight) > available) n--;
  // Cut between words where one ends close enough: half a command ("system…") reads as another word.
  const space = text.lastIndexOf(' ', n);
  if (text[n] !== ' ' && space > n * 0.4) n = space;
  return `${text.slice(0, n).trimEnd()}…`;
}

/** Spreads sorted positions in [0, 1] so neighbours are at least `gap` apart, moving them as little as it can. */
export function spreadMarkers(positions: readonly number[], gap: number): number[] {
  const out = [...positions];
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i] as number, (out[i - 1] as number) + gap);
  const last = out.length - 1;
  if (last >= 0 && (out[last] as number) > 1) {
    out[last] = 1;
    for (let i = last - 1; i >= 0; i--) out[i] = Math.min(out[i] as number, (out[i + 1] as number) - gap);
  }
  return out;
}
