// A lesson on the player: the recording of the lesson's inputs, the player's time, and
// the tour machine told of both, so that "next step" means "seek to where the trace
// says that step begins and play it".
import type { Actor } from 'xstate';
import { createActor } from 'xstate';
import type { Lesson } from '../lessons';
import { tourMachine } from '../lessons';
import type { LabKind, SimMs } from '../sim';
import { Player } from './player';
import type { RecordedInput, World } from './recording';
import { applyFault, clusterWorld, Recording } from './recording';

/** A line of the lesson's terminal: what was typed, or what the command printed, and when. */
export interface TranscriptLine {
  readonly at: SimMs;
  readonly host: string;
  readonly kind: 'input' | 'stdout' | 'stderr';
  readonly text: string;
}

export type Print = (kind: TranscriptLine['kind'], text: string) => void;

/**
 * How the lesson's command lines reach the cluster: through the simulated shells
 * (sessionDriver.ts). It is passed in, not imported, so the page can draw the lab
 * before the shells' code has loaded.
 */
export interface LabDriver<W extends World = World> {
  createWorld(options: { readonly seed: number; readonly lab?: LabKind }): W;
  run(world: W, input: RecordedInput, print: Print): void;
}

/** How close to the simulated edge counts as "live" for a new input. */
const LIVE_EDGE_MS = 50;
/** How far the timeline reaches past a command (a deletion's grace period and more) and a fault (40 s + 300 s of eviction). */
const COMMAND_HORIZON_MS = 90_000;
const FAULT_HORIZON_MS = 420_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The longest the lesson may take in cluster time before we give up waiting for its last step. */
const MAX_LESSON_MS = 120_000;
const CHUNK_MS = 2_000;
const FREE_PLAY_START_MS = 2_000;
/** A step plays until just before the next begins, so the narration stays on it until the viewer moves on. */
const HOLD_BEFORE_MS = 0.01;

export class LessonPlayer {
  readonly recording: Recording<World>;
  /** The lesson's command lines and their output, in cluster time; rebuilt when the future is forked. */
  private transcript: TranscriptLine[] = [];
  readonly player: Player;
  readonly tour: Actor<typeof tourMachine>;

  /** Without a driver, only the lab before the lesson's first command can be shown. */
  constructor(
    readonly lesson: Lesson,
    readonly seed = 1,
    driver?: LabDriver,
    /** The lab to start from ('ready' by default; 'fresh' for the setup lesson). */
    readonly lab: LabKind = 'ready',
  ) {
    this.recording = new Recording(
      { seed, lab },
      (options) => {
        this.transcript = [];
        return driver ? driver.createWorld({ seed: options.seed ?? seed, lab }) : clusterWorld(options);
      },
      (world, input) => {
        if (applyFault(world, input)) return;
        const host = 'host' in input ? input.host : '';
        driver?.run(world, input, (kind, text) =>
          this.transcript.push({ at: world.cluster.now, host, kind, text }),
        );
      },
      driver ? lesson.inputs.map((i) => ({ ...i, scripted: true }) as RecordedInput) : [],
    );
    this.tour = createActor(tourMachine, { input: { lesson } }).start();
    let t = 0;
    // A lesson without a tour (a guided lab) starts with a short timeline that grows as the student acts.
    const limit =
      lesson.steps.length === 0
        ? FREE_PLAY_START_MS
        : driver
          ? MAX_LESSON_MS
          : Math.min(...lesson.inputs.map((i) => i.at), MAX_LESSON_MS);
    while (this.tour.getSnapshot().context.end === undefined && t < limit) {
      t = Math.min(limit, t + CHUNK_MS);
      this.recording.simulateTo(t as SimMs);
      this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
    }
    this.player = new Player(this.recording, this.tour.getSnapshot().context.end ?? (t as SimMs));
    this.player.subscribe(() => {
      if (this.tour.getSnapshot().context.now !== this.player.now)
        this.tour.send({ type: 'tour.time', now: this.player.now });
    });
  }

  /** The terminal as it stood at `now`. */
  transcriptAt(now: SimMs): readonly TranscriptLine[] {
    return this.transcript.filter((l) => l.at <= now);
  }

  get step(): number {
    return this.tour.getSnapshot().context.step;
  }

  get stepCount(): number {
    return this.lesson.steps.length;
  }

  /** When step `n` begins (0: the start). */
  anchor(n: number): SimMs | undefined {
    if (n <= 0) return 0 as SimMs;
    if (n > this.stepCount) return this.player.getSnapshot().end;
    return this.tour.getSnapshot().context.anchors[n];
  }

  /** Shows step `n` from its beginning and plays it to the next step's beginning. */
  playStep(n: number): void {
    const step = Math.max(0, Math.min(this.stepCount, n));
    const at = this.anchor(step);
    if (at === undefined) return;
    this.player.pause();
    this.player.seek(at);
    const until = this.anchor(step + 1);
    if (until !== undefined && step > 0) this.player.playUntil((until - HOLD_BEFORE_MS) as SimMs);
  }

  /** Goes to step `n` and stays there, paused. */
  goToStep(n: number): void {
    const at = this.anchor(Math.max(0, Math.min(this.stepCount, n)));
    if (at === undefined) return;
    this.player.pause();
    this.player.seek(at);
  }

  nextStep(): void {
    if (this.step < this.stepCount) this.playStep(this.step + 1);
    else this.end();
  }

  previousStep(): void {
    this.playStep(this.step - 1);
  }

  home(): void {
    this.player.pause();
    this.player.seek(0);
  }

  end(): void {
    this.player.pause();
    this.player.seek(this.player.getSnapshot().end);
  }

  /** Plays to the end of the current step and stops there (presenter mode: nothing is revealed early). */
  playToStepEnd(): void {
    const until = this.anchor(this.step + 1);
    if (until !== undefined) this.player.playUntil((until - HOLD_BEFORE_MS) as SimMs);
  }

  /**
   * Where a new input lands: at the live edge when the viewer is there (within a few
   * ms of what has been simulated), else at the moment on screen — the past, which
   * forks the future away.
   */
  inputTime(): SimMs {
    const now = this.player.now;
    const edge = this.recording.simulatedTo;
    return (edge - now < LIVE_EDGE_MS ? Math.max(now, edge) : now) as SimMs;
  }

  /**
   * A person acts on the lab now: types a line, presses Ctrl+C, injects or heals a
   * fault. It is recorded on the timeline, the timeline is made long enough to show
   * what follows, and time plays on so the consequences unfold.
   */
  act(input: DistributiveOmit<RecordedInput, 'at'>): SimMs {
    const at = this.inputTime();
    const generation = this.recording.generation;
    this.recording.input({ ...input, at } as RecordedInput);
    if (this.recording.generation !== generation) {
      this.transcript = this.transcript.filter((l) => l.at <= at);
      this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
    }
    this.acted += 1;
    const horizon = 'fault' in input ? FAULT_HORIZON_MS : COMMAND_HORIZON_MS;
    this.player.extendEnd((at + horizon) as SimMs);
    this.player.seek(at);
    if (!this.player.getSnapshot().playing) this.player.play();
    return at;
  }

  /** Counts inputs made since the page opened, so views can tell the timeline changed. */
  acted = 0;

  /** The inputs on the timeline, in order: the lesson's and the person's. */
  inputs(): readonly RecordedInput[] {
    return this.recording.inputs;
  }

  dispose(): void {
    this.tour.stop();
  }
}
