import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from './urlState';

// Issue 18: ?profile= chooses the lab's version; a bad one is a notice and the book's 1.18.
const parse = (search: string) => parseUrlState(search, ['en-US'], ['pod-create']);

describe('?profile=', () => {
  it('reads 1.36 and keeps it in the URL; 1.18, the default, is left out', () => {
    const { state, notices } = parse('?lesson=pod-create&profile=1.36');
    expect([state.profile, notices]).toEqual(['1.36', []]);
    expect(serializeUrlState(state)).toContain('profile=1.36');
    expect(serializeUrlState(parse('?profile=1.18').state)).not.toContain('profile');
    expect(parse('?lesson=pod-create').state.profile).toBeUndefined();
  });

  it('a bad value gives a notice and the book’s 1.18', () => {
    const { state, notices } = parse('?profile=2.0');
    expect(state.profile).toBe('1.18');
    expect(notices).toEqual(['profile="2.0" → 1.18']);
  });
});
