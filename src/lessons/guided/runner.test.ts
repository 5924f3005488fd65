import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { SimCluster } from '../../sim';
import type { CheckContext } from './checks';
import { sampleLesson } from './lessons/sample';
import { loadProgress, memoryStorage, PROGRESS_KEY, resetProgress, saveProgress } from './progress';
import { guidedRunMachine } from './runMachine';
import {
  awaitsPrediction,
  back,
  currentStep,
  goTo,
  isDone,
  isFinished,
  next,
  predict,
  predictionRight,
  startRun,
  toSaved,
  update,
} from './runner';

const noCluster = {
  pods: () => [],
  nodes: () => [],
  components: () => [],
  faults: () => [],
} as unknown as SimCluster;
const typed = (...lines: [string, string, string[]][]): CheckContext => ({
  cluster: noCluster,
  typed: lines.map(([host, line, output]) => ({ host, line, output })),
});
const nodesTyped = typed(['m-k8s', 'kubectl get nodes', ['w2-k8s   Ready']]);
const stoppedCluster = {
  ...noCluster,
  nodes: () => [
    { metadata: { name: 'w2-k8s' }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } },
  ],
} as unknown as SimCluster;

describe('a guided run', () => {
  it('moves on when the check holds, by next() when there is none, after the prediction', () => {
    let run = startRun(sampleLesson);
    expect(currentStep(run)?.id).toBe('nodes');
    expect(update(run, typed())).toBe(run);
    run = update(run, nodesTyped);
    // Done, and it says so; the lesson never moves on by itself.
    expect(currentStep(run)?.id).toBe('nodes');
    expect(isDone(run)).toBe(true);
    expect(update(run, typed())).toBe(run); // done stays done when the lab changes after
    run = next(run);
    expect(currentStep(run)?.id).toBe('read');
    expect(isDone(run)).toBe(false);
    expect(update(run, nodesTyped)).toBe(run); // a step to read waits for next()
    run = next(run);
    expect(currentStep(run)?.id).toBe('stop');
    const lab = { cluster: stoppedCluster, typed: [] };
    expect(awaitsPrediction(run)).toBe(true);
    expect(update(run, lab)).toBe(run); // the question is not skipped
    expect(predict(run, 7)).toBe(run);
    run = predict(run, 0);
    expect(predictionRight(run, 'stop')).toBe(false);
    expect(predict(run, 1).predictions.stop).toBe(0); // the first answer stands
    run = update(run, lab);
    expect(currentStep(run)?.id).toBe('stop');
    expect(isDone(run)).toBe(true);
    run = next(run);
    expect(currentStep(run)?.id).toBe('start');
    run = next(run);
    expect(isFinished(run)).toBe(true);
    expect(next(run)).toBe(run);
    expect(currentStep(back(run))?.id).toBe('start');
    expect(goTo(run, -3).step).toBe(0);
    expect(goTo(run, 99).step).toBe(sampleLesson.steps.length);
  });

  it('resumes from saved progress, dropping answers to steps that are gone', () => {
    const run = startRun(sampleLesson, { step: 2, predictions: { stop: 1, vanished: 0 } });
    expect(run.step).toBe(2);
    expect(run.predictions).toEqual({ stop: 1 });
    expect(startRun(sampleLesson, { step: 99, predictions: {} }).step).toBe(sampleLesson.steps.length);
  });
});

describe('the run machine', () => {
  it('follows the same moves as events', () => {
    const actor = createActor(guidedRunMachine, { input: { lesson: sampleLesson } }).start();
    actor.send({ type: 'guided.update', ctx: nodesTyped });
    expect(actor.getSnapshot().context).toMatchObject({ step: 0, met: true });
    actor.send({ type: 'guided.next' });
    expect(actor.getSnapshot().context).toMatchObject({ step: 1, met: false });
    actor.send({ type: 'guided.next' });
    actor.send({ type: 'guided.predict', choice: 1 });
    actor.send({ type: 'guided.update', ctx: { cluster: stoppedCluster, typed: [] } });
    expect(actor.getSnapshot().context).toMatchObject({ step: 2, met: true });
    actor.send({ type: 'guided.next' });
    expect(actor.getSnapshot().context.step).toBe(3);
    actor.send({ type: 'guided.next' });
    expect(actor.getSnapshot().value).toBe('finished');
    actor.send({ type: 'guided.back' });
    expect(actor.getSnapshot().value).toBe('stepping');
    actor.send({ type: 'guided.goto', step: 0 });
    expect(actor.getSnapshot().context.step).toBe(0);
    expect(actor.getSnapshot().context.predictions).toEqual({ stop: 1 });
  });
});

describe('progress in the browser', () => {
  it('saves, loads and resets per lesson', () => {
    const s = memoryStorage();
    expect(loadProgress(s, 'sample')).toBeUndefined();
    saveProgress(s, 'sample', toSaved(predict(goTo(startRun(sampleLesson), 2), 1)));
    saveProgress(s, 'other', { step: 1, predictions: {} });
    expect(loadProgress(s, 'sample')).toEqual({ step: 2, predictions: { stop: 1 } });
    resetProgress(s, 'sample');
    expect(loadProgress(s, 'sample')).toBeUndefined();
    expect(loadProgress(s, 'other')).toEqual({ step: 1, predictions: {} });
    resetProgress(s);
    expect(s.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('treats corrupt or foreign values as no progress, and survives a throwing storage', () => {
    const s = memoryStorage();
    for (const bad of [
      '{',
      'null',
      '[]',
      '{"sample":{"step":-1,"predictions":{}}}',
      '{"sample":{"step":1}}',
    ]) {
      s.setItem(PROGRESS_KEY, bad);
      expect(loadProgress(s, 'sample')).toBeUndefined();
    }
    s.setItem(PROGRESS_KEY, '{"__proto__":{"step":1,"predictions":{}},"toString":5}');
    expect(loadProgress(s, '__proto__')).toEqual({ step: 1, predictions: {} });
    expect(loadProgress(s, 'toString')).toBeUndefined();
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(loadProgress(broken, 'sample')).toBeUndefined();
    expect(() => saveProgress(broken, 'sample', { step: 1, predictions: {} })).not.toThrow();
  });
});
