// Lesson 4: the book's kubelet scenario (3.1.6) on w2-k8s — the pod that keeps showing
// Running, the delete that hangs in Terminating until the kubelet is back — and then
// what happens when nobody steps in: NotReady after 40 s, eviction after 300 s, a
// Deployment's pod recreated elsewhere and a bare pod not.
import type { GuidedLesson, LessonVersions } from '../types';
import { NGINX_POD_COMMAND, on, onMaster, predictionOf, stepOf } from './common';

export const kubeletStopLesson: GuidedLesson = {
  id: 'kubelet-stop',
  title: { ko: 'kubelet 이 멈추면', en: 'When the kubelet stops' },
  summary: {
    ko: '책의 kubelet 시나리오입니다. w2-k8s 의 kubelet 을 멈추고 파드를 지우면 Terminating 에서 멈춰 버립니다. 이어서 아무도 손대지 않을 때 노드가 NotReady 가 되고 5분 뒤 파드가 축출(eviction)되는 과정, 디플로이먼트의 파드와 단독 파드의 차이를 확인합니다.',
    en: 'The book’s kubelet scenario: stop the kubelet on w2-k8s, delete the pod, and it hangs in Terminating. Then see what happens when nobody steps in: the node turns NotReady, five minutes later its pods are evicted, and a Deployment’s pod comes back elsewhere while a bare pod does not.',
  },
  steps: [
    {
      id: 'deploy',
      title: { ko: '파드 배포와 위치 확인', en: 'Deploy the pod and find it' },
      narration: {
        ko: 'kubelet 은 쿠버네티스에서 파드의 생성과 상태 관리 및 복구 등을 담당하는 매우 중요한 구성 요소입니다. 먼저 nginx-pod 를 배포하고, Running 인지, 어느 워커 노드에 배포됐는지 확인합니다. 이 실습 환경에서는 w2-k8s 에 배포됩니다.',
        en: 'The kubelet is the component that creates pods, keeps track of their state and restores them. First deploy nginx-pod, check that it is Running, and see which worker it is on: in this lab, w2-k8s.',
      },
      commands: [
        onMaster(NGINX_POD_COMMAND),
        onMaster('kubectl get pod'),
        onMaster('kubectl get pods -o wide'),
      ],
      doneWhen: { pod: 'nginx-pod', status: 'Running', node: 'w2-k8s' },
    },
    {
      id: 'stop-kubelet',
      title: { ko: 'w2-k8s 의 kubelet 중지', en: 'Stop the kubelet on w2-k8s' },
      narration: {
        ko: 'w2-k8s 에서 kubelet 서비스를 멈춥니다. 그리고 m-k8s 에서 파드의 상태를 확인합니다.',
        en: 'Stop the kubelet service on w2-k8s, then check the pod from m-k8s.',
      },
      commands: [on('w2-k8s', 'systemctl stop kubelet'), onMaster('kubectl get pod')],
      faults: [{ fault: 'kubelet', target: 'w2-k8s' }],
      predict: {
        question: {
          ko: 'kubelet 을 멈춘 직후 kubectl get pod 는 nginx-pod 를 어떻게 보여 줄까요?',
          en: 'Right after the kubelet stops, how does kubectl get pod show nginx-pod?',
        },
        choices: [
          { ko: '1/1 Running 그대로', en: 'Still 1/1 Running' },
          { ko: '0/1 Error', en: '0/1 Error' },
          { ko: '목록에서 사라진다', en: 'It disappears from the list' },
        ],
        answer: 0,
        explain: {
          ko: 'kubelet 을 멈춰도 컨테이너는 docker 가 계속 실행합니다. 그리고 kubelet 이 멈추면 파드의 상태를 보고할 주체가 없어집니다. API 서버(etcd)에는 마지막으로 보고된 Running 이 그대로 남아 있습니다.',
          en: 'Stopping the kubelet does not stop the container: docker keeps running it. And with the kubelet stopped, nothing is left to report the pod’s state: the API server (etcd) still holds the last report, Running.',
        },
      },
      doneWhen: { component: 'kubelet@w2-k8s', state: 'stopped' },
    },
    {
      id: 'delete-hangs',
      title: { ko: '파드 삭제가 끝나지 않는다', en: 'The delete never finishes' },
      narration: {
        ko: '파드를 삭제합니다. pod "nginx-pod" deleted 가 출력된 뒤 명령이 돌아오지 않습니다. 한참 기다리다 Ctrl+C 로 빠져나와 상태를 확인하면 Terminating 에 머물러 있습니다.',
        en: 'Delete the pod. kubectl prints pod "nginx-pod" deleted, then does not return. Wait a while, press Ctrl+C, and check: the pod is stuck in Terminating.',
      },
      commands: [onMaster('kubectl delete pod nginx-pod'), onMaster('kubectl get pod')],
      predict: {
        question: {
          ko: 'Ctrl+C 뒤 kubectl get pod 의 STATUS 는 무엇일까요?',
          en: 'After Ctrl+C, what STATUS does kubectl get pod show?',
        },
        choices: [
          { ko: 'Terminating', en: 'Terminating' },
          { ko: 'Running', en: 'Running' },
          { ko: '파드가 없다 (No resources found)', en: 'No pod (No resources found)' },
        ],
        answer: 0,
        explain: {
          ko: 'API 서버는 파드를 바로 지우지 않고 삭제 시각(deletionTimestamp)만 기록합니다. 그 노드의 kubelet 이 컨테이너를 멈추고 삭제를 마무리해야 파드가 사라지는데, kubelet 이 멈춰 있으니 Terminating 에서 더 나아가지 않습니다. kubectl delete 는 기본값으로 파드가 사라질 때까지 기다리기 때문에(--wait) 돌아오지 않았던 것입니다.',
          en: 'The API server does not remove the pod at once; it only records a deletion time (deletionTimestamp). The pod goes away when the node’s kubelet has stopped the container and completes the deletion, and that kubelet is stopped, so the pod stays Terminating. kubectl delete waits for the pod to be gone by default (--wait), which is why it never returned.',
        },
      },
      doneWhen: { pod: 'nginx-pod', status: 'Terminating' },
    },
    {
      id: 'start-kubelet',
      title: { ko: 'kubelet 복구', en: 'Bring the kubelet back' },
      narration: {
        ko: 'w2-k8s 에서 kubelet 을 다시 시작합니다. kubelet 이 돌아오면 지워야 할 파드를 확인하고 컨테이너를 멈춘 뒤 삭제를 마무리합니다. 잠시 뒤 m-k8s 에서 확인하면 파드가 사라져 있습니다.',
        en: 'Start the kubelet on w2-k8s again. Back at work, it finds the pod marked for deletion, stops its container and completes the deletion. A moment later m-k8s shows no pod.',
      },
      commands: [on('w2-k8s', 'systemctl start kubelet'), onMaster('kubectl get pod')],
      faults: [{ fault: 'kubelet', target: 'w2-k8s', heal: true }],
      doneWhen: { all: [{ podGone: 'nginx-pod' }, { node: 'w2-k8s', ready: 'True' }] },
    },
    {
      id: 'two-kinds',
      title: { ko: '단독 파드와 디플로이먼트 파드', en: 'A bare pod and a Deployment’s pods' },
      narration: {
        ko: '이번에는 아무도 파드를 지우지 않으면 어떻게 되는지 봅니다. 디플로이먼트 dpy-nginx 를 만들어 파드를 3개로 늘리고, 단독 파드 nginx-pod 를 다시 배포합니다. 이 실습 환경에서는 nginx-pod 와 dpy-nginx 파드 하나가 w2-k8s 에 자리 잡습니다. kubectl get pods -o wide 의 NODE 열로 확인하세요.',
        en: 'Now see what happens when nobody deletes anything. Create the Deployment dpy-nginx, scale it to three pods, and deploy the bare nginx-pod again. In this lab nginx-pod and one dpy-nginx pod end up on w2-k8s: check the NODE column of kubectl get pods -o wide.',
      },
      commands: [
        onMaster('kubectl create deployment dpy-nginx --image=nginx'),
        onMaster('kubectl scale deployment dpy-nginx --replicas=3'),
        onMaster(NGINX_POD_COMMAND),
        onMaster('kubectl get pods -o wide'),
      ],
      doneWhen: {
        all: [
          { pod: 'nginx-pod', status: 'Running', node: 'w2-k8s' },
          { podPrefix: 'dpy-nginx-', status: 'Running', count: 3 },
        ],
      },
    },
    {
      id: 'not-ready',
      title: { ko: '노드가 NotReady 로', en: 'The node turns NotReady' },
      narration: {
        ko: 'w2-k8s 의 kubelet 을 다시 멈춥니다. kubelet 은 평소 노드의 상태를 API 서버에 주기적으로 보고하는데, 이 보고가 끊기면 컨트롤러 매니저의 노드 수명 주기 컨트롤러가 알아챕니다. kubectl get nodes 로 w2-k8s 를 지켜보세요.',
        en: 'Stop the kubelet on w2-k8s again. The kubelet normally reports its node’s status to the API server at regular intervals; when the reports stop, the node lifecycle controller in the controller manager notices. Watch w2-k8s with kubectl get nodes.',
      },
      commands: [on('w2-k8s', 'systemctl stop kubelet'), onMaster('kubectl get nodes')],
      faults: [{ fault: 'kubelet', target: 'w2-k8s' }],
      predict: {
        question: {
          ko: 'w2-k8s 가 NotReady 로 보이기까지 얼마나 걸릴까요?',
          en: 'How long until w2-k8s shows NotReady?',
        },
        choices: [
          { ko: '곧바로', en: 'At once' },
          { ko: '약 40초', en: 'About 40 s' },
          { ko: '약 5분', en: 'About 5 minutes' },
        ],
        answer: 1,
        explain: {
          ko: '노드 수명 주기 컨트롤러는 마지막 보고 뒤 node-monitor-grace-period(1.18 기본값 40초)를 기다린 다음 노드의 조건을 Unknown 으로 바꿉니다. kubectl 은 이를 NotReady 로 보여 주고, 노드에는 unreachable 테인트가 붙어 새 파드가 배정되지 않습니다.',
          en: 'The node lifecycle controller waits node-monitor-grace-period after the last report (40 s by default in 1.18), then sets the node’s conditions to Unknown. kubectl shows that as NotReady, and the node gets unreachable taints so no new pod is placed on it.',
        },
      },
      really: {
        ko: '1.32 부터는 기본값이 50초로 늘었습니다. kubectl describe node w2-k8s 를 보면 Ready 가 Unknown, 사유가 Kubelet stopped posting node status. 이고, 테인트 node.kubernetes.io/unreachable 이 NoSchedule 과 NoExecute 로 붙어 있습니다.',
        en: 'From 1.32 the default is 50 s. kubectl describe node w2-k8s shows Ready as Unknown with the message Kubelet stopped posting node status., and the taint node.kubernetes.io/unreachable with both NoSchedule and NoExecute.',
      },
      doneWhen: { node: 'w2-k8s', ready: 'Unknown' },
    },
    {
      id: 'eviction',
      title: { ko: '5분 뒤: 축출', en: 'Five minutes later: eviction' },
      narration: {
        ko: '이제 아무것도 하지 말고 기다립니다. 파드가 아직 Running 으로 보이지만, 모든 파드에는 unreachable 테인트를 300초까지만 견디는 톨러레이션이 붙어 있습니다. 5분쯤 지나면 kubectl get pods -o wide 로 확인하세요. kubectl describe node w2-k8s 로 테인트도 볼 수 있습니다.',
        en: 'Now do nothing and wait. The pods still show Running, but every pod tolerates the unreachable taint for 300 s only. After about five minutes, check with kubectl get pods -o wide. kubectl describe node w2-k8s shows the taints.',
      },
      commands: [onMaster('kubectl describe node w2-k8s'), onMaster('kubectl get pods -o wide')],
      predict: {
        question: {
          ko: '5분 뒤 w2-k8s 에 있던 두 파드는 어떻게 될까요?',
          en: 'After five minutes, what happens to the two pods on w2-k8s?',
        },
        choices: [
          { ko: '둘 다 다른 노드에서 다시 만들어진다', en: 'Both are recreated on other nodes' },
          {
            ko: '둘 다 Terminating, dpy-nginx 만 다른 노드에 새 파드가 생긴다',
            en: 'Both go Terminating; only dpy-nginx gets a new pod on another node',
          },
          {
            ko: 'kubelet 이 돌아올 때까지 Running 그대로',
            en: 'Both stay Running until the kubelet returns',
          },
        ],
        answer: 1,
        explain: {
          ko: '톨러레이션 시간이 지나면 컨트롤러 매니저가 w2-k8s 의 파드를 축출(삭제 요청)합니다. 하지만 kubelet 이 없으니 삭제를 마무리할 수 없어 둘 다 Terminating 에 머뭅니다. 레플리카셋 컨트롤러는 파드가 2개로 줄어든 것을 보고 새 파드를 만들어 다른 노드로 보내지만, nginx-pod 는 관리하는 컨트롤러가 없으니 다시 만들어지지 않습니다.',
          en: 'When the toleration runs out, the controller manager evicts (asks to delete) the pods on w2-k8s. With no kubelet there to finish the deletion, both stay Terminating. The ReplicaSet controller sees only two pods left and creates a new one, which goes to another node; nginx-pod has no controller, so nothing recreates it.',
        },
      },
      really: {
        ko: '톨러레이션 node.kubernetes.io/unreachable:NoExecute for 300s 는 파드를 만들 때 API 서버의 DefaultTolerationSeconds 가 자동으로 붙입니다. kubectl describe pod 의 Tolerations 에서 확인할 수 있습니다. 그래서 노드가 죽은 뒤 다른 노드에서 서비스가 이어지기까지 40초 + 300초, 약 6분이 걸립니다.',
        en: 'The toleration node.kubernetes.io/unreachable:NoExecute for 300s is added to every pod by the API server’s DefaultTolerationSeconds admission; kubectl describe pod lists it under Tolerations. So after a node dies, it takes 40 s + 300 s, about six minutes, before the service runs again elsewhere.',
      },
      doneWhen: {
        all: [
          { pod: 'nginx-pod', status: 'Terminating' },
          { podPrefix: 'dpy-nginx-', status: 'Terminating', count: 1 },
          { podPrefix: 'dpy-nginx-', status: 'Running', count: 3 },
        ],
      },
    },
    {
      id: 'recover',
      title: { ko: 'kubelet 이 돌아오면', en: 'When the kubelet returns' },
      narration: {
        ko: 'w2-k8s 의 kubelet 을 시작합니다. 노드가 다시 Ready 가 되고, kubelet 이 Terminating 으로 남아 있던 두 파드의 컨테이너를 멈춰 삭제를 마무리합니다. 디플로이먼트의 파드 3개는 다른 노드에서 계속 동작하고, nginx-pod 는 사라집니다.',
        en: 'Start the kubelet on w2-k8s. The node turns Ready again, and the kubelet stops the containers of the two Terminating pods and completes their deletion. The Deployment’s three pods keep running on the other nodes; nginx-pod is gone.',
      },
      commands: [
        on('w2-k8s', 'systemctl start kubelet'),
        onMaster('kubectl get nodes'),
        onMaster('kubectl get pods -o wide'),
      ],
      faults: [{ fault: 'kubelet', target: 'w2-k8s', heal: true }],
      doneWhen: {
        all: [
          { podGone: 'nginx-pod' },
          { node: 'w2-k8s', ready: 'True' },
          { podPrefix: 'dpy-nginx-', count: 3 },
        ],
      },
    },
    {
      id: 'clean-up',
      title: { ko: '정리', en: 'Clean up' },
      narration: {
        ko: '실습이 끝났으니 디플로이먼트를 지웁니다. 파드가 다른 노드로 옮겨 가 있어도 디플로이먼트 하나만 지우면 모두 정리됩니다. 이번 실습에서 디플로이먼트의 파드는 스스로 돌아왔지만, 단독 파드는 돌아오지 않았다는 점을 기억해 두세요.',
        en: 'The lab is over: delete the Deployment. Wherever its pods went, deleting the one Deployment cleans them all up. Remember what you saw: the Deployment’s pod came back by itself, the bare pod did not.',
      },
      commands: [onMaster('kubectl delete deployment dpy-nginx')],
      doneWhen: { podPrefix: 'dpy-nginx-', count: 0 },
    },
  ],
};

const notReady = stepOf(kubeletStopLesson, 'not-ready');

/** The second edition's lab: containerd runs the containers, kubectl 1.36 names the namespace, the grace period is 50 s. */
export const kubeletStopVersions: LessonVersions = {
  '1.36': {
    steps: {
      'stop-kubelet': {
        predict: predictionOf(stepOf(kubeletStopLesson, 'stop-kubelet'), {
          explain: {
            ko: 'kubelet 을 멈춰도 컨테이너는 containerd 가 계속 실행합니다. 그리고 kubelet 이 멈추면 파드의 상태를 보고할 주체가 없어집니다. API 서버(etcd)에는 마지막으로 보고된 Running 이 그대로 남아 있습니다.',
            en: 'Stopping the kubelet does not stop the container: containerd keeps running it. And with the kubelet stopped, nothing is left to report the pod’s state: the API server (etcd) still holds the last report, Running.',
          },
        }),
      },
      'delete-hangs': {
        narration: {
          ko: '파드를 삭제합니다. pod "nginx-pod" deleted from default namespace 가 출력된 뒤 명령이 돌아오지 않습니다. 한참 기다리다 Ctrl+C 로 빠져나와 상태를 확인하면 Terminating 에 머물러 있습니다.',
          en: 'Delete the pod. kubectl prints pod "nginx-pod" deleted from default namespace, then does not return. Wait a while, press Ctrl+C, and check: the pod is stuck in Terminating.',
        },
      },
      'not-ready': {
        predict: predictionOf(notReady, {
          choices: [
            { ko: '곧바로', en: 'At once' },
            { ko: '약 50초', en: 'About 50 s' },
            { ko: '약 5분', en: 'About 5 minutes' },
          ],
          explain: {
            ko: '노드 수명 주기 컨트롤러는 마지막 보고 뒤 node-monitor-grace-period(1.32 부터 기본값 50초)를 기다린 다음 노드의 조건을 Unknown 으로 바꿉니다. kubectl 은 이를 NotReady 로 보여 주고, 노드에는 unreachable 테인트가 붙어 새 파드가 배정되지 않습니다.',
            en: 'The node lifecycle controller waits node-monitor-grace-period after the last report (50 s by default since 1.32), then sets the node’s conditions to Unknown. kubectl shows that as NotReady, and the node gets unreachable taints so no new pod is placed on it.',
          },
        }),
        really: {
          ko: '책의 1.18 실습 환경에서는 기본값이 40초였습니다. kubectl describe node w2-k8s 를 보면 Ready 가 Unknown, 사유가 Kubelet stopped posting node status. 이고, 테인트 node.kubernetes.io/unreachable 이 NoSchedule 과 NoExecute 로 붙어 있습니다.',
          en: 'In the book’s 1.18 lab the default was 40 s. kubectl describe node w2-k8s shows Ready as Unknown with the message Kubelet stopped posting node status., and the taint node.kubernetes.io/unreachable with both NoSchedule and NoExecute.',
        },
      },
    },
  },
};
