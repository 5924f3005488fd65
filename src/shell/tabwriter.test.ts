import { describe, expect, it } from 'vitest';
import { age, humanDuration } from './humanDuration';
import { describeOptions, table, tabwrite } from './tabwriter';

describe('tabwriter (kubectl get: minwidth 6, padding 3)', () => {
  it('pads each column to its widest cell plus 3 and leaves the last cell alone', () => {
    expect(
      table([
        ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
        ['m-k8s', 'Ready', 'master', '29m', 'v1.18.4'],
        ['w1-k8s', 'Ready', '<none>', '24m', 'v1.18.4'],
      ]),
    ).toBe(
      [
        'NAME     STATUS   ROLES    AGE   VERSION',
        'm-k8s    Ready    master   29m   v1.18.4',
        'w1-k8s   Ready    <none>   24m   v1.18.4',
      ].join('\n'),
    );
  });

  it('never makes a column narrower than 6', () => {
    expect(
      table([
        ['A', 'B'],
        ['1', '2'],
      ]),
    ).toBe('A     B\n1     2');
  });

  it('aligns blocks of consecutive lines separately (describe, padding 2)', () => {
    const text = tabwrite(
      'Name:\tnginx-pod\nAnnotations:\t<none>\nContainers:\n  c:\n    Image:\tnginx',
      describeOptions,
    );
    expect(text).toBe('Name:         nginx-pod\nAnnotations:  <none>\nContainers:\n  c:\n    Image:  nginx');
  });
});

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [0, '0s'],
    [67_000, '67s'],
    [119_999, '119s'],
    [120_000, '2m'],
    [182_000, '3m2s'],
    [599_000, '9m59s'],
    [600_000, '10m'],
    [14 * 60_000 + 30_000, '14m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000 + 5 * 60_000, '3h5m'],
    [8 * 3_600_000, '8h'],
    [(2 * 24 + 7) * 3_600_000, '2d7h'],
    [-1500, '0s'],
    [-3000, '<invalid>'],
  ])('%i ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('cuts the creation time to whole seconds as the API server stores it', () => {
    expect(age(10_100, 3_900)).toBe('7s');
  });
});
