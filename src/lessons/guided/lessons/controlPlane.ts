// Lesson 8: the control plane's parts stopped one at a time on m-k8s — the scheduler
// (new pods stay Pending), the controller manager (a Deployment no longer follows its
// spec, a bare pod still runs) and the API server (kubectl refused, pods still serve).
import type { GuidedLesson } from '../types';
import { MANIFESTS, NGINX_POD_COMMAND, NGINX_POD_DELETE, onMaster } from './common';

export const controlPlaneLesson: GuidedLesson = {
  id: 'control-plane',
  title: {
    ko: '마스터 노드의 구성 요소를 하나씩 멈추면',
    en: 'Stopping the control plane, one part at a time',
  },
  summary: {
    ko: '스케줄러, 컨트롤러 매니저, API 서버는 m-k8s 의 정적 파드입니다. 매니페스트를 옮겨 하나씩 멈추고, 무엇이 멈추고 무엇이 계속 동작하는지 확인합니다. 각 구성 요소가 자기 일만 한다는 것을 볼 수 있습니다.',
    en: 'The scheduler, the controller manager and the API server are static pods on m-k8s. Stop them one at a time by moving their manifests, and see what stops working and what carries on. Each component does its own job and nothing else.',
  },
  steps: [
    {
      id: 'stop-scheduler',
      title: { ko: '스케줄러 멈추기', en: 'Stop the scheduler' },
      narration: {
        ko: '/etc/kubernetes/manifests 에는 kubeadm 이 만든 정적 파드의 매니페스트가 있습니다. 스케줄러의 매니페스트를 /tmp 로 옮기면 m-k8s 의 kubelet 이 이를 알아채고 스케줄러를 멈춥니다.',
        en: '/etc/kubernetes/manifests holds the manifests of the static pods kubeadm created. Move the scheduler’s manifest to /tmp and the kubelet on m-k8s notices and stops the scheduler.',
      },
      commands: [onMaster(`ls ${MANIFESTS}`), onMaster(`mv ${MANIFESTS}/kube-scheduler.yaml /tmp`)],
      doneWhen: { component: 'scheduler', state: 'stopped' },
    },
    {
      id: 'pending',
      title: { ko: '노드를 정해 줄 주체가 없다', en: 'Nobody to pick a node' },
      narration: {
        ko: 'kube-system 에서 kube-scheduler-m-k8s 가 사라졌는지 보고, nginx-pod 를 배포합니다.',
        en: 'Check that kube-scheduler-m-k8s is gone from kube-system, then deploy nginx-pod.',
      },
      commands: [
        onMaster('kubectl get pods -n kube-system'),
        onMaster(NGINX_POD_COMMAND),
        onMaster('kubectl get pod -o wide'),
      ],
      predict: {
        question: {
          ko: '스케줄러가 없는 지금, 1분 뒤 nginx-pod 는 어떻게 보일까요?',
          en: 'With no scheduler, how will nginx-pod look a minute from now?',
        },
        choices: [
          { ko: 'Running, 아무 워커 노드에나', en: 'Running, on some worker' },
          { ko: 'Pending, NODE 는 비어 있음', en: 'Pending, with no NODE' },
          { ko: '생성 자체가 거부된다', en: 'Its creation is refused' },
        ],
        answer: 1,
        explain: {
          ko: 'API 서버는 파드를 받아 etcd 에 기록합니다. 하지만 파드의 spec.nodeName 을 채우는 것은 스케줄러뿐이고, kubelet 은 자기 노드에 배정된 파드만 봅니다. 노드가 정해지지 않은 파드는 어느 kubelet 의 것도 아니라 Pending 으로 계속 기다립니다.',
          en: 'The API server accepts the pod and writes it to etcd. But only the scheduler fills in spec.nodeName, and a kubelet only looks at pods bound to its own node. A pod with no node belongs to no kubelet, so it waits in Pending.',
        },
      },
      doneWhen: { pod: 'nginx-pod', status: 'Pending' },
    },
    {
      id: 'start-scheduler',
      title: { ko: '스케줄러 되돌리기', en: 'Bring the scheduler back' },
      narration: {
        ko: '매니페스트를 되돌립니다. 다시 뜬 스케줄러는 API 서버를 감시하면서 노드가 정해지지 않은 nginx-pod 를 찾아 워커 노드에 배정하고, 그 노드의 kubelet 이 파드를 띄웁니다.',
        en: 'Move the manifest back. The scheduler starts again, finds the unscheduled nginx-pod through its watch on the API server and binds it to a worker, whose kubelet then starts it.',
      },
      commands: [onMaster(`mv /tmp/kube-scheduler.yaml ${MANIFESTS}/`), onMaster('kubectl get pod -o wide')],
      doneWhen: { pod: 'nginx-pod', status: 'Running' },
    },
    {
      id: 'deployment',
      title: { ko: '디플로이먼트 준비', en: 'A Deployment to watch' },
      narration: {
        ko: '다음은 컨트롤러 매니저입니다. nginx-pod 는 지우고, 대신 디플로이먼트 dpy-nginx 를 만들어 파드가 하나 뜨는 것을 확인합니다.',
        en: 'The controller manager is next. Delete nginx-pod, create the Deployment dpy-nginx instead, and check that its one pod comes up.',
      },
      commands: [onMaster(NGINX_POD_DELETE), onMaster('kubectl create deployment dpy-nginx --image=nginx')],
      doneWhen: { all: [{ podGone: 'nginx-pod' }, { podPrefix: 'dpy-nginx-', status: 'Running', count: 1 }] },
    },
    {
      id: 'stop-controller-manager',
      title: { ko: '컨트롤러 매니저 멈추기', en: 'Stop the controller manager' },
      narration: {
        ko: '컨트롤러 매니저에는 디플로이먼트 컨트롤러, 레플리카셋 컨트롤러, 노드 컨트롤러처럼 상태 값을 관리하는 주체들이 소속돼 각자의 역할을 수행합니다. 이 매니페스트를 /tmp 로 옮깁니다.',
        en: 'The controller manager is home to the controllers that look after the cluster’s objects: the Deployment controller, the ReplicaSet controller, the node controller and more. Move its manifest to /tmp.',
      },
      commands: [onMaster(`mv ${MANIFESTS}/kube-controller-manager.yaml /tmp`)],
      doneWhen: { component: 'controller-manager', state: 'stopped' },
    },
    {
      id: 'controllers-gone',
      title: { ko: '디플로이먼트와 단독 파드', en: 'A Deployment and a bare pod' },
      narration: {
        ko: '디플로이먼트를 3개로 늘리고 상태를 봅니다. 이어서 nginx-pod 를 다시 배포하고 파드 목록을 확인합니다.',
        en: 'Scale the Deployment to three and look at it. Then deploy nginx-pod again and list the pods.',
      },
      commands: [
        onMaster('kubectl scale deployment dpy-nginx --replicas=3'),
        onMaster('kubectl get deployment'),
        onMaster(NGINX_POD_COMMAND),
        onMaster('kubectl get pods -o wide'),
      ],
      predict: {
        question: {
          ko: '컨트롤러 매니저가 없는 지금, 어느 쪽에 파드가 생길까요?',
          en: 'With no controller manager, which of the two gets its pods?',
        },
        choices: [
          { ko: '둘 다 생긴다', en: 'Both' },
          { ko: '디플로이먼트의 새 파드 2개만', en: 'Only the Deployment’s two new pods' },
          { ko: 'nginx-pod 만', en: 'Only nginx-pod' },
          { ko: '둘 다 생기지 않는다', en: 'Neither' },
        ],
        answer: 2,
        explain: {
          ko: 'scale 은 디플로이먼트의 replicas 값을 3으로 바꿔 etcd 에 기록할 뿐입니다. 그 값을 보고 파드를 만드는 레플리카셋 컨트롤러가 멈췄으니 READY 는 1/3 에 머뭅니다. 반면 nginx-pod 는 kubectl 의 요청으로 파드 오브젝트가 바로 만들어지고, 스케줄러와 kubelet 만 있으면 뜹니다. 책의 3단계와 달리 단독 파드에는 컨트롤러 매니저가 필요 없다는 증거입니다.',
          en: 'scale only changes the Deployment’s replicas to 3 in etcd. The ReplicaSet controller, which turns that number into pods, is stopped, so READY stays at 1/3. nginx-pod, on the other hand, is created as a pod object by kubectl’s request itself and needs only the scheduler and a kubelet. Proof that, unlike the book’s step 3, a bare pod needs no controller manager.',
        },
      },
      doneWhen: {
        all: [
          { typed: 'scale deployment dpy-nginx --replicas=3', host: 'm-k8s' },
          { pod: 'nginx-pod', status: 'Running' },
          { podPrefix: 'dpy-nginx-', count: 1 },
        ],
      },
    },
    {
      id: 'start-controller-manager',
      title: { ko: '컨트롤러 매니저 되돌리기', en: 'Bring the controller manager back' },
      narration: {
        ko: '매니페스트를 되돌리면 컨트롤러 매니저가 다시 뜨고, 레플리카셋 컨트롤러가 추구하는 상태(3개)와 현재 상태(1개)의 차이를 보고 파드 2개를 더 만듭니다. 멈춰 있던 동안의 요청은 사라지지 않고 etcd 에 남아 있었습니다.',
        en: 'Move the manifest back. The controller manager starts again, and the ReplicaSet controller sees the gap between the desired state (three) and the current one (one) and creates two more pods. The request made while it was down was never lost: it sat in etcd.',
      },
      commands: [
        onMaster(`mv /tmp/kube-controller-manager.yaml ${MANIFESTS}/`),
        onMaster('kubectl get pods -o wide'),
      ],
      doneWhen: { podPrefix: 'dpy-nginx-', status: 'Running', count: 3 },
    },
    {
      id: 'stop-apiserver',
      title: { ko: 'API 서버 멈추기', en: 'Stop the API server' },
      narration: {
        ko: '마지막으로 쿠버네티스 클러스터의 중심 역할을 하는 통로, API 서버입니다. 매니페스트를 /tmp 로 옮깁니다.',
        en: 'Last, the API server, the passage at the centre of the cluster. Move its manifest to /tmp.',
      },
      commands: [onMaster(`mv ${MANIFESTS}/kube-apiserver.yaml /tmp`)],
      doneWhen: { component: 'apiserver', state: 'stopped' },
    },
    {
      id: 'apiserver-down',
      title: { ko: '통로가 막히면', en: 'With the passage closed' },
      narration: {
        ko: '파드를 조회하고, nginx-pod 의 IP 로 curl 을 실행해 봅니다. 이 실습 환경에서는 nginx-pod 가 172.16.103.129 입니다. 다른 IP 라면 앞에서 본 kubectl get pods -o wide 의 IP 를 쓰세요.',
        en: 'List the pods, then curl nginx-pod’s IP: 172.16.103.129 in this lab. If yours differs, use the IP from the kubectl get pods -o wide you ran earlier.',
      },
      commands: [onMaster('kubectl get pods'), onMaster('curl 172.16.103.129')],
      predict: {
        question: {
          ko: 'API 서버가 멈춘 지금, nginx-pod 에 curl 하면 응답이 올까요?',
          en: 'With the API server stopped, does curl to nginx-pod get an answer?',
        },
        choices: [
          { ko: '온다', en: 'Yes' },
          { ko: '오지 않는다', en: 'No' },
        ],
        answer: 0,
        explain: {
          ko: 'kubectl 은 API 서버에 접속하지 못해 192.168.1.10:6443 was refused 를 출력합니다. 하지만 파드는 워커 노드의 컨테이너 런타임이 실행하고 있고, 통신은 노드의 네트워크가 처리합니다. API 서버가 없으면 아무것도 바꿀 수 없지만, 이미 돌고 있는 파드는 계속 동작합니다.',
          en: 'kubectl cannot reach the API server and prints 192.168.1.10:6443 was refused. But the pod is run by the worker’s container runtime and its traffic is carried by the node’s network. Without the API server nothing can be changed, yet the pods already running carry on.',
        },
      },
      doneWhen: {
        all: [
          { printed: '192.168.1.10:6443 was refused', host: 'm-k8s' },
          { printed: 'Welcome to nginx!', host: 'm-k8s' },
        ],
      },
    },
    {
      id: 'start-apiserver',
      title: { ko: 'API 서버 되돌리기', en: 'Bring the API server back' },
      narration: {
        ko: '매니페스트를 되돌리고, kubectl 이 다시 응답을 받는지 확인합니다.',
        en: 'Move the manifest back and check that kubectl gets answers again.',
      },
      commands: [onMaster(`mv /tmp/kube-apiserver.yaml ${MANIFESTS}/`), onMaster('kubectl get pods')],
      doneWhen: { component: 'apiserver', state: 'running' },
    },
    {
      id: 'clean-up',
      title: { ko: '선언적인 시스템', en: 'A declarative system' },
      narration: {
        ko: '쿠버네티스는 작업을 순서대로 진행하는 워크플로 구조가 아니라 선언적인 시스템 구조를 가지고 있습니다. 각 요소가 추구하는 상태를 선언하면 현재 상태와 맞는지 점검하고 그것에 맞추려고 노력합니다. 그래서 어느 구성 요소가 잠시 멈춰도, 돌아오면 밀린 일을 스스로 따라잡습니다. 실습에 쓴 디플로이먼트와 파드를 지웁니다.',
        en: 'Kubernetes is not a workflow that runs tasks in order; it is declarative. Each part declares a desired state, checks whether the current state matches it, and works to make it match. That is why a component that stops for a while catches up by itself when it returns. Delete the Deployment and the pod used in this lesson.',
      },
      commands: [onMaster('kubectl delete deployment dpy-nginx'), onMaster(NGINX_POD_DELETE)],
      doneWhen: { all: [{ podGone: 'nginx-pod' }, { podPrefix: 'dpy-nginx-', count: 0 }] },
    },
  ],
};
