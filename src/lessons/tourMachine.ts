// The tour follows the trace: told the time and the trace, it knows which of the book's
// steps is on screen. It never moves time itself; the player asks it where a step begins.
import { assign, setup } from 'xstate';
import type { Envelope, SimMs } from '../sim';
import type { Lesson } from './lesson';
import { lessonEnd, stepAnchors, stepAt } from './stepAnchors';

export interface TourContext {
  readonly lesson: Lesson;
  /** anchors[n]: when step n begins; anchors[0] = 0. */
  readonly anchors: readonly (SimMs | undefined)[];
  readonly end: SimMs | undefined;
  readonly step: number;
  readonly now: SimMs;
  /** At `now` the next step does not happen while things stand as they are (a fault in force; the story says why). */
  readonly blocked: boolean;
}

export type TourEvent =
  | { readonly type: 'tour.trace'; readonly envelopes: readonly Envelope[] }
  | { readonly type: 'tour.time'; readonly now: SimMs; readonly blocked?: boolean };

export const tourMachine = setup({
  types: {
    context: {} as TourContext,
    events: {} as TourEvent,
    input: {} as { readonly lesson: Lesson },
  },
  actions: {
    readTrace: assign(({ context, event }) => {
      if (event.type !== 'tour.trace') return {};
      const anchors = stepAnchors(context.lesson, event.envelopes);
      return { anchors, end: lessonEnd(context.lesson, event.envelopes), step: stepAt(anchors, context.now) };
    }),
    followTime: assign(({ context, event }) => {
      if (event.type !== 'tour.time') return {};
      return { now: event.now, step: stepAt(context.anchors, event.now), blocked: event.blocked ?? false };
    }),
  },
  guards: {
    // The first step is in the trace: the tour can be walked (as far as the cluster went).
    traceBegun: ({ context }) => context.anchors[1] !== undefined,
    beforeFirstStep: ({ context }) => context.step === 0,
    isBlocked: ({ context }) => context.blocked,
    lastStepDone: ({ context }) => context.end !== undefined && context.now >= context.end,
  },
}).createMachine({
  id: 'tour',
  context: ({ input }) => ({
    lesson: input.lesson,
    anchors: [0 as SimMs],
    end: undefined,
    step: 0,
    now: 0 as SimMs,
    blocked: false,
  }),
  initial: 'waiting',
  on: {
    'tour.trace': { actions: 'readTrace', target: '.checking' },
    'tour.time': { actions: 'followTime', target: '.checking' },
  },
  states: {
    /** The trace does not yet hold the first step (the cluster has not got that far). */
    waiting: {},
    checking: {
      always: [{ guard: { type: 'traceBegun' }, target: 'ready' }, { target: 'waiting' }],
    },
    ready: {
      initial: 'routing',
      states: {
        routing: {
          always: [
            { guard: 'beforeFirstStep', target: 'intro' },
            { guard: 'lastStepDone', target: 'usable' },
            { guard: 'isBlocked', target: 'blocked' },
            { target: 'stepping' },
          ],
        },
        /** The lab before step 1. */
        intro: {},
        /** One of the eight steps is under way. */
        stepping: {},
        /** The next step cannot happen: a fault is in force (the story names it and what comes instead). */
        blocked: {},
        /** Step 8 has arrived: the pod is usable. */
        usable: {},
      },
    },
  },
});
