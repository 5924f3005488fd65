// A CheckContext read from a Session. The session's log holds every line typed;
// it keeps only the last Job of each host, so the page passes the Jobs it started
// (the terminal holds them anyway) to let `printed` see older output too.
import type { Job, Session } from '../../shell';
import type { CheckContext, TypedLine } from './checks';

export function typedLines(session: Session, jobs: readonly Job[] = []): TypedLine[] {
  const pool = [...jobs];
  const out: TypedLine[] = [];
  for (const input of session.log) {
    if (!('line' in input)) continue;
    const i = pool.findIndex(
      (j) => j.host === input.host && j.line === input.line && j.startedAt === input.at,
    );
    const job = i >= 0 ? pool.splice(i, 1)[0] : undefined;
    out.push({ host: input.host, line: input.line, output: job ? job.output.map((l) => l.text) : [] });
  }
  // The last line of each host: its Job is the session's own, even when the page passed none.
  for (const host of new Set(out.map((t) => t.host))) {
    const job = session.jobOf(host);
    if (!job) continue;
    for (let k = out.length - 1; k >= 0; k--) {
      const t = out[k];
      if (t?.host !== host) continue;
      if (t.line === job.line && t.output.length === 0)
        out[k] = { ...t, output: job.output.map((l) => l.text) };
      break;
    }
  }
  return out;
}

export function checkContext(session: Session, jobs: readonly Job[] = []): CheckContext {
  return { cluster: session.cluster, typed: typedLines(session, jobs) };
}
