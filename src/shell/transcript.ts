// Driving a session the way `npm run shell` does with a script: each line after
// its prompt, cluster time running until the command ends (a person gives up
// and presses Ctrl+C after 180 s, or after the `sleep` they asked for), then one
// more second before the next line.
import type { SimMs } from '../sim/units';
import type { Job } from './job';
import type { Session } from './session';

export const GIVE_UP_MS = 180_000;
export const BETWEEN_LINES_MS = 1_000;
const STEP_MS = 100;

/** Types one line at the terminal and lets cluster time run until it is done. */
export function typeAndWait(session: Session, line: string, onLine?: (text: string) => void): Job {
  const job = session.type(line);
  // Commands that end at once have printed before anyone could listen.
  if (onLine) for (const l of job.output) onLine(l.text);
  const off = onLine ? job.onOutput((l) => onLine(l.text)) : undefined;
  const start = session.now();
  while (!job.done && session.now() - start < GIVE_UP_MS + (job.effects.waitsMs ?? 0)) {
    session.advanceTo((session.now() + STEP_MS) as SimMs);
  }
  if (!job.done) session.interrupt(job.host);
  off?.();
  // The next line comes one second after this one ended (time is stepped in tenths, so we may be past the end).
  session.advanceTo(Math.max(session.now(), (job.finishedAt ?? session.now()) + BETWEEN_LINES_MS) as SimMs);
  return job;
}

/** The transcript of a script: prompt and line, then what the command printed. */
export function runScript(session: Session, lines: readonly string[], write: (text: string) => void): void {
  for (const line of lines) {
    write(`${session.prompt()}${line}`);
    const job = typeAndWait(session, line, write);
    if (job.effects.clearScreen) write('\u001b[H\u001b[2J');
  }
}
