import { describe, expect, it } from 'vitest';
import { whyText } from './whyText';

describe("why a component is down, in the page's language", () => {
  it('tells the words in Korean and keeps commands, paths and names', () => {
    const cases: [string, string][] = [
      ['w2-k8s is powered off', 'w2-k8s 전원 꺼짐'],
      ['w2-k8s is booting', 'w2-k8s 부팅 중'],
      ['docker is stopped on m-k8s', 'm-k8s 의 docker 가 멈춤'],
      [
        '/etc/kubernetes/manifests/kube-scheduler.yaml is missing',
        '/etc/kubernetes/manifests/kube-scheduler.yaml 없음',
      ],
      ['etcd data is corrupt', 'etcd 데이터 손상'],
      ['not joined', '클러스터에 참여하지 않음'],
      ['br_netfilter is not loaded', 'br_netfilter 가 로드되지 않음'],
      ['CoreDNS is down', 'CoreDNS 중단'],
      ['no CoreDNS pod is running', '실행 중인 CoreDNS 파드 없음'],
      ['systemctl stop kubelet', 'systemctl stop kubelet'],
    ];
    for (const [en, ko] of cases) {
      expect(whyText(en, 'ko')).toBe(ko);
      expect(whyText(en, 'en')).toBe(en);
    }
  });
});
