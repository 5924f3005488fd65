// Inputs a person makes in the past before a fork from there is ready (a cold fork: they
// jumped to a moment and typed at once). Instead of replaying from the last parked world
// before that moment (ladder.ts), or from t=0, in one task,
// each input waits here with the moment it was made for, while the page readies the fork
// a slice per frame (`pump`); then the inputs are applied in order, at their moments.
import type { SimMs } from '../sim';

/** What the queue needs of the lesson player. */
export interface ForkTarget<I> {
  /** Where an input made now would land. */
  inputTime(): SimMs;
  /** Readies, for as long as `stop` allows, a fork at `at`; true when an input there costs no replay. */
  readyAt(at: SimMs, stop: () => boolean): boolean;
  /** Applies the input at `at`. */
  apply(input: I, at: SimMs): void;
  /** Takes the input elsewhere instead (the server the page is attached to applies it); true when taken. */
  forward?(input: I): boolean;
}

export class ForkQueue<I> {
  private waiting: { input: I; at: SimMs }[] = [];

  constructor(private readonly target: ForkTarget<I>) {}

  /** Inputs still waiting for their fork (the page says "catching up…" while there are any). */
  get pending(): number {
    return this.waiting.length;
  }

  /** The inputs still waiting, first first (the page shows them). */
  waitingInputs(): readonly I[] {
    return this.waiting.map((w) => w.input);
  }

  /** Applies the input now when that is cheap and nothing waits before it; else queues it. True when applied. */
  submit(input: I): boolean {
    if (this.target.forward?.(input)) return true;
    const at = this.target.inputTime();
    if (this.waiting.length === 0 && this.target.readyAt(at, () => true)) {
      this.target.apply(input, at);
      return true;
    }
    this.waiting.push({ input, at });
    return false;
  }

  /**
   * Readies the first waiting input's fork for as long as `stop` allows, and applies every
   * input that is ready while `mayApply` says there is room (by default: while `stop` does
   * not say stop). The page's frame gives an input room only when readying took little of
   * it, so readying and applying never add up in one task.
   */
  pump(stop: () => boolean, mayApply: () => boolean = () => !stop()): void {
    for (;;) {
      const first = this.waiting[0];
      if (!first || !this.target.readyAt(first.at, stop)) return;
      // Readied just now with the slice spent: the input goes in the next one, not on top of it.
      if (!mayApply()) return;
      this.waiting.shift();
      this.target.apply(first.input, first.at);
    }
  }
}
