import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Session } from '../shell';
import type { SimMs } from '../sim';
import { LANGS } from './lesson';
import { podCreate } from './podCreate';
import { lessonEnd, stepAnchors } from './stepAnchors';
import { tourMachine } from './tourMachine';

// The lesson's command lines, typed into the simulated shells as a student would.
function playLesson() {
  const s = new Session({ seed: 1 });
  const jobs = podCreate.inputs.map((input) => {
    s.advanceTo(input.at as SimMs);
    return s.run(input.host, input.line);
  });
  s.advanceTo(30_000 as SimMs);
  expect(jobs.map((j) => j.text())).toEqual(['pod/nginx-pod created']);
  return s.cluster;
}

describe('the pod-create lesson', () => {
  it('has the book’s eight steps, each told in Korean and English', () => {
    expect(podCreate.steps.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const step of podCreate.steps)
      for (const lang of LANGS) {
        expect(step.title[lang].length).toBeGreaterThan(3);
        expect(step.narration[lang].length).toBeGreaterThan(40);
        expect(step.exchange[lang]).not.toBe('');
      }
    // Where the book simplifies, the lesson says what really happens.
    expect(podCreate.steps[2]?.really?.en).toMatch(/bare Pod/);
    expect(podCreate.steps[4]?.really?.en).toMatch(/never talks to the kubelet/);
  });

  it('finds every step in the simulated trace, in the book’s order', () => {
    const c = playLesson();
    const anchors = stepAnchors(podCreate, c.trace.all());
    expect(anchors.every((a) => a !== undefined)).toBe(true);
    for (let n = 1; n < anchors.length; n++)
      expect(anchors[n] as number).toBeGreaterThan(anchors[n - 1] as number);
    expect(anchors[1]).toBe(1000);
    expect(lessonEnd(podCreate, c.trace.all())).toBeGreaterThan(anchors[8] as number);
  });

  it('walks the tour machine from the lab to a usable pod', () => {
    const c = playLesson();
    const tour = createActor(tourMachine, { input: { lesson: podCreate } }).start();
    expect(tour.getSnapshot().value).toBe('waiting');
    tour.send({ type: 'tour.trace', envelopes: c.trace.all() });
    expect(tour.getSnapshot().value).toEqual({ ready: 'intro' });
    const { anchors, end } = tour.getSnapshot().context;
    const seen: number[] = [];
    for (let n = 1; n <= 8; n++) {
      tour.send({ type: 'tour.time', now: anchors[n] as SimMs });
      seen.push(tour.getSnapshot().context.step);
      expect(tour.getSnapshot().value).toEqual({ ready: 'stepping' });
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    tour.send({ type: 'tour.time', now: end as SimMs });
    expect(tour.getSnapshot().value).toEqual({ ready: 'usable' });
    tour.send({ type: 'tour.time', now: 0 as SimMs });
    expect(tour.getSnapshot().value).toEqual({ ready: 'intro' });
  });
});
