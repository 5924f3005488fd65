// Messages that reached a component after it last spoke — for a stopped component,
// messages nobody read. The diagram shows their count on it, so a class sees work pile up.
import type { ComponentView, Envelope } from '../sim';

/** How far back the diagram looks (in messages) for a stopped component's last word. */
export const PILE_LOOKBACK = 20_000;

export function waitingMessages(
  envelopes: readonly Envelope[],
  components: readonly ComponentView[],
  now: number,
): ReadonlyMap<string, number> {
  // Only processes speak for themselves; a passive box (pods, CNI) has no last word to go by.
  const open = new Set(components.filter((c) => c.state !== 'running' && speaks(c.id)).map((c) => c.id));
  const counts = new Map<string, number>();
  const stop = Math.max(0, envelopes.length - PILE_LOOKBACK);
  for (let i = envelopes.length - 1; i >= stop && open.size > 0; i--) {
    const e = envelopes[i] as Envelope;
    if (e.sentAt > now) continue;
    // Its own last message: it was alive then, so what came before it was read.
    if (open.has(e.from)) open.delete(e.from);
    if (open.has(e.to) && e.deliverAt <= now) counts.set(e.to, (counts.get(e.to) ?? 0) + 1);
  }
  return counts;
}

function speaks(id: string): boolean {
  return (
    /^(kubelet|runtime)@/.test(id) || ['apiserver', 'etcd', 'scheduler', 'controller-manager'].includes(id)
  );
}
