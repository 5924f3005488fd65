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
  /** Total work until the cold input is applied, through the page's queue. */
  readonly coldActMs: number;
  /** The longest single task of it (a slice, or the last one with the input applied). */
  readonly coldLongestMs: number;
  /** The same in CPU time of this process (a loaded machine stretches wall time, not this). */
  readonly coldLongestCpuMs: number;
  readonly coldSlices: number;
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
    const r = new Recording<Session>({ seed }, (o) => new Session(o), runner, inputs(hours));
    r.simulateTo((hours * HOUR) as SimMs);
    const heap = used();
    return r.frames().length > 0 ? heap : 0;
  })();
  return (withIt - used()) / 2 ** 20;
}

export function schoolDay(hours = 8, seed = 1): DayResult {
  const heapMb = heldByRecording(hours, seed);
  const start = performance.now();
  const r = new Recording<Session>({ seed }, (o) => new Session(o), runner, inputs(hours));
  r.simulateTo((hours * HOUR) as SimMs);
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
  // As the page does while the person stands paused at 90 %: a spare world readied there in slices of a frame.
  const at = (0.9 * hours * HOUR) as SimMs;
  const readyStart = performance.now();
  let slices = 0;
  for (;;) {
    const deadline = performance.now() + 6;
    slices++;
    if (r.prepareFork(at, () => performance.now() > deadline)) break;
  }
  const readyMs = performance.now() - readyStart;
  const actStart = performance.now();
  r.input({ at, host: 'm-k8s', line: 'kubectl delete deployment web' });
  const actMs = performance.now() - actStart;
  // And at once, with no time to ready one: a fork at 85 % re-simulates from t=0. The page
  // queues the input and readies the fork in slices of 16 ms, one per frame; each pump is a task.
  const coldAt = (0.85 * hours * HOUR) as SimMs;
  const queue = new ForkQueue<RecordedInput>({
    inputTime: () => coldAt,
    readyAt: (t, stop) => t >= r.simulatedTo || r.prepareFork(t, stop),
    apply: (input) => r.input(input),
  });
  const coldStart = performance.now();
  let coldLongestMs = 0;
  let coldLongestCpuMs = 0;
  let coldSlices = 0;
  queue.submit({ at: coldAt, host: 'm-k8s', line: 'kubectl get pods' });
  while (queue.pending > 0) {
    const sliceStart = performance.now();
    const cpuStart = process.cpuUsage();
    const deadline = sliceStart + 16;
    queue.pump(() => performance.now() > deadline);
    const cpu = process.cpuUsage(cpuStart);
    coldLongestCpuMs = Math.max(coldLongestCpuMs, (cpu.user + cpu.system) / 1000);
    coldLongestMs = Math.max(coldLongestMs, performance.now() - sliceStart);
    coldSlices++;
  }
  const coldActMs = performance.now() - coldStart;
  return {
    recordMs,
    heapMb,
    frames,
    messages,
    seekP95: percentile(seeks, 95),
    seekMax: Math.max(...seeks),
    actMs,
    readyMs,
    readySlices: slices,
    coldActMs,
    coldLongestMs,
    coldLongestCpuMs,
    coldSlices,
    warpRebuildMs,
    warpExtendMs,
  };
}

function sentBefore(envelopes: readonly { sentAt: number }[], t: number): number {
  let n = 0;
  while (n < envelopes.length && (envelopes[n] as { sentAt: number }).sentAt < t) n++;
  return n;
}
