// client-go's client-side rate limit (flowcontrol's token bucket): a component's
// requests to the API server go out at most `qps` a second on average, with bursts of up
// to `burst`; a request beyond that waits its turn, in order. kube-controller-manager
// runs with --kube-api-qps 20 and --kube-api-burst 30 by default (docs/FACTS-costs.md),
// which is what keeps `kubectl scale --replicas=100000` from flooding the lab.
export class TokenBucket {
  private tokens: number;
  private at = 0;

  constructor(
    private readonly qps: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** A new process starts with a full bucket. */
  refill(): void {
    this.tokens = this.burst;
    this.at = 0;
  }

  /** Takes a token for a request made at `now`; returns how many ms it must wait for it. */
  reserve(now: number): number {
    const perMs = this.qps / 1000;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.at) * perMs);
    this.at = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / perMs);
  }
}

export const CONTROLLER_MANAGER_QPS = 20;
export const CONTROLLER_MANAGER_BURST = 30;
