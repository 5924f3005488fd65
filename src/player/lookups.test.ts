import { describe, expect, it } from 'vitest';
import type { Envelope } from '../sim';
import { clampSpeed, nextMessageTime, previousMessageTime, stepSpeed } from './lookups';

const list = [0, 2, 2, 7].map(
  (sentAt, i) =>
    ({ id: i + 1, sentAt, deliverAt: sentAt + 1, kind: i === 3 ? 'x' : 'y' }) as unknown as Envelope,
);

describe('message navigation', () => {
  it.each([
    [-1, 0, undefined],
    [0, 2, undefined],
    [1, 2, 0],
    [2, 7, 0],
    [3, 7, 2],
    [7, undefined, 2],
    [9, undefined, 7],
  ])('at %d: next %s, previous %s', (now, next, previous) => {
    expect(nextMessageTime(list, now)).toBe(next);
    expect(previousMessageTime(list, now)).toBe(previous);
  });

  it('skips what the filter leaves out', () => {
    expect(nextMessageTime(list, 0, (e) => e.kind === 'x')).toBe(7);
    expect(previousMessageTime(list, 9, (e) => e.kind === 'y')).toBe(2);
  });
});

describe('speeds', () => {
  it.each([
    [0.1, 0.25],
    [9, 4],
    [Number.NaN, 1],
    [1.5, 1.5],
  ])('clampSpeed(%d) = %d', (s, clamped) => {
    expect(clampSpeed(s)).toBe(clamped);
  });

  it.each([
    [1, 1, 2],
    [1, -1, 0.5],
    [4, 1, 4],
    [0.25, -1, 0.25],
    [1.5, 1, 2],
    [1.5, -1, 1],
    [3, -1, 2],
  ])('from %d, step %d → %d', (s, d, expected) => {
    expect(stepSpeed(s, d as 1 | -1)).toBe(expected);
  });
});
