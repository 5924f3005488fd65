// SVG text does not wrap or shrink by itself. These estimates keep a component's name
// inside its box in every language and theme without measuring the DOM.

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

/** The font size (≤ base) at which `text` fits in `available` units, or undefined when base fits. */
export function fitFontSize(text: string, available: number, base: number): number | undefined {
  const width = estimateEm(text) * base;
  if (width <= available) return undefined;
  return Math.max(base * 0.6, Math.floor((available / estimateEm(text)) * 10) / 10);
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
