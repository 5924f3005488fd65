import { describe, expect, it } from 'vitest';
import type { Envelope, SimMs } from '../sim';
import { inFlightAt, lastSentIndex, messageProgress } from './messageProgress';

const t = (n: number) => n as SimMs;
const env = (id: number, sentAt: number, deliverAt: number): Envelope =>
  ({
    id,
    from: 'a',
    to: 'b',
    sentAt: t(sentAt),
    deliverAt: t(deliverAt),
    kind: 'k',
    summary: '',
  }) as Envelope;

describe('messageProgress', () => {
  it.each([
    [100, 104, 99, undefined],
    [100, 104, 100, 0],
    [100, 104, 101, 0.25],
    [100, 104, 102.5, 0.625],
    [100, 104, 104, 1],
    [100, 104, 104.001, undefined],
    [100, 100, 100, 1],
    [100, 100, 99.9, undefined],
  ])('sent %d, delivered %d, at %d → %s', (sentAt, deliverAt, now, expected) => {
    expect(messageProgress({ sentAt: t(sentAt), deliverAt: t(deliverAt) }, t(now))).toBe(expected);
  });
});

describe('inFlightAt', () => {
  const list = [env(1, 0, 3), env(2, 1, 2), env(3, 2, 6), env(4, 5, 7), env(5, 70_000, 70_004)];
  it.each([
    [0, [1]],
    [1.5, [1, 2]],
    [2.5, [1, 3]],
    [5, [3, 4]],
    [6.5, [4]],
    [8, []],
    [70_002, [5]],
  ])('at %d → %j', (now, ids) => {
    expect(inFlightAt(list, t(now)).map((e) => e.id)).toEqual(ids);
  });
});

describe('lastSentIndex', () => {
  it.each([
    [-1, -1],
    [0, 0],
    [1, 1],
    [4.9, 2],
    [5, 3],
    [1e9, 4],
  ])('at %d → %d', (at, index) => {
    expect(
      lastSentIndex([{ sentAt: 0 }, { sentAt: 1 }, { sentAt: 2 }, { sentAt: 5 }, { sentAt: 9 }], at),
    ).toBe(index);
  });
});
