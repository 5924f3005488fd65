// Go's time.Duration.String() of whole milliseconds, as the kubelet's Pulled event prints it.
import { describe, expect, it } from 'vitest';
import { goDurationMs } from './units';

describe('goDurationMs', () => {
  it.each([
    [0, '0s'],
    [800, '800ms'],
    [1000, '1s'],
    [3200, '3.2s'],
    [3217, '3.217s'],
    [3050, '3.05s'],
    [61_500, '1m1.5s'],
    [3_600_000, '1h0m0s'],
  ])('%i ms → %s', (ms, text) => expect(goDurationMs(ms)).toBe(text));
});
