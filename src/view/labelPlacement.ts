// Where the stage's small texts go so that none covers another or a component's name:
// the book's step badges and the labels of messages in flight. A label tries a few
// places around its anchor (right above, right below, left above, left below), then its
// short form (the message's kind), and is left out rather than drawn over something; a
// badge slides along its arrow, then sits above or beside the gap of a short one.
import type { Box, Layout } from './layout';
import { center } from './layout';
import { textWidth } from './textFit';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const PAD = 2;

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const overlapArea = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

const inside = (r: Rect, bounds: Rect) =>
  r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;

/** What a component box shows, as drawn: its name, its state line, and for a pods box how many chips. */
export interface BoxTexts {
  readonly name: string;
  readonly state: string;
  readonly chips?: number;
  readonly count?: string;
}

/**
 * The texts every node and component box draws: a node's name and status (as drawn:
 * `nodeTexts`), a box's number, name and state line, a pods box's chips and count, and
 * all of etcd's keys. Measured, so a badge may use the free part of a box.
 */
export function stageObstacles(
  layout: Layout,
  fontBase: number,
  nodeTexts: Readonly<Record<string, string>>,
  boxTexts: Readonly<Record<string, BoxTexts>>,
): Rect[] {
  const out: Rect[] = [];
  for (const n of layout.nodes) {
    const w = textWidth(nodeTexts[n.host] ?? n.host, fontBase, 700) + 12;
    out.push({ x: n.box.x + 8, y: n.box.y + 4, w: Math.min(n.box.w - 16, w), h: 28 });
  }
  for (const [id, b] of Object.entries(layout.components)) {
    const t = boxTexts[id];
    if (id === 'etcd' || !t) {
      out.push(b);
      continue;
    }
    const textX = b.x + 38;
    out.push({ x: b.x + 4, y: b.y + 4, w: 32, h: 32 });
    out.push({
      x: textX - 2,
      y: b.y + 8,
      w: Math.min(b.w - 36, textWidth(t.name, fontBase, 600) + 4),
      h: 24,
    });
    out.push({
      x: textX - 2,
      y: b.y + 32,
      w: Math.min(b.w - 36, textWidth(t.state, fontBase * 0.75) + 4),
      h: 16,
    });
    if (t.count) {
      const w = textWidth(t.count, fontBase * 0.75) + 4;
      out.push({ x: b.x + b.w - 10 - w, y: b.y + 12, w, h: 18 });
    }
    for (let i = 0; i < Math.min(2, t.chips ?? 0); i++)
      out.push({ x: b.x + 6, y: b.y + 48 + i * 30, w: b.w - 12, h: 32 });
  }
  return out;
}

export interface Badge {
  readonly n: number;
  readonly x: number;
  readonly y: number;
}

const BADGE_R = 14;
const badgeRect = (x: number, y: number): Rect => ({
  x: x - BADGE_R - PAD,
  y: y - BADGE_R - PAD,
  w: 2 * (BADGE_R + PAD),
  h: 2 * (BADGE_R + PAD),
});

export interface BadgeRequest {
  readonly n: number;
  /** Points along the arrow, best first. */
  readonly along: readonly { readonly x: number; readonly y: number }[];
  readonly from: Box;
  readonly to: Box;
}

/** Each badge at the first place that covers no text and no earlier badge; the arrow's middle if none is free. */
export function placeBadges(
  requests: readonly BadgeRequest[],
  obstacles: readonly Rect[],
  bounds: Rect,
): Badge[] {
  const taken: Rect[] = [];
  return requests.map((r) => {
    const a = center(r.from);
    const b = center(r.to);
    const gap = {
      x: (a.x + b.x) / 2,
      above: Math.min(r.from.y, r.to.y) - BADGE_R - 4,
      below: Math.max(r.from.y + r.from.h, r.to.y + r.to.h) + BADGE_R + 4,
    };
    // Then beside the arrow, on either side of it, one badge away.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const off = 2 * BADGE_R + 6;
    const beside = r.along.flatMap((p) => [
      { x: p.x - (dy / len) * off, y: p.y + (dx / len) * off },
      { x: p.x + (dy / len) * off, y: p.y - (dx / len) * off },
    ]);
    const candidates = [...r.along, { x: gap.x, y: gap.above }, { x: gap.x, y: gap.below }, ...beside];
    const free = candidates.find((p) => {
      const rect = badgeRect(p.x, p.y);
      return (
        inside(rect, bounds) &&
        !obstacles.some((o) => overlaps(o, rect)) &&
        !taken.some((t) => overlaps(t, rect))
      );
    });
    // Nowhere free: the place that covers the least.
    const cost = (p: { x: number; y: number }) => {
      const rect = badgeRect(p.x, p.y);
      return [...obstacles, ...taken].reduce((sum, o) => sum + overlapArea(o, rect), 0);
    };
    const at = free ?? [...candidates].sort((p, q) => cost(p) - cost(q))[0] ?? a;
    taken.push(badgeRect(at.x, at.y));
    return { n: r.n, x: at.x, y: at.y };
  });
}

/** The rectangles the badges take, for the labels to keep clear of. */
export const badgeRects = (badges: readonly Badge[]): Rect[] => badges.map((b) => badgeRect(b.x, b.y));

export interface LabelRequest {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** What it says when the whole text finds no room: the message's kind. */
  readonly short: string;
}

export interface PlacedLabel {
  readonly id: number;
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly text: string;
  readonly rect: Rect;
}

/** Label placement around each anchor in turn; a label that fits nowhere is left out. */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Rect[],
  bounds: Rect,
  fontPx: number,
): PlacedLabel[] {
  const taken: Rect[] = [];
  const out: PlacedLabel[] = [];
  for (const r of requests) {
    const placed =
      tryPlace(r, r.text, obstacles, taken, bounds, fontPx) ??
      tryPlace(r, r.short, obstacles, taken, bounds, fontPx);
    if (!placed) continue;
    taken.push(placed.rect);
    out.push(placed);
  }
  return out;
}

function tryPlace(
  r: LabelRequest,
  text: string,
  obstacles: readonly Rect[],
  taken: readonly Rect[],
  bounds: Rect,
  fontPx: number,
): PlacedLabel | undefined {
  if (!text) return undefined;
  const w = textWidth(text, fontPx) + 2 * PAD;
  const h = fontPx * 1.25 + 2 * PAD;
  const spots: [number, number, 'start' | 'end'][] = [
    [r.x + 15, r.y - 12, 'start'],
    [r.x + 15, r.y + 12 + fontPx, 'start'],
    [r.x - 15, r.y - 12, 'end'],
    [r.x - 15, r.y + 12 + fontPx, 'end'],
  ];
  for (const [x, y, anchor] of spots) {
    // The box of the text from its baseline: ascent ≈ 0.95 em above, descent ≈ 0.3 em below.
    const rect = { x: (anchor === 'start' ? x : x - w + 2 * PAD) - PAD, y: y - fontPx * 0.95 - PAD, w, h };
    if (!inside(rect, bounds)) continue;
    if (obstacles.some((o) => overlaps(o, rect)) || taken.some((t) => overlaps(t, rect))) continue;
    return { id: r.id, x, y, anchor, text, rect };
  }
  return undefined;
}
