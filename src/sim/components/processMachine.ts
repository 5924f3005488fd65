// The life of every component process: stopped ⇄ running, and while running it
// handles messages and wakes on a periodic tick of the virtual clock (a kubelet's
// 10 s status report, the node lifecycle controller's 5 s check). What it does is
// its logic's business; when it runs is this machine's.
import { setup } from 'xstate';
import type { Message } from '../net';

export interface ComponentLogic {
  /** Process started: re-list, re-watch, start loops. */
  start(): void;
  /** Process gone: in-memory state is lost. */
  stop(): void;
  receive(m: Message): void;
  tick(): void;
}

export interface ProcessInput {
  readonly logic: ComponentLogic;
  readonly tickMs: number;
  readonly running: boolean;
}

export type ProcessEvent = Message | { readonly type: 'process.start' } | { readonly type: 'process.stop' };

export const processMachine = setup({
  types: {
    context: {} as ProcessInput,
    input: {} as ProcessInput,
    events: {} as ProcessEvent,
  },
  actions: {
    start: ({ context }) => context.logic.start(),
    stop: ({ context }) => context.logic.stop(),
    receive: ({ context, event }) => {
      if (event.type === 'msg') context.logic.receive(event);
    },
    tick: ({ context }) => context.logic.tick(),
  },
  guards: {
    startsRunning: ({ context }) => context.running,
  },
  delays: {
    tick: ({ context }) => context.tickMs,
  },
}).createMachine({
  id: 'process',
  context: ({ input }) => input,
  initial: 'boot',
  states: {
    boot: {
      always: [{ guard: 'startsRunning', target: 'running' }, { target: 'stopped' }],
    },
    stopped: {
      on: { 'process.start': 'running' },
    },
    running: {
      entry: 'start',
      exit: 'stop',
      on: {
        msg: { actions: 'receive' },
        'process.stop': 'stopped',
      },
      initial: 'waiting',
      states: {
        waiting: {
          after: { tick: { target: 'waiting', reenter: true, actions: 'tick' } },
        },
      },
    },
  },
});
