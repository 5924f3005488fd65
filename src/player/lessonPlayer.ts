// A lesson on the player: the recording of the lesson's inputs, the player's time, and
// the tour machine told of both, so that "next step" means "seek to where the trace
// says that step begins and play it".
import type { Actor } from 'xstate';
import { createActor } from 'xstate';
import type { Lesson } from '../lessons';
import { runLessonInput, tourMachine } from '../lessons';
import type { SimMs } from '../sim';
import { Player } from './player';
import type { RecordedInput } from './recording';
import { Recording } from './recording';

/** The longest the lesson may take in cluster time before we give up waiting for its last step. */
const MAX_LESSON_MS = 120_000;
const CHUNK_MS = 2_000;
/** A step plays until just before the next begins, so the narration stays on it until the viewer moves on. */
const HOLD_BEFORE_MS = 0.01;

export class LessonPlayer {
  readonly recording: Recording;
  readonly player: Player;
  readonly tour: Actor<typeof tourMachine>;

  constructor(
    readonly lesson: Lesson,
    readonly seed = 1,
  ) {
    this.recording = new Recording(
      { seed },
      (cluster, input) => {
        runLessonInput(cluster, input);
      },
      lesson.inputs as readonly RecordedInput[],
    );
    this.tour = createActor(tourMachine, { input: { lesson } }).start();
    let t = 0;
    while (this.tour.getSnapshot().context.end === undefined && t < MAX_LESSON_MS) {
      t += CHUNK_MS;
      this.recording.simulateTo(t as SimMs);
      this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
    }
    this.player = new Player(this.recording, this.tour.getSnapshot().context.end ?? (t as SimMs));
    this.player.subscribe(() => {
      if (this.tour.getSnapshot().context.now !== this.player.now)
        this.tour.send({ type: 'tour.time', now: this.player.now });
    });
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

  dispose(): void {
    this.tour.stop();
  }
}
