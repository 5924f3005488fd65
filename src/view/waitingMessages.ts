// Messages that reached a component while it was not running: nobody read them. The
// diagram shows their count on the stopped component, so a class sees work pile up.
import type { ComponentView, Envelope } from '../sim';

/** How far back the diagram looks for unread messages. */
export const PILE_WINDOW_MS = 60_000;

export function waitingMessages(
  envelopes: readonly Envelope[],
  components: readonly ComponentView[],
  now: number,
): ReadonlyMap<string, number> {
  const stopped = new Set(components.filter((c) => c.state !== 'running').map((c) => c.id));
  const counts = new Map<string, number>();
  if (stopped.size === 0) return counts;
  for (let i = envelopes.length - 1; i >= 0; i--) {
    const e = envelopes[i] as Envelope;
    if (now - e.sentAt > PILE_WINDOW_MS) break;
    if (e.deliverAt > now || !stopped.has(e.to)) continue;
    counts.set(e.to, (counts.get(e.to) ?? 0) + 1);
  }
  return counts;
}
