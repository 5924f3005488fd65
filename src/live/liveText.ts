// The live page's words in Korean and English.
import type { Lang } from '../lessons/lesson';
import type { Resource } from './apiShapes';
import type { Probe } from './detect';
import type { Change } from './observer';

const kinds: Record<Lang, Record<Resource, string>> = {
  en: {
    nodes: 'node',
    pods: 'pod',
    events: 'events',
    deployments: 'Deployment',
    replicasets: 'ReplicaSet',
    services: 'Service',
  },
  ko: {
    nodes: '노드',
    pods: '파드',
    events: '이벤트',
    deployments: 'Deployment',
    replicasets: 'ReplicaSet',
    services: 'Service',
  },
};

export const liveUi = {
  en: {
    title: 'A real cluster',
    banner: (base: string, version: string) =>
      `Watching a real cluster: the Kubernetes API at ${base} (${version}). The objects and events are the cluster's own; the messages between its components are inferred from them. This page only reads: it changes nothing in the cluster.`,
    watching: (n: number, of: number) =>
      n === of ? `Watching ${n} resources.` : `Watching ${n} of ${of} resources…`,
    lost: (what: string, why: string) =>
      `Connection lost (${what}: ${why}). Trying again from the last resource version…`,
    changes: 'Changes seen',
    events: 'Events',
    noEvents: 'No events yet.',
    step: (n: number) => `step ${n}`,
    readOnly: 'Terminal and faults',
    readOnlyText:
      'There is no terminal and no fault palette here: this page watches a real cluster and never writes to it. Use your own kubectl beside it; what it does appears on the diagram.',
    openLab: 'Open the page without ?api=',
    language: 'Language',
  },
  ko: {
    title: '실제 클러스터',
    banner: (base: string, version: string) =>
      `실제 클러스터를 보고 있습니다: ${base} 의 쿠버네티스 API (${version}). 객체와 이벤트는 클러스터가 보낸 그대로이고, 구성 요소 사이의 메시지는 그것으로 추정한 것입니다. 이 페이지는 읽기만 하며 클러스터를 바꾸지 않습니다.`,
    watching: (n: number, of: number) =>
      n === of ? `리소스 ${n}개를 감시하고 있습니다.` : `리소스 ${of}개 중 ${n}개를 감시하는 중…`,
    lost: (what: string, why: string) =>
      `연결이 끊겼습니다 (${what}: ${why}). 마지막 리소스 버전부터 다시 연결하는 중…`,
    changes: '관찰한 변화',
    events: '이벤트',
    noEvents: '아직 이벤트가 없습니다.',
    step: (n: number) => `단계 ${n}`,
    readOnly: '터미널과 장애',
    readOnlyText:
      '여기에는 터미널도 장애 주입도 없습니다: 이 페이지는 실제 클러스터를 보기만 하고 쓰지 않습니다. 옆에서 직접 kubectl 을 쓰면 그 결과가 구성도에 나타납니다.',
    openLab: '?api= 없이 페이지 열기',
    language: '언어',
  },
} as const;

/** Why the named API cannot be watched, in a sentence. */
export function failureText(p: Extract<Probe, { ok: false }>, lang: Lang): string {
  const status = p.status === undefined ? '' : String(p.status);
  if (lang === 'ko')
    return p.why === 'bad'
      ? `"?api=${p.base}" 는 쿠버네티스 API 의 http(s) 주소가 아닙니다.`
      : p.why === 'unreachable'
        ? `${p.base} 의 쿠버네티스 API 에 연결할 수 없습니다. kubectl proxy 가 실행 중인가요? (이 페이지의 보안 정책은 자기 출처에만 연결을 허용합니다.)`
        : p.why === 'refused'
          ? `${p.base} 의 쿠버네티스 API 가 페이지의 요청을 거부했습니다 (${status}). 자격 증명을 붙여 주는 kubectl proxy 로 페이지를 여세요.`
          : `${p.base} 가 응답했지만 쿠버네티스 API 가 아닙니다 (GET /api: ${status}).`;
  return p.why === 'bad'
    ? `"?api=${p.base}" is not the http(s) address of a Kubernetes API.`
    : p.why === 'unreachable'
      ? `Cannot reach a Kubernetes API at ${p.base}. Is kubectl proxy running? (This page's security policy lets it connect to its own origin only.)`
      : p.why === 'refused'
        ? `The Kubernetes API at ${p.base} refused the page's requests (${status}). Open the page through kubectl proxy, which adds your credentials.`
        : `${p.base} answered, but not as a Kubernetes API (GET /api: ${status}).`;
}

/** One change as a sentence: "pod default/nginx-pod scheduled to w2-k8s". */
export function changeText(c: Change, lang: Lang): string {
  const what = `${kinds[lang][c.resource]} ${c.name}`;
  const d = c.detail ?? '';
  const ko = lang === 'ko';
  switch (c.kind) {
    case 'listed':
      return ko
        ? `${kinds.ko[c.resource]} ${c.name}개 목록을 받고 감시 시작`
        : `${c.name} ${kinds.en[c.resource]} listed; watching`;
    case 'relisted':
      return ko
        ? `410 Gone: ${kinds.ko[c.resource]} 목록을 다시 받음 (${c.name}개)`
        : `410 Gone: ${kinds.en[c.resource]} listed again (${c.name})`;
    case 'created':
      return ko ? `${what} 생성됨` : `${what} created`;
    case 'scheduled':
      return ko ? `${what} 이(가) ${d} 에 배치됨` : `${what} scheduled to ${d}`;
    case 'kubelet-took':
      return ko ? `${d} 의 kubelet 이 ${what} 을(를) 맡음` : `the kubelet of ${d} takes ${what}`;
    case 'pulling':
      return ko ? `${what}: 이미지 ${d} 받는 중` : `${what}: pulling image ${d}`;
    case 'pulled':
      return ko ? `${what}: 이미지 ${d} 받음` : `${what}: image ${d} pulled`;
    case 'container-created':
      return ko ? `${what}: 컨테이너 ${d} 생성됨` : `${what}: container ${d} created`;
    case 'started':
      return ko ? `${what}: 컨테이너 ${d} 시작됨` : `${what}: container ${d} started`;
    case 'ready':
      return ko ? `${what} Ready (사용 가능)` : `${what} is Ready`;
    case 'not-ready':
      return ko ? `${what} Ready 아님` : `${what} is not Ready`;
    case 'terminating':
      return ko ? `${what} 종료 중` : `${what} terminating`;
    case 'deleted':
      return ko ? `${what} 삭제됨` : `${what} deleted`;
    case 'node-ready':
      return ko ? `노드 ${c.name} Ready` : `node ${c.name} Ready`;
    case 'node-not-ready':
    case 'node-unknown':
      return ko ? `노드 ${c.name} NotReady: ${d}` : `node ${c.name} NotReady: ${d}`;
    case 'changed':
      return ko ? `${what} 변경됨` : `${what} changed`;
  }
}
