// A lesson on the player: the recording of the lesson's inputs, the player's time, and
// the tour machine told of both, so that "next step" means "seek to where the trace
// says that step begins and play it".
import type { Actor } from 'xstate';
import { createActor } from 'xstate';
import type { Happening, Lesson, Story } from '../lessons';
import { HappeningLog, stepAt, storyAt, tourMachine } from '../lessons';
import type { LabKind, SimMs } from '../sim';
import type { ProfileId } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import { ForkQueue } from './forkQueue';
import type { Frame } from './history';
import type { LabDriver, LabTerminals, RunningCommand, TerminalView, TranscriptLine } from './labDriver';
import { momentOf } from './moment';
import { Player } from './player';
import type { RecordedInput, World } from './recording';
import { applyFault, clusterWorld, Recording } from './recording';

/** How close to the simulated edge counts as "live" for a new input. */
const LIVE_EDGE_MS = 50;
/**
 * How far ahead the cluster is simulated after an input, so the story can say what comes
 * next and when: past a command (a deletion's 30 s grace period and more) and past a fault
 * (40 s to NotReady + 300 s to the eviction, and the replacement after it).
 */
const COMMAND_HORIZON_MS = 90_000;
const FAULT_HORIZON_MS = 420_000;
/** How far the story simulates ahead at a time when it looks for what comes next. */
const STORY_CHUNK_MS = 30_000;
/** A command typed while paused plays on until its output is in, if it ends within this long. */
const COMMAND_WAIT_MS = 5_000;

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

  /** The terminal windows, when the lab is driven through shells. */
  private readonly terminals: LabTerminals | undefined;

  /** Without a driver, only the lab before the lesson's first command can be shown. */
  constructor(
    readonly lesson: Lesson,
    readonly seed = 1,
    // biome-ignore lint/suspicious/noExplicitAny: any driver's world is the one it made; the player only passes it back
    driver?: LabDriver<any>,
    /** The lab to start from ('ready' by default; 'fresh' for the setup lesson). */
    readonly lab: LabKind = 'ready',
    /** A person's own inputs to replay (a shared link's), in time order. */
    own: readonly RecordedInput[] = [],
    /** How many workers the lab has (3, the book's; up to 200 for a demo at scale). */
    readonly workers = 3,
    /** The lab's version (src/sim/profiles): the book's 1.18 by default, or its second edition's 1.36. */
    readonly profile?: ProfileId,
    /**
     * Attached to a live server: the cluster time it stands at. The recording is simulated
     * to there and no further (what lies beyond has not happened yet), and the timeline ends there.
     */
    attachedAt?: SimMs,
  ) {
    const version = profile ? { profile } : {};
    // The lessons are written for the book's m-k8s: under another profile their lines go to its master (cp-k8s).
    const master = profileOf(profile).master.name;
    const onMaster = (i: RecordedInput): RecordedInput =>
      master === 'm-k8s' || !('host' in i) || i.host !== 'm-k8s'
        ? i
        : { ...i, host: master, ...('tab' in i && i.tab === 'm-k8s' ? { tab: master } : {}) };
    this.recording = new Recording(
      { seed, lab, workers, ...version },
      (options) => {
        this.transcript = [];
        return driver
          ? driver.createWorld({ seed: options.seed ?? seed, lab, workers, ...version })
          : clusterWorld(options);
      },
      (world, input) => {
        if (applyFault(world, input)) return;
        const host = 'host' in input ? input.host : '';
        this.lastCommand = driver?.run(world, input, (kind, text) =>
          this.transcript.push({ at: world.cluster.now, host, kind, text }),
        );
      },
      driver
        ? [...lesson.inputs.map((i) => onMaster({ ...i, scripted: true } as RecordedInput)), ...own]
        : [],
    );
    this.terminals =
      driver?.terminal && driver.complete
        ? { terminal: driver.terminal, complete: driver.complete }
        : undefined;
    this.tour = createActor(tourMachine, { input: { lesson } }).start();
    let t = 0;
    if (attachedAt !== undefined) {
      this.recording.simulateTo(attachedAt);
      this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
      this.tourSent = this.recording.envelopes().length;
      this.player = new Player(this.recording, attachedAt);
      this.player.ceiling = attachedAt;
      this.player.subscribe(() => this.followTime());
      return;
    }
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
    // A shared link's inputs: the recording reaches past the last one, to what it led to.
    const last = driver ? own[own.length - 1] : undefined;
    const horizon = last ? last.at + ('fault' in last ? FAULT_HORIZON_MS : COMMAND_HORIZON_MS) : 0;
    if (horizon > t) {
      this.recording.simulateTo(horizon as SimMs);
      this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
    }
    const end = Math.max(this.tour.getSnapshot().context.end ?? t, horizon) as SimMs;
    this.player = new Player(this.recording, end);
    this.player.subscribe(() => this.followTime());
  }

  /**
   * An input made elsewhere, at its own moment (the server the page is attached to applied
   * it): recorded on the timeline, the moment on screen left where it is.
   */
  record(input: RecordedInput): void {
    const generation = this.recording.generation;
    this.recording.input(input);
    if (this.recording.generation !== generation) this.forks += 1;
    this.acted += 1;
    this.followed = '';
    this.syncTour();
  }

  /** Tells the tour of the messages simulated since it last heard (an attached page's clock moving on). */
  syncTour(): void {
    const n = this.recording.envelopes().length;
    if (n === this.tourSent) return;
    this.tourSent = n;
    this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
  }

  private tourSent = -1;

  /**
   * Attached to a live server: where the page's own inputs go instead of the timeline (the
   * server applies them at its now, and they come back as `record`s).
   */
  remote: ((input: DistributiveOmit<RecordedInput, 'at'>) => void) | undefined;

  /** Tells the tour the moment on screen, and whether the next step is blocked there. */
  private followTime(): void {
    const now = this.player.now;
    const frame = this.recording.frameAt(now);
    const key = `${now}:${frame.faults.length}:${this.recording.generation}`;
    if (key === this.followed) return;
    this.followed = key;
    const blocked = frame.faults.length > 0 && this.story(now).blocked !== undefined;
    this.tour.send({ type: 'tour.time', now, blocked });
  }

  private followed = '';

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

  /** Shows step `n` from its beginning and plays it to whatever comes next (the next step, or a consequence). */
  playStep(n: number): void {
    const step = Math.max(0, Math.min(this.stepCount, n));
    const at = this.anchor(step);
    if (at === undefined) return;
    this.player.pause();
    this.player.seek(at);
    // After the last step, to the end of the lesson.
    const nextStep = this.anchor(step + 1);
    const happening = this.happenings().find((h) => h.at > at)?.at;
    const until = Math.min(nextStep ?? Number.POSITIVE_INFINITY, happening ?? Number.POSITIVE_INFINITY);
    // A line the terminal ran on the way (typed while a command was running) may already play to its answer.
    const answer = this.player.getSnapshot().holdAt ?? 0;
    if (Number.isFinite(until) && step > 0)
      this.player.playUntil(Math.max(until - HOLD_BEFORE_MS, answer) as SimMs);
  }

  /** Goes to step `n` and stays there, paused. */
  goToStep(n: number): void {
    const at = this.anchor(Math.max(0, Math.min(this.stepCount, n)));
    if (at === undefined) return;
    this.player.pause();
    this.player.seek(at);
  }

  /** What the cluster did off the book's script, from the person's first input on. */
  happenings(): readonly Happening[] {
    const frames = this.recording.frames();
    const since = this.inputs().find((i) => !i.scripted)?.at ?? Number.POSITIVE_INFINITY;
    const key = `${this.recording.generation}:${since}`;
    // Read incrementally: only the frames recorded since the last call (a fork or a new first input starts over).
    if (key !== this.happeningsKey || !this.happeningLog || this.happeningLog.fed > frames.length) {
      this.happeningLog = new HappeningLog(since);
      this.happeningsKey = key;
    }
    const log = this.happeningLog;
    if (log.fed === frames.length) return this.happeningsValue;
    for (let i = log.fed; i < frames.length; i++) log.feed(frames[i] as Frame);
    // The lesson's own pod coming to life is the book's story, told by its steps.
    const subject = this.lesson.subject.split('/').pop();
    const end = this.tour.getSnapshot().context.end ?? Number.POSITIVE_INFINITY;
    this.happeningsValue = log.list.filter(
      (h) =>
        !(h.subject === subject && (h.kind === 'pod.created' || h.kind === 'pod.running') && h.at <= end),
    );
    return this.happeningsValue;
  }

  private happeningsKey = '';
  private happeningLog: HappeningLog | undefined;
  private happeningsValue: readonly Happening[] = [];

  /** The story at `now` (the moment on screen by default): step, what happened, what blocks, what comes next. */
  story(now: SimMs = this.player.now): Story {
    // The page and the tour both ask every frame: one reading per moment and recording state.
    const key = `${now}:${this.recording.generation}:${this.acted}:${this.recording.frames().length}:${this.player.getSnapshot().end}:${this.recording.simulatedTo}`;
    if (key === this.storyKey && this.storyValue) return this.storyValue;
    let story = this.storyAtNow(now);
    // "What comes next" may lie beyond what was simulated: simulate on, up to the timeline's end, until it is known.
    const end = this.player.getSnapshot().end;
    // The page gives it a slice of a frame (lookaheadBudgetMs); while the story says it is
    // still looking ahead, the page asks again at the next frame (App.tsx), and it goes on.
    const deadline = performance.now() + this.lookaheadBudgetMs;
    const skip = this.lookaheadDeferred;
    this.lookaheadDeferred = false;
    const stop = skip
      ? () => true
      : Number.isFinite(this.lookaheadBudgetMs)
        ? () => performance.now() > deadline
        : undefined;
    while (!story.next && this.recording.simulatedTo < end && !stop?.()) {
      this.recording.simulateTo(Math.min(end, this.recording.simulatedTo + STORY_CHUNK_MS) as SimMs, stop);
      this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
      story = this.storyAtNow(now);
    }
    if (!story.next && this.recording.simulatedTo < end) story = { ...story, lookingAhead: true };
    // A reading that did not look ahead is not kept: the next one at this moment looks.
    this.storyKey = skip
      ? ''
      : `${now}:${this.recording.generation}:${this.acted}:${this.recording.frames().length}:${end}:${this.recording.simulatedTo}`;
    this.storyValue = story;
    return story;
  }

  private lookaheadDeferred = false;

  /**
   * The next reading of the story does not simulate ahead (it says it is looking ahead, and
   * the page asks again at the next frame): the page's frame that applied an input has
   * spent its time on it (issue 14, no task over 50 ms).
   */
  deferLookahead(): void {
    this.lookaheadDeferred = true;
  }

  private storyKey = '';
  private storyValue: Story | undefined;

  /**
   * How long one call of `story` may simulate ahead to find what comes next, in ms of wall
   * time; the rest is simulated by the calls that follow. Unbounded by default (tests, Node);
   * the page sets a slice of a frame, so looking ahead never blocks it.
   */
  lookaheadBudgetMs = Number.POSITIVE_INFINITY;

  private storyAtNow(now: SimMs): Story {
    const frame = this.recording.frameAt(now);
    const tour = this.tour.getSnapshot().context;
    return storyAt({
      lesson: this.lesson,
      anchors: tour.anchors,
      step: tour.now === now ? tour.step : stepAt(this.tour.getSnapshot().context.anchors, now),
      happenings: this.happenings(),
      now,
      moment: momentOf(frame),
      faults: frame.faults,
    });
  }

  /**
   * PageDown: on to the next thing that happens — the book's next step, or, off the
   * script, the next consequence (a node NotReady, a taint, an eviction, a new pod) —
   * and play it until the one after. With nothing more recorded, to the end.
   */
  nextStep(): void {
    const now = this.player.now;
    const next = this.story(now).next;
    if (next?.step !== undefined) {
      this.playStep(next.step);
      return;
    }
    if (next) {
      this.player.pause();
      this.player.seek(next.at);
      return;
    }
    if (this.step < this.stepCount && this.anchor(this.step + 1) !== undefined) this.playStep(this.step + 1);
    else this.end();
  }

  /** PageUp: back to the beginning of the step or happening on screen, or the one before if already there. */
  previousStep(): void {
    const now = this.player.now;
    const anchors = this.tour.getSnapshot().context.anchors;
    const all = [
      0,
      ...anchors.filter((a): a is SimMs => a !== undefined),
      ...this.happenings().map((h) => h.at),
    ];
    // The beginning of what is on screen (the step, or the latest happening), and the mark before it.
    const shown = Math.max(...all.filter((t) => t <= now));
    const marks = all.filter((t) => t < shown).sort((a, b) => a - b);
    const to = marks[marks.length - 1] ?? 0;
    const step = stepAt(anchors, to);
    if (anchors[step] === to && step > 0) this.playStep(step);
    else {
      this.player.pause();
      this.player.seek(to);
    }
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
   * A person acts on the lab at the moment on screen: types a line, presses Ctrl+C,
   * injects or heals a fault. It is recorded on the timeline. In the past, the cluster is
   * simulated again from there with the lesson's own later inputs kept, so a command that
   * changes nothing leaves the rest of the lesson as it was; the person's own later inputs
   * are replaced (`replacedInputs` says how many). The cluster is then simulated far
   * enough ahead for the story to say what comes next. Playing, it plays on; paused, a
   * command plays until its output is in (a few seconds at most) and a fault waits for
   * the person to go on to its consequences.
   */
  act(input: DistributiveOmit<RecordedInput, 'at'>, at = this.inputTime()): SimMs {
    return this.beginAct(input, at).finish();
  }

  /**
   * `act` in three parts, for a caller that can wait (the element, the iframe): the input is
   * made now; `simulate` re-simulates what follows (the lesson's later steps, a command's
   * answer) for as long as `stop` allows, true when done; `finish` then tells the tour and
   * the clock, exactly as `act` does.
   */
  beginAct(
    input: DistributiveOmit<RecordedInput, 'at'>,
    at = this.inputTime(),
  ): { simulate(stop: () => boolean): boolean; finish(): SimMs } {
    const before = this.player.getSnapshot();
    const edge = this.recording.simulatedTo;
    const generation = this.recording.generation;
    this.lastCommand = undefined;
    this.recording.input({ ...input, at } as RecordedInput);
    const command = 'line' in input ? (this.lastCommand as RunningCommand | undefined) : undefined;
    // A fork made a new world, whose runs refill the transcript as they are simulated again.
    if (this.recording.generation !== generation) this.forks += 1;
    this.acted += 1;
    const horizon = 'fault' in input ? FAULT_HORIZON_MS : COMMAND_HORIZON_MS;
    const end = Math.max(before.end, at + horizon) as SimMs;
    // What was simulated before is simulated again (the lesson's later steps), and a command's
    // answer; what lies further is simulated when time or the story reaches it (story()).
    // At the live edge nothing is simulated ahead here: time plays on.
    const live = before.now >= (this.tour.getSnapshot().context.end ?? 0);
    // At the live edge what lay ahead was only looked ahead at: the story looks again, a slice at a time.
    // Past the lesson's own end, what was simulated before belonged to the future just forked away.
    const lessonEnd = this.tour.getSnapshot().context.end ?? edge;
    const target = (live ? at : Math.max(Math.min(edge, lessonEnd), at + COMMAND_WAIT_MS)) as SimMs;
    const simulate = (stop: () => boolean) => {
      this.recording.simulateTo(target, stop);
      return this.recording.simulatedTo >= target;
    };
    const finish = () => {
      simulate(() => false);
      this.tour.send({ type: 'tour.trace', envelopes: this.recording.envelopes() });
      this.followed = '';
      this.player.extendEnd(end);
      this.player.seek(at);
      // At the live edge (the lesson's script is over) time flows on: the consequences unfold by themselves.
      // A command that answers within a few seconds plays until its answer is in; playing a step,
      // play still stops where the step ends, or at that answer if it comes later.
      const done = command?.finishedAt;
      const answered = done !== undefined && done - at <= COMMAND_WAIT_MS ? done : undefined;
      if (before.playing && before.holdAt !== undefined)
        this.player.playUntil(Math.max(before.holdAt, answered ?? 0) as SimMs);
      else if (before.playing || live) this.player.play();
      else if (command) {
        if (answered === undefined) this.player.play();
        else if (answered > at) this.player.playUntil(answered);
      }
      return at;
    };
    return { simulate, finish };
  }

  /**
   * While the person stands paused in the past, brings a spare world to that moment, a
   * slice of `budgetMs` at a time (the page gives each frame one), so that acting there
   * forks from it at once instead of re-simulating from the start. True when it is there,
   * or when there is nothing to ready (playing, or at the live edge).
   */
  prepareFork(budgetMs: number): boolean {
    if (this.player.getSnapshot().playing) return true;
    const deadline = performance.now() + budgetMs;
    return this.readyToAct(() => performance.now() > deadline);
  }

  /**
   * Builds, a slice of `budgetMs` at a time, the ladder of worlds parked over the
   * recording (ladder.ts), so that acting far in the past replays from the rung before that
   * moment rather than from the start.
   */
  buildLadder(budgetMs: number): void {
    const deadline = performance.now() + budgetMs;
    this.recording.buildLadder(() => performance.now() > deadline);
  }

  /**
   * Does, for as long as `stop` allows, the work an input at `at` (the moment on screen) would
   * otherwise do at once: readies the spare world it would fork from. True when done, so
   * a caller that can wait (the element, the iframe) slices it between tasks first.
   */
  readyToAct(stop: () => boolean, at: SimMs = this.inputTime()): boolean {
    return at >= this.recording.simulatedTo || this.recording.prepareFork(at, stop);
  }

  /** Simulates up to `t` (within the timeline) for as long as `stop` allows; true when there (a seek then costs a lookup). */
  readyToSee(t: SimMs, stop: () => boolean): boolean {
    const to = Math.min(t, this.player.getSnapshot().end) as SimMs;
    if (to > this.recording.simulatedTo) this.recording.simulateTo(to, stop);
    return this.recording.simulatedTo >= to;
  }

  /** The command the last input started (set while the recording runs it). */
  private lastCommand: RunningCommand | undefined;

  /** Counts inputs made since the page opened, so views can tell the timeline changed. */
  acted = 0;
  /** Counts rewinds (inputs made in the past). */
  forks = 0;

  /** The person's own inputs the last rewind threw away (0 when nothing of theirs was replaced). */
  get replacedInputs(): number {
    return this.recording.lastFork?.replaced.length ?? 0;
  }

  /** A terminal window of the lab as it stands at the live edge (undefined before the shells have loaded). */
  terminal(tab: string): TerminalView | undefined {
    return this.terminals?.terminal(this.recording.world, tab);
  }

  /** Tab completion for a line typed in window `tab`. */
  complete(
    tab: string,
    line: string,
    cursor: number,
  ): { readonly line: string; readonly candidates: readonly string[] } {
    const host = this.terminal(tab)?.host ?? tab;
    return (
      this.terminals?.complete(this.recording.world, host, line, cursor, tab) ?? { line, candidates: [] }
    );
  }

  /**
   * The page's inputs: applied at once when cheap, else (a cold fork in the past) kept with
   * their moment until the page has readied the fork in slices (`queue.pump` each frame).
   */
  readonly queue = new ForkQueue<DistributiveOmit<RecordedInput, 'at'>>({
    inputTime: () => this.inputTime(),
    readyAt: (at, stop) => this.readyToAct(stop, at),
    apply: (input, at) => this.act(input, at),
    forward: (input) => {
      if (!this.remote) return false;
      this.remote(input);
      return true;
    },
  });

  /** The input a line typed in terminal window `tab` makes. */
  typed(tab: string, line: string): DistributiveOmit<RecordedInput, 'at'> {
    return { host: this.terminal(tab)?.host ?? tab, line, tab };
  }

  /** The input Ctrl+C in terminal window `tab` makes. */
  interrupted(tab: string): DistributiveOmit<RecordedInput, 'at'> {
    return { host: this.terminal(tab)?.host ?? tab, interrupt: true };
  }

  /** A person types a line in terminal window `tab`, at the moment on screen. */
  type(tab: string, line: string): SimMs {
    return this.act(this.typed(tab, line));
  }

  /** Ctrl+C in terminal window `tab`. */
  interrupt(tab: string): SimMs {
    return this.act(this.interrupted(tab));
  }

  /** Back to the beginning, playing. */
  restart(): void {
    this.player.pause();
    this.player.seek(0);
    this.player.play();
  }

  /** The inputs on the timeline, in order: the lesson's and the person's. */
  inputs(): readonly RecordedInput[] {
    return this.recording.inputs;
  }

  dispose(): void {
    this.tour.stop();
  }
}
