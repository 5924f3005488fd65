// The kubelet's pod-worker decisions as pure guard-then-act rules: when to pull,
// when a dead container may start again, what its status says. The timings are the
// kubelet's (1.18): both back-offs are client-go's flowcontrol.Backoff with
// backOffPeriod 10 s and MaxContainerBackOff 300 s; an entry left alone for twice
// the maximum (10 min) starts over at 10 s; a sync that fails is requeued after
// backOffPeriod with up to 50 % jitter (pod_workers.go, workerBackOffPeriodJitterFactor).

import { defaultPullPolicy } from '../images';
import type { Container, ContainerState } from '../objects';
import type { SimMs } from '../units';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
export const REQUEUE_MS = 10_000;

export interface BackoffEntry {
  readonly backoffMs: number;
  readonly lastUpdate: number;
}

const expired = (eventTime: number, e: BackoffEntry) => eventTime - e.lastUpdate > 2 * BACKOFF_MAX_MS;

/** flowcontrol.Backoff.Next: start at 10 s, or double up to 300 s. */
export function nextBackoff(e: BackoffEntry | undefined, eventTime: number, now: number): BackoffEntry {
  if (!e || expired(eventTime, e)) return { backoffMs: BACKOFF_INITIAL_MS, lastUpdate: now };
  return { backoffMs: Math.min(e.backoffMs * 2, BACKOFF_MAX_MS), lastUpdate: now };
}

/** IsInBackOffSince (containers): still within the window counted from the container's finish. */
export function inBackoffSince(e: BackoffEntry | undefined, eventTime: number, now: number): boolean {
  if (!e || expired(eventTime, e)) return false;
  return now - eventTime < e.backoffMs;
}

/** IsInBackOffSinceUpdate (image pulls): within the window counted from the last failed pull. */
export function inBackoffSinceUpdate(e: BackoffEntry | undefined, now: number): boolean {
  if (!e || expired(now, e)) return false;
  return now - e.lastUpdate < e.backoffMs;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** kuberuntime's ShouldContainerBeRestarted for a container that exited with `exitCode`. */
export function shouldRestart(policy: RestartPolicy, exitCode: number): boolean {
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return exitCode !== 0;
  return true;
}

export type PullDecision = 'pull' | 'present' | 'neverPull';

/** image_manager.go shouldPullImage. */
export function pullDecision(c: Container, present: boolean): PullDecision {
  const policy = c.imagePullPolicy ?? defaultPullPolicy(c.image);
  if (policy === 'Always') return 'pull';
  if (present) return 'present';
  return policy === 'Never' ? 'neverPull' : 'pull';
}

/** docker's reason for an exit: 0 → Completed, anything else → Error. */
export function exitReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error';
}

export interface Exit {
  readonly exitCode: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly reason?: string;
}

export function terminated(x: Exit): ContainerState {
  return {
    terminated: {
      reason: x.reason ?? exitReason(x.exitCode),
      exitCode: x.exitCode,
      finishedAt: x.finishedAt as SimMs,
      startedAt: x.startedAt as SimMs,
    },
  };
}

/** kubelet getPhase for one container. */
export function podPhase(
  policy: RestartPolicy,
  c: { running: boolean; exited?: Exit; restarted: boolean },
): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  if (c.running) return 'Running';
  if (c.exited) {
    if (policy === 'Always') return 'Running';
    if (c.exited.exitCode === 0) return 'Succeeded';
    return policy === 'Never' ? 'Failed' : 'Running';
  }
  // Waiting: a container that ran before counts as stopped, one that never ran as waiting.
  return c.restarted ? 'Running' : 'Pending';
}
