// The terminal's view of the lab: every line typed and every Ctrl+C goes through the
// lesson player, so it lands on the timeline (and forks the future when typed in the
// past); the shells it reads are the current world's.
import type { LessonPlayer } from '../../player';
import type { Job, Session } from '../../shell';
import type { HostName } from '../../sim';
import type { TerminalSession } from '../terminal';

export function labSession(lp: LessonPlayer): TerminalSession {
  const session = () => lp.recording.world as unknown as Session;
  return {
    shell: (host: HostName) => session().shell(host),
    run: (host: HostName, line: string): Job => {
      lp.act({ host, line });
      const job = session().jobOf(host);
      if (!job) throw new Error(`no job on ${host}`);
      return job;
    },
    interrupt: (host: HostName) => {
      lp.act({ host, interrupt: true });
    },
  };
}
