// Counts for the reliability suite (issue 16): how many inputs of each kind a test tried
// and how long the worst one took, printed when the file's tests end so CI's log and the
// closing note carry the figures.

interface Kind {
  count: number;
  /** Undefined for inputs counted but not timed one by one. */
  worstMs: number | undefined;
}

export class Tally {
  private readonly kinds = new Map<string, Kind>();

  constructor(private readonly title: string) {}

  /** Records one input of `kind` taking `ms`. */
  add(kind: string, ms: number): void {
    const k = this.kinds.get(kind) ?? { count: 0, worstMs: 0 };
    k.count += 1;
    k.worstMs = Math.max(k.worstMs ?? 0, ms);
    this.kinds.set(kind, k);
  }

  /** Counts `n` inputs of `kind` without timing each. */
  count(kind: string, n = 1): void {
    const k = this.kinds.get(kind) ?? { count: 0, worstMs: undefined };
    k.count += n;
    this.kinds.set(kind, k);
  }

  /** Runs `fn`, timing it as one input of `kind`. */
  time<T>(kind: string, fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      this.add(kind, performance.now() - t);
    }
  }

  async timeAsync<T>(kind: string, fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.add(kind, performance.now() - t);
    }
  }

  worst(kind: string): number {
    return this.kinds.get(kind)?.worstMs ?? 0;
  }

  report(): string {
    const rows = [...this.kinds].map(([kind, k]) =>
      k.worstMs === undefined
        ? `  ${kind}: ${k.count} inputs`
        : `  ${kind}: ${k.count} inputs, worst ${k.worstMs.toFixed(1)} ms`,
    );
    return [`reliability — ${this.title}`, ...rows].join('\n');
  }
}
