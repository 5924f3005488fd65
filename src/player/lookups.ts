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
  for (const e of envelopes) if (e.sentAt > now && filter(e)) return e.sentAt;
  return undefined;
}

/** When the last message (matching `filter`) left before `now`, or undefined. */
export function previousMessageTime(
  envelopes: readonly Envelope[],
  now: number,
  filter: EnvelopeFilter = all,
): SimMs | undefined {
  for (let i = envelopes.length - 1; i >= 0; i--) {
    const e = envelopes[i] as Envelope;
    if (e.sentAt < now && filter(e)) return e.sentAt;
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
