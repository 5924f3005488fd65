// One simulated lab (a cluster, and the shells around it) and the inputs given to it,
// with the history of what the view draws. Going back is a lookup in the history; an input made in the past forks the
// future away: a new cluster from the same seed replays the earlier inputs (STYLE 4).
import type { ClusterOptions, Envelope, FaultRef, SimCluster, SimMs } from '../sim';
import { createCluster, faultSpec } from '../sim';
import type { Frame } from './history';
import { History } from './history';

/** Something a person did to the lab, at a moment of cluster time: typed a line, pressed Ctrl+C, injected or healed a fault. */
export type RecordedInput = (
  | { readonly at: SimMs; readonly host: string; readonly line: string; readonly tab?: string }
  | { readonly at: SimMs; readonly host: string; readonly interrupt: true }
  | { readonly at: SimMs; readonly fault: FaultRef; readonly heal: boolean }
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

/** The spare world is brought forward this much cluster time at a time, so a frame's slice is respected. */
const SPARE_STEP_MS = 100;

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
  ) {
    this.worldValue = createWorld(options);
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
   * message is caught at the millisecond it happens; `stop`, asked every 64 events, may end
   * it early (the cluster then stands between two events, and the next call goes on).
   */
  simulateTo(t: SimMs, stop?: () => boolean): void {
    const c = this.cluster;
    let lastFrame = this.historyValue.at(c.now)?.at ?? 0;
    const stepping = !this.worldValue.nextEventAt;
    let steps = 0;
    while (c.now < t) {
      // A caller with a time budget (the page's frame) may stop it between events; it goes on from there next time.
      if (stop && ++steps % 64 === 0 && stop()) return;
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
      this.worldValue = spare?.world ?? this.createWorld(this.options);
      this.historyValue = this.historyValue.upTo(input.at);
      this.inputList = kept;
      this.applied = spare?.applied ?? 0;
      this.generation++;
      this.replayTo(input.at);
    }
    this.inputList.push(input);
    this.inputList.sort((a, b) => a.at - b.at);
    this.simulateTo(input.at);
  }

  /**
   * A second world, brought in the background (`prepareFork`) to a moment in the past
   * where the person stands: an input there forks from it instead of from t=0. Worlds
   * cannot be copied (their timers are closures), so this is the checkpoint kept.
   */
  private spare: { world: W; applied: number; at: SimMs; generation: number } | undefined;

  /**
   * Brings the spare world towards `t` (a moment in the past on screen), for as long as
   * `stop` allows; true once it stands at `t`. Inputs are replayed as a fork would.
   */
  prepareFork(t: SimMs, stop: () => boolean): boolean {
    if (t >= this.simulatedTo) return true;
    let spare = this.spare;
    if (!spare || spare.generation !== this.generation || spare.at > t)
      spare = this.spare = {
        world: this.createWorld(this.options),
        applied: 0,
        at: 0 as SimMs,
        generation: this.generation,
      };
    const { world } = spare;
    while (spare.at < t) {
      if (stop()) return false;
      const due = this.inputList[spare.applied];
      const next = Math.min(t, due && due.at <= t ? due.at : t, world.cluster.now + SPARE_STEP_MS) as SimMs;
      if (next > world.cluster.now) world.advanceTo(next);
      while (
        this.inputList[spare.applied] &&
        (this.inputList[spare.applied] as RecordedInput).at <= world.cluster.now &&
        (this.inputList[spare.applied] as RecordedInput).at < t
      ) {
        this.runner(world, this.inputList[spare.applied] as RecordedInput);
        spare.applied++;
      }
      spare.at = world.cluster.now;
    }
    return true;
  }

  /** Where the spare world stands, if there is one for this future (for the bench and tests). */
  get spareAt(): SimMs | undefined {
    return this.spare?.generation === this.generation ? this.spare.at : undefined;
  }

  /**
   * Brings a new world to `t` without recording frames: the kept history already holds
   * them, so a fork costs the simulation alone (a tenth of simulating with frames).
   */
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
