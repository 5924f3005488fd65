import { describe, expect, it } from 'vitest';
import { messageText } from './messageText';

describe('a message label in the page language', () => {
  it('tells the plain words in Korean and keeps the protocols’ words', () => {
    const cases: [string, string][] = [
      ['revision 36', '리비전 36'],
      ['ok', '완료'],
      ['added pods/nginx-pod', 'pods/nginx-pod 추가됨'],
      ['200 3 pods, watching', '200 3 pods, 감시 시작'],
      ['201 Created pods/nginx-pod (dry run)', '201 Created pods/nginx-pod (시험 실행)'],
      ['container 0123456789ab started', '컨테이너 0123456789ab 시작됨'],
      ['nginx-pod/nginx running', 'nginx-pod/nginx 실행 중'],
      ['nginx-pod/nginx exited (1)', 'nginx-pod/nginx 종료 (1)'],
      ['pulled nginx', 'nginx 이미지 받음'],
      ['ADD nginx-pod on w2-k8s', 'ADD nginx-pod (w2-k8s)'],
      ['POST pods/nginx-pod/binding', 'POST pods/nginx-pod/binding'],
      ['201 Created pods/nginx-pod', '201 Created pods/nginx-pod'],
      ['put /registry/pods/default/nginx-pod', 'put /registry/pods/default/nginx-pod'],
    ];
    for (const [en, ko] of cases) {
      expect(messageText(en, 'ko')).toBe(ko);
      expect(messageText(en, 'en')).toBe(en);
    }
  });
});
