// A school day (issue 14): 8 recorded hours of the ready lab with a 100-replica
// Deployment, w3-k8s powered off at 10 minutes and `kubectl get pods` typed every
// minute, as the page records it (frames, trace). Then random seeks into it and an
// input at 90 % of it, which forks the future away.

import { ForkQueue } from '../src/player/forkQueue';
import type { RecordedInput } from '../src/player/recording';
import { applyFault, Recording } from '../src/player/recording';
import { buildWarp, GrowingWarp } from '../src/player/timeWarp';
import { Session } from '../src/shell/session';
import type { SimMs } from './benchDeps';
import { percentile } from './stats';

const HOUR = 3_600_000;

export interface ColdFork {
  /** Total work until the input is applied. */
  readonly totalMs: number;
  /** The longest single task of it (a slice, or the last one with the input applied). */
  readonly longestMs: number;
  /** The same in CPU time of this process (a loaded machine stretches wall time, not this). */
  readonly longestCpuMs: number;
  readonly slices: number;
}

export interface DayResult {
  readonly recordMs: number;
  readonly heapMb: number;
  readonly frames: number;
  readonly messages: number;
  readonly seekP95: number;
  readonly seekMax: number;
  readonly actMs: number;
  /** How long the spare world took to make ready in the background, in slices of 6 ms. */
  readonly readyMs: number;
  readonly readySlices: number;
  /** The ladder of parked worlds, built in the background as the page builds it (slices of 4 ms). */
  readonly ladder: {
    readonly wallMs: number;
    readonly cpuMs: number;
    readonly slices: number;
    readonly rungs: number;
  };
  /**
   * An input made at once, with no spare world there, once the ladder stands, at the worst
   * moment: the end of the widest stretch without a rung (`replayedMs` of cluster time replayed).
   */
  readonly cold: ColdFork & { readonly replayedMs: number };
  /** The same on a recording with no ladder yet: the fork re-simulates from t=0. */
  readonly coldFromZero: ColdFork;
  /** The warp made anew from every message of the day, and extended by its last minute. */
  readonly warpRebuildMs: number;
  readonly warpExtendMs: number;
}

function inputs(hours: number): RecordedInput[] {
  const out: RecordedInput[] = [
    { at: 1000 as SimMs, host: 'm-k8s', line: 'kubectl create deployment web --image=nginx' },
    { at: 5000 as SimMs, host: 'm-k8s', line: 'kubectl scale deployment web --replicas=100' },
    { at: 600_000 as SimMs, fault: { id: 'power', target: 'w3-k8s' }, heal: false },
  ];
  for (let m = 1; m < hours * 60; m++)
    out.push({ at: (m * 60_000 + 30_000) as SimMs, host: 'm-k8s', line: 'kubectl get pods' });
  return out.sort((a, b) => a.at - b.at);
}

const runner = (s: Session, input: RecordedInput) => {
  if (applyFault(s, input)) return;
  if ('line' in input) s.run(input.host, input.line);
  else if ('interrupt' in input) s.interrupt(input.host);
};

/** Seeks as the page does one: the frame at t, the messages in flight, the warp's position. */
function seek(r: Recording<Session>, warp: ReturnType<typeof buildWarp>, t: number): number {
  const start = performance.now();
  r.frameAt(t as SimMs);
  r.cluster.trace.inFlight(t as SimMs);
  warp.toTour(t);
  return performance.now() - start;
}

/**
 * The heap a recording of the day holds: after a full collection with it alive, less the
 * same once it is gone (the earlier rows' leftovers then count on both sides, not on one).
 */
function heldByRecording(hours: number, seed: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  const used = () => {
    gc?.();
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const withIt = (() => {
    const r = record(hours, seed);
    while (!r.buildLadder(() => false)) {}
    const heap = used();
    return r.frames().length > 0 ? heap : 0;
  })();
  return (withIt - used()) / 2 ** 20;
}

const record = (hours: number, seed: number) => {
  const r = new Recording<Session>({ seed }, (o) => new Session(o), runner, inputs(hours));
  r.simulateTo((hours * HOUR) as SimMs);
  return r;
};

/** Times `work(stop)` called in slices of `sliceMs` until it says it is done: the page's frames. */
function sliced(sliceMs: number, work: (stop: () => boolean) => boolean) {
  let longestMs = 0;
  let longestCpuMs = 0;
  let cpuMs = 0;
  let slices = 0;
  const start = performance.now();
  for (let done = false; !done; slices++) {
    const sliceStart = performance.now();
    const cpuStart = process.cpuUsage();
    const deadline = sliceStart + sliceMs;
    done = work(() => performance.now() > deadline);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs += (cpu.user + cpu.system) / 1000;
    longestCpuMs = Math.max(longestCpuMs, (cpu.user + cpu.system) / 1000);
    longestMs = Math.max(longestMs, performance.now() - sliceStart);
  }
  return { totalMs: performance.now() - start, cpuMs, longestMs, longestCpuMs, slices };
}

/** An input at `at` made at once: it waits in the page's queue while the fork is readied in slices of 16 ms, one per frame. */
function coldFork(r: Recording<Session>, at: SimMs): ColdFork {
  const queue = new ForkQueue<RecordedInput>({
    inputTime: () => at,
    readyAt: (t, stop) => t >= r.simulatedTo || r.prepareFork(t, stop),
    apply: (input) => r.input(input),
  });
  queue.submit({ at, host: 'm-k8s', line: 'kubectl get pods' });
  const { totalMs, longestMs, longestCpuMs, slices } = sliced(16, (stop) => {
    queue.pump(stop);
    return queue.pending === 0;
  });
  return { totalMs, longestMs, longestCpuMs, slices };
}

export function schoolDay(hours = 8, seed = 1): DayResult {
  const heapMb = heldByRecording(hours, seed);
  const start = performance.now();
  const r = record(hours, seed);
  const recordMs = performance.now() - start;
  // The warp as the page grows it: all of the day but its last minute, then that minute.
  const growing = new GrowingWarp();
  const lastMinute = r.simulatedTo - 60_000;
  growing.warpTo(r.envelopes().slice(0, sentBefore(r.envelopes(), lastMinute)), lastMinute, lastMinute);
  const extendStart = performance.now();
  growing.warpTo(r.envelopes(), r.simulatedTo, r.simulatedTo);
  const warpExtendMs = performance.now() - extendStart;
  const rebuildStart = performance.now();
  const warp = buildWarp(r.envelopes(), r.simulatedTo);
  const warpRebuildMs = performance.now() - rebuildStart;
  // Random seeks from a fixed-seed LCG: the same moments every run.
  let x = seed;
  const rand = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const seeks = Array.from({ length: 200 }, () => seek(r, warp, rand() * hours * HOUR));
  const frames = r.frames().length;
  const messages = r.envelopes().length;
  // The ladder, as the page builds it in its frames' spare time over the day.
  const built = sliced(4, (stop) => r.buildLadder(stop));
  const ladder = {
    wallMs: built.totalMs,
    cpuMs: built.cpuMs,
    slices: built.slices,
    rungs: r.ladderMoments.length,
  };
  // As the page does while the person stands paused at 90 %: a spare world readied there in slices of a frame.
  const at = (0.9 * hours * HOUR) as SimMs;
  const ready = sliced(6, (stop) => r.prepareFork(at, stop));
  const actStart = performance.now();
  r.input({ at, host: 'm-k8s', line: 'kubectl delete deployment web' });
  const actMs = performance.now() - actStart;
  // And at once, with no time to ready one. The worst moment for the ladder (the page has
  // rebuilt the rung the spare world took, in its spare frames since): just before the end of
  // the widest stretch with no rung, replayed from its start. Then with no ladder yet, at 85 %, from t=0.
  while (!r.buildLadder(() => false)) {}
  const stops = [0, ...r.ladderMoments, r.simulatedTo];
  let widest = 0;
  for (let i = 1; i < stops.length; i++)
    if (
      (stops[i] as number) - (stops[i - 1] as number) >
      (stops[widest + 1] as number) - (stops[widest] as number)
    )
      widest = i - 1;
  const worstAt = ((stops[widest + 1] as number) - 1) as SimMs;
  const cold = { ...coldFork(r, worstAt), replayedMs: worstAt - (stops[widest] as number) };
  const coldFromZero = coldFork(record(hours, seed), (0.85 * hours * HOUR) as SimMs);
  return {
    recordMs,
    heapMb,
    frames,
    messages,
    seekP95: percentile(seeks, 95),
    seekMax: Math.max(...seeks),
    actMs,
    readyMs: ready.totalMs,
    readySlices: ready.slices,
    ladder,
    cold,
    coldFromZero,
    warpRebuildMs,
    warpExtendMs,
  };
}

function sentBefore(envelopes: readonly { sentAt: number }[], t: number): number {
  let n = 0;
  while (n < envelopes.length && (envelopes[n] as { sentAt: number }).sentAt < t) n++;
  return n;
}
