// Issue 16: progress restored into a new lab is "done" only when the last step's check
// is met after the student came back, not because a fresh lab already meets it.
import { describe, expect, it } from 'vitest';
import { Session } from '../../shell';
import { checkContext } from './context';
import { deploymentLesson } from './lessons/deployment';
import { isDone, isFinished, next, startRun, update } from './runner';
import { typeAndSettle } from './walk';

describe('resuming a guided lesson in a fresh lab', () => {
  it('does not finish deployment at once at its last step, and finishes it once the student does it', () => {
    const last = deploymentLesson.steps.length - 1;
    const session = new Session({ lab: 'ready', seed: 1 });
    // The last step's check ("no dpy-nginx pods") holds on a fresh lab.
    let run = startRun(deploymentLesson, { step: last, predictions: {} });
    run = update(update(run, checkContext(session)), checkContext(session));
    expect(isFinished(run)).toBe(false);
    expect(run.step).toBe(last);
    typeAndSettle(session, 'm-k8s', 'kubectl create deployment dpy-nginx --image=nginx');
    for (let i = 0; i < 30 && !isDone(run); i += 1) {
      run = update(run, checkContext(session));
      if (i === 0) typeAndSettle(session, 'm-k8s', 'kubectl delete deployment dpy-nginx');
      session.advanceTo((session.now() + 2_000) as Parameters<Session['advanceTo']>[0]);
    }
    expect(isDone(run)).toBe(true);
    expect(isFinished(next(run))).toBe(true);
  });

  it('a lesson started afresh says its step is done at the first check met', () => {
    const session = new Session({ lab: 'ready', seed: 1 });
    const run = startRun(deploymentLesson);
    expect(run.armed).toBe(true);
    typeAndSettle(session, 'm-k8s', 'kubectl run nginx-pod --image=nginx');
    let r = run;
    for (let i = 0; i < 30 && !isDone(r); i += 1) {
      r = update(r, checkContext(session));
      session.advanceTo((session.now() + 2_000) as Parameters<Session['advanceTo']>[0]);
    }
    expect(r).toMatchObject({ step: 0, met: true });
    expect(next(r).step).toBe(1);
  });
});
