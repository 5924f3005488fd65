// The words of the interface in the page's language. Component names follow the study
// note (API 서버, 컨트롤러 매니저, ...); accessible names follow DESIGN contract 4.
import type { Lang } from '../lessons';
import type { ComponentView } from '../sim';

const componentNames: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  kubectl: { en: 'kubectl', ko: 'kubectl' },
  'API server': { en: 'API server', ko: 'API 서버' },
  etcd: { en: 'etcd', ko: 'etcd' },
  'controller manager': { en: 'controller manager', ko: '컨트롤러 매니저' },
  scheduler: { en: 'scheduler', ko: '스케줄러' },
  kubelet: { en: 'kubelet', ko: 'kubelet' },
  'container runtime': { en: 'container runtime', ko: '컨테이너 런타임' },
  pods: { en: 'pods', ko: '파드' },
  'kube-proxy': { en: 'kube-proxy', ko: 'kube-proxy' },
  'network plugin': { en: 'network plugin', ko: '네트워크 플러그인' },
  CoreDNS: { en: 'CoreDNS', ko: 'CoreDNS' },
};

export function componentName(name: string, lang: Lang): string {
  return componentNames[name]?.[lang] ?? name;
}

/** "1 API server (m-k8s)", "11 network plugin (Calico)", "12 CoreDNS", "kube-proxy (w2-k8s)". */
export function accessibleName(
  c: Pick<ComponentView, 'id' | 'number' | 'name' | 'host'>,
  lang: Lang,
): string {
  const name = componentName(c.name, lang);
  const numbered = c.number === undefined ? name : `${c.number} ${name}`;
  if (c.id === 'cni') return `${numbered} (Calico)`;
  if (c.id === 'coredns' || !c.host) return numbered;
  return `${numbered} (${c.host})`;
}

export const ui = {
  en: {
    stage: 'Cluster stage',
    diagram: 'Cluster diagram',
    loadingLab: 'Loading the lab…',
    play: 'Play',
    pause: 'Pause',
    restart: 'Restart',
    end: 'Go to the end',
    previousStep: 'Previous step',
    nextStep: 'Next step',
    messageBack: 'One message back',
    messageForward: 'One message forward',
    speed: 'Speed',
    timeline: 'Timeline',
    stepMarker: (n: number, title: string) => `Step ${n}: ${title}`,
    bookView: 'Book view',
    legend: {
      book: 'Numbered arrows: the book’s eight steps. Only the messages the book numbers are shown.',
      call: 'request or answer',
      watch: 'watch event: the API server tells its watchers',
      etcd: 'to or from etcd',
    },
    watchView: 'Watch view',
    view: 'View',
    language: 'Language',
    theme: 'Theme',
    themes: { light: 'Light', dark: 'Dark', projector: 'Projector' },
    presenter: 'Presenter mode',
    leavePresenter: 'Leave presenter mode',
    help: 'Keyboard shortcuts',
    whatChanged: 'What changed in 1.36',
    close: 'Close',
    dismiss: 'Dismiss',
    narration: 'Narration',
    commands: (host: string) => `Commands on ${host}`,
    really: 'How it really works',
    exchange: 'Exchanged',
    acting: 'Acting',
    step: (n: number, of: number) => (n === 0 ? 'Before step 1' : `Step ${n} of ${of}`),
    happened: 'What the cluster did',
    blocked: (n: number) => `Step ${n} cannot happen now`,
    skipped: (a: number, b: number) =>
      a === b
        ? `Step ${a} does not happen in this cluster.`
        : `Steps ${a}–${b} do not happen in this cluster.`,
    next: (title: string, s: string) => `Next: ${title} — in ${s} s`,
    nothingNext: 'Nothing more happens unless you act (or time passes at the live edge).',
    lookingAhead: 'Looking ahead at what the cluster does next…',
    time: (s: string) => `cluster time ${s} s`,
    skipIdle: 'Skip idle time',
    idleSkipped: 'idle time skipped, messages in slow motion',
    realTime: 'real time',
    keys: 'keys',
    revision: 'revision',
    systemPods: (n: number) => `+${n} kube-system`,
    morePods: (hidden: number, drawn: number) => (drawn > 0 ? `+${hidden} more` : `${hidden} pods`),
    state: { running: 'running', stopped: 'stopped', failing: 'failing', absent: 'absent' },
    shortcuts: [
      ['Space', 'play / pause'],
      ['← →, PageUp PageDown', 'previous / next step'],
      [', .', 'one message back / forward'],
      ['Home End', 'start / end'],
      ['f', 'full screen'],
      ['p', 'presenter mode'],
      ['v', 'book view / watch view'],
      ['?', 'this help'],
    ] as const,
  },
  ko: {
    stage: '클러스터 무대',
    diagram: '클러스터 구성도',
    loadingLab: '실습 환경을 불러오는 중…',
    play: '재생',
    pause: '일시 정지',
    restart: '처음부터 다시',
    end: '끝으로',
    previousStep: '이전 단계',
    nextStep: '다음 단계',
    messageBack: '메시지 하나 뒤로',
    messageForward: '메시지 하나 앞으로',
    speed: '속도',
    timeline: '타임라인',
    stepMarker: (n: number, title: string) => `단계 ${n}: ${title}`,
    bookView: '책 보기',
    legend: {
      book: '번호 화살표: 책의 여덟 단계입니다. 책이 번호를 붙인 메시지만 보여 줍니다.',
      call: '요청 또는 응답',
      watch: '감시(watch) 알림: API 서버가 감시자에게 알림',
      etcd: 'etcd 와 주고받음',
    },
    watchView: '감시(watch) 보기',
    view: '보기',
    language: '언어',
    theme: '테마',
    themes: { light: '밝게', dark: '어둡게', projector: '프로젝터' },
    presenter: '발표자 모드',
    leavePresenter: '발표자 모드 끝내기',
    help: '단축키',
    whatChanged: '1.36에서 달라진 점',
    close: '닫기',
    dismiss: '닫기',
    narration: '설명',
    commands: (host: string) => `${host} 에서 실행한 명령`,
    really: '실제로는 어떻게 동작하나',
    exchange: '주고받는 내용',
    acting: '참여하는 구성 요소',
    step: (n: number, of: number) => (n === 0 ? '1단계 전' : `${of}단계 중 ${n}단계`),
    happened: '클러스터에서 일어난 일',
    blocked: (n: number) => `지금은 ${n}단계가 일어날 수 없습니다`,
    skipped: (a: number, b: number) =>
      a === b
        ? `이 클러스터에서는 ${a}단계가 일어나지 않습니다.`
        : `이 클러스터에서는 ${a}~${b}단계가 일어나지 않습니다.`,
    next: (title: string, s: string) => `다음: ${title} — ${s}초 뒤`,
    nothingNext: '직접 무언가를 하지 않으면 더 일어날 일이 없습니다(실시간 끝에서는 시간이 계속 흐릅니다).',
    lookingAhead: '클러스터가 다음에 무엇을 하는지 앞서 살펴보는 중…',
    time: (s: string) => `클러스터 시간 ${s}초`,
    skipIdle: '대기 시간 건너뛰기',
    idleSkipped: '대기 시간 생략, 메시지는 느리게',
    realTime: '실제 시간',
    keys: '키',
    revision: '리비전',
    systemPods: (n: number) => `+${n} kube-system`,
    morePods: (hidden: number, drawn: number) => (drawn > 0 ? `외 ${hidden}개` : `파드 ${hidden}개`),
    state: { running: '동작 중', stopped: '중지됨', failing: '장애', absent: '없음' },
    shortcuts: [
      ['Space', '재생 / 일시 정지'],
      ['← →, PageUp PageDown', '이전 / 다음 단계'],
      [', .', '메시지 하나 뒤로 / 앞으로'],
      ['Home End', '처음 / 끝'],
      ['f', '전체 화면'],
      ['p', '발표자 모드'],
      ['v', '책 보기 / 감시 보기'],
      ['?', '이 도움말'],
    ] as const,
  },
} as const;

export type UiText = (typeof ui)[Lang];
