// Where each of the book's steps begins in the trace. The book tells the steps one after
// another; the cluster does not (the API server tells the controller manager and the
// scheduler of a new pod at the same instant), so a step begins at its first message
// sent strictly after the previous step began — the tour then still has an order.
import type { Envelope, SimMs } from '../sim';
import type { Lesson } from './lesson';
import { isStepMessage } from './lesson';

/** anchors[n] = when step n begins (anchors[0] = 0: the lab before step 1); undefined when not in the trace (yet). */
export function stepAnchors(lesson: Lesson, envelopes: readonly Envelope[]): (SimMs | undefined)[] {
  const anchors: (SimMs | undefined)[] = [0 as SimMs];
  let previous = -1;
  for (const step of lesson.steps) {
    const match = isStepMessage(lesson, step.n, envelopes);
    let at: SimMs | undefined;
    for (const e of envelopes) {
      if (match(e) && e.sentAt > previous) {
        at = e.sentAt;
        break;
      }
    }
    anchors.push(at);
    if (at === undefined) break;
    previous = at;
  }
  while (anchors.length <= lesson.steps.length) anchors.push(undefined);
  return anchors;
}

/** The step in force at `now`: the last one that has begun. */
export function stepAt(anchors: readonly (SimMs | undefined)[], now: number): number {
  let step = 0;
  for (let n = 1; n < anchors.length; n++) {
    const at = anchors[n];
    if (at === undefined || at > now) break;
    step = n;
  }
  return step;
}

/** When the lesson is over: the last message of its last step has arrived, and a little longer to see it. */
export function lessonEnd(lesson: Lesson, envelopes: readonly Envelope[], linger = 800): SimMs | undefined {
  const last = lesson.steps[lesson.steps.length - 1];
  if (!last) return undefined;
  const match = isStepMessage(lesson, last.n, envelopes);
  let end: number | undefined;
  for (const e of envelopes) if (match(e)) end = Math.max(end ?? 0, e.deliverAt);
  return end === undefined ? undefined : ((end + linger) as SimMs);
}
