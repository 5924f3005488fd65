// The player decides which moment of the recording is "now". It moves along the time
// warp (timeWarp.ts) at the chosen speed; everything the view draws is a function of
// `now`, so play, pause, slow motion and seeking are all just changes of one number.
import type { Envelope, SimMs } from '../sim';
import type { Frame } from './history';
import type { EnvelopeFilter } from './lookups';
import { clampSpeed, nextMessageTime, previousMessageTime } from './lookups';
import type { Recording } from './recording';

/** What the player reads of a recording, whatever world it drives. */
export type RecordingView = Pick<
  Recording,
  'simulateTo' | 'simulatedTo' | 'envelopes' | 'frameAt' | 'generation'
>;

import type { Warp, WarpOptions } from './timeWarp';
import { defaultWarpOptions, GrowingWarp, realTimeWarp } from './timeWarp';

export interface PlayerSnapshot {
  readonly now: SimMs;
  readonly playing: boolean;
  readonly speed: number;
  readonly end: SimMs;
  /** Where play stops by itself (the end of a step), if anywhere before `end`. */
  readonly holdAt: SimMs | undefined;
  /** Idle time is shown shortened and messages in slow motion (the warp); off, one cluster second takes one second at 1×. */
  readonly skipIdle: boolean;
}

export class Player {
  private snapshot: PlayerSnapshot;
  private readonly listeners = new Set<() => void>();
  private warpValue: Warp | undefined;
  private warpKey = '';
  private growing: GrowingWarp | undefined;
  private growingGeneration = -1;

  constructor(
    readonly recording: RecordingView,
    end: SimMs,
    private readonly warpOptions: WarpOptions = defaultWarpOptions,
  ) {
    recording.simulateTo(end);
    this.snapshot = { now: 0 as SimMs, playing: false, speed: 1, end, holdAt: undefined, skipIdle: true };
  }

  getSnapshot = (): PlayerSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get now(): SimMs {
    return this.snapshot.now;
  }

  get warp(): Warp {
    const { end, skipIdle } = this.snapshot;
    if (!skipIdle) return realTimeWarp(end);
    // Extended when messages are added, not as the live edge moves
    // (past its end the warp runs 1:1 until then); made anew when the future was forked.
    const envelopes = this.recording.envelopes();
    const key = `${this.recording.generation}:${envelopes.length}`;
    if (!this.warpValue || key !== this.warpKey || end < this.warpValue.end) {
      if (
        !this.growing ||
        this.growingGeneration !== this.recording.generation ||
        end < this.growing.finalUpTo
      ) {
        this.growing = new GrowingWarp(this.warpOptions);
        this.growingGeneration = this.recording.generation;
      }
      this.warpValue = this.growing.warpTo(envelopes, end, this.recording.simulatedTo);
      this.warpKey = key;
    }
    return this.warpValue;
  }

  envelopes(): readonly Envelope[] {
    return this.recording.envelopes();
  }

  frame(): Frame {
    return this.recording.frameAt(this.snapshot.now);
  }

  /**
   * Moves time on by `wallMs` of real time, at the current speed, when playing. Play stops
   * at a hold (the end of a step); otherwise it goes on past the end of what was recorded:
   * at the live edge the cluster runs on for as long as the person lets it.
   */
  tick(wallMs: number): void {
    const s = this.snapshot;
    if (!s.playing || wallMs <= 0) return;
    let next = this.warp.toCluster(this.warp.toTour(s.now) + wallMs * s.speed);
    if (s.holdAt !== undefined && next >= s.holdAt) {
      this.set({ now: s.holdAt, playing: false, holdAt: undefined });
      return;
    }
    // Attached to a live server, time stops at the server's now: what lies beyond has not happened.
    if (this.ceiling !== undefined) next = Math.min(next, Math.max(this.ceiling, s.now)) as SimMs;
    next = Math.max(next, s.now) as SimMs;
    // Past the end the timeline grows with the moment; the cluster is simulated as frames are
    // read, so the live edge stays at the moment on screen and an input there forks nothing.
    this.set({ now: next, end: Math.max(next, s.end) as SimMs });
  }

  /** Plays on from the moment on screen (at the end too: the cluster goes on). Restart is `seek(0)` then play. */
  play(): void {
    this.set({ playing: true, holdAt: undefined });
  }

  setSkipIdle(skipIdle: boolean): void {
    this.set({ skipIdle });
  }

  /** Plays from now until `t` and stops there (a step of the tour). */
  playUntil(t: SimMs): void {
    if (t <= this.snapshot.now) return;
    this.set({ playing: true, holdAt: t });
  }

  pause(): void {
    this.set({ playing: false, holdAt: undefined });
  }

  toggle(): void {
    if (this.snapshot.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.set({ speed: clampSpeed(speed) });
  }

  seek(t: number): void {
    const now = Math.min(this.snapshot.end, Math.max(0, t)) as SimMs;
    this.recording.simulateTo(now);
    this.set({
      now,
      holdAt:
        this.snapshot.holdAt !== undefined && this.snapshot.holdAt > now ? this.snapshot.holdAt : undefined,
    });
  }

  /** Seeks to tour time `p` (the timeline's scale). */
  seekTour(p: number): void {
    this.seek(this.warp.toCluster(p));
  }

  /** One message on (+1) or back (-1): to the moment the next or previous one leaves. */
  stepMessage(delta: 1 | -1, filter?: EnvelopeFilter): void {
    const list = this.envelopes();
    const t =
      delta > 0
        ? nextMessageTime(list, this.snapshot.now, filter)
        : previousMessageTime(list, this.snapshot.now, filter);
    this.pause();
    if (t !== undefined && t <= this.snapshot.end) this.seek(t);
  }

  /** The latest moment play may reach (the live server's now when attached); undefined: none. */
  ceiling: SimMs | undefined;

  /** Lengthens the timeline without simulating ahead: frames are made as time reaches them. */
  extendEnd(end: SimMs): void {
    if (end > this.snapshot.end) this.set({ end });
  }

  setEnd(end: SimMs): void {
    this.recording.simulateTo(end);
    this.set({ end, now: Math.min(this.snapshot.now, end) as SimMs });
  }

  private set(patch: Partial<PlayerSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if (
      next.now === this.snapshot.now &&
      next.playing === this.snapshot.playing &&
      next.speed === this.snapshot.speed &&
      next.end === this.snapshot.end &&
      next.holdAt === this.snapshot.holdAt &&
      next.skipIdle === this.snapshot.skipIdle
    )
      return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}
