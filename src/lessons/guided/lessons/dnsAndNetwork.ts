// Lesson 9: the optional components 11 and 12 — the network plugin (Calico) that gives
// pods their 172.16.0.0/16 addresses, and CoreDNS that turns names into addresses;
// and what breaks when each of them is gone.
import type { GuidedLesson } from '../types';
import { NGINX_POD_COMMAND, NGINX_POD_DELETE, onMaster } from './common';

const LOOKUP = 'nslookup kubernetes.default.svc.cluster.local 10.96.0.10';

export const dnsAndNetworkLesson: GuidedLesson = {
  id: 'dns-and-network',
  title: { ko: '네트워크 플러그인과 CoreDNS', en: 'The network plugin and CoreDNS' },
  summary: {
    ko: '선택적으로 배포하는 구성 요소인 11 네트워크 플러그인과 12 CoreDNS 를 살펴봅니다. 파드가 172.16.0.0/16 에서 IP 를 받는 방식, 이름으로 주소를 찾는 방식을 보고, 각각이 없어지면 무엇이 멈추는지 확인합니다.',
    en: 'A look at the optional components 11, the network plugin, and 12, CoreDNS: how pods get their IPs from 172.16.0.0/16, how names are turned into addresses, and what stops when either is gone.',
  },
  steps: [
    {
      id: 'pod-ips',
      title: { ko: '파드의 IP', en: 'Pod IPs' },
      narration: {
        ko: 'nginx-pod 와 디플로이먼트 dpy-nginx 의 파드 3개를 배포하고 IP 를 확인합니다. 모두 kubeadm init 에서 지정한 172.16.0.0/16 안의 주소입니다. 같은 노드의 파드끼리는 세 번째 자리까지 같다는 점을 눈여겨보세요.',
        en: 'Deploy nginx-pod and the three pods of the Deployment dpy-nginx, and look at their IPs. All come from the 172.16.0.0/16 given to kubeadm init. Notice that pods on the same node share the first three parts of their address.',
      },
      commands: [
        onMaster(NGINX_POD_COMMAND),
        onMaster('kubectl create deployment dpy-nginx --image=nginx'),
        onMaster('kubectl scale deployment dpy-nginx --replicas=3'),
        onMaster('kubectl get pods -o wide'),
      ],
      predict: {
        question: {
          ko: '같은 노드의 파드가 172.16.103.129, 172.16.103.130 처럼 이웃한 주소를 받는 이유는 무엇일까요?',
          en: 'Why do pods on one node get neighbouring addresses such as 172.16.103.129 and 172.16.103.130?',
        },
        choices: [
          {
            ko: 'API 서버가 노드 이름으로 주소를 계산해서',
            en: 'The API server derives them from the node name',
          },
          {
            ko: '캘리코가 노드마다 주소 블록(/26)을 나눠 주고 그 안에서 차례로 줘서',
            en: 'Calico gives each node a block (/26) and hands out its addresses in turn',
          },
          { ko: '스케줄러가 IP 를 고르기 때문에', en: 'The scheduler chooses the IPs' },
        ],
        answer: 1,
        explain: {
          ko: 'IP 는 파드가 노드에 배정된 뒤, 컨테이너 런타임이 파드의 네트워크를 만들 때 네트워크 플러그인(CNI)이 줍니다. 캘리코는 172.16.0.0/16 을 /26(주소 64개) 블록으로 나눠 노드마다 맡기고, 노드 사이는 IPIP 터널로 연결합니다.',
          en: 'The IP is given after the pod is bound to a node, when the container runtime sets up the pod’s network and calls the network plugin (CNI). Calico splits 172.16.0.0/16 into /26 blocks of 64 addresses, one per node, and links the nodes with IPIP tunnels.',
        },
      },
      doneWhen: {
        all: [
          { pod: 'nginx-pod', status: 'Running' },
          { podPrefix: 'dpy-nginx-', status: 'Running', count: 3 },
        ],
      },
    },
    {
      id: 'calico-node',
      title: { ko: '노드마다 있는 네트워크 플러그인', en: 'A network plugin on every node' },
      narration: {
        ko: '쿠버네티스 클러스터의 통신을 위해서 네트워크 플러그인을 선택하고 구성해야 합니다. 이 실습 환경은 캘리코를 쓰고, calico-node 파드가 노드마다 하나씩 떠서 그 노드의 파드 네트워크를 맡습니다. nginx-pod 의 IP(이 실습 환경에서는 172.16.103.129)로 curl 도 해 봅니다.',
        en: 'A cluster needs a network plugin chosen and configured for its traffic. This lab uses Calico: one calico-node pod runs on each node and looks after that node’s pod network. Also curl nginx-pod’s IP (172.16.103.129 in this lab).',
      },
      commands: [
        onMaster('kubectl get pods --all-namespaces -o wide | grep calico'),
        onMaster('curl 172.16.103.129'),
      ],
      doneWhen: { printed: 'Welcome to nginx!', host: 'm-k8s' },
    },
    {
      id: 'cni-gone',
      title: { ko: 'w3-k8s 에서 네트워크 플러그인이 사라지면', en: 'When w3-k8s loses its network plugin' },
      narration: {
        ko: '책에는 없는 장애입니다. 이 단계의 장애 버튼으로 w3-k8s 의 CNI 설정을 제거합니다. 그리고 노드 상태를 봅니다.',
        en: 'A failure the book does not show. Use the fault button to remove the CNI configuration from w3-k8s, then look at the nodes.',
      },
      faults: [{ fault: 'cni', target: 'w3-k8s' }],
      commands: [onMaster('kubectl get nodes')],
      predict: {
        question: {
          ko: '네트워크 플러그인이 없는 w3-k8s 는 어떻게 될까요?',
          en: 'What becomes of w3-k8s without its network plugin?',
        },
        choices: [
          { ko: '아무 일도 없다', en: 'Nothing' },
          { ko: 'NotReady 가 되고 새 파드를 받지 않는다', en: 'It turns NotReady and takes no new pods' },
          { ko: '클러스터에서 삭제된다', en: 'It is removed from the cluster' },
        ],
        answer: 1,
        explain: {
          ko: 'kubelet 은 파드에 네트워크를 만들어 줄 수 없으니 노드를 NotReady 로 보고합니다(cni config uninitialized). 노드에 not-ready 테인트가 붙어 스케줄러는 새 파드를 다른 노드로 보냅니다. 클러스터를 처음 구성할 때 캘리코를 적용하기 전 노드가 NotReady 였던 것과 같은 이유입니다.',
          en: 'The kubelet cannot give pods a network, so it reports the node NotReady (cni config uninitialized). The node gets a not-ready taint and the scheduler sends new pods elsewhere. The same reason the nodes were NotReady during setup, before Calico was applied.',
        },
      },
      doneWhen: { node: 'w3-k8s', ready: 'False' },
    },
    {
      id: 'cni-back',
      title: { ko: '네트워크 플러그인 복구', en: 'Restore the network plugin' },
      narration: {
        ko: 'kubectl describe node w3-k8s 로 NotReady 의 이유를 확인한 뒤, 장애 버튼으로 CNI 설정을 되돌립니다. w3-k8s 가 다시 Ready 가 됩니다.',
        en: 'Read the reason for NotReady with kubectl describe node w3-k8s, then restore the CNI configuration with the fault button. w3-k8s turns Ready again.',
      },
      commands: [onMaster('kubectl describe node w3-k8s')],
      faults: [{ fault: 'cni', target: 'w3-k8s', heal: true }],
      doneWhen: { node: 'w3-k8s', ready: 'True' },
    },
    {
      id: 'coredns',
      title: { ko: 'CoreDNS: 이름으로 찾기', en: 'CoreDNS: finding by name' },
      narration: {
        ko: 'CoreDNS 는 쿠버네티스 클러스터에서 도메인 이름을 이용해 통신하는 데 사용하는 DNS 서버입니다. kube-system 의 coredns 파드 2개가 kube-dns 서비스(10.96.0.10) 뒤에서 응답합니다. 이 주소로 kubernetes 서비스의 이름을 물어보세요.',
        en: 'CoreDNS is the DNS server that lets the cluster communicate by domain name. Two coredns pods in kube-system answer behind the kube-dns Service at 10.96.0.10. Ask that address for the name of the kubernetes Service.',
      },
      commands: [
        onMaster('kubectl get pods -n kube-system -o wide | grep coredns'),
        onMaster('kubectl get svc -n kube-system'),
        onMaster(LOOKUP),
      ],
      really: {
        ko: '파드 안에서는 /etc/resolv.conf 의 nameserver 가 10.96.0.10 이고 검색 도메인이 붙어 있어서 kubernetes.default 처럼 짧은 이름으로도 찾을 수 있습니다. 노드에서는 서버 주소와 전체 이름(FQDN)을 직접 줘야 합니다.',
        en: 'Inside a pod, /etc/resolv.conf names 10.96.0.10 as the nameserver and adds search domains, so a short name such as kubernetes.default works. On a node you give the server and the full name (FQDN) yourself.',
      },
      doneWhen: { printed: 'Address: 10.96.0.1', host: 'm-k8s' },
    },
    {
      id: 'coredns-gone',
      title: { ko: 'CoreDNS 가 없으면', en: 'Without CoreDNS' },
      narration: {
        ko: 'coredns 디플로이먼트의 파드를 0개로 줄입니다. 파드가 모두 사라지면 다시 이름을 물어보고, nginx-pod 의 IP 로 curl 도 해 봅니다.',
        en: 'Scale the coredns Deployment to zero pods. Once they are gone, ask for the name again, and curl nginx-pod’s IP as well.',
      },
      commands: [
        onMaster('kubectl scale deployment coredns -n kube-system --replicas=0'),
        onMaster('kubectl get pods -n kube-system | grep coredns'),
      ],
      predict: {
        question: {
          ko: 'CoreDNS 가 없을 때, 이름 조회와 파드 IP 로의 curl 은 어떻게 될까요?',
          en: 'Without CoreDNS, what happens to the name lookup and to curl by pod IP?',
        },
        choices: [
          { ko: '둘 다 실패한다', en: 'Both fail' },
          { ko: '이름 조회만 실패하고 IP 로는 접속된다', en: 'Only the lookup fails; the IP still works' },
          { ko: '둘 다 된다', en: 'Both work' },
        ],
        answer: 1,
        explain: {
          ko: 'CoreDNS 는 이름을 주소로 바꿔 줄 뿐, 패킷을 나르지 않습니다. 그래서 이름 조회는 응답 없이 시간 초과가 되지만, IP 로 직접 접속하는 통신은 네트워크 플러그인이 그대로 처리합니다. 실무에서는 IP 가 바뀌는 파드에 이름으로 접속하므로, CoreDNS 가 멈추면 사실상 서비스 사이의 통신이 멈춥니다.',
          en: 'CoreDNS only turns names into addresses; it carries no packets. The lookup times out with no answer, while traffic straight to an IP is still carried by the network plugin. In real clusters services reach each other by name, because pod IPs change, so a CoreDNS outage stops them talking in practice.',
        },
      },
      doneWhen: { component: 'coredns', state: 'stopped' },
    },
    {
      id: 'lookup-fails',
      title: { ko: '이름은 안 되고 IP 는 된다', en: 'Names fail, IPs work' },
      narration: {
        ko: '같은 이름 조회와 curl 을 실행해 결과를 비교합니다.',
        en: 'Run the same lookup and the curl, and compare.',
      },
      commands: [onMaster(LOOKUP), onMaster('curl 172.16.103.129')],
      doneWhen: { printed: 'no servers could be reached', host: 'm-k8s' },
    },
    {
      id: 'coredns-back',
      title: { ko: 'CoreDNS 복구', en: 'Restore CoreDNS' },
      narration: {
        ko: 'coredns 를 원래대로 2개로 늘립니다. 파드가 뜨면 이름 조회가 다시 됩니다. 마지막으로 실습에 쓴 파드와 디플로이먼트를 지웁니다.',
        en: 'Scale coredns back to two. Once its pods are up, lookups work again. Finally, delete the pod and the Deployment used in this lesson.',
      },
      commands: [
        onMaster('kubectl scale deployment coredns -n kube-system --replicas=2'),
        onMaster('kubectl delete deployment dpy-nginx'),
        onMaster(NGINX_POD_DELETE),
      ],
      doneWhen: {
        all: [
          { component: 'coredns', state: 'running' },
          { podGone: 'nginx-pod' },
          { podPrefix: 'dpy-nginx-', count: 0 },
        ],
      },
    },
  ],
};
