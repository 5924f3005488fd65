// One simulated lab (a cluster, and the shells around it) and the inputs given to it,
// with the history of what the view draws. Going back is a lookup in the history; an input made in the past forks the
// future away: a world from the same seed, parked at or before that moment (ladder.ts) or
// new, replays the earlier inputs from there (STYLE 4).
import type { ClusterOptions, Envelope, FaultRef, SimCluster, SimMs } from '../sim';
import { createCluster, faultSpec } from '../sim';
import type { Frame } from './history';
import { History } from './history';
import type { Parked } from './ladder';
import { Ladder, park, RUNG_MESSAGES, walk } from './ladder';

/** Something a person did to the lab, at a moment of cluster time: typed a line, pressed Ctrl+C, injected or healed a fault. */
export type RecordedInput = (
  | { readonly at: SimMs; readonly host: string; readonly line: string; readonly tab?: string }
  | { readonly at: SimMs; readonly host: string; readonly interrupt: true }
  | { readonly at: SimMs; readonly fault: FaultRef; readonly heal: boolean }
  /**
   * What a server the page is attached to applied (`npm run api`: an HTTP request of real
   * kubectl, its client going away, an exec): opaque here, the attached driver reads it.
   */
  | { readonly at: SimMs; readonly host: string; readonly api: Readonly<Record<string, unknown>> }
) & {
  /** Part of the lesson's script: a fork in the past keeps it (only a person's later inputs are replaced). */
  readonly scripted?: boolean;
};

/** A fault input is the same for every world: it is dispatched to the cluster as the catalog says. */
export function applyFault(world: World, input: RecordedInput): boolean {
  if (!('fault' in input)) return false;
  const spec = faultSpec(input.fault.id);
  if (!spec) return true;
  world.cluster.dispatch(input.heal ? spec.heal(input.fault.target) : spec.inject(input.fault.target));
  return true;
}

/** What the recording drives: a cluster, or a shell Session around one (whose own timers advance with it). */
export interface World {
  readonly cluster: SimCluster;
  advanceTo(t: SimMs): void;
  /** When something next happens; the recording jumps straight there. */
  nextEventAt?(): SimMs | undefined;
}

/** Applies an input (a command line typed on a host) to the world at its current time. */
export type InputRunner<W extends World = World> = (world: W, input: RecordedInput) => void;

/** A bare cluster as a world. */
export const clusterWorld = (options: ClusterOptions): World => {
  const cluster = createCluster(options);
  return { cluster, advanceTo: (t) => cluster.advanceTo(t), nextEventAt: () => cluster.nextEventAt() };
};

/** A frame is kept at least this often in cluster time, besides every moment a message moves. */
export const FRAME_EVERY_MS = 100;

export class Recording<W extends World = World> {
  private worldValue: W;
  private historyValue = new History();
  private inputList: RecordedInput[] = [];
  private applied = 0;
  /** Bumped on every fork, so holders of derived data (the warp, step anchors) know to redo it. */
  generation = 0;
  /** The last fork: when, and how many of the person's own later inputs it threw away. */
  lastFork: { readonly at: SimMs; readonly replaced: readonly RecordedInput[] } | undefined;

  constructor(
    readonly options: ClusterOptions,
    private readonly createWorld: (options: ClusterOptions) => W,
    private readonly runner: InputRunner<W>,
    inputs: readonly RecordedInput[] = [],
    /** A rung of the ladder every this many messages, at first (tests use fewer). */
    rungMessages = RUNG_MESSAGES,
  ) {
    this.worldValue = createWorld(options);
    this.ladder = new Ladder<W>(this.make, rungMessages);
    this.inputList = [...inputs].sort((a, b) => a.at - b.at);
    this.historyValue.record(this.cluster);
  }

  get world(): W {
    return this.worldValue;
  }

  get cluster(): SimCluster {
    return this.worldValue.cluster;
  }

  get simulatedTo(): SimMs {
    return this.cluster.now;
  }

  get inputs(): readonly RecordedInput[] {
    return this.inputList;
  }

  envelopes(): readonly Envelope[] {
    return this.cluster.trace.all();
  }

  /** Every recorded moment, in time order. */
  frames(): readonly Frame[] {
    return this.historyValue.list();
  }

  frameAt(t: SimMs): Frame {
    if (t > this.simulatedTo) this.simulateTo(t);
    return this.historyValue.at(t) as Frame;
  }

  /**
   * Runs the cluster to `t` from event to event, so that every change that comes with a
   * message is caught at the millisecond it happens; `stop`, asked every 8 events, may end
   * it early (the cluster then stands between two events, and the next call goes on).
   */
  simulateTo(t: SimMs, stop?: () => boolean): void {
    const c = this.cluster;
    let lastFrame = this.historyValue.at(c.now)?.at ?? 0;
    const stepping = !this.worldValue.nextEventAt;
    let steps = 0;
    while (c.now < t) {
      // A caller with a time budget (the page's frame) may stop it between events; it goes on from there next time.
      if (stop && ++steps % 8 === 0 && stop()) return;
      this.applyDueInputs();
      const before = c.trace.length;
      const revision = c.etcdRevision();
      // Nothing changes between two events, so jump from one to the next (never less than 1 ms).
      const event = this.worldValue.nextEventAt?.() ?? Math.floor(c.now) + 1;
      const next = Math.min(
        t,
        Math.max(event, Math.floor(c.now) + 1),
        this.nextInputAt() ?? Number.POSITIVE_INFINITY,
      );
      this.worldValue.advanceTo((next > c.now ? next : t) as SimMs);
      // A frame whenever a message moves or etcd changes; a world that cannot say when
      // its next event is also gets one every FRAME_EVERY_MS.
      if (
        c.trace.length !== before ||
        c.etcdRevision() !== revision ||
        (stepping && c.now - lastFrame >= FRAME_EVERY_MS)
      ) {
        this.historyValue.record(c);
        lastFrame = c.now;
      }
    }
    this.applyDueInputs();
  }

  /** Makes an input at `at`. In the past of what was simulated, the later inputs and the future are forked away. */
  input(input: RecordedInput): void {
    if (input.at < this.simulatedTo) {
      const kept = this.inputList.filter((i) => i.at <= input.at || i.scripted);
      this.lastFork = {
        at: input.at,
        replaced: this.inputList.filter((i) => i.at > input.at && !i.scripted),
      };
      const spare =
        this.spare?.generation === this.generation && this.spare.at <= input.at ? this.spare : undefined;
      this.spare = undefined;
      const from = spare ?? this.ladder.take(input.at) ?? park(this.make);
      this.ladder.cut(input.at);
      const before = this.cluster.trace.all();
      this.historyValue = this.historyValue.upTo(input.at);
      this.inputList = kept;
      this.generation++;
      walk(from, input.at, this.inputList, this.runner, () => false);
      this.worldValue = from.world;
      this.applied = from.applied;
      this.replayTo(input.at);
      // The parked world sent the messages the recording already holds up to here: it takes them.
      if (!this.cluster.trace.adopt(before)) {
        this.traceMismatches++;
        this.worldValue = this.createWorld(this.options);
        this.applied = 0;
        this.replayTo(input.at);
      }
    }
    this.inputList.push(input);
    this.inputList.sort((a, b) => a.at - b.at);
    this.simulateTo(input.at);
  }

  /**
   * Forks whose parked world did not send the messages the recording holds (so it was
   * not used, and the fork replayed from t=0 instead): always 0 while the simulation is
   * deterministic, which the tests check.
   */
  traceMismatches = 0;

  private readonly make = () => this.createWorld(this.options);

  /** Worlds parked over the recording, built in the background (`buildLadder`). */
  private readonly ladder: Ladder<W>;

  /** A world brought to the moment on screen in the background (`prepareFork`): an input there forks from it. */
  private spare: (Parked<W> & { readonly generation: number }) | undefined;

  /**
   * Brings the spare world towards `t` (a moment in the past on screen), for as long as
   * `stop` allows; true once it stands at `t`. It starts from the highest rung of the
   * ladder at or before `t`, or from t=0.
   */
  prepareFork(t: SimMs, stop: () => boolean): boolean {
    if (t >= this.simulatedTo) return true;
    let spare = this.spare;
    if (!spare || spare.generation !== this.generation || spare.at > t)
      spare = this.spare = { ...(this.ladder.take(t) ?? park(this.make)), generation: this.generation };
    return walk(spare, t, this.inputList, this.runner, stop);
  }

  /** Where the spare world stands, if there is one for this future (for the bench and tests). */
  get spareAt(): SimMs | undefined {
    return this.spare?.generation === this.generation ? this.spare.at : undefined;
  }

  /** Builds the ladder's missing rungs for as long as `stop` allows; true when they all stand. */
  buildLadder(stop: () => boolean): boolean {
    return this.ladder.build(this.envelopes(), this.inputList, this.runner, stop);
  }

  /** Where the ladder's rungs stand (for the bench and tests). */
  get ladderMoments(): readonly SimMs[] {
    return this.ladder.moments;
  }

  /** Brings the world to `t` without recording frames: the kept history already holds them. */
  private replayTo(t: SimMs): void {
    for (;;) {
      const due = this.inputList[this.applied];
      if (!due || due.at > t) break;
      if (due.at > this.cluster.now) this.worldValue.advanceTo(due.at);
      this.runner(this.worldValue, due);
      this.applied++;
    }
    if (t > this.cluster.now) this.worldValue.advanceTo(t);
  }

  private nextInputAt(): number | undefined {
    return this.inputList[this.applied]?.at;
  }

  private applyDueInputs(): void {
    let due = this.inputList[this.applied];
    while (due && due.at <= this.cluster.now) {
      this.runner(this.worldValue, due);
      this.historyValue.record(this.cluster);
      this.applied++;
      due = this.inputList[this.applied];
    }
  }
}
