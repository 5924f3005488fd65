// The virtual clock every delay in the simulation runs on. Unlike XState's
// SimulatedClock, which fires everything due at the target time, this one fires
// each callback at its own due time, in order, so a reaction scheduled by an
// earlier timer happens before a later timer, as in real time.
import type { SimMs } from './units';

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
  /** The message whose handling scheduled it: what it sends is caused by that message too. */
  readonly cause: number | undefined;
}

export class VirtualClock {
  private t: number;
  private seq = 0;
  private heap: Timer[] = [];
  private readonly cancelled = new Set<number>();

  /**
   * The message being handled now (its envelope id), or undefined for an input from
   * outside (a typed command, a fault) and the lab's own timers. Timers scheduled while a
   * message is handled carry it, so every message knows what led to it.
   */
  cause: number | undefined;

  constructor(start = 0) {
    this.t = start;
  }

  /** Runs `fn` as the handling of message `cause`. */
  within<T>(cause: number | undefined, fn: () => T): T {
    const outer = this.cause;
    this.cause = cause;
    try {
      return fn();
    } finally {
      this.cause = outer;
    }
  }

  now(): SimMs {
    return this.t as SimMs;
  }

  /** Runs `fn` after `ms` of cluster time; returns an id for `unschedule`. */
  schedule(fn: () => void, ms: number): number {
    const id = ++this.seq;
    this.push({ id, due: this.t + Math.max(0, ms), fn, cause: this.cause });
    return id;
  }

  unschedule(id: number): void {
    this.cancelled.add(id);
  }

  // XState's Clock interface: the names XState calls for `after` delays.
  setTimeout(fn: () => void, timeout: number): number {
    return this.schedule(fn, timeout);
  }

  clearTimeout(id: number): void {
    this.unschedule(id);
  }

  at(due: SimMs, fn: () => void): number {
    return this.schedule(fn, due - this.t);
  }

  /** Fire every timer due at or before `target`, each at its own time, then stand at `target`. */
  advanceTo(target: number): void {
    if (target < this.t) throw new Error(`the clock cannot go back (${target} < ${this.t})`);
    for (;;) {
      const next = this.heap[0];
      if (!next || next.due > target) break;
      this.pop();
      if (this.cancelled.delete(next.id)) continue;
      this.t = next.due;
      this.within(next.cause, next.fn);
    }
    this.t = target;
  }

  /** When the next timer is due, if any. */
  nextDue(): SimMs | undefined {
    while (this.heap[0] && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.pop();
    }
    return this.heap[0]?.due as SimMs | undefined;
  }

  get pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.id < b.id);
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i] as Timer, h[parent] as Timer)) break;
      [h[i], h[parent]] = [h[parent] as Timer, h[i] as Timer];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l] as Timer, h[m] as Timer)) m = l;
      if (r < h.length && this.less(h[r] as Timer, h[m] as Timer)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as Timer, h[i] as Timer];
      i = m;
    }
  }
}
