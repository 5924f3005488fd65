// The terminal's view of the lab: every line typed and every Ctrl+C goes through the
// lesson player, so it lands on the timeline (and, typed in the past, replays what
// follows, once the fork from there is ready: lp.queue); each tab draws its shell window at the moment on screen.
import type { LessonPlayer } from '../../player';
import type { TerminalSession } from '../terminal';

export function labSession(lp: LessonPlayer): TerminalSession {
  return {
    window: (tab) => lp.terminal(tab),
    type: (tab, line) => {
      lp.queue.submit(lp.typed(tab, line));
    },
    interrupt: (tab) => {
      lp.queue.submit(lp.interrupted(tab));
    },
    complete: (tab, line, cursor) => lp.complete(tab, line, cursor),
    now: () => lp.player.now,
    subscribe: (listener) => lp.player.subscribe(listener),
  };
}
