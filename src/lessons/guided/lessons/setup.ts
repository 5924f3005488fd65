// Lesson 1: building the book's lab (3.1.3) from four booted machines — kubeadm init
// on m-k8s with the book's flags, the admin kubeconfig, Calico, the three joins, the
// nodes turning Ready, and the kube-system pods with their hashed names.
import type { GuidedLesson, LessonVersions } from '../types';
import { on, onMaster } from './common';

const JOIN =
  'kubeadm join --token 123456.1234567890123456 --discovery-token-unsafe-skip-ca-verification 192.168.1.10:6443';

export const setupLesson: GuidedLesson = {
  id: 'setup',
  title: { ko: '쿠버네티스 구성하기', en: 'Building the lab cluster' },
  summary: {
    ko: 'kubeadm 으로 m-k8s 를 마스터 노드로 만들고, 캘리코를 적용한 뒤 w1-k8s, w2-k8s, w3-k8s 를 워커 노드로 참여시킵니다. 노드가 NotReady 에서 Ready 가 되는 이유와 kube-system 파드 이름에 붙은 해시의 의미를 확인합니다.',
    en: 'Turn m-k8s into the master with kubeadm, apply Calico, and join w1-k8s, w2-k8s and w3-k8s as workers. See why nodes go from NotReady to Ready, and what the hashes in the kube-system pod names mean.',
  },
  lab: 'fresh',
  steps: [
    {
      id: 'nothing-yet',
      title: { ko: '아직 아무것도 없는 상태', en: 'Nothing installed yet' },
      narration: {
        ko: '가상 머신 네 대가 부팅만 된 상태입니다. docker, kubelet, kubeadm, kubectl 은 설치돼 있지만 클러스터는 아직 없습니다. m-k8s 에서 kubectl get nodes 를 실행해 보세요. kubectl 이 접속할 클러스터 정보가 없으니 기본값인 localhost:8080 에 접속하려다 거부됩니다.',
        en: 'Four virtual machines have booted. docker, the kubelet, kubeadm and kubectl are installed, but there is no cluster yet. Run kubectl get nodes on m-k8s: with no cluster information to go on, kubectl tries its default, localhost:8080, and is refused.',
      },
      commands: [onMaster('kubectl get nodes')],
      doneWhen: { printed: 'localhost:8080', host: 'm-k8s' },
    },
    {
      id: 'kubeadm-init',
      title: { ko: 'kubeadm init: 마스터 노드 준비', en: 'kubeadm init: preparing the master' },
      narration: {
        ko: 'kubeadm 을 통해 쿠버네티스의 워커 노드를 받아들일 준비를 합니다. 토큰을 123456.1234567890123456 으로 지정하고 --token-ttl 0 으로 토큰이 만료되지 않게 합니다. --pod-network-cidr=172.16.0.0/16 은 컨테이너에 부여할 네트워크(172.16.0.1 ~ 172.16.255.254)이고, --apiserver-advertise-address=192.168.1.10 은 워커 노드가 접속할 API 서버의 주소입니다.',
        en: 'kubeadm gets the master ready to accept workers. The token is fixed to 123456.1234567890123456 and --token-ttl 0 keeps it from expiring. --pod-network-cidr=172.16.0.0/16 is the network pods get their addresses from (172.16.0.1 to 172.16.255.254), and --apiserver-advertise-address=192.168.1.10 is the API server address the workers will connect to.',
      },
      commands: [
        onMaster(
          'kubeadm init --token 123456.1234567890123456 --token-ttl 0 --pod-network-cidr=172.16.0.0/16 --apiserver-advertise-address=192.168.1.10',
        ),
      ],
      really: {
        ko: 'kubeadm 은 API 서버, etcd, 컨트롤러 매니저, 스케줄러를 직접 실행하지 않습니다. /etc/kubernetes/manifests 에 정적 파드(static pod) 매니페스트를 써 두면 m-k8s 의 kubelet 이 그 파일을 읽어 컨테이너로 띄웁니다. 그래서 나중에 이 파일을 옮기면 해당 구성 요소가 멈춥니다.',
        en: 'kubeadm does not run the API server, etcd, the controller manager or the scheduler itself. It writes static pod manifests into /etc/kubernetes/manifests, and the kubelet on m-k8s reads them and runs them as containers. That is why moving one of those files away later stops that component.',
      },
      doneWhen: { component: 'apiserver', state: 'running' },
    },
    {
      id: 'kubeconfig',
      title: { ko: 'kubectl 이 클러스터를 찾도록', en: 'Telling kubectl where the cluster is' },
      narration: {
        ko: 'kubeadm init 이 알려 준 대로 관리자 설정 파일 admin.conf 를 $HOME/.kube/config 로 복사합니다. 이제 kubectl 이 192.168.1.10:6443 의 API 서버로 접속합니다. 노드를 확인하면 m-k8s 하나가 보이는데 상태는 NotReady 입니다. 모든 네임스페이스의 파드도 확인해 보세요.',
        en: 'As kubeadm init suggested, copy the admin kubeconfig admin.conf to $HOME/.kube/config. kubectl now talks to the API server at 192.168.1.10:6443. The node list shows m-k8s alone, and NotReady. Look at the pods in all namespaces too.',
      },
      commands: [
        onMaster('mkdir -p $HOME/.kube'),
        onMaster('cp -i /etc/kubernetes/admin.conf $HOME/.kube/config'),
        onMaster('kubectl get nodes'),
        onMaster('kubectl get pods --all-namespaces'),
      ],
      predict: {
        question: { ko: 'm-k8s 가 NotReady 인 이유는 무엇일까요?', en: 'Why is m-k8s NotReady?' },
        choices: [
          { ko: '워커 노드가 아직 하나도 참여하지 않아서', en: 'No worker has joined yet' },
          { ko: '네트워크 플러그인(CNI)이 아직 없어서', en: 'There is no network plugin (CNI) yet' },
          { ko: 'etcd 가 아직 비어 있어서', en: 'etcd is still empty' },
        ],
        answer: 1,
        explain: {
          ko: 'kubelet 은 네트워크 플러그인이 준비되지 않으면 노드를 Ready 로 보고하지 않습니다(cni config uninitialized). 파드에 IP 를 줄 수 없기 때문입니다. 그래서 coredns 파드도 Pending 으로 남아 있습니다.',
          en: 'The kubelet does not report its node Ready until a network plugin is in place (cni config uninitialized): it could not give pods an IP. That is also why the coredns pods stay Pending.',
        },
      },
      doneWhen: {
        all: [
          { typed: '.kube/config', host: 'm-k8s' },
          { printed: 'NotReady', host: 'm-k8s' },
        ],
      },
    },
    {
      id: 'calico',
      title: { ko: '네트워크 플러그인 캘리코 적용', en: 'Applying the Calico network plugin' },
      narration: {
        ko: '컨테이너 네트워크 인터페이스(CNI)인 캘리코(Calico)의 설정을 적용해 쿠버네티스의 네트워크를 구성합니다. 잠시 뒤 각 노드에 calico-node 파드가 뜨고, m-k8s 가 Ready 로 바뀝니다.',
        en: 'Apply the configuration of Calico, the container network interface (CNI) plugin, to give the cluster its network. Shortly a calico-node pod starts on the node and m-k8s turns Ready.',
      },
      commands: [
        onMaster(
          'kubectl apply -f https://raw.githubusercontent.com/sysnet4admin/IaC/master/manifests/172.16_net_calico.yaml',
        ),
        onMaster('kubectl get nodes'),
      ],
      really: {
        ko: '이 매니페스트는 Calico v3.9.4 이고 CALICO_IPV4POOL_CIDR 를 172.16.0.0/16 으로 지정합니다. 캘리코는 노드마다 /26 크기의 주소 블록을 떼어 주고, 노드 사이는 IPIP 터널로 연결합니다. 그래서 같은 노드의 파드는 172.16.103.129, 172.16.103.130 처럼 비슷한 주소를 받습니다.',
        en: 'The manifest is Calico v3.9.4 with CALICO_IPV4POOL_CIDR set to 172.16.0.0/16. Calico hands each node a /26 block of addresses and links the nodes with IPIP tunnels, so pods on one node get neighbouring addresses such as 172.16.103.129 and 172.16.103.130.',
      },
      doneWhen: { node: 'm-k8s', ready: 'True' },
    },
    {
      id: 'join',
      title: { ko: 'kubeadm join: 워커 노드 참여', en: 'kubeadm join: the workers come in' },
      narration: {
        ko: '각 워커 노드에서 kubeadm 으로 마스터 노드에 접속합니다. 연결에 필요한 토큰은 마스터 노드에서 만든 123456.1234567890123456 을 사용하고, 간단하게 구성하기 위해 --discovery-token-unsafe-skip-ca-verification 으로 인증서 검증을 건너뛰며, API 서버 주소 192.168.1.10 의 기본 포트 6443 번으로 접속합니다. w1-k8s, w2-k8s, w3-k8s 에서 차례로 실행하세요.',
        en: 'On each worker, kubeadm connects to the master. It uses the token made on the master, 123456.1234567890123456, skips verifying the CA with --discovery-token-unsafe-skip-ca-verification to keep the lab simple, and connects to the API server at 192.168.1.10 on the default port 6443. Run it on w1-k8s, w2-k8s and w3-k8s in turn.',
      },
      commands: [on('w1-k8s', JOIN), on('w2-k8s', JOIN), on('w3-k8s', JOIN)],
      really: {
        ko: 'CA 검증을 건너뛰면 워커는 자신이 접속한 API 서버가 진짜인지 확인하지 않습니다. 실습용 설정이고, 실제 클러스터에서는 kubeadm init 이 출력한 --discovery-token-ca-cert-hash 를 사용합니다.',
        en: 'Skipping CA verification means a worker does not check that the API server it reached is the real one. It is fine for a lab; a real cluster uses the --discovery-token-ca-cert-hash that kubeadm init printed.',
      },
      doneWhen: {
        all: [
          { printed: 'This node has joined the cluster', host: 'w1-k8s' },
          { printed: 'This node has joined the cluster', host: 'w2-k8s' },
          { printed: 'This node has joined the cluster', host: 'w3-k8s' },
        ],
      },
    },
    {
      id: 'nodes-ready',
      title: { ko: '노드가 Ready 가 되기까지', en: 'Until every node is Ready' },
      narration: {
        ko: 'm-k8s 에서 kubectl get nodes 명령으로 마스터 노드와 워커 노드들이 정상적으로 생성되고 연결됐는지 확인합니다. 몇 초 간격으로 다시 실행해 보세요.',
        en: 'On m-k8s, check with kubectl get nodes that the master and the workers have been created and connected. Run it again every few seconds.',
      },
      commands: [onMaster('kubectl get nodes')],
      predict: {
        question: {
          ko: '조인 직후 kubectl get nodes 에서 w1-k8s 의 STATUS 는 어떻게 보일까요?',
          en: 'Right after the joins, what STATUS does kubectl get nodes show for w1-k8s?',
        },
        choices: [
          { ko: '처음부터 Ready', en: 'Ready from the start' },
          { ko: '잠시 NotReady 였다가 Ready', en: 'NotReady for a moment, then Ready' },
          { ko: 'm-k8s 가 승인할 때까지 Pending', en: 'Pending until m-k8s approves it' },
        ],
        answer: 1,
        explain: {
          ko: '새 노드에도 네트워크 플러그인이 있어야 합니다. calico-node 는 데몬셋이라 새 노드가 등록되면 그 노드에 파드가 하나씩 생기고, 그 파드가 CNI 설정을 써 넣으면 kubelet 이 노드를 Ready 로 보고합니다.',
          en: 'A new node needs the network plugin too. calico-node is a DaemonSet, so each new node gets its own pod; once that pod has written the CNI configuration, the kubelet reports the node Ready.',
        },
      },
      doneWhen: { nodesReady: 4 },
    },
    {
      id: 'kube-system',
      title: { ko: '파드로 이루어진 구성 요소들', en: 'Components that are pods' },
      narration: {
        ko: '--all-namespaces 는 기본 네임스페이스인 default 외에 모든 것을 표시하겠다는 의미입니다. 쿠버네티스 클러스터를 이루는 구성 요소들이 파드 형태로 이루어져 있음을 알 수 있습니다. 구성 요소가 여러 개 존재하면 중복된 이름을 피하려고 뒤에 해시 코드가 붙습니다. coredns 에는 중간에 문자열이 하나 더 있는데, 레플리카셋(ReplicaSet)을 나타내는 문자열입니다.',
        en: '--all-namespaces shows every namespace, not just default. The parts of the cluster turn out to be pods themselves. Where several copies of a component exist, a hash is appended so the names do not clash. coredns has one more string in the middle: the one that names its ReplicaSet.',
      },
      commands: [
        onMaster('kubectl get pods --all-namespaces'),
        onMaster('kubectl get pods --all-namespaces | grep kube-proxy'),
        onMaster('kubectl get pods --all-namespaces | grep coredns'),
      ],
      predict: {
        question: { ko: 'kube-proxy 파드는 몇 개일까요?', en: 'How many kube-proxy pods are there?' },
        choices: [
          { ko: '1개 (m-k8s 에만)', en: 'One, on m-k8s' },
          { ko: '3개 (워커 노드마다)', en: 'Three, one per worker' },
          { ko: '4개 (노드마다)', en: 'Four, one per node' },
        ],
        answer: 2,
        explain: {
          ko: 'kube-proxy 는 데몬셋이라 마스터 노드를 포함한 모든 노드에 하나씩 뜹니다. 이름은 kube-proxy- 뒤에 무작위 다섯 글자가 붙습니다. 반면 etcd-m-k8s 처럼 정적 파드는 노드 이름이 붙고, coredns 는 디플로이먼트 이름, 레플리카셋의 해시, 다섯 글자가 차례로 붙습니다.',
          en: 'kube-proxy is a DaemonSet: one pod on every node, the master included, each named kube-proxy- and five random characters. Static pods such as etcd-m-k8s carry their node name instead, and coredns pods carry the Deployment name, the ReplicaSet hash, then five characters.',
        },
      },
      really: {
        ko: '해시의 글자는 모음과 헷갈리기 쉬운 숫자(0, 1, 3)를 뺀 bcdfghjklmnpqrstvwxz2456789 에서 고릅니다. 레플리카셋의 해시(pod-template-hash)는 파드 템플릿에서 계산되고, 파드 이름 끝의 다섯 글자는 API 서버가 generateName 으로 붙입니다.',
        en: 'The characters come from bcdfghjklmnpqrstvwxz2456789: no vowels, and none of 0, 1 and 3, which are easily confused. The ReplicaSet hash (pod-template-hash) is computed from the pod template; the five characters at the end are added by the API server from generateName.',
      },
      doneWhen: { typed: 'grep coredns', host: 'm-k8s' },
    },
  ],
};

/** The second edition's machines have containerd, not docker (k8s_pkg_cfg.sh installs containerd.io). */
export const setupVersions: LessonVersions = {
  '1.36': {
    steps: {
      'nothing-yet': {
        narration: {
          ko: '가상 머신 네 대가 부팅만 된 상태입니다. containerd, kubelet, kubeadm, kubectl 은 설치돼 있지만 클러스터는 아직 없습니다. cp-k8s 에서 kubectl get nodes 를 실행해 보세요. kubectl 이 접속할 클러스터 정보가 없으니 기본값인 localhost:8080 에 접속하려다 거부됩니다.',
          en: 'Four virtual machines have booted. containerd, the kubelet, kubeadm and kubectl are installed, but there is no cluster yet. Run kubectl get nodes on cp-k8s: with no cluster information to go on, kubectl tries its default, localhost:8080, and is refused.',
        },
      },
    },
  },
};
