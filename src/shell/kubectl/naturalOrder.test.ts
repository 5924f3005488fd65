import { describe, expect, it } from 'vitest';
import { naturalCompare, naturalLess } from './naturalOrder';

describe('naturalLess (sortorder.NaturalLess, as kubectl --sort-by compares strings)', () => {
  it('orders numbers by value, leading zeros after, digits before letters', () => {
    expect(['a10', 'a2', 'a02', 'a1b', 'ab', 'a', '10', '9'].sort(naturalCompare)).toEqual([
      '9',
      '10',
      'a',
      'a1b',
      'a2',
      'a02',
      'a10',
      'ab',
    ]);
    expect(naturalLess('x', 'x')).toBe(false);
    expect(naturalLess('1f0a-2', '1f0a-10')).toBe(true);
    expect(naturalLess('4a', '10a')).toBe(true);
  });
});
