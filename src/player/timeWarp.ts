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
  return new GrowingWarp(options).warpTo(spans, end, 0);
}

/**
 * The warp of a recording that grows. Rebuilding it from every message whenever one was
 * added cost 325 ms after a school day (issue 14); this keeps what can no longer change
 * and recomputes only the tail. The warp is final up to the last moment a message was
 * sent or delivered before the time simulated so far: every later message is sent after
 * it, and an idle gap is capped as a whole, so the tail is recomputed from that boundary
 * exactly as a rebuild would compute it.
 */
export class GrowingWarp {
  /** Final segments, from 0 to `fixedAt`; only ever appended to. */
  private readonly fixed: Segment[] = [];
  private fixedAt = 0;
  private fixedP = 0;
  /** How many spans were read. */
  private read = 0;
  /** The spans read that are still in flight at `fixedAt`, or sent after it. */
  private pending: Span[] = [];

  constructor(private readonly options: WarpOptions = defaultWarpOptions) {}

  /**
   * The warp to `end` of `spans` (ordered by sentAt, only appended to since the last
   * call), which are complete up to `complete`: no span added later is sent before it.
   */
  warpTo(spans: readonly Span[], end: number, complete: number): Warp {
    for (; this.read < spans.length; this.read++) {
      const s = spans[this.read] as Span;
      if (s.deliverAt > this.fixedAt) this.pending.push(s);
    }
    const inRange = this.pending.filter((s) => s.sentAt <= end);
    // Boundaries in the tail: where a message is sent or delivered (they may become final), and the end (it may not).
    const marks = new Set<number>();
    for (const s of inRange) {
      if (s.sentAt > this.fixedAt) marks.add(s.sentAt);
      if (s.deliverAt < end) marks.add(s.deliverAt);
    }
    const points = [...new Set([this.fixedAt, ...marks, Math.max(end, this.fixedAt)])].sort((a, b) => a - b);
    const starts = inRange.map((s) => s.sentAt).sort((a, b) => a - b);
    const ends = inRange.map((s) => s.deliverAt).sort((a, b) => a - b);
    const tail: Segment[] = [];
    let si = 0;
    let ei = 0;
    let p = this.fixedP;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i] as number;
      const b = points[i + 1] as number;
      while (si < starts.length && (starts[si] as number) <= a) si++;
      while (ei < ends.length && (ends[ei] as number) <= a) ei++;
      const flying = si - ei > 0;
      const length = flying ? (b - a) * this.options.flightSlowdown : Math.min(b - a, this.options.maxIdleMs);
      tail.push({ c0: a, c1: b, p0: p, p1: p + length });
      p += length;
    }
    const warp = segmentsWarp(this.fixed, this.fixed.length, tail, end, p);
    // What lies before the last message boundary already simulated is final.
    const limit = Math.min(complete, end);
    let keep = 0;
    while (keep < tail.length && marks.has((tail[keep] as Segment).c1) && (tail[keep] as Segment).c1 <= limit)
      keep++;
    if (keep > 0) {
      for (let i = 0; i < keep; i++) this.fixed.push(tail[i] as Segment);
      const last = tail[keep - 1] as Segment;
      this.fixedAt = last.c1;
      this.fixedP = last.p1;
      this.pending = this.pending.filter((s) => s.deliverAt > this.fixedAt);
    }
    return warp;
  }

  /** Where the final part ends. */
  get finalUpTo(): SimMs {
    return this.fixedAt as SimMs;
  }
}

/** A warp over the first `count` final segments, then the tail's (a later call may append to `fixed`; this one does not look). */
function segmentsWarp(
  fixed: readonly Segment[],
  count: number,
  tail: readonly Segment[],
  end: number,
  p: number,
): Warp {
  const n = count + tail.length;
  const seg = (i: number) => (i < count ? fixed[i] : tail[i - count]) as Segment;
  return {
    end: end as SimMs,
    duration: p,
    // Past its end the warp runs 1:1, so the live edge can move on before the next rebuild.
    toTour: (t) => {
      if (t <= 0) return 0;
      if (t >= end || n === 0) return p + (t - end);
      const s = seg(findSegment(n, t, (i) => seg(i).c0));
      return s.p0 + ((t - s.c0) / (s.c1 - s.c0)) * (s.p1 - s.p0);
    },
    toCluster: (q) => {
      if (q <= 0) return 0 as SimMs;
      if (q >= p || n === 0) return (end + (q - p)) as SimMs;
      const s = seg(findSegment(n, q, (i) => seg(i).p0));
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

/** The last of `n` segments whose start (by `key` of its index) is at or before `v`. */
function findSegment(n: number, v: number, key: (i: number) => number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(mid) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
