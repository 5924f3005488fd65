// The append-only record of every message between components. The view draws
// from this alone; a message's position on screen is a pure function of its times.
import type { SimMs } from './units';

/** Where a component lives: 'apiserver', 'kubelet@w2-k8s', 'kubectl@m-k8s', ... */
export type ComponentId = string;

export type BookStep = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface Envelope {
  readonly id: number;
  readonly from: ComponentId;
  readonly to: ComponentId;
  readonly sentAt: SimMs;
  readonly deliverAt: SimMs;
  /** Dot-namespaced: 'api.create.pods', 'etcd.put', 'watch.pods.added', 'cri.pull', 'cni.add', ... */
  readonly kind: string;
  /** One line a person can read: 'POST /api/v1/namespaces/default/pods (nginx-pod)'. */
  readonly summary: string;
  /** The object the message is about, 'pods/default/nginx-pod', for highlighting. */
  readonly subject?: string;
  /** The id of the message whose handling sent this one; none for an input from outside or the lab's own timers. */
  readonly cause?: number;
  /** Nobody was listening at `to` when it was sent (a stopped component, a host down): it goes nowhere. */
  readonly refused?: true;
}

/** How many of `items` (ordered by sentAt) were sent at or before `t`. */
export function sentUpTo(items: readonly Envelope[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as Envelope).sentAt <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Trace {
  private items: Envelope[] = [];
  private readonly listeners = new Set<(e: Envelope) => void>();
  /** How many messages were sent, kept or not. */
  private count = 0;
  /** False for a world the player keeps in reserve: it counts its messages and keeps only the last. */
  private keeping = true;
  private last: Envelope | undefined;

  append(e: Omit<Envelope, 'id'>): Envelope {
    return this.appendOwn({ ...e });
  }

  /** `append` of an object the caller made for it and no one else holds: it takes its id in place. */
  appendOwn(e: Omit<Envelope, 'id'>): Envelope {
    (e as { id?: number }).id = ++this.count;
    const envelope = e as Envelope;
    if (this.keeping) this.items.push(envelope);
    this.last = envelope;
    for (const l of this.listeners) l(envelope);
    return envelope;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Stops keeping messages: a world the player brings forward in reserve sends the same
   * messages as the recording it may replace, which already holds them (a trace is most
   * of a world's memory). `adopt` takes them back when the world is used.
   */
  forget(): void {
    this.keeping = false;
    this.items = [];
  }

  /**
   * Takes `kept` (the recording's own trace) as this world's first messages and keeps
   * messages again. False, changing nothing, when they cannot be the same messages: a
   * different count, or a different last message.
   */
  adopt(kept: readonly Envelope[]): boolean {
    if (this.keeping) return true;
    const last = kept[this.count - 1];
    const same =
      kept.length >= this.count &&
      (this.count === 0 ||
        (!!last &&
          !!this.last &&
          last.id === this.last.id &&
          last.sentAt === this.last.sentAt &&
          last.kind === this.last.kind &&
          last.from === this.last.from &&
          last.to === this.last.to &&
          last.summary === this.last.summary));
    if (!same) return false;
    this.items = kept.slice(0, this.count);
    this.keeping = true;
    return true;
  }

  all(): readonly Envelope[] {
    return this.items;
  }

  /** Messages sent at or before `t` (the trace is ordered by sentAt). */
  sentBy(t: SimMs): readonly Envelope[] {
    return this.items.slice(0, sentUpTo(this.items, t));
  }

  /** Messages in flight at `t`: sent at or before, delivered after. */
  inFlight(t: SimMs): Envelope[] {
    const out: Envelope[] = [];
    // From the last message sent by `t` (a binary search, not a walk back from the end of the day).
    for (let i = sentUpTo(this.items, t) - 1; i >= 0; i--) {
      const e = this.items[i] as Envelope;
      if (e.deliverAt > t) out.push(e);
      // No message stays in flight longer than a minute, so stop looking further back.
      if (t - e.sentAt > 60_000) break;
    }
    return out.reverse();
  }

  subscribe(listener: (e: Envelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
