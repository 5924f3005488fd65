import { describe, expect, it } from 'vitest';
import { buildWarp } from './timeWarp';

const opts = { flightSlowdown: 100, maxIdleMs: 1000 };
// Idle 0–10, flying 10–14 (two overlapping messages), idle 14–5014, flying 5014–5016, idle to 6000.
const warp = buildWarp(
  [
    { sentAt: 10, deliverAt: 12 },
    { sentAt: 11, deliverAt: 14 },
    { sentAt: 5014, deliverAt: 5016 },
  ],
  6000,
  opts,
);

describe('buildWarp', () => {
  it.each([
    [0, 0],
    [5, 5],
    [10, 10],
    [11, 110],
    [14, 410],
    [2514, 910],
    [5014, 1410],
    [5015, 1510],
    [5016, 1610],
    [6000, 2594],
    [7000, 3594],
    [-3, 0],
  ])('cluster %d ms → tour %d ms', (t, p) => {
    expect(warp.toTour(t)).toBeCloseTo(p, 6);
  });

  it.each([0, 3, 10, 10.5, 12, 13.9, 100, 5000, 5015.5, 5999])('round-trips cluster time %d', (t) => {
    expect(warp.toCluster(warp.toTour(t))).toBeCloseTo(t, 6);
  });

  it('clamps before 0 and runs 1:1 past its end (the live edge moves on before the next rebuild)', () => {
    expect(warp.toCluster(-5)).toBe(0);
    expect(warp.duration).toBeCloseTo(2594, 6);
    expect(warp.toCluster(warp.duration + 1000)).toBeCloseTo(7000, 6);
    expect(warp.toTour(6500)).toBeCloseTo(2594 + 500, 6);
  });

  it('is real time with no messages at all', () => {
    const idle = buildWarp([], 800, opts);
    expect(idle.toTour(400)).toBe(400);
    expect(idle.duration).toBe(800);
  });

  it('treats a message with no latency as no flight', () => {
    const w = buildWarp([{ sentAt: 50, deliverAt: 50 }], 100, opts);
    expect(w.duration).toBe(100);
  });
});
