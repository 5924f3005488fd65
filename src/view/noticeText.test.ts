import { describe, expect, it } from 'vitest';
import { decodeInputs } from './inputCodec';
import { noticeText } from './noticeText';
import { parseUrlState } from './urlState';

describe('the notices about a bad address, in Korean', () => {
  it('tells every notice the parsers give in Korean, keeping names and values', () => {
    const url = parseUrlState('?speed=9&theme=pink&lang=ko', [], ['pod-create']).notices;
    expect(url.map((n) => noticeText(n, 'ko'))).toEqual([
      '주소의 speed="9" 은(는) 쓸 수 없어 기본값 1 을(를) 씁니다',
      '주소의 theme="pink" 은(는) 쓸 수 없어 기본값 "light" 을(를) 씁니다',
    ]);
    const inputs = decodeInputs('zz~1.x~2.lm-k8s.ls', ['m-k8s']).errors;
    expect(inputs.map((n) => noticeText(n, 'ko'))).toEqual([
      'inputs "zz": 시각이 없습니다',
      'inputs "1.x": 알 수 없는 종류입니다',
    ]);
    expect(noticeText('unknown fault "nope"', 'ko')).toBe('알 수 없는 장애 "nope"');
    expect(noticeText('"kubelet" needs a node, e.g. kubelet@w2-k8s', 'ko')).toBe(
      '"kubelet" 에는 노드가 필요합니다 (예: kubelet@w2-k8s)',
    );
    expect(noticeText('unknown node "w9-k8s"', 'ko')).toBe('알 수 없는 노드 "w9-k8s"');
    expect(noticeText('speed="9" → 1', 'en')).toBe('speed="9" → 1');
  });
});
