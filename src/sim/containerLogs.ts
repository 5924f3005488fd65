// What `docker logs` (and through the kubelet, `kubectl logs`) reads: the lines a
// container's process printed, and nginx's access-log lines for the requests it served.
import type { ContainerInfo } from './components/cri';
import type { RuntimeState } from './components/runtime';
import { linesPrinted } from './containerProcess';

export interface AccessLog {
  readonly remote: string;
  readonly request: string;
  readonly status: number;
  readonly bytes: number;
  readonly agent: string;
}

export interface LogEntry {
  /** Cluster time the line was written. */
  readonly at: number;
  readonly stream: 'stdout' | 'stderr';
  /** The line, or an nginx access-log record the shell formats with its clock. */
  readonly text?: string;
  readonly access?: AccessLog;
}

export type LogsResult =
  | { readonly ok: true; readonly entries: readonly LogEntry[]; readonly running: boolean }
  | { readonly ok: false; readonly error: 'kubelet' | 'previous' | 'none' };

/** A pod's containers of one name, newest first (the runtime keeps the dead ones until the sandbox goes). */
export function containersOf(rt: RuntimeState, podUid: string, name: string): ContainerInfo[] {
  return [...rt.containers.values()]
    .filter((c) => c.podUid === podUid && c.name === name && c.startedAt !== undefined)
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
}

export function logsOf(c: ContainerInfo, now: number): LogEntry[] {
  const start = c.startedAt ?? now;
  const end = c.state === 'running' ? now : (c.finishedAt ?? now);
  const own: LogEntry[] = c.process
    ? linesPrinted(c.process, Math.max(0, end - start)).map((l) => ({ ...l, at: start + l.at }))
    : [];
  const all: LogEntry[] = [...own, ...(c.extraLogs ?? [])];
  return all.sort((a, b) => a.at - b.at);
}

/** Appends a line written from outside the process (an access-log record) to a running container. */
export function appendLog(rt: RuntimeState, id: string, entry: LogEntry): void {
  const c = rt.containers.get(id);
  if (c) rt.containers.set(id, { ...c, extraLogs: [...(c.extraLogs ?? []), entry] });
}
