// The inspectors' own words in the page's language. kubectl's column headers are not
// here: they stay in English in both languages, as kubectl prints them.
import type { Lang } from '../../lessons';

export interface InspectorText {
  readonly inspectors: string;
  readonly tabs: {
    readonly events: string;
    readonly pods: string;
    readonly nodes: string;
    readonly etcd: string;
  };
  readonly eventsCaption: string;
  readonly podsCaption: string;
  readonly nodesCaption: string;
  readonly etcdCaption: (revision: number) => string;
  readonly allNamespaces: string;
  readonly noKeys: string;
  readonly olderHidden: (n: number) => string;
  readonly moreHidden: (n: number) => string;
  readonly filterKeys: string;
  readonly keysShown: (shown: number, all: number) => string;
  readonly etcdHeaders: { readonly key: string; readonly create: string; readonly mod: string };
  readonly recentlyChanged: string;
  readonly component: string;
  readonly state: string;
  readonly why: string;
  readonly host: string;
  readonly messages: (n: number) => string;
  readonly noMessages: string;
  readonly unknownComponent: (id: string) => string;
  readonly messageHeaders: {
    readonly time: string;
    readonly direction: string;
    readonly peer: string;
    readonly kind: string;
    readonly summary: string;
  };
  readonly sent: string;
  readonly received: string;
  readonly inFlight: string;
  readonly close: string;
  readonly hideHeartbeats: string;
}

const en: InspectorText = {
  inspectors: 'Inspectors',
  tabs: { events: 'Events', pods: 'Pods', nodes: 'Nodes', etcd: 'etcd keys' },
  eventsCaption: 'kubectl get events',
  podsCaption: 'kubectl get pods -o wide',
  nodesCaption: 'kubectl get nodes',
  etcdCaption: (revision) => `etcd keys at revision ${revision}`,
  allNamespaces: 'All namespaces (-A)',
  noKeys: 'No keys match.',
  olderHidden: (n) => `${n} older events not shown`,
  moreHidden: (n) => `${n} more not shown`,
  filterKeys: 'Filter keys',
  keysShown: (shown, all) => `${shown} of ${all} keys`,
  etcdHeaders: { key: 'KEY', create: 'CREATE REVISION', mod: 'MOD REVISION' },
  recentlyChanged: 'changed most recently',
  component: 'Component',
  state: 'State',
  why: 'Why',
  host: 'Host',
  messages: (n) => `Last ${n} messages sent and received`,
  noMessages: 'No messages yet.',
  unknownComponent: (id) => `No component ${id} in this lab.`,
  messageHeaders: { time: 'Time', direction: 'Direction', peer: 'Peer', kind: 'Kind', summary: 'Summary' },
  sent: 'sent →',
  received: 'received ←',
  inFlight: 'in flight',
  close: 'Close',
  hideHeartbeats: 'Hide node heartbeats',
};

const ko: InspectorText = {
  inspectors: '인스펙터',
  tabs: { events: '이벤트', pods: '파드', nodes: '노드', etcd: 'etcd 키' },
  eventsCaption: 'kubectl get events',
  podsCaption: 'kubectl get pods -o wide',
  nodesCaption: 'kubectl get nodes',
  etcdCaption: (revision) => `etcd 키 (리비전 ${revision})`,
  allNamespaces: '모든 네임스페이스 (-A)',
  noKeys: '일치하는 키가 없습니다.',
  olderHidden: (n) => `이전 이벤트 ${n}개는 생략`,
  moreHidden: (n) => `${n}개 더 있음`,
  filterKeys: '키 필터',
  keysShown: (shown, all) => `키 ${all}개 중 ${shown}개`,
  etcdHeaders: { key: '키', create: '생성 리비전', mod: '수정 리비전' },
  recentlyChanged: '최근 변경',
  component: '구성 요소',
  state: '상태',
  why: '이유',
  host: '호스트',
  messages: (n) => `최근 주고받은 메시지 ${n}개`,
  noMessages: '아직 메시지가 없습니다.',
  unknownComponent: (id) => `이 실습 환경에는 ${id} 구성 요소가 없습니다.`,
  messageHeaders: { time: '시각', direction: '방향', peer: '상대', kind: '종류', summary: '내용' },
  sent: '보냄 →',
  received: '받음 ←',
  inFlight: '전송 중',
  close: '닫기',
  hideHeartbeats: '노드 하트비트 숨기기',
};

export const inspectorText: Readonly<Record<Lang, InspectorText>> = { en, ko };
