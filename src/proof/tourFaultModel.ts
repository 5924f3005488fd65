// The model the model-based test walks (issue 8): the tour's steps, and one fault that
// can be injected at any step and then healed. The model has no delays (createTestModel
// and path search need none); each of its events drives the real lesson player.
import { assign, setup } from 'xstate';

export interface TourFaultContext {
  readonly step: number;
  readonly faulted: boolean;
  readonly injectedAt: number;
  readonly healed: boolean;
}

export type TourFaultEvent =
  | { readonly type: 'tour.next' }
  | { readonly type: 'fault.inject' }
  | { readonly type: 'fault.heal' };

export const LAST_STEP = 8;

export const tourFaultModel = setup({
  types: { context: {} as TourFaultContext, events: {} as TourFaultEvent },
  guards: {
    // The tour waits while the fault is in force: inject, look, heal, go on.
    canAdvance: ({ context }) => context.step < LAST_STEP && !context.faulted,
    canInject: ({ context }) => !context.faulted && !context.healed,
    canHeal: ({ context }) => context.faulted,
  },
}).createMachine({
  id: 'tourFault',
  context: { step: 0, faulted: false, injectedAt: -1, healed: false },
  on: {
    'tour.next': { guard: 'canAdvance', actions: assign({ step: ({ context }) => context.step + 1 }) },
    'fault.inject': {
      guard: 'canInject',
      actions: assign({ faulted: true, injectedAt: ({ context }) => context.step }),
    },
    'fault.heal': { guard: 'canHeal', actions: assign({ faulted: false, healed: true }) },
  },
});
