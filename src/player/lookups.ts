// Small searches over the trace that the player's navigation needs.
import type { Envelope, SimMs } from '../sim';

export type EnvelopeFilter = (e: Envelope) => boolean;

const all: EnvelopeFilter = () => true;

/** When the next message (matching `filter`) leaves after `now`, or undefined. */
export function nextMessageTime(
  envelopes: readonly Envelope[],
  now: number,
  filter: EnvelopeFilter = all,
): SimMs | undefined {
  // The trace is ordered by sentAt: start at the first message after `now`, found by bisection.
  for (let i = firstAfter(envelopes, now); i < envelopes.length; i++) {
    const e = envelopes[i] as Envelope;
    if (filter(e)) return e.sentAt;
  }
  return undefined;
}

/** The index of the first envelope sent after `t` (envelopes ordered by sentAt). */
function firstAfter(envelopes: readonly Envelope[], t: number): number {
  let lo = 0;
  let hi = envelopes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((envelopes[mid] as Envelope).sentAt <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first envelope sent at or after `t`. */
function firstFrom(envelopes: readonly Envelope[], t: number): number {
  let lo = 0;
  let hi = envelopes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((envelopes[mid] as Envelope).sentAt < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** When the last message (matching `filter`) left before `now`, or undefined. */
export function previousMessageTime(
  envelopes: readonly Envelope[],
  now: number,
  filter: EnvelopeFilter = all,
): SimMs | undefined {
  for (let i = firstFrom(envelopes, now) - 1; i >= 0; i--) {
    const e = envelopes[i] as Envelope;
    if (filter(e)) return e.sentAt;
  }
  return undefined;
}

/** Speeds the player offers; anything else is snapped to the nearest. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(4, Math.max(0.25, speed));
}

/** The next speed up (+1) or down (-1) from `speed` in SPEEDS. */
export function stepSpeed(speed: number, delta: 1 | -1): number {
  if (delta > 0) return SPEEDS.find((s) => s > speed) ?? SPEEDS[SPEEDS.length - 1] ?? speed;
  return [...SPEEDS].reverse().find((s) => s < speed) ?? SPEEDS[0];
}
