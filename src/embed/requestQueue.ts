// The embed's requests (element methods, iframe messages) wait their turn here, so a
// page that sends thousands at once cannot keep the lab busy for minutes: they run one
// at a time, in order, at most MAX_PENDING are accepted at once, and the rest are
// refused at once with a BusyError that says why. Between two requests, and inside a
// long one at each `breathe()`, the page gets the main thread back.

/** Requests accepted at once: the one running and those waiting behind it. */
export const MAX_PENDING = 16;
/** Work done in one stretch before giving the main thread back (DESIGN: no task over 50 ms). */
export const SLICE_MS = 30;

/** The error of a request refused because too many are already waiting. */
export class BusyError extends Error {
  override readonly name = 'BusyError';
  readonly code = 'busy';
  constructor(pending: number) {
    super(`busy: ${pending} requests are already waiting; send this one again once one is answered`);
  }
}

/** A macrotask later: MessageChannel, which background tabs do not throttle as they do timers. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class RequestQueue {
  private pending = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private sliceStart = 0;

  constructor(
    private readonly max = MAX_PENDING,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** How many requests are accepted and not yet answered. */
  get size(): number {
    return this.pending;
  }

  /** Runs `task` after those before it, or rejects at once with a BusyError when full. */
  add<T>(task: () => Promise<T>): Promise<T> {
    if (this.pending >= this.max) return Promise.reject(new BusyError(this.pending));
    this.pending += 1;
    const run = async (): Promise<T> => {
      await nextTask();
      this.sliceStart = this.now();
      try {
        return await task();
      } finally {
        this.pending -= 1;
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Called inside a long task between pieces of work: yields when this stretch has run SLICE_MS. */
  /** Whether the work done since the main thread was last given back has used up its slice. */
  readonly sliceOver = (): boolean => this.now() - this.sliceStart >= SLICE_MS;

  async breathe(): Promise<void> {
    if (this.now() - this.sliceStart < SLICE_MS) return;
    await nextTask();
    this.sliceStart = this.now();
  }
}
