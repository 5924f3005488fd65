// Whether a terminal window has a command running at the moment on screen: its last
// command typed by then has started and has not ended by then. The terminal's prompt,
// its Ctrl+C button and a lesson's command buttons all read it the same way.
import type { TerminalCommand, TerminalView } from '../../player';

export function runningAt(job: TerminalCommand | undefined, now: number): boolean {
  return !!job && job.startedAt <= now && (!job.done || (job.finishedAt ?? 0) > now);
}

/** The command running in a window at `now`, if any (a command typed later does not count). */
export function runningJob(view: TerminalView | undefined, now: number): TerminalCommand | undefined {
  const entries = view?.entries ?? [];
  let n = entries.length;
  while (n > 0 && (entries[n - 1]?.job.startedAt ?? 0) > now) n--;
  const last = entries[n - 1]?.job;
  return runningAt(last, now) ? last : undefined;
}
