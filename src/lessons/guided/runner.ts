// Where a student is in a guided lesson, as plain data and pure moves on it, so the
// page's machine (runMachine.ts), the walker test and saved progress share one rule,
// the same in every lesson: a lesson never moves on by itself. A step with `doneWhen`
// is done once the lab has met its check, and says so; the student (or a teacher's
// clicker) then moves on with "next", having had time to read what the lab printed.
// A step without a check is read, then left with "next". A step that asks for a
// prediction is done only after the answer, so the question is never skipped by a
// student who was quick.
import type { CheckContext } from './checks';
import { evaluate } from './checks';
import type { GuidedLesson, GuidedStep } from './types';

export interface GuidedRun {
  readonly lesson: GuidedLesson;
  /** Index of the current step; `lesson.steps.length` once the lesson is finished. */
  readonly step: number;
  /** Step id → the choice the student made. */
  readonly predictions: Readonly<Record<string, number>>;
  /**
   * False after progress was restored into a new lab: the step's check counts only once
   * the lab has been seen not meeting it. A fresh lab may already meet it (no
   * `dpy-nginx` pods before the lesson made any), and that is not the student's doing.
   */
  readonly armed: boolean;
  /** The current step's check has held (after its prediction was answered): the step is done and stays done. */
  readonly met: boolean;
}

export interface SavedRun {
  readonly step: number;
  readonly predictions: Readonly<Record<string, number>>;
}

export function startRun(lesson: GuidedLesson, saved?: SavedRun): GuidedRun {
  const step = saved ? Math.max(0, Math.min(Math.trunc(saved.step) || 0, lesson.steps.length)) : 0;
  // Answers for steps the lesson no longer has (an edited teacher file) are dropped.
  const ids = new Set(lesson.steps.map((s) => s.id));
  const predictions = Object.fromEntries(
    Object.entries(saved?.predictions ?? {}).filter(([id]) => ids.has(id)),
  );
  return { lesson, step, predictions, armed: saved === undefined || step === 0, met: false };
}

export function currentStep(run: GuidedRun): GuidedStep | undefined {
  return run.lesson.steps[run.step];
}

export function isFinished(run: GuidedRun): boolean {
  return run.step >= run.lesson.steps.length;
}

/** The step still waits for the student's prediction. */
export function awaitsPrediction(run: GuidedRun): boolean {
  const step = currentStep(run);
  return step?.predict !== undefined && run.predictions[step.id] === undefined;
}

/** Whether the current step's check holds now (false for steps without one). */
export function stepSatisfied(run: GuidedRun, ctx: CheckContext): boolean {
  const check = currentStep(run)?.doneWhen;
  return check !== undefined && evaluate(check, ctx);
}

/** Called whenever the lab may have changed: marks the current step done when its check holds. */
export function update(run: GuidedRun, ctx: CheckContext): GuidedRun {
  if (isFinished(run) || run.met || awaitsPrediction(run)) return run;
  const met = stepSatisfied(run, ctx);
  if (!run.armed) return met ? run : { ...run, armed: true };
  return met ? { ...run, met: true } : run;
}

/** The step on screen is done: its check held. A step without a check is never "done"; it is read. */
export function isDone(run: GuidedRun): boolean {
  return run.met;
}

/** The student's (or a teacher's clicker's) "next": also skips a step whose check does not hold yet. */
export function next(run: GuidedRun): GuidedRun {
  return isFinished(run) ? run : { ...run, step: run.step + 1, armed: true, met: false };
}

export function back(run: GuidedRun): GuidedRun {
  return run.step === 0 ? run : { ...run, step: run.step - 1, armed: true, met: false };
}

export function goTo(run: GuidedRun, step: number): GuidedRun {
  const s = Math.max(0, Math.min(Math.trunc(step) || 0, run.lesson.steps.length));
  return s === run.step ? run : { ...run, step: s, armed: true, met: false };
}

/** The student's choice for the current step's prediction; the first answer stands. */
export function predict(run: GuidedRun, choice: number): GuidedRun {
  const step = currentStep(run);
  if (!step?.predict || run.predictions[step.id] !== undefined) return run;
  if (!Number.isInteger(choice) || choice < 0 || choice >= step.predict.choices.length) return run;
  return { ...run, predictions: { ...run.predictions, [step.id]: choice } };
}

/** Whether the student's answer to a step's prediction was right (undefined before answering). */
export function predictionRight(run: GuidedRun, stepId: string): boolean | undefined {
  const step = run.lesson.steps.find((s) => s.id === stepId);
  const choice = run.predictions[stepId];
  if (!step?.predict || choice === undefined) return undefined;
  return choice === step.predict.answer;
}

export function toSaved(run: GuidedRun): SavedRun {
  return { step: run.step, predictions: run.predictions };
}
