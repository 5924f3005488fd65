// The book's eight steps of pod creation (study note: "파드의 생명주기로 쿠버네티스 구성
// 요소 살펴보기"), for `kubectl create -f nginx-pod.yaml` on m-k8s. Titles keep the book's
// wording; narration speaks as an instructor in class would.
import type { Lesson } from './lesson';
import { podCreateTitle } from './podCreateTitle';

export const NGINX_POD_COMMAND = 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';

export const podCreate: Lesson = {
  id: 'pod-create',
  title: podCreateTitle,
  subject: 'pods/nginx-pod',
  // One second into the ready lab, after every component has opened its watches.
  inputs: [{ at: 1000, host: 'm-k8s', line: NGINX_POD_COMMAND }],
  intro: {
    title: { ko: '준비된 실습 환경', en: 'The lab, ready' },
    narration: {
      ko: '마스터 노드 m-k8s 와 워커 노드 w1-k8s, w2-k8s, w3-k8s 로 구성된 클러스터입니다. 각 구성 요소는 시작하자마자 API 서버를 감시(watch)하기 시작합니다. 이제 m-k8s 에서 nginx-pod.yaml 로 파드를 하나 배포해 보겠습니다. → 키를 누르면 한 단계씩 진행합니다.',
      en: 'The lab cluster: master m-k8s and workers w1-k8s, w2-k8s and w3-k8s. Every component starts by opening a watch on the API server. Now we deploy one pod from nginx-pod.yaml on m-k8s. Press → to go one step at a time.',
    },
  },
  steps: [
    {
      n: 1,
      title: { ko: 'Pod(s) 생성 요청', en: 'Request a pod' },
      narration: {
        ko: 'kubectl 을 통해 API 서버에 파드 생성을 요청합니다. m-k8s 에서 kubectl create -f 를 실행하면 kubectl 이 nginx-pod 의 구성 내용(PodSpec)을 API 서버(192.168.1.10:6443)로 보냅니다.',
        en: 'kubectl asks the API server to create a pod. Running kubectl create -f on m-k8s sends the spec of nginx-pod to the API server at 192.168.1.10:6443.',
      },
      actors: ['kubectl@m-k8s', 'apiserver'],
      exchange: {
        ko: 'kubectl → API 서버: POST /api/v1/namespaces/default/pods (nginx-pod)',
        en: 'kubectl → API server: POST /api/v1/namespaces/default/pods (nginx-pod)',
      },
      arrow: { from: 'kubectl@m-k8s', to: 'apiserver' },
    },
    {
      n: 2,
      title: {
        ko: '(매번) 클러스터의 업데이트된 정보 기록, (매번) API 서버에 업데이트 됐음을 알림',
        en: 'Record every update in etcd, and hear back that it is written',
      },
      narration: {
        ko: 'API 서버는 전달받은 내용을 etcd 에 모두 기록해 클러스터의 상태 값을 최신으로 유지합니다. etcd 가 기록을 마쳤다고 알려 주면 그때 API 서버가 kubectl 에 201 Created 로 답합니다. 이 기록은 이번 한 번이 아니라 상태가 바뀔 때마다 매번 일어납니다.',
        en: 'The API server writes what it received to etcd, where the whole state of the cluster is kept, and only when etcd says it is written does it answer kubectl "201 Created". This happens on every change, not just this once.',
      },
      actors: ['apiserver', 'etcd'],
      exchange: {
        ko: 'API 서버 → etcd: /registry/pods/default/nginx-pod 기록, etcd → API 서버: 기록 완료(리비전)',
        en: 'API server → etcd: put /registry/pods/default/nginx-pod; etcd → API server: written (revision)',
      },
      arrow: { from: 'apiserver', to: 'etcd' },
    },
    {
      n: 3,
      title: { ko: 'Pod(s) 의 생성 감시, Pod(s)의 생성', en: 'Watch for new pods; create the pods' },
      narration: {
        ko: 'API 서버에 파드 생성이 요청된 것을 컨트롤러 매니저가 인지합니다. 책에서는 컨트롤러 매니저가 파드를 생성하고 이 상태를 API 서버에 전달한다고 설명합니다. 아직 어떤 워커 노드에 파드를 적용할지는 결정되지 않은 상태로 파드만 생성됩니다.',
        en: 'The controller manager learns that a pod was requested. The book says it creates the pod and tells the API server; the pod exists, but no worker has been chosen for it yet.',
      },
      actors: ['apiserver', 'controller-manager'],
      exchange: {
        ko: 'API 서버 → 컨트롤러 매니저: watch 알림(ADDED pods/nginx-pod)',
        en: 'API server → controller manager: watch event (ADDED pods/nginx-pod)',
      },
      really: {
        ko: '실제로는: 컨트롤러 매니저는 API 서버를 감시하다가 알림을 받을 뿐, nginx-pod 처럼 파드를 직접 만든 경우(bare Pod)에는 아무 일도 하지 않습니다. 파드 오브젝트는 1단계의 요청으로 이미 만들어졌습니다. 컨트롤러가 파드를 만드는 것은 디플로이먼트의 레플리카셋처럼 파드를 관리하는 오브젝트가 있을 때입니다.',
        en: 'How it really works: the controller manager only hears of the pod through its watch; for a bare Pod like nginx-pod it does nothing, because kubectl’s request in step 1 already created the pod object. A controller creates pods only when something manages them, such as a Deployment’s ReplicaSet.',
      },
      arrow: { from: 'apiserver', to: 'controller-manager' },
    },
    {
      n: 4,
      title: {
        ko: '새로운 Pod(s)가 워커 노드에 들어갔는지 감시, 새로운 Pod(s)를 워커 노드에 넣도록 스케줄링',
        en: 'Watch for pods without a node; schedule them onto a worker',
      },
      narration: {
        ko: '스케줄러가 아직 노드가 정해지지 않은 파드를 인지합니다. 노드의 상태와 자원, 레이블, 요구 조건 등을 고려해 파드를 띄울 워커 노드를 결정하고, 그 결과(바인딩)를 API 서버에 전달합니다. API 서버는 이것도 etcd 에 기록합니다.',
        en: 'The scheduler sees a pod that has no node. It weighs the nodes’ state, resources, labels and requirements, picks a worker, and sends that choice (a binding) to the API server, which records it in etcd as well.',
      },
      actors: ['apiserver', 'scheduler', 'etcd'],
      exchange: {
        ko: '스케줄러 → API 서버: POST pods/nginx-pod/binding (노드 지정)',
        en: 'scheduler → API server: POST pods/nginx-pod/binding (the chosen node)',
      },
      really: {
        ko: '실제로는: 스케줄러는 워커 노드에 직접 요청하지 않습니다. 파드에 노드 이름(nodeName)을 적는 바인딩을 API 서버에 쓸 뿐입니다.',
        en: 'How it really works: the scheduler never contacts the worker. It only writes a binding, the pod’s nodeName, to the API server.',
      },
      arrow: { from: 'apiserver', to: 'scheduler' },
    },
    {
      n: 5,
      title: {
        ko: '새로운 Pod(s)가 노드에 잘 소속돼 있는지 감시, Pod(s) 상태 정보 전달',
        en: 'Watch that new pods belong to the node; report their state',
      },
      narration: {
        ko: '선택된 워커 노드의 kubelet 이 자기 노드에 배정된 새 파드를 받아 가고, 파드의 상태 정보를 API 서버에 전달합니다. 아직 컨테이너가 없으므로 상태는 Pending 입니다.',
        en: 'The kubelet of the chosen worker takes the new pod bound to its node and reports the pod’s state to the API server. There is no container yet, so the pod is Pending.',
      },
      actors: ['apiserver', 'kubelet@{node}'],
      exchange: {
        ko: 'API 서버 → kubelet: watch 알림(ADDED), kubelet → API 서버: PATCH pods/nginx-pod/status',
        en: 'API server → kubelet: watch event (ADDED); kubelet → API server: PATCH pods/nginx-pod/status',
      },
      really: {
        ko: '실제로는: 책의 설명과 달리 스케줄러는 kubelet 과 통신하지 않습니다. kubelet 이 API 서버를 감시(watch)하다가 자기 노드 이름이 적힌 파드를 가져가고, 상태도 API 서버에만 보고합니다.',
        en: 'How it really works: the scheduler never talks to the kubelet. The kubelet watches the API server for pods bound to its own node, takes them, and reports their state to the API server only.',
      },
      arrow: { from: 'apiserver', to: 'kubelet@{node}' },
    },
    {
      n: 6,
      title: { ko: 'Pod(s)의 동작 관리', en: 'Run the pod' },
      narration: {
        ko: 'kubelet 이 컨테이너 런타임(CRI)에 파드 생성을 요청합니다. 런타임은 파드의 샌드박스를 만들고 네트워크 플러그인(캘리코)에게서 172.16.0.0/16 대역의 파드 IP 를 받은 뒤, nginx 이미지를 내려받습니다. 이미지를 받는 데는 몇 초가 걸립니다.',
        en: 'The kubelet asks the container runtime (CRI) to run the pod. The runtime makes the pod’s sandbox, gets a pod IP in 172.16.0.0/16 from the network plugin (Calico), and pulls the nginx image, which takes a few seconds.',
      },
      actors: ['kubelet@{node}', 'runtime@{node}', 'cni'],
      exchange: {
        ko: 'kubelet → 런타임: RunPodSandbox, PullImage nginx; 런타임 → 캘리코: CNI ADD',
        en: 'kubelet → runtime: RunPodSandbox, PullImage nginx; runtime → Calico: CNI ADD',
      },
      arrow: { from: 'kubelet@{node}', to: 'runtime@{node}' },
    },
    {
      n: 7,
      title: { ko: '컨테이너 생성', en: 'Create the container' },
      narration: {
        ko: '컨테이너 런타임이 nginx 컨테이너(container-name)를 만들고 실행합니다. 파드 안에서 컨테이너가 동작하기 시작합니다.',
        en: 'The container runtime creates and starts the nginx container (container-name). The container is running inside the pod.',
      },
      actors: ['kubelet@{node}', 'runtime@{node}', 'pods@{node}'],
      exchange: {
        ko: 'kubelet → 런타임: CreateContainer, StartContainer',
        en: 'kubelet → runtime: CreateContainer, StartContainer',
      },
      arrow: { from: 'runtime@{node}', to: 'pods@{node}' },
    },
    {
      n: 8,
      title: { ko: 'Pod(s) 사용가능', en: 'The pod is usable' },
      narration: {
        ko: 'kubelet 이 파드가 Running 상태라고 API 서버에 보고하고, API 서버는 이를 etcd 에 기록합니다. 이제 파드가 사용 가능한 상태입니다. kubectl get pod 로 확인하면 STATUS 가 Running 입니다.',
        en: 'The kubelet reports to the API server that the pod is Running, and the API server records it in etcd. The pod is ready to use: kubectl get pod shows STATUS Running.',
      },
      actors: ['kubelet@{node}', 'apiserver', 'etcd', 'pods@{node}'],
      exchange: {
        ko: 'kubelet → API 서버: PATCH pods/nginx-pod/status (Running, Ready)',
        en: 'kubelet → API server: PATCH pods/nginx-pod/status (Running, Ready)',
      },
      really: {
        ko: '쿠버네티스는 작업을 순서대로 진행하는 워크플로 구조가 아니라 선언적인 시스템입니다. 각 요소가 추구하는 상태와 현재 상태를 비교하고 맞추려고 노력한 결과가 지금까지의 여덟 단계입니다.',
        en: 'Kubernetes is not a workflow run in order but a declarative system: each component compares the desired state with the current one and acts on the difference. The eight steps are what that looks like from outside.',
      },
      arrow: { from: 'kubelet@{node}', to: 'apiserver' },
    },
  ],
};
