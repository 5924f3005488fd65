import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedInput } from '../player';
import type { SimMs } from '../sim';
import { decodeInputs, encodeInputs } from './inputCodec';

const HOSTS = ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'];
const at = (n: number) => n as SimMs;

describe('a person’s inputs in the URL', () => {
  const inputs: RecordedInput[] = [
    { at: at(1500), host: 'm-k8s', line: 'kubectl get pods -o wide | grep nginx', tab: 'm-k8s' },
    { at: at(2000), host: 'w2-k8s', line: 'systemctl stop kubelet', tab: 'm-k8s' },
    { at: at(2500), host: 'w2-k8s', interrupt: true },
    { at: at(3000), fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false },
    { at: at(90_000), fault: { id: 'scheduler' }, heal: true },
    { at: at(91_000), host: 'w1-k8s', line: '한글 & ~ . % 은 그대로', tab: 'w1-k8s' },
  ];

  it('round-trips typed lines, Ctrl+C and faults with their times', () => {
    const text = encodeInputs(inputs);
    expect(text).toContain('15o.lm-k8s.kubectl%20get%20pods');
    const { inputs: back, errors } = decodeInputs(text, HOSTS);
    expect(errors).toEqual([]);
    expect(back).toEqual(inputs.map((i) => ('line' in i ? { ...i, host: i.tab ?? i.host } : i)));
  });

  it('names each bad entry and keeps the good ones', () => {
    const { inputs: back, errors } = decodeInputs(
      'zz~1.lnowhere.ls~2.fnot a fault~5.lm-k8s.ls~3.lm-k8s.ls',
      HOSTS,
    );
    expect(back).toEqual([{ at: 5, host: 'm-k8s', line: 'ls', tab: 'm-k8s' }]);
    expect(errors).toHaveLength(4);
  });

  it('never throws, whatever the URL holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const { inputs: back } = decodeInputs(s, HOSTS);
        for (const i of back) expect(Number.isFinite(i.at)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
