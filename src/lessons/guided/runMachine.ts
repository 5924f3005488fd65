// The guided run as an actor for the page: the moves of runner.ts as events, so the
// view reads narrow slices (`useSelector(ref, (s) => s.context.step)`) and sends
// `guided.update` whenever the lab may have changed (after each frame or input).
import { assign, setup } from 'xstate';
import type { CheckContext } from './checks';
import type { GuidedRun, SavedRun } from './runner';
import { back, goTo, isFinished, next, predict, startRun, update } from './runner';
import type { GuidedLesson } from './types';

export type GuidedRunEvent =
  | { readonly type: 'guided.update'; readonly ctx: CheckContext }
  | { readonly type: 'guided.next' }
  | { readonly type: 'guided.back' }
  | { readonly type: 'guided.goto'; readonly step: number }
  | { readonly type: 'guided.predict'; readonly choice: number };

export const guidedRunMachine = setup({
  types: {
    context: {} as GuidedRun,
    events: {} as GuidedRunEvent,
    input: {} as { readonly lesson: GuidedLesson; readonly saved?: SavedRun },
  },
  actions: {
    checkLab: assign(({ context, event }) =>
      event.type === 'guided.update' ? update(context, event.ctx) : context,
    ),
    moveNext: assign(({ context }) => next(context)),
    moveBack: assign(({ context }) => back(context)),
    moveTo: assign(({ context, event }) =>
      event.type === 'guided.goto' ? goTo(context, event.step) : context,
    ),
    answer: assign(({ context, event }) =>
      event.type === 'guided.predict' ? predict(context, event.choice) : context,
    ),
  },
  guards: {
    finished: ({ context }) => isFinished(context),
  },
}).createMachine({
  id: 'guidedRun',
  context: ({ input }) => startRun(input.lesson, input.saved),
  initial: 'checking',
  on: {
    'guided.back': { actions: 'moveBack', target: '.checking' },
    'guided.goto': { actions: 'moveTo', target: '.checking' },
  },
  states: {
    checking: {
      always: [{ guard: 'finished', target: 'finished' }, { target: 'stepping' }],
    },
    /** A step is on screen: the lab, the student's choice or "next" move it on. */
    stepping: {
      on: {
        'guided.update': { actions: 'checkLab', target: 'checking' },
        'guided.next': { actions: 'moveNext', target: 'checking' },
        'guided.predict': { actions: 'answer' },
      },
    },
    /** Every step done; back or goto reopen the lesson. */
    finished: {},
  },
});
