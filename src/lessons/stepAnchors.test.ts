import { describe, expect, it } from 'vitest';
import type { Envelope, SimMs } from '../sim';
import type { Lesson } from './lesson';
import { lessonEnd, stepAnchors, stepAt } from './stepAnchors';

const lesson = {
  subject: 'pods/p',
  steps: [1, 2, 3, 4].map((n) => ({ n })),
} as unknown as Lesson;

// Messages that the book's step table (bookSteps.ts) reads as steps 1 to 4: kubectl's
// create, the API server's etcd write caused by it, the watch event caused by that, a binding.
const shapes: Record<number, { kind: string; from: string; to: string }> = {
  1: { kind: 'api.create.pods', from: 'kubectl@m-k8s', to: 'apiserver' },
  2: { kind: 'etcd.txn', from: 'apiserver', to: 'etcd' },
  3: { kind: 'watch.pods.added', from: 'apiserver', to: 'controller-manager' },
  4: { kind: 'api.bind.pods', from: 'scheduler', to: 'apiserver' },
};
let id = 0;
const lastOf = new Map<number, number>();
/** A message of book step `step`, caused by the last message of the step before. */
const msg = (sentAt: number, step: number, subject = 'pods/p'): Envelope => {
  const cause = lastOf.get(step - 1);
  const e = {
    id: ++id,
    ...(shapes[step] as { kind: string; from: string; to: string }),
    sentAt: sentAt as SimMs,
    deliverAt: (sentAt + 3) as SimMs,
    summary: '',
    subject,
    ...(cause !== undefined && step > 1 ? { cause } : {}),
  };
  if (subject === 'pods/p') lastOf.set(step, e.id);
  return e;
};

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
