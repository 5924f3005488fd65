import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './goDuration';

describe('parseGoDuration (Go 1.13 time.ParseDuration)', () => {
  it('reads what kubectl --timeout takes', () => {
    expect(parseGoDuration('3s')).toEqual({ ok: true, ms: 3000 });
    expect(parseGoDuration('1m30s')).toEqual({ ok: true, ms: 90_000 });
    expect(parseGoDuration('1.5h')).toEqual({ ok: true, ms: 5_400_000 });
    expect(parseGoDuration('500ms')).toEqual({ ok: true, ms: 500 });
    expect(parseGoDuration('0')).toEqual({ ok: true, ms: 0 });
  });
  it('words its errors as go1.13.9 does', () => {
    expect(parseGoDuration('3')).toEqual({ ok: false, error: 'time: missing unit in duration 3' });
    expect(parseGoDuration('abc')).toEqual({ ok: false, error: 'time: invalid duration abc' });
    expect(parseGoDuration('3d')).toEqual({ ok: false, error: 'time: unknown unit d in duration 3d' });
  });
});
