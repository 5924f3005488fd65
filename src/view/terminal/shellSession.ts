// A bare shell Session as a terminal's lab, always at its live edge (no timeline): for
// the terminal's own tests and for pages that show a lab without a player.
import type { Session } from '../../shell';
import type { TerminalSession } from './terminalModel';

export function shellSession(session: Session): TerminalSession & { changed(): void } {
  const listeners = new Set<() => void>();
  return {
    window: (tab) => session.terminal(tab),
    type: (tab, line) => {
      session.type(line, tab);
    },
    interrupt: (tab) => session.interrupt(session.terminal(tab).host),
    complete: (tab, line, cursor) => session.complete(tab, line, cursor),
    now: () => session.now(),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Tells the windows that cluster time moved (whoever advances the session calls it). */
    changed: () => {
      for (const l of [...listeners]) l();
    },
  };
}
