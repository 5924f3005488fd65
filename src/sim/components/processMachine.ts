// The life of every component process: stopped ⇄ running, and while running it
// handles messages (the wire hands them to its logic) and wakes on a periodic tick of
// the virtual clock (a kubelet's 10 s status report, the node lifecycle controller's
// 5 s check). What it does is its logic's business; when it runs is this machine's.
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

/** The clock the ticks run on (the cluster's virtual clock). */
export interface TickClock {
  schedule(fn: () => void, ms: number): number;
  unschedule(id: number): void;
}

export interface ProcessInput {
  readonly logic: ComponentLogic;
  readonly tickMs: number;
  readonly running: boolean;
  readonly clock: TickClock;
}

/**
 * A running process's periodic tick, straight on the clock. It was an XState `after`
 * whose every firing was a macrostep (a third of the machine's work in issue 14's
 * profile); the clock calls are the same and in the same order: tick, then the next
 * one scheduled, and cancelled when the process stops.
 */
class Ticker {
  private id: number | undefined;

  constructor(private readonly input: ProcessInput) {}

  start(): void {
    this.id = this.input.clock.schedule(() => {
      this.id = undefined;
      this.input.logic.tick();
      // A tick that stopped its own process leaves no next tick.
      if (this.running) this.start();
    }, this.input.tickMs);
    this.running = true;
  }

  private running = false;

  stop(): void {
    this.running = false;
    if (this.id !== undefined) this.input.clock.unschedule(this.id);
    this.id = undefined;
  }
}

export type ProcessEvent = { readonly type: 'process.start' } | { readonly type: 'process.stop' };

interface ProcessContext {
  readonly input: ProcessInput;
  readonly ticker: Ticker;
}

export const processMachine = setup({
  types: {
    context: {} as ProcessContext,
    input: {} as ProcessInput,
    events: {} as ProcessEvent,
  },
  actions: {
    start: ({ context }) => {
      context.input.logic.start();
      context.ticker.start();
    },
    stop: ({ context }) => {
      context.ticker.stop();
      context.input.logic.stop();
    },
  },
  guards: {
    startsRunning: ({ context }) => context.input.running,
  },
}).createMachine({
  id: 'process',
  context: ({ input }) => ({ input, ticker: new Ticker(input) }),
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
      on: { 'process.stop': 'stopped' },
    },
  },
});
