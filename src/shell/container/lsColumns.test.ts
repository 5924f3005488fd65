import { describe, expect, it } from 'vitest';
import { busyboxColumns, gnuColumns } from './lsColumns';

describe('ls in columns on an 80-column terminal', () => {
  it('busybox: one width for every column, the longest name plus two, spaces between', () => {
    const root = ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];
    expect(busyboxColumns(root, 80)).toEqual(['bin   dev   etc   home  proc  root  sys   tmp   usr   var']);
    const many = Array.from({ length: 30 }, (_, i) => `file-number-${i}`);
    const lines = busyboxColumns(many, 80);
    // 16 wide: five columns, six rows, down then across.
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('file-number-0   file-number-6   file-number-12  file-number-18  file-number-24');
  });

  it('GNU: each column as wide as its own longest name, tabs up to the last tab stop', () => {
    expect(gnuColumns(['a', 'bb', 'ccc'], 80)).toEqual(['a  bb  ccc']);
    expect(gnuColumns(['docker-entrypoint.d', 'x'], 80)).toEqual(['docker-entrypoint.d  x']);
    expect(gnuColumns(['abcdefghij', 'k'], 80)).toEqual(['abcdefghij  k']);
    expect(gnuColumns(['abcdefghijklm', 'n'], 80)).toEqual(['abcdefghijklm  n']);
    // Two columns fit in 20 (16 + 1), three (16 + 3 + 3) do not; tabs reach the stop at 16.
    expect(gnuColumns(['abcde', 'abcdefghijklmn', 'x', 'y'], 20)).toEqual([
      'abcde\t\tx',
      'abcdefghijklmn\ty',
    ]);
  });
});
