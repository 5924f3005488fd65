// The lab driver of the page attached to `npm run api`: the shells of sessionDriver for
// typed lines, and the server's own LabApplier (src/api/replay.ts) for the requests of
// real kubectl, so the page's world gets every input as the server's did.
import type { LabAction, LabDescription } from '../../api/labLog';
import { applyLogged, attachedSession } from '../../api/replay';
import { sessionDriver } from '../../lessons/sessionDriver';
import type { LabDriver } from '../../player';
import type { Session } from '../../shell/session';

export function attachedDriver(
  d: Pick<LabDescription, 'seed' | 'lab' | 'epochMs'> & Partial<Pick<LabDescription, 'profile'>>,
): LabDriver<Session> {
  return {
    createWorld: () => attachedSession(d),
    run: (session, input, print) =>
      'api' in input
        ? applyLogged(session, input as unknown as LabAction)
        : sessionDriver.run(session, input, print),
    terminal: sessionDriver.terminal,
    complete: sessionDriver.complete,
  };
}
