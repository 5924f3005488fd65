// The verbs of DESIGN contracts 2 and 3 on a lesson player, shared by the element and
// the iframe's bridge, and the events read off the player as it moves.
import { lessonStepOf } from '../lessons';
import type { LessonPlayer, RecordedInput } from '../player';
import type { SimMs } from '../sim';
import { parseFaultList } from '../sim';
import { faultArgs, goToStepArg, runArgs, seekArg, speedArg, stepArg } from './args';
import type { Emit, StateDetail } from './events';
import type { PlayerSlot } from './playerSlot';
import { RequestQueue } from './requestQueue';

/** How far `run` simulates ahead for a command to finish; `kubectl get pods -w` never does. */
const RUN_LIMIT_MS = 60_000;
const RUN_STEP_MS = 250;
/** A jump (seek, step) passes many messages at once: only moves this short report each one. */
const MESSAGE_EVENTS_MAX_GAP_MS = 2_000;

/** How far ahead the lab is simulated to find where a step begins. */
const FIND_STEP_LIMIT_MS = 120_000;
const FIND_STEP_CHUNK_MS = 2_000;

/**
 * After a person's input forked the lab, the lesson's later steps are not simulated yet,
 * so the tour does not know where they begin: simulate on until it does, a chunk at a
 * time, letting the page breathe between chunks.
 */
async function known(lp: LessonPlayer, step: number, breathe: () => Promise<void>): Promise<void> {
  const n = Math.max(0, Math.min(lp.stepCount, step));
  while (lp.anchor(n) === undefined && lp.recording.simulatedTo < FIND_STEP_LIMIT_MS) {
    lp.recording.simulateTo((lp.recording.simulatedTo + FIND_STEP_CHUNK_MS) as SimMs);
    lp.tour.send({ type: 'tour.trace', envelopes: lp.recording.envelopes() });
    await breathe();
  }
}

export interface StartOptions {
  readonly faults?: string;
  readonly autoplay?: boolean;
}

export class EmbedController {
  private lp: LessonPlayer | undefined;
  private waiters: ((lp: LessonPlayer) => void)[] = [];
  private unsubscribe: (() => void) | undefined;
  private last: StateDetail | undefined;
  private seen = new WeakSet<RecordedInput>();
  private started = false;
  private readonly queue = new RequestQueue();
  private readonly breathe = () => this.queue.breathe();

  constructor(
    slot: PlayerSlot,
    private readonly emit: Emit,
    private readonly start: StartOptions = {},
  ) {
    const take = () => {
      if (slot.lp && slot.ready && slot.lp !== this.lp) this.attach(slot.lp);
    };
    slot.subscribe(take);
    take();
  }

  /** The ready player, once the lesson and the shells have loaded. */
  player(): Promise<LessonPlayer> {
    if (this.lp) return Promise.resolve(this.lp);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  // Every verb checks its arguments first (args.ts: a TypeError in words, at once, even
  // when the queue is full), then waits its turn in the queue.

  play(): Promise<void> {
    return this.queue.add(async () => (await this.player()).player.play());
  }

  pause(): Promise<void> {
    return this.queue.add(async () => (await this.player()).player.pause());
  }

  /** Moves `delta` steps of the book (1: plays the next step; -1: the previous one). */
  step(delta?: unknown): Promise<number> {
    return this.guarded(
      () => stepArg(delta),
      async (d) => {
        const lp = await this.player();
        const target = lp.step + d;
        if (d !== 0) {
          await known(lp, target + 1, this.breathe);
          lp.playStep(target);
        }
        return lp.step;
      },
    );
  }

  /** Shows step `n` from its start, paused ("show step 5"). */
  goToStep(n: unknown): Promise<number> {
    return this.guarded(
      () => goToStepArg(n),
      async (target) => {
        const lp = await this.player();
        await known(lp, target, this.breathe);
        lp.goToStep(target);
        return lp.step;
      },
    );
  }

  seek(ms: unknown): Promise<void> {
    return this.guarded(
      () => seekArg(ms),
      async (t) => {
        const lp = await this.player();
        // A moment not simulated yet is simulated a slice at a time, so the page keeps its frames.
        while (!lp.readyToSee(t as SimMs, this.queue.sliceOver)) await this.breathe();
        lp.player.seek(t);
      },
    );
  }

  /** An input about to be made at the moment on screen: its fork, if it makes one, is readied a slice at a time. */
  private async readyToAct(lp: LessonPlayer): Promise<void> {
    while (!lp.readyToAct(this.queue.sliceOver)) await this.breathe();
  }

  setSpeed(speed: unknown): Promise<void> {
    return this.guarded(
      () => speedArg(speed),
      async (s) => (await this.player()).player.setSpeed(s),
    );
  }

  inject(fault: unknown, target?: unknown): Promise<void> {
    return this.guarded(
      () => faultArgs('inject', fault, target),
      ([f, t]) => this.fault(f, t, false),
    );
  }

  heal(fault: unknown, target?: unknown): Promise<void> {
    return this.guarded(
      () => faultArgs('heal', fault, target),
      ([f, t]) => this.fault(f, t, true),
    );
  }

  /**
   * Types `commandLine` on `host` as a student would (it lands on the timeline) and
   * resolves to what it printed. The lab is simulated ahead until the command ends, so
   * the answer does not wait for the animation.
   */
  run(commandLine: unknown, host?: unknown): Promise<string> {
    return this.guarded(
      () => runArgs(commandLine, host),
      async ([line, host]) => {
        const lp = await this.player();
        // The master by default: m-k8s, or cp-k8s in the second edition's lab.
        const on = host ?? lp.recording.cluster.hosts().find((h) => h.role === 'master')?.name ?? 'm-k8s';
        if (!lp.recording.cluster.host(on)) throw new Error(`run(line, host): no host "${on}" in this lab`);
        await this.readyToAct(lp);
        const at = await this.acted(lp, lp.typed(on, line));
        // The command is the one typed in that window at that moment (the lesson's own lines may follow it).
        const job = lp.terminal(on)?.entries.find((e) => e.job.startedAt === at && e.job.line === line)?.job;
        if (!job) throw new Error(`run(line, host): nothing ran on ${on}`);
        const limit = lp.recording.simulatedTo + RUN_LIMIT_MS;
        for (let t: number = lp.recording.simulatedTo; !job.done && t < limit; t += RUN_STEP_MS) {
          lp.recording.simulateTo(t as SimMs);
          await this.breathe();
        }
        lp.tour.send({ type: 'tour.trace', envelopes: lp.recording.envelopes() });
        return job.output.map((l) => l.text).join('\n');
      },
    );
  }

  state(): Promise<StateDetail> {
    return this.queue.add(async () => this.read(await this.player()));
  }

  /** How many requests are accepted and not yet answered (at most MAX_PENDING). */
  get pending(): number {
    return this.queue.size;
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Checks the arguments now (a bad one rejects at once), then queues the work. */
  private guarded<A, T>(check: () => A, work: (args: A) => Promise<T>): Promise<T> {
    let args: A;
    try {
      args = check();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.queue.add(() => work(args));
  }

  private async fault(fault: string, target: string | undefined, heal: boolean): Promise<void> {
    const lp = await this.player();
    const { faults, errors } = parseFaultList(
      target ? `${fault}@${target}` : fault,
      lp.recording.cluster.hosts(),
    );
    const ref = faults[0];
    if (!ref) throw new Error(errors.join('; ') || `unknown fault "${fault}"`);
    await this.readyToAct(lp);
    await this.acted(lp, { fault: ref, heal });
  }

  /** `lp.act`, with what it re-simulates after the input done a slice at a time. */
  private async acted(lp: LessonPlayer, input: Parameters<LessonPlayer['act']>[0]): Promise<SimMs> {
    const acting = lp.beginAct(input);
    while (!acting.simulate(this.queue.sliceOver)) await this.breathe();
    return acting.finish();
  }

  private attach(lp: LessonPlayer): void {
    this.unsubscribe?.();
    this.lp = lp;
    this.seen = new WeakSet(lp.inputs());
    this.last = this.read(lp);
    this.unsubscribe = lp.player.subscribe(() => this.changed(lp));
    if (!this.started) {
      this.started = true;
      if (this.start.faults) {
        const { faults } = parseFaultList(this.start.faults, lp.recording.cluster.hosts());
        for (const f of faults) lp.act({ fault: f, heal: false });
      }
      if (this.start.autoplay) lp.player.play();
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(lp);
    this.emit('ready', this.read(lp));
  }

  private read(lp: LessonPlayer): StateDetail {
    const s = lp.player.getSnapshot();
    return { playing: s.playing, speed: s.speed, now: s.now, end: s.end, step: lp.step };
  }

  private changed(lp: LessonPlayer): void {
    const before = this.last;
    const now = this.read(lp);
    this.last = now;
    if (!before) return;
    for (const input of lp.inputs()) {
      if (this.seen.has(input)) continue;
      this.seen.add(input);
      if ('fault' in input)
        this.emit('fault', {
          fault: input.fault.id,
          target: input.fault.target,
          heal: input.heal,
          at: input.at,
        });
    }
    if (now.now > before.now && now.now - before.now <= MESSAGE_EVENTS_MAX_GAP_MS) {
      const envelopes = lp.player.envelopes();
      for (const e of envelopes) {
        if (e.sentAt <= before.now || e.sentAt > now.now) continue;
        const { id, from, to, kind, summary, sentAt, deliverAt } = e;
        const bookStep = lessonStepOf(lp.lesson, envelopes, e);
        this.emit('message', {
          id,
          from,
          to,
          kind,
          summary,
          ...(bookStep !== undefined ? { bookStep } : {}),
          sentAt,
          deliverAt,
        });
      }
    }
    if (now.step !== before.step) this.emit('step', { step: now.step, of: lp.stepCount });
    if (now.playing !== before.playing || now.speed !== before.speed || now.end !== before.end)
      this.emit('statechange', now);
  }
}
