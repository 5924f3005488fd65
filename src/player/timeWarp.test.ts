import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWarp, GrowingWarp } from './timeWarp';

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

describe('GrowingWarp', () => {
  // A recording that grows: each step simulates on to `complete`, sending messages on the way, and the timeline may reach further.
  const growth = fc.array(
    fc.record({
      advance: fc.integer({ min: 0, max: 3000 }),
      sends: fc.array(
        fc.record({ offset: fc.integer({ min: 0, max: 3000 }), latency: fc.integer({ min: 0, max: 8 }) }),
        {
          maxLength: 6,
        },
      ),
      ahead: fc.integer({ min: 0, max: 4000 }),
    }),
    { minLength: 1, maxLength: 25 },
  );

  it('is, after every growth, the warp a rebuild from all the messages gives', () => {
    fc.assert(
      fc.property(growth, (steps) => {
        const spans: { sentAt: number; deliverAt: number }[] = [];
        const growing = new GrowingWarp(opts);
        let complete = 0;
        for (const step of steps) {
          const from = complete;
          complete += step.advance;
          const sent = step.sends
            .map((s) => Math.min(complete, from + s.offset))
            .sort((a, b) => a - b)
            .map((at, i) => ({ sentAt: at, deliverAt: at + (step.sends[i]?.latency ?? 0) }));
          spans.push(...sent);
          const end = complete + step.ahead;
          const warp = growing.warpTo(spans, end, complete);
          const rebuilt = buildWarp(spans, end, opts);
          expect(warp.duration).toBeCloseTo(rebuilt.duration, 6);
          for (let t = 0; t <= end + 500; t += 97) {
            expect(warp.toTour(t)).toBeCloseTo(rebuilt.toTour(t), 6);
            expect(warp.toCluster(rebuilt.toTour(t))).toBeCloseTo(rebuilt.toCluster(rebuilt.toTour(t)), 6);
          }
        }
      }),
    );
  });

  it('keeps what can no longer change: the part before the last message already simulated', () => {
    const growing = new GrowingWarp(opts);
    growing.warpTo([{ sentAt: 10, deliverAt: 12 }], 100, 50);
    expect(growing.finalUpTo).toBe(12);
    growing.warpTo(
      [
        { sentAt: 10, deliverAt: 12 },
        { sentAt: 60, deliverAt: 70 },
      ],
      200,
      65,
    );
    // The message sent at 60 is still in flight at 65: only its send is final.
    expect(growing.finalUpTo).toBe(60);
  });
});
