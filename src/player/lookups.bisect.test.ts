// The trace lookups by time are bisections (issue 14); they must answer exactly what a
// walk over the whole trace answers, for any ordered trace and any moment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Envelope, SimMs } from '../sim';
import { Trace } from '../sim/trace';
import { nextMessageTime, previousMessageTime } from './lookups';

const traceOf = (gaps: readonly [number, number, boolean][]) => {
  const trace = new Trace();
  let t = 0;
  for (const [gap, flight, kind] of gaps) {
    t += gap;
    trace.append({
      from: 'a',
      to: 'b',
      sentAt: t as SimMs,
      deliverAt: (t + flight) as SimMs,
      kind: kind ? 'watch.pods.added' : 'etcd.put',
      summary: '',
    });
  }
  return trace;
};

const gaps = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 8 }), fc.boolean()),
  {
    maxLength: 80,
  },
);
const watchOnly = (e: Envelope) => e.kind.startsWith('watch.');

describe('trace lookups by time', () => {
  it('inFlight, nextMessageTime and previousMessageTime agree with a full walk', () => {
    fc.assert(
      fc.property(gaps, fc.integer({ min: -5, max: 2500 }), (g, t) => {
        const trace = traceOf(g);
        const all = trace.all();
        expect(trace.inFlight(t as SimMs)).toEqual(all.filter((e) => e.sentAt <= t && e.deliverAt > t));
        expect(nextMessageTime(all, t, watchOnly)).toBe(
          all.find((e) => e.sentAt > t && watchOnly(e))?.sentAt,
        );
        expect(previousMessageTime(all, t, watchOnly)).toBe(
          [...all].reverse().find((e) => e.sentAt < t && watchOnly(e))?.sentAt,
        );
      }),
      { numRuns: 300 },
    );
  });
});
