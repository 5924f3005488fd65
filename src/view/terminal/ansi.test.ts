import { describe, expect, it } from 'vitest';
import { ansiRuns } from './ansi';

describe('ansiRuns', () => {
  it('reads kubectl cluster-info’s colours (go-colortext: 0;32 green, 0;33 yellow, 0 reset)', () => {
    expect(
      ansiRuns(
        '\u001b[0;32mKubernetes master\u001b[0m is running at \u001b[0;33mhttps://192.168.1.10:6443\u001b[0m',
      ),
    ).toEqual([
      { text: 'Kubernetes master', fg: 32 },
      { text: ' is running at ' },
      { text: 'https://192.168.1.10:6443', fg: 33 },
    ]);
  });

  it('leaves plain text whole, drops escapes it does not draw, and never shows a stray ESC', () => {
    expect(ansiRuns('pod/nginx-pod created')).toEqual([{ text: 'pod/nginx-pod created' }]);
    expect(ansiRuns('\u001b[2Ka\u001b[1mb\u001b[22mc\u001b')).toEqual([
      { text: 'a' },
      { text: 'b', bold: true },
      { text: 'c' },
    ]);
  });
});
