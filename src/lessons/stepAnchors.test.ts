import { describe, expect, it } from 'vitest';
import type { Envelope, SimMs } from '../sim';
import type { Lesson } from './lesson';
import { lessonEnd, stepAnchors, stepAt } from './stepAnchors';

const lesson = {
  subject: 'pods/p',
  steps: [1, 2, 3, 4].map((n) => ({ n })),
} as unknown as Lesson;

let id = 0;
const msg = (sentAt: number, bookStep?: number, subject = 'pods/p'): Envelope =>
  ({
    id: ++id,
    from: 'a',
    to: 'b',
    sentAt,
    deliverAt: sentAt + 3,
    kind: 'k',
    summary: '',
    bookStep,
    subject,
  }) as Envelope;

describe('stepAnchors', () => {
  it('begins each step at its first message, after the step before it', () => {
    // Steps 2 and 3 start at the same instant (one watch event to two watchers).
    const trace = [
      msg(10, 1),
      msg(11, 2),
      msg(15, 2),
      msg(15, 3),
      msg(15, 4),
      msg(17, 4),
      msg(20, 3, 'pods/q'),
    ];
    expect(stepAnchors(lesson, trace)).toEqual([0, 10, 11, 15, 17]);
  });

  it('leaves the steps not yet in the trace undefined', () => {
    expect(stepAnchors(lesson, [msg(10, 1), msg(12, 3)])).toEqual([0, 10, undefined, undefined, undefined]);
  });
});

describe('stepAt', () => {
  const anchors = [0, 10, 11, 15, 17] as SimMs[];
  it.each([
    [0, 0],
    [9.99, 0],
    [10, 1],
    [14, 2],
    [15, 3],
    [16.9, 3],
    [17, 4],
    [1e6, 4],
  ])('at %d → step %d', (now, step) => {
    expect(stepAt(anchors, now)).toBe(step);
  });

  it('stops at the first step not yet known', () => {
    expect(stepAt([0, 10, undefined, 30] as SimMs[], 50)).toBe(1);
  });
});

describe('lessonEnd', () => {
  it('is the last arrival of the last step, plus a moment to see it', () => {
    expect(lessonEnd(lesson, [msg(1, 4), msg(40, 4), msg(100, 3)], 500)).toBe(543);
    expect(lessonEnd(lesson, [msg(1, 3)])).toBeUndefined();
  });
});
