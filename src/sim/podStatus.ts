// kubectl's STATUS and READY columns, computed as kubectl's printer does
// (k8s-facts §6): phase, then status.reason, then each container's waiting or
// terminated reason (last wins), then Terminating when a deletion is pending.
import type { Pod } from './objects';

export function podStatusText(pod: Pod): string {
  let reason: string = pod.status.reason ?? pod.status.phase;
  for (const c of pod.status.containerStatuses) {
    const s = c.state;
    if ('waiting' in s && s.waiting.reason) reason = s.waiting.reason;
    else if ('terminated' in s) reason = s.terminated.reason || `ExitCode:${s.terminated.exitCode}`;
  }
  if (pod.metadata.deletionTimestamp !== undefined) {
    reason = pod.status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  }
  return reason;
}

export function podReadyText(pod: Pod): string {
  const ready = pod.status.containerStatuses.filter((c) => c.ready).length;
  return `${ready}/${pod.spec.containers.length}`;
}

export function podRestarts(pod: Pod): number {
  return pod.status.containerStatuses.reduce((n, c) => n + c.restartCount, 0);
}
