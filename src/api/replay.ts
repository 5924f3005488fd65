// The attached page's side of the lab log (labLog.ts): a world of the same seed and lab as
// `npm run api`'s, whose API inputs go through the very LabApplier (and so the very `serve`
// of rest.ts) the server used, at the same cluster times: the same messages are drawn.
import type { Job } from '../shell/job';
import { Session } from '../shell/session';
import type { LabAction, LabDescription, LabInput } from './labLog';
import { apiLabOf, LabApplier } from './labLog';
import { tablePrinter } from './tables';

const appliers = new WeakMap<Session, LabApplier>();

/** A new lab as the server made it: same seed, lab and profile, objects' times on the same wall clock. */
export function attachedSession(
  d: Pick<LabDescription, 'seed' | 'lab' | 'epochMs'> & Partial<Pick<LabDescription, 'profile'>>,
): Session {
  // A server from before profiles (no `profile` in its lab.json) ran the book's 1.18.
  const session = new Session({ seed: d.seed, lab: d.lab, profile: d.profile ?? '1.18' });
  appliers.set(session, new LabApplier(session, apiLabOf(session, d.epochMs), tablePrinter));
  return session;
}

/** Applies an input of the log to a world made by `attachedSession`, at its now. */
export function applyLogged(session: Session, input: LabAction): Job | undefined {
  const applier = appliers.get(session);
  if (!applier) throw new Error('podscope: not a world made by attachedSession');
  return applier.apply(input);
}

/** The whole log replayed in a fresh world, to `until` (tests; the page replays through its recording). */
export function replayLog(d: LabDescription, until: number = d.now): Session {
  const session = attachedSession(d);
  for (const input of d.inputs as readonly LabInput[]) {
    session.advanceTo(input.at);
    applyLogged(session, input);
  }
  session.advanceTo(until as LabInput['at']);
  return session;
}
