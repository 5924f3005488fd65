// A pod's STATUS, READY and RESTARTS as `kubectl get pods` prints them (kubectl 1.18's
// printPod in pkg/printers/internalversion/printers.go), read from the object alone.
import type { ApiObject } from './apiShapes';

export interface PodColumns {
  readonly status: string;
  readonly ready: string;
  readonly restarts: number;
}

export function podColumns(pod: ApiObject): PodColumns {
  const st = pod.status ?? {};
  let reason = st.reason || st.phase || '';
  let restarts = 0;
  let initializing = false;
  const inits = st.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (!c) continue;
    restarts += c.restartCount ?? 0;
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (term) {
      reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode ?? 0}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${inits.length}`;
    initializing = true;
    break;
  }
  let ready = 0;
  let hasRunning = false;
  if (!initializing) {
    restarts = 0;
    const cs = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      if (!c) continue;
      restarts += c.restartCount ?? 0;
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A pod whose other containers still run is not Completed (1.18; later kubectls say NotReady without the Ready condition).
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (pod.metadata?.deletionTimestamp) reason = st.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  const total = pod.spec?.containers?.length ?? (st.containerStatuses ?? []).length;
  return { status: reason, ready: `${ready}/${total}`, restarts };
}

/** Whether the pod's Ready condition is True. */
export function podReady(pod: ApiObject): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The node's Ready condition's status: 'True', 'False', 'Unknown', or undefined before the kubelet posts one. */
export function nodeReady(node: ApiObject): string | undefined {
  return (node.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status;
}
