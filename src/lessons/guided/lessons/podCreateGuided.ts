// Lesson 2, the hands-on companion of the eight-step tour (src/lessons/podCreate.ts):
// the student deploys nginx-pod.yaml, predicts who acts next, watches it run, finds
// its node and IP, and removes it.
import type { GuidedLesson, LessonVersions } from '../types';
import { NGINX_POD_COMMAND, NGINX_POD_DELETE, onMaster } from './common';

export const podCreateGuidedLesson: GuidedLesson = {
  id: 'pod-create-lab',
  title: { ko: '직접 해 보는 파드 배포', en: 'Deploying a pod yourself' },
  summary: {
    ko: 'nginx-pod.yaml 로 파드를 하나 배포하고, 어떤 구성 요소가 차례로 움직이는지 예측한 뒤 파드가 Running 이 되고 워커 노드에 자리 잡는 것을 확인합니다. 여덟 단계 투어를 손으로 따라 하는 실습입니다.',
    en: 'Deploy one pod from nginx-pod.yaml, predict which component acts next, and watch it reach Running on a worker. The eight-step tour, done by hand.',
  },
  steps: [
    {
      id: 'create',
      title: { ko: 'Pod(s) 생성 요청', en: 'Request a pod' },
      narration: {
        ko: '파드의 구성 내용을 파일로 읽어 들여 1개의 파드를 임의의 워커 노드에 배포합니다. 파일에는 파드의 이름(metadata.name: nginx-pod)과 컨테이너 이미지(spec.containers: nginx)만 적혀 있습니다. 어느 노드에서 실행할지는 적혀 있지 않습니다.',
        en: 'Read the pod’s spec from a file and deploy one pod to some worker. The file holds only the pod’s name (metadata.name: nginx-pod) and its container image (spec.containers: nginx). It says nothing about which node should run it.',
      },
      commands: [onMaster(NGINX_POD_COMMAND)],
      predict: {
        question: {
          ko: 'API 서버가 nginx-pod 를 etcd 에 기록한 다음, 이 파드를 처음으로 알아채고 일을 하는 구성 요소는 무엇일까요?',
          en: 'Once the API server has written nginx-pod to etcd, which component is the first to notice it and act?',
        },
        choices: [
          { ko: '컨트롤러 매니저', en: 'The controller manager' },
          { ko: '스케줄러', en: 'The scheduler' },
          { ko: 'w2-k8s 의 kubelet', en: 'The kubelet on w2-k8s' },
        ],
        answer: 1,
        explain: {
          ko: '책의 3단계는 컨트롤러 매니저가 파드를 생성한다고 설명하지만, nginx-pod 처럼 파드를 직접 만든 경우에는 kubectl 의 요청으로 이미 파드 오브젝트가 만들어졌습니다. 노드가 정해지지 않은 파드를 감시하던 스케줄러가 먼저 움직여 워커 노드를 고릅니다. kubelet 은 그다음, 자기 노드에 배정된 파드를 보고 움직입니다.',
          en: 'The book’s step 3 has the controller manager create the pod, but for a pod you create directly, kubectl’s request already made the pod object. The scheduler, watching for pods without a node, acts first and picks a worker. The kubelet comes after, when it sees a pod bound to its node.',
        },
      },
      doneWhen: { pod: 'nginx-pod' },
    },
    {
      id: 'running',
      title: { ko: 'Pod(s) 사용 가능', en: 'The pod is usable' },
      narration: {
        ko: '배포된 파드가 정상적으로 배포된 상태(Running)인지 확인합니다. 처음에는 ContainerCreating 으로 보입니다. kubelet 이 컨테이너 런타임에 파드 생성을 요청하고, 런타임이 nginx 이미지를 받아 컨테이너를 만드는 중이기 때문입니다.',
        en: 'Check that the pod has been deployed and is Running. At first it shows ContainerCreating: the kubelet has asked the container runtime for the pod, and the runtime is pulling the nginx image and creating the container.',
      },
      commands: [onMaster('kubectl get pod')],
      predict: {
        question: {
          ko: '지금 ContainerCreating 이라면 1분 뒤 kubectl get pod 는 무엇을 보여 줄까요?',
          en: 'If it shows ContainerCreating now, what will kubectl get pod show in a minute?',
        },
        choices: [
          { ko: '1/1 Running', en: '1/1 Running' },
          { ko: '0/1 ContainerCreating 그대로', en: 'Still 0/1 ContainerCreating' },
          { ko: 'Completed', en: 'Completed' },
        ],
        answer: 0,
        explain: {
          ko: '이미지를 받고 컨테이너를 시작하면 kubelet 이 파드의 상태를 API 서버에 보고합니다. READY 는 준비된 컨테이너 수 / 전체 컨테이너 수이므로 1/1, STATUS 는 Running 이 됩니다. nginx 는 웹 서버라 스스로 끝나지 않으니 Completed 가 되지 않습니다.',
          en: 'Once the image is pulled and the container started, the kubelet reports the pod’s status to the API server. READY is ready containers over all containers, so 1/1, and STATUS is Running. nginx is a web server and does not exit on its own, so it never shows Completed.',
        },
      },
      doneWhen: { pod: 'nginx-pod', status: 'Running' },
    },
    {
      id: 'where',
      title: { ko: '파드가 배포된 워커 노드 확인', en: 'Which worker it landed on' },
      narration: {
        ko: '파드가 배포된 워커 노드와 파드의 IP 를 확인합니다. 이 실습 환경에서는 처음 배포한 nginx-pod 가 w2-k8s 에 172.16.103.129 로 자리 잡습니다. 스터디 노트에는 kubectl get pods -o -wide 로 적혀 있는데, 그대로 치면 -wide 를 출력 형식으로 읽어 오류가 납니다. 한 번 쳐 보고 올바른 -o wide 와 비교해 보세요.',
        en: 'Find the worker the pod was deployed to, and its IP. In this lab the first nginx-pod lands on w2-k8s as 172.16.103.129. The study note writes kubectl get pods -o -wide; typed as is, kubectl takes -wide as the output format and fails. Try it, then compare with the correct -o wide.',
      },
      commands: [onMaster('kubectl get pods -o -wide'), onMaster('kubectl get pods -o wide')],
      really: {
        ko: '스케줄러는 노드마다 조건을 거르고(filter) 점수를 매겨(score) 가장 높은 노드를 고른 뒤, 파드의 binding 을 API 서버에 써서 spec.nodeName 을 채웁니다. 이 결정은 describe 의 Scheduled 이벤트(Successfully assigned default/nginx-pod to w2-k8s)로 남습니다.',
        en: 'The scheduler filters the nodes, scores the ones left and picks the best, then writes the pod’s binding to the API server, which fills in spec.nodeName. The decision is left behind as the Scheduled event shown by describe (Successfully assigned default/nginx-pod to w2-k8s).',
      },
      doneWhen: { typed: '-o wide', host: 'm-k8s' },
    },
    {
      id: 'events',
      title: { ko: '이벤트로 다시 보는 여덟 단계', en: 'The eight steps, as events' },
      narration: {
        ko: 'kubectl describe pod 의 Events 에는 파드가 거쳐 온 과정이 남아 있습니다. Scheduled(스케줄러), Pulling 과 Pulled(이미지), Created 와 Started(컨테이너) 순서로 책의 4단계부터 8단계까지를 확인할 수 있습니다.',
        en: 'The Events of kubectl describe pod keep the pod’s history: Scheduled (the scheduler), Pulling and Pulled (the image), Created and Started (the container). That is the book’s steps 4 to 8, in order.',
      },
      commands: [onMaster('kubectl describe pod nginx-pod')],
      doneWhen: { printed: 'Started container', host: 'm-k8s' },
    },
    {
      id: 'delete',
      title: { ko: '파드 삭제', en: 'Delete the pod' },
      narration: {
        ko: '같은 파일로 파드를 삭제합니다. 삭제도 생성과 같은 길을 거칩니다. API 서버가 삭제를 기록하면 kubelet 이 이를 보고 컨테이너를 멈춘 뒤 삭제를 마무리합니다.',
        en: 'Delete the pod with the same file. Deletion takes the same road as creation: the API server records it, the kubelet sees it, stops the container and completes the deletion.',
      },
      commands: [onMaster(NGINX_POD_DELETE), onMaster('kubectl get pod')],
      doneWhen: { podGone: 'nginx-pod' },
    },
  ],
};

/** kubelet 1.36's events say "Container started" (the reason is still Started): describe shows that message. */
export const podCreateGuidedVersions: LessonVersions = {
  '1.36': { steps: { events: { doneWhen: { printed: 'Container started', host: 'm-k8s' } } } },
};
