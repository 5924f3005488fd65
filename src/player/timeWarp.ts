// Cluster time runs on two scales at once: a message flies in 1–6 ms while an image pull
// takes seconds. The warp maps cluster time to "tour time" (what a viewer sees at 1×):
// while any message is in flight cluster time is slowed `flightSlowdown` times, and an
// idle gap is shown for at most `maxIdleMs`. The map is monotone and piecewise linear,
// so the player can move along it at any speed, and the timeline can draw it.
import type { SimMs } from '../sim';

export interface Span {
  readonly sentAt: number;
  readonly deliverAt: number;
}

export interface WarpOptions {
  /** How many times slower cluster time runs while a message is in flight. */
  readonly flightSlowdown: number;
  /** The longest an idle gap lasts in tour time, in ms. */
  readonly maxIdleMs: number;
}

export const defaultWarpOptions: WarpOptions = { flightSlowdown: 200, maxIdleMs: 1200 };

interface Segment {
  readonly c0: number;
  readonly c1: number;
  readonly p0: number;
  readonly p1: number;
}

export interface Warp {
  /** The last cluster time the warp covers. */
  readonly end: SimMs;
  /** Tour time of `end`, in ms at 1×. */
  readonly duration: number;
  toTour(t: number): number;
  toCluster(p: number): SimMs;
}

export function buildWarp(
  spans: readonly Span[],
  end: number,
  options: WarpOptions = defaultWarpOptions,
): Warp {
  const inRange = spans.filter((s) => s.sentAt <= end && s.deliverAt >= 0);
  const bounds = new Set<number>([0, end]);
  for (const s of inRange) {
    if (s.sentAt > 0) bounds.add(s.sentAt);
    if (s.deliverAt < end) bounds.add(s.deliverAt);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const starts = inRange.map((s) => s.sentAt).sort((a, b) => a - b);
  const ends = inRange.map((s) => s.deliverAt).sort((a, b) => a - b);
  const segments: Segment[] = [];
  let si = 0;
  let ei = 0;
  let p = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    while (si < starts.length && (starts[si] as number) <= a) si++;
    while (ei < ends.length && (ends[ei] as number) <= a) ei++;
    const flying = si - ei > 0;
    const length = flying ? (b - a) * options.flightSlowdown : Math.min(b - a, options.maxIdleMs);
    segments.push({ c0: a, c1: b, p0: p, p1: p + length });
    p += length;
  }
  return {
    end: end as SimMs,
    duration: p,
    // Past its end the warp runs 1:1, so the live edge can move on before the next rebuild.
    toTour: (t) => {
      if (t <= 0) return 0;
      if (t >= end || segments.length === 0) return p + (t - end);
      const s = segments[findSegment(segments, t, (x) => x.c0)] as Segment;
      return s.p0 + ((t - s.c0) / (s.c1 - s.c0)) * (s.p1 - s.p0);
    },
    toCluster: (q) => {
      if (q <= 0) return 0 as SimMs;
      if (q >= p || segments.length === 0) return (end + (q - p)) as SimMs;
      const s = segments[findSegment(segments, q, (x) => x.p0)] as Segment;
      return (s.c0 + ((q - s.p0) / (s.p1 - s.p0)) * (s.c1 - s.c0)) as SimMs;
    },
  };
}

/** Cluster time as it is, one cluster second to one second of the screen at 1× (idle time not skipped). */
export function realTimeWarp(end: number): Warp {
  return {
    end: end as SimMs,
    duration: end,
    toTour: (t) => Math.max(0, t),
    toCluster: (q) => Math.max(0, q) as SimMs,
  };
}

/** The last segment whose start (by `key`) is at or before `v`. */
function findSegment(segments: readonly Segment[], v: number, key: (s: Segment) => number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(segments[mid] as Segment) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
