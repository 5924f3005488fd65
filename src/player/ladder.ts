// Worlds kept in reserve so that an input in the past does not re-simulate from t=0.
// Worlds cannot be copied (their timers are closures), so a checkpoint is a whole world
// brought forward to a moment and parked there: the spare at the moment on screen, and a
// ladder of rungs spread over the recording, built in the background a slice at a time.
// A fork takes the highest one at or before its moment and replays only from there.
// A parked world keeps no trace of its own (the recording holds the same messages).
import type { Envelope, SimMs } from '../sim';
import type { InputRunner, RecordedInput, World } from './recording';

/** A world brought forward without recording, and how many of the recording's inputs it has applied. */
export interface Parked<W extends World> {
  readonly world: W;
  applied: number;
  at: SimMs;
}

/** A parked world that cannot say when its next event is is brought forward this much cluster time at a time. */
const STEP_MS = 100;

/** A rung every this many messages of the recording, at first. */
export const RUNG_MESSAGES = 6_000;
/** At most this many rungs: past it, the spacing doubles and every other rung goes (memory stays bounded). */
export const MAX_RUNGS = 12;

/** A new world at t=0 that keeps no trace. */
export function park<W extends World>(make: () => W): Parked<W> {
  const world = make();
  world.cluster.trace.forget();
  return { world, applied: 0, at: 0 as SimMs };
}

/**
 * Brings `p` towards `t` for as long as `stop` allows, applying the inputs made before
 * `t` as a fork would (an input at `t` itself is the fork's to apply); true once at `t`.
 */
export function walk<W extends World>(
  p: Parked<W>,
  t: SimMs,
  inputs: readonly RecordedInput[],
  runner: InputRunner<W>,
  stop: () => boolean,
): boolean {
  const { world } = p;
  while (p.at < t) {
    if (stop()) return false;
    const due = inputs[p.applied];
    // From event to event (nothing changes between two), so a quiet hour costs little.
    const event = world.nextEventAt?.() ?? world.cluster.now + STEP_MS;
    const next = Math.min(
      t,
      due && due.at <= t ? due.at : t,
      Math.max(event, Math.floor(world.cluster.now) + 1),
    ) as SimMs;
    if (next > world.cluster.now) world.advanceTo(next);
    for (let input = inputs[p.applied]; input && input.at <= world.cluster.now && input.at < t; ) {
      runner(world, input);
      input = inputs[++p.applied];
    }
    p.at = world.cluster.now;
  }
  return true;
}

/** The moments the rungs stand at: the send time of every `spacing`-th message, at most MAX_RUNGS of them. */
export function rungMoments(envelopes: readonly Envelope[], first = RUNG_MESSAGES): SimMs[] {
  let spacing = first;
  while (Math.floor(envelopes.length / spacing) > MAX_RUNGS) spacing *= 2;
  const out: SimMs[] = [];
  for (let n = spacing; n <= envelopes.length; n += spacing) {
    const at = (envelopes[n - 1] as Envelope).sentAt;
    if (at > (out[out.length - 1] ?? 0)) out.push(at);
  }
  return out;
}

export class Ladder<W extends World> {
  /** Parked at their moments, in time order. */
  private rungs: Parked<W>[] = [];
  /** The rung being built, and the moment it is for. */
  private building: { readonly rung: Parked<W>; readonly at: SimMs } | undefined;

  constructor(
    private readonly make: () => W,
    private readonly spacing = RUNG_MESSAGES,
  ) {}

  /** Where the rungs stand (for the bench and tests). */
  get moments(): readonly SimMs[] {
    return this.rungs.map((r) => r.at);
  }

  /** Takes off the ladder the highest rung at or before `t` (it is walked on from there, so it is no longer at its moment). */
  take(t: SimMs): Parked<W> | undefined {
    let i = this.rungs.length - 1;
    while (i >= 0 && (this.rungs[i] as Parked<W>).at > t) i--;
    return i < 0 ? undefined : this.rungs.splice(i, 1)[0];
  }

  /**
   * After a fork at `t`: a rung after it lived through the future just thrown away. One
   * at or before it applied only inputs made before its moment, which the fork keeps.
   */
  cut(t: SimMs): void {
    this.rungs = this.rungs.filter((r) => r.at <= t);
    if (this.building && this.building.at > t) this.building = undefined;
  }

  /**
   * Builds the lowest missing rung for the recording's messages, for as long as `stop`
   * allows, and drops rungs the spacing no longer has; true when every rung stands.
   */
  build(
    envelopes: readonly Envelope[],
    inputs: readonly RecordedInput[],
    runner: InputRunner<W>,
    stop: () => boolean,
  ): boolean {
    const wanted = rungMoments(envelopes, this.spacing);
    this.rungs = this.rungs.filter((r) => wanted.includes(r.at));
    for (;;) {
      if (this.building && !wanted.includes(this.building.at)) this.building = undefined;
      const at = this.building?.at ?? wanted.find((t) => !this.rungs.some((r) => r.at === t));
      if (at === undefined) return true;
      const building = this.building ?? { rung: park(this.make), at };
      this.building = building;
      if (!walk(building.rung, at, inputs, runner, stop)) return false;
      this.building = undefined;
      this.rungs.push(building.rung);
      this.rungs.sort((a, b) => a.at - b.at);
    }
  }
}
