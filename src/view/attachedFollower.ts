// What the attached page does each frame, without React (useAttached.ts wires it): the
// server's log replayed a slice at a time, then the player kept at the live edge, a
// little behind the server's estimated now, with the inputs heard recorded in order.
import type { LessonPlayer, RecordedInput } from '../player';
import type { SimMs } from '../sim';

/** What the follower needs of the server: its clock (AttachedLab.now, .speed). */
export interface ServerClock {
  now(): SimMs;
  readonly speed: number;
}

/**
 * Playing, the moment on screen may fall this far behind the server's now (messages are
 * shown in slow motion); beyond it, it jumps to a quarter of that behind, so the page stays live.
 */
export const MAX_LAG_MS = 4_000;
/** How much of a frame, in ms, replaying the server's log may take at first (no long task, however old the server). */
export const CATCH_UP_SLICE_MS = 10;
/** How far, in wall ms at the server's speed, the page keeps behind the server's estimated now (an input's trip to the page). */
export const EDGE_MARGIN_MS = 250;
/** How often the timeline's end follows the server's clock, in wall ms. */
const GROW_EVERY_MS = 100;

/** The moment the page may show: the server's estimated now, less an input's trip to the page. */
export function edgeOf(server: ServerClock): SimMs {
  return Math.max(0, server.now() - EDGE_MARGIN_MS * server.speed) as SimMs;
}

export class AttachedFollower {
  /** Until the log is replayed, the inputs heard meanwhile wait here, in order. */
  private waiting: RecordedInput[] | undefined = [];
  private grown = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly lp: LessonPlayer,
    private readonly server: ServerClock,
    /** The wall clock of the slices (performance.now in the page). */
    private readonly wall: () => number,
  ) {}

  /** An input the server applied (the event stream). */
  hear(input: RecordedInput): void {
    if (this.waiting) this.waiting.push(input);
    else this.lp.record(input);
  }

  /** Replaying the log so far: how far, 0 to 1; undefined once at the live edge. */
  get catchingUp(): number | undefined {
    if (!this.waiting) return undefined;
    const t = edgeOf(this.server);
    return t > 0 ? Math.floor((this.lp.recording.simulatedTo / t) * 100) / 100 : 0;
  }

  /** One frame at wall time `ts`. */
  frame(ts: number): void {
    const { lp } = this;
    const t = edgeOf(this.server);
    if (this.waiting) {
      // Up to each input heard meanwhile in turn, so it is recorded where it was applied.
      const next = this.waiting[0];
      const target = (next ? Math.min(t, next.at) : t) as SimMs;
      lp.player.extendEnd(t);
      const deadline = this.wall() + CATCH_UP_SLICE_MS;
      const there = lp.readyToSee(target, () => this.wall() > deadline);
      if (!there) return;
      if (next) {
        if (lp.recording.simulatedTo >= next.at) lp.record(this.waiting.shift() as RecordedInput);
        return;
      }
      this.waiting = undefined;
      lp.syncTour();
      lp.player.ceiling = t;
      lp.player.seek(t);
      lp.player.play();
    }
    lp.player.ceiling = t;
    if (ts - this.grown >= GROW_EVERY_MS) {
      this.grown = ts;
      lp.player.extendEnd(t);
      lp.syncTour();
      const s = lp.player.getSnapshot();
      if (s.playing && s.holdAt === undefined && t - s.now > MAX_LAG_MS)
        lp.player.seek((t - MAX_LAG_MS / 4) as SimMs);
    }
  }

  /** To the live edge, playing. */
  goLive(): void {
    const t = edgeOf(this.server);
    this.lp.player.extendEnd(t);
    this.lp.player.seek(t);
    this.lp.player.play();
  }
}
