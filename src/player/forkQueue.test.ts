import { describe, expect, it } from 'vitest';
import type { SimMs } from '../sim';
import { ForkQueue } from './forkQueue';

/** A target whose fork at any moment takes `work` slices to ready. */
function target(work: number) {
  const applied: { input: string; at: number }[] = [];
  let done = 0;
  let now = 5_000;
  const q = new ForkQueue<string>({
    inputTime: () => now as SimMs,
    readyAt: (_at, stop) => {
      while (done < work) {
        if (stop()) return false;
        done++;
      }
      return true;
    },
    apply: (input, at) => applied.push({ input, at }),
  });
  return { q, applied, seek: (t: number) => (now = t) };
}

describe('ForkQueue', () => {
  it('applies an input at once when its fork is ready', () => {
    const { q, applied } = target(0);
    expect(q.submit('kubectl get pods')).toBe(true);
    expect(applied).toEqual([{ input: 'kubectl get pods', at: 5_000 }]);
    expect(q.pending).toBe(0);
  });

  it('keeps a cold input, with its moment, until slices have readied the fork', () => {
    const { q, applied, seek } = target(3);
    expect(q.submit('kubectl get pods')).toBe(false);
    expect(q.submit('^C')).toBe(false);
    seek(9_000); // the person moves on; the inputs stay at the moment they were made for
    expect(q.waitingInputs()).toEqual(['kubectl get pods', '^C']);
    let slices = 0;
    while (q.pending > 0) {
      let left = 1;
      q.pump(() => left-- <= 0);
      slices++;
    }
    // Three slices of work, then (this stop allows one question per slice) each input in a slice of its own.
    expect(slices).toBe(5);
    expect(applied).toEqual([
      { input: 'kubectl get pods', at: 5_000 },
      { input: '^C', at: 5_000 },
    ]);
  });

  it('queues an input behind one that waits, even one that would be cheap, so the order holds', () => {
    const { q, applied } = target(1);
    expect(q.submit('first')).toBe(false);
    expect(q.submit('second')).toBe(false);
    q.pump(() => false);
    expect(applied.map((a) => a.input)).toEqual(['first', 'second']);
    expect(q.submit('third')).toBe(true);
  });
});

describe('ForkQueue with room to apply', () => {
  it('applies in the next slice an input whose fork took this slice to ready', () => {
    const { q, applied } = target(2);
    expect(q.submit('kubectl scale deployment big --replicas=100000')).toBe(false);
    let worked = false;
    const slice = () => {
      worked = false;
      let left = 5;
      q.pump(
        () => {
          worked = true;
          return left-- <= 0;
        },
        () => !worked,
      );
    };
    slice();
    // Ready now, but readying used the slice: nothing is applied on top of it.
    expect(applied).toEqual([]);
    expect(q.pending).toBe(1);
    slice();
    expect(applied).toEqual([{ input: 'kubectl scale deployment big --replicas=100000', at: 5_000 }]);
  });
});
