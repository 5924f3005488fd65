import { describe, expect, it } from 'vitest';
import { clipText, estimateEm, fitFontSize, spreadMarkers } from './textFit';

describe('fitFontSize', () => {
  it('leaves a name that fits alone', () => {
    expect(fitFontSize('kubelet', 120, 15)).toBeUndefined();
  });

  it('shrinks a long name to its box', () => {
    const size = fitFontSize('container runtime', 110, 15) as number;
    expect(size).toBeLessThan(15);
    expect(estimateEm('container runtime') * size).toBeLessThanOrEqual(110);
  });

  it('counts Hangul wider than Latin', () => {
    expect(estimateEm('컨테이너')).toBeGreaterThan(estimateEm('cont'));
  });
});

describe('spreadMarkers', () => {
  it.each([
    [[0.1, 0.5, 0.9], 0.05, [0.1, 0.5, 0.9]],
    [[0.2, 0.2, 0.21, 0.5], 0.04, [0.2, 0.24, 0.28, 0.5]],
    [[0.9, 0.99, 1], 0.05, [0.9, 0.95, 1]],
  ])('%j with gap %d → %j', (input, gap, expected) => {
    spreadMarkers(input, gap).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] as number, 9);
    });
  });
});

describe('clipText', () => {
  it('keeps a text that fits, and cuts one that does not between words, with an ellipsis', () => {
    expect(clipText('running', 200, 10)).toBe('running');
    const cut = clipText('stopped — systemctl stop docker', 90, 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/syst…|system…/);
    expect(estimateEm(cut) * 10).toBeLessThanOrEqual(90);
  });
});
