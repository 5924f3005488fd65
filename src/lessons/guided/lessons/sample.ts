// A tiny lesson for the engine's own tests (not listed on the page): one of each kind
// of step — a command to type, a step to read, a fault with a prediction, a heal.
import type { GuidedLesson } from '../types';

export const sampleLesson: GuidedLesson = {
  id: 'sample',
  title: { ko: '예제: kubelet 멈추기', en: 'Sample: stopping a kubelet' },
  summary: {
    ko: '노드를 보고, w2-k8s의 kubelet을 멈췄다가 다시 시작합니다.',
    en: 'Look at the nodes, stop the kubelet on w2-k8s and start it again.',
  },
  steps: [
    {
      id: 'nodes',
      title: { ko: '노드 확인', en: 'The nodes' },
      narration: { ko: '마스터 노드에서 노드 목록을 봅니다.', en: 'List the nodes from the master.' },
      commands: [{ host: 'm-k8s', line: 'kubectl get nodes' }],
      doneWhen: { all: [{ typed: 'kubectl get nodes', host: 'm-k8s' }, { printed: 'w2-k8s' }] },
    },
    {
      id: 'read',
      title: { ko: 'kubelet', en: 'The kubelet' },
      narration: {
        ko: '각 워커의 kubelet은 10초마다 API 서버에 노드 상태를 알립니다.',
        en: "Each worker's kubelet tells the API server about its node every 10 seconds.",
      },
    },
    {
      id: 'stop',
      title: { ko: 'kubelet 중지', en: 'Stop the kubelet' },
      narration: { ko: 'w2-k8s의 kubelet을 멈춥니다.', en: 'Stop the kubelet on w2-k8s.' },
      faults: [{ fault: 'kubelet', target: 'w2-k8s' }],
      predict: {
        question: { ko: '40초 뒤 w2-k8s의 STATUS는?', en: "What is w2-k8s's STATUS after 40 s?" },
        choices: [
          { ko: 'Ready', en: 'Ready' },
          { ko: 'NotReady', en: 'NotReady' },
        ],
        answer: 1,
        explain: {
          ko: '노드 수명 주기 컨트롤러가 40초 동안 소식이 없으면 Unknown으로 바꿉니다.',
          en: 'The node lifecycle controller marks it Unknown after 40 s without news.',
        },
      },
      doneWhen: { node: 'w2-k8s', ready: 'Unknown' },
    },
    {
      id: 'start',
      title: { ko: 'kubelet 시작', en: 'Start the kubelet' },
      narration: { ko: 'w2-k8s에서 kubelet을 다시 시작합니다.', en: 'Start the kubelet on w2-k8s again.' },
      commands: [{ host: 'w2-k8s', line: 'systemctl start kubelet' }],
      doneWhen: {
        all: [
          { fault: 'kubelet', target: 'w2-k8s', active: false },
          { node: 'w2-k8s', ready: 'True' },
        ],
      },
    },
  ],
};
