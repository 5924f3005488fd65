// kube-controller-manager's slowStartBatch (pkg/controller/replicaset/replica_set.go):
// `count` calls in batches of 1, 2, 4, ... (SlowStartInitialBatchSize 1, doubling), each
// batch sent together and the next one only when every answer of this one is back; a
// failure in a batch skips the batches after it. Here the answers come in cluster time,
// so the batches are callbacks rather than goroutines and a WaitGroup.

/** BurstReplicas: the most pods one sync of a ReplicaSet creates or deletes. */
export const BURST_REPLICAS = 500;
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export interface SlowStart {
  /**
   * Sends no more batches (the API server went away and an answer may never come);
   * returns how many calls were never attempted.
   */
  abort(): number;
}

/**
 * Calls `call` `count` times in slow-start batches; `call` reports its outcome through
 * `done`. `finished` gets how many succeeded and how many were never attempted.
 */
export function slowStartBatch(
  count: number,
  call: (done: (ok: boolean) => void) => void,
  finished: (successes: number, skipped: number) => void,
): SlowStart {
  let remaining = count;
  let successes = 0;
  let aborted = false;
  const batch = (size: number): void => {
    if (size <= 0) {
      finished(successes, 0);
      return;
    }
    let answered = 0;
    let failed = 0;
    remaining -= size;
    for (let i = 0; i < size; i++)
      call((ok) => {
        answered += 1;
        if (ok) successes += 1;
        else failed += 1;
        if (answered < size || aborted) return;
        if (failed > 0) finished(successes, remaining);
        else batch(Math.min(2 * size, remaining));
      });
  };
  batch(Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE));
  return {
    abort: () => {
      if (aborted) return 0;
      aborted = true;
      const never = remaining;
      remaining = 0;
      return never;
    },
  };
}
