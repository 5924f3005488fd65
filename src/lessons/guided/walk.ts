// Walks a guided lesson headlessly, as a student who does exactly what each step
// says: answer the prediction, inject the step's faults, type its commands, then
// let cluster time run until the step's check holds and press "next". Proves that a lesson's
// solution solves it (STYLE 8) — for the built-in lessons in a test, and for a
// teacher's file before it is offered to students.

import type { Job } from '../../shell';
import { BETWEEN_LINES_MS, GIVE_UP_MS, Session } from '../../shell';
import type { SimMs } from '../../sim';
import { faultSpec } from '../../sim';
import type { ProfileId } from '../../sim/profiles';
import { profileOf } from '../../sim/profiles';
import { describeCheck } from './checks';
import { checkContext } from './context';
import { lessonForProfile } from './forProfile';
import type { GuidedRun } from './runner';
import { currentStep, isDone, isFinished, next, predict, startRun, update } from './runner';
import type { Check, GuidedLesson, LessonVersions } from './types';

export interface WalkOptions {
  readonly seed?: number;
  /** How long a step's check may take to hold once its commands ran (virtual ms). */
  readonly stepTimeoutMs?: number;
  /** How often the check is read while waiting (virtual ms). */
  readonly pollMs?: number;
  /** The lab's version (the book's 1.18 by default): the lesson is walked as that lab has it (forProfile.ts). */
  readonly profile?: ProfileId;
  /** What the lesson says or does differently in that lab. */
  readonly versions?: LessonVersions;
}

export type WalkResult =
  | {
      readonly ok: true;
      readonly session: Session;
      readonly endedAt: SimMs;
      /** Every line the walk typed, in order, with what it printed. */
      readonly jobs: readonly Job[];
    }
  | {
      readonly ok: false;
      readonly session: Session;
      readonly stepId: string;
      readonly check?: Check;
      readonly message: string;
    };

const STEP_TIMEOUT_MS = 10 * 60_000;

/** Types a line on a host and lets time run until it ends (Ctrl+C after 180 s), as a person would. */
export function typeAndSettle(session: Session, host: string, line: string): Job {
  const job = session.run(host, line);
  const start = session.now();
  while (!job.done && session.now() - start < GIVE_UP_MS) {
    const due = session.nextEventAt();
    // Jump to the next thing that happens, but never more than a second (a shell timer may be added meanwhile).
    const to = Math.min(due ?? Number.POSITIVE_INFINITY, session.now() + 1000, start + GIVE_UP_MS);
    session.advanceTo(Math.max(to, session.now() + 1) as SimMs);
  }
  if (!job.done) session.interrupt(host);
  session.advanceTo(Math.max(session.now(), (job.finishedAt ?? session.now()) + BETWEEN_LINES_MS) as SimMs);
  return job;
}

export function walkLesson(written: GuidedLesson, options: WalkOptions = {}): WalkResult {
  const lesson = lessonForProfile(written, profileOf(options.profile), options.versions);
  const session = new Session({
    lab: lesson.lab ?? 'ready',
    seed: options.seed ?? 1,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const jobs: Job[] = [];
  const timeout = options.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  const poll = options.pollMs ?? 500;
  let run: GuidedRun = startRun(lesson);
  while (!isFinished(run)) {
    const step = currentStep(run);
    if (!step) break;
    const fail = (message: string, check?: Check): WalkResult => ({
      ok: false,
      session,
      stepId: step.id,
      message: `lesson ${lesson.id}, step ${step.id}: ${message}`,
      ...(check ? { check } : {}),
    });
    if (step.predict) run = predict(run, step.predict.answer);
    for (const f of step.faults ?? []) {
      const spec = faultSpec(f.fault);
      if (!spec) return fail(`unknown fault ${f.fault}`);
      const input = f.heal ? spec.heal(f.target) : spec.inject(f.target);
      if (!session.cluster.dispatch(input)) return fail(`the lab refused ${JSON.stringify(f)}`);
    }
    for (const c of step.commands ?? []) {
      if (!session.shellOf(c.host)) return fail(`no host ${c.host} in the lab`);
      jobs.push(typeAndSettle(session, c.host, c.line));
    }
    if (!step.doneWhen) {
      run = next(run);
      continue;
    }
    const deadline = session.now() + timeout;
    run = update(run, checkContext(session, jobs));
    while (!isDone(run) && session.now() < deadline) {
      session.advanceTo(Math.min(session.now() + poll, deadline) as SimMs);
      run = update(run, checkContext(session, jobs));
    }
    if (!isDone(run)) {
      return fail(`never done within ${timeout / 1000} s: ${describeCheck(step.doneWhen)}`, step.doneWhen);
    }
    // Done, as the page says it; the student presses "next".
    run = next(run);
  }
  return { ok: true, session, endedAt: session.now(), jobs };
}
