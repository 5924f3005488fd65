// Any URL query gives a page with a notice at worst (issue 8): parsing never throws,
// every value it returns is one the page accepts, and each bad parameter is named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrlState } from '../view/urlState';

const names = [
  'lesson',
  'step',
  'lang',
  'speed',
  'theme',
  'view',
  'seed',
  'presenter',
  'embed',
  'faults',
  'x',
];
const values = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'pod-create',
    'ko',
    'en',
    'dark',
    'projector',
    'watch',
    '4',
    '0.25',
    '-1',
    'NaN',
    '1e9',
    '<script>',
    'javascript:alert(1)',
  ),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...names), values), { maxLength: 8 })
  .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`);

describe('any URL query', () => {
  it('gives a valid state and a notice for each bad value, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ maxLength: 80 })), (search) => {
        const { state, notices } = parseUrlState(search, ['ko-KR'], ['pod-create', 'deployment']);
        expect(['pod-create', 'deployment']).toContain(state.lesson);
        expect(['ko', 'en']).toContain(state.lang);
        expect(['light', 'dark', 'projector']).toContain(state.theme);
        expect(['book', 'watch']).toContain(state.view);
        expect(state.speed).toBeGreaterThanOrEqual(0.25);
        expect(state.speed).toBeLessThanOrEqual(4);
        expect(Number.isInteger(state.step) && state.step >= 0).toBe(true);
        expect(Number.isFinite(state.seed)).toBe(true);
        for (const n of notices) expect(typeof n).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('names the parameter it could not use', () => {
    const { state, notices } = parseUrlState('?theme=neon&speed=9', ['en'], ['pod-create']);
    expect(state.theme).toBe('light');
    expect(notices.join(' ')).toMatch(/theme="neon"/);
    expect(notices.join(' ')).toMatch(/speed="9"/);
  });
});
