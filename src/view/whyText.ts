// Why a component is not running, as the diagram and the inspector say it, in the
// page's language. The simulation says it in English; commands (systemctl stop kubelet),
// paths and names inside stay as they are.
import type { Lang } from '../lessons';

const korean: readonly [RegExp, (...m: string[]) => string][] = [
  [/^(\S+) is powered off$/, (_, host) => `${host} 전원 꺼짐`],
  [/^(\S+) is booting$/, (_, host) => `${host} 부팅 중`],
  [/^docker is stopped on (\S+)$/, (_, host) => `${host} 의 docker 가 멈춤`],
  [/^(\/\S+) is missing$/, (_, path) => `${path} 없음`],
  [/^etcd data is corrupt$/, () => 'etcd 데이터 손상'],
  [/^not installed$/, () => '설치되지 않음'],
  [/^not joined$/, () => '클러스터에 참여하지 않음'],
  [/^br_netfilter is not loaded$/, () => 'br_netfilter 가 로드되지 않음'],
  [/^CoreDNS is down$/, () => 'CoreDNS 중단'],
  [/^no CoreDNS pod is running$/, () => '실행 중인 CoreDNS 파드 없음'],
];

export function whyText(why: string, lang: Lang): string {
  if (lang !== 'ko') return why;
  for (const [re, say] of korean) {
    const m = re.exec(why);
    if (m) return say(...m);
  }
  return why;
}
