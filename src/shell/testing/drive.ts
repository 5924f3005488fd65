// Test helper: type a line at a host's terminal and let cluster time run as
// `npm run shell` does (until done, Ctrl+C after 180 s, then one more second).
import type { HostName } from '../../sim/inputs';
import type { SimMs } from '../../sim/units';
import type { Job } from '../job';
import type { Session } from '../session';
import { BETWEEN_LINES_MS, GIVE_UP_MS } from '../transcript';

export interface Ran {
  readonly job: Job;
  /** Everything printed, as the terminal shows it. */
  readonly text: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export function runAt(session: Session, host: HostName, line: string, giveUpMs = GIVE_UP_MS): Ran {
  const job = session.run(host, line);
  const start = session.now();
  while (!job.done && session.now() - start < giveUpMs + (job.effects.waitsMs ?? 0))
    session.advanceTo((session.now() + 100) as SimMs);
  if (!job.done) session.interrupt(host);
  // The next line comes one second after this one ended (time is stepped in tenths, so we may be past the end).
  session.advanceTo(Math.max(session.now(), (job.finishedAt ?? session.now()) + BETWEEN_LINES_MS) as SimMs);
  const pick = (s: 'stdout' | 'stderr') =>
    job.output
      .filter((l) => l.stream === s)
      .map((l) => l.text)
      .join('\n');
  return { job, text: job.text(), stdout: pick('stdout'), stderr: pick('stderr'), code: job.exitCode };
}

/** Lets `seconds` of cluster time pass, as `sleep` would. */
export function wait(session: Session, seconds: number): void {
  session.advanceTo((session.now() + seconds * 1000) as SimMs);
}

/** Start offsets of a table's columns, read from its header (words separated by 2+ spaces). */
export function columnStarts(header: string): number[] {
  const starts: number[] = [];
  const re = /(^|\s{2,})(\S)/g;
  for (let m = re.exec(header); m; m = re.exec(header)) starts.push(m.index + (m[1] ?? '').length);
  return starts;
}

/** Cells of a row cut at the header's column starts. */
export function cells(row: string, starts: readonly number[]): string[] {
  return starts.map((s, i) => row.slice(s, starts[i + 1] ?? row.length).trimEnd());
}
