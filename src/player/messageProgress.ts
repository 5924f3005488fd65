// A message's place on its path is a pure function of cluster time (STYLE 5): pause,
// slow motion and scrubbing need no special case, and the view keeps no animation state.
import type { Envelope, SimMs } from '../sim';

/**
 * 0 when the message leaves, 1 when it arrives; undefined when it is not in flight at
 * `now` (not yet sent, or already delivered). A message with no latency is shown as
 * arrived at the instant it is sent.
 */
export function messageProgress(e: Pick<Envelope, 'sentAt' | 'deliverAt'>, now: SimMs): number | undefined {
  if (now < e.sentAt || now > e.deliverAt) return undefined;
  const span = e.deliverAt - e.sentAt;
  if (span <= 0) return 1;
  return (now - e.sentAt) / span;
}

/** Messages in flight at `now`, oldest first; `envelopes` ordered by sentAt. */
export function inFlightAt(envelopes: readonly Envelope[], now: SimMs): Envelope[] {
  const out: Envelope[] = [];
  const last = lastSentIndex(envelopes, now);
  for (let i = last; i >= 0; i--) {
    const e = envelopes[i] as Envelope;
    if (e.deliverAt >= now) out.push(e);
    // No message stays in flight for a minute: stop looking further back.
    if (now - e.sentAt > 60_000) break;
  }
  return out.reverse();
}

/** Index of the last message sent at or before `t`, or -1. */
export function lastSentIndex(envelopes: readonly { readonly sentAt: number }[], t: number): number {
  let lo = 0;
  let hi = envelopes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((envelopes[mid] as { readonly sentAt: number }).sentAt <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
