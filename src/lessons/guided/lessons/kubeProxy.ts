// Lesson 5: the book's kube-proxy scenario (3.1.6) — curl the pod, remove br_netfilter
// on w2-k8s and restart the network, curl times out while Kubernetes still says
// Running, reboot, RESTARTS 1 and a new IP; with what really breaks underneath.
import type { GuidedLesson, LessonVersions } from '../types';
import { NGINX_POD_COMMAND, NGINX_POD_DELETE, on, onMaster } from './common';

export const kubeProxyLesson: GuidedLesson = {
  id: 'kube-proxy',
  title: { ko: 'kube-proxy 와 br_netfilter', en: 'kube-proxy and br_netfilter' },
  summary: {
    ko: '책의 kube-proxy 시나리오입니다. kubelet 이 파드의 상태를 관리한다면 kube-proxy 는 파드의 통신을 담당합니다. w2-k8s 에서 br_netfilter 모듈을 제거하고 네트워크를 다시 시작하면 파드에 접속할 수 없게 되지만 쿠버네티스는 아무 일 없다는 듯 Running 을 보여 줍니다. 재부팅 후 RESTARTS 와 IP 가 바뀌는 것도 확인합니다.',
    en: 'The book’s kube-proxy scenario. If the kubelet looks after a pod’s state, kube-proxy looks after its traffic. Remove the br_netfilter module on w2-k8s and restart the network: the pod can no longer be reached, yet Kubernetes keeps showing Running. After a reboot, RESTARTS and the IP change.',
  },
  steps: [
    {
      id: 'deploy',
      title: { ko: '파드 다시 배포', en: 'Deploy the pod again' },
      narration: {
        ko: '테스트하기 위해 마스터 노드인 m-k8s 에서 nginx-pod 를 배포하고 Running 이 될 때까지 기다립니다.',
        en: 'For the test, deploy nginx-pod from the master m-k8s and wait until it is Running.',
      },
      commands: [onMaster(NGINX_POD_COMMAND), onMaster('kubectl get pod')],
      doneWhen: { pod: 'nginx-pod', status: 'Running' },
    },
    {
      id: 'curl',
      title: { ko: '파드 IP 로 접속', en: 'Reach the pod by its IP' },
      narration: {
        ko: '파드의 IP 와 워커 노드를 확인하고, curl(Client URL)로 그 IP 의 nginx 웹 서버 메인 페이지를 받아 옵니다. 이 실습 환경에서는 w2-k8s 의 172.16.103.129 입니다. 책에서는 앞서 파드를 한 번 만들었기 때문에 172.16.103.130 이었습니다.',
        en: 'Find the pod’s IP and worker, then fetch the nginx welcome page from that IP with curl (Client URL). In this lab it is 172.16.103.129 on w2-k8s; in the book it was 172.16.103.130, because a pod had been created there before.',
      },
      commands: [onMaster('kubectl get pods -o wide'), onMaster('curl 172.16.103.129')],
      doneWhen: { printed: 'Welcome to nginx!', host: 'm-k8s' },
    },
    {
      id: 'remove-module',
      title: { ko: 'br_netfilter 제거와 네트워크 재시작', en: 'Remove br_netfilter, restart the network' },
      narration: {
        ko: '워커 노드 w2-k8s 에서 br_netfilter 모듈을 제거한 뒤 네트워크를 다시 시작해 변경된 내용을 적용합니다. 책은 kube-proxy 가 설정한 통신이 실제로는 br_netfilter 와 iptables 로 관리된다고 설명합니다.',
        en: 'On the worker w2-k8s, remove the br_netfilter module, then restart the network so the change takes effect. The book explains that the traffic kube-proxy sets up is actually handled by br_netfilter and iptables.',
      },
      commands: [on('w2-k8s', 'modprobe -r br_netfilter'), on('w2-k8s', 'systemctl restart network')],
      faults: [{ fault: 'br_netfilter', target: 'w2-k8s' }],
      really: {
        ko: 'br_netfilter 는 리눅스 브리지를 지나는 패킷이 iptables 를 거치게 하는 모듈입니다. 책의 실습 스크립트도 이 모듈을 올리고 net.bridge.bridge-nf-call-iptables = 1 을 설정합니다. 모듈만 빼서는 이 실습의 증상이 나타나지 않고, 네트워크를 다시 시작해야 나타납니다.',
        en: 'br_netfilter makes packets crossing a Linux bridge go through iptables; the book’s setup script loads it and sets net.bridge.bridge-nf-call-iptables = 1. Removing the module alone does not produce this lab’s symptom; restarting the network does.',
      },
      doneWhen: {
        all: [
          { fault: 'br_netfilter', target: 'w2-k8s' },
          { typed: 'systemctl restart network', host: 'w2-k8s' },
        ],
      },
    },
    {
      id: 'curl-times-out',
      title: { ko: '접속은 안 되는데 Running', en: 'Unreachable, yet Running' },
      narration: {
        ko: 'm-k8s 에서 같은 IP 로 curl 을 실행합니다. 응답이 오지 않아 2분 남짓 기다린 끝에 Connection timed out 이 납니다. 그다음 파드의 노드 위치와 IP, 작동 상태를 확인합니다.',
        en: 'Run curl against the same IP from m-k8s. No answer comes, and after two minutes or so it ends with Connection timed out. Then check the pod’s node, IP and status.',
      },
      commands: [onMaster('curl 172.16.103.129'), onMaster('kubectl get pod -o wide')],
      predict: {
        question: {
          ko: 'curl 이 실패했습니다. kubectl get pod -o wide 는 nginx-pod 를 어떻게 보여 줄까요?',
          en: 'curl failed. How does kubectl get pod -o wide show nginx-pod?',
        },
        choices: [
          { ko: 'Running, 같은 IP, RESTARTS 0', en: 'Running, same IP, RESTARTS 0' },
          { ko: 'CrashLoopBackOff', en: 'CrashLoopBackOff' },
          { ko: 'Unknown, IP 없음', en: 'Unknown, no IP' },
        ],
        answer: 0,
        explain: {
          ko: '컨테이너는 정상적으로 돌고 kubelet 도 그렇게 보고합니다. 쿠버네티스는 파드의 상태를 볼 뿐, 바깥에서 그 파드에 닿을 수 있는지는 확인하지 않습니다. 그래서 파드가 Running 이어도 통신은 안 될 수 있습니다.',
          en: 'The container runs fine and the kubelet reports exactly that. Kubernetes watches the pod’s state; it does not check whether the pod can be reached from outside. A pod can be Running and still unreachable.',
        },
      },
      really: {
        ko: '실제로는: 캘리코는 리눅스 브리지를 쓰지 않고 L3 라우팅(IPIP 터널)으로 파드 트래픽을 보내므로, br_netfilter 를 뺀 것만으로 파드 IP 로의 curl 이 끊기지는 않습니다. 이 타임아웃은 CentOS 7 에서 systemctl restart network 가 캘리코의 경로와 tunl0 를 흐트러뜨린 탓일 가능성이 큽니다. br_netfilter 가 정말 필요한 곳은 서비스(ClusterIP, NodePort)처럼 kube-proxy 의 iptables 규칙으로 주소를 바꾸는 통신입니다.',
        en: 'How it really works: Calico does not use a Linux bridge; it routes pod traffic at L3 (IPIP tunnels), so removing br_netfilter alone does not break a curl to the pod IP. The timeout most likely comes from systemctl restart network on CentOS 7 disturbing Calico’s routes and tunl0. Where br_netfilter really matters is traffic whose address kube-proxy’s iptables rules rewrite: Services (ClusterIP, NodePort).',
      },
      doneWhen: { printed: 'Connection timed out', host: 'm-k8s' },
    },
    {
      id: 'reboot',
      title: { ko: '모듈 적재와 재부팅', en: 'Load the module and reboot' },
      narration: {
        ko: '워커 노드에서 br_netfilter 를 커널에 적재하고 시스템을 다시 시작해 적용합니다. 일정 시간이 지난 후 m-k8s 에서 파드의 상태를 확인합니다.',
        en: 'On the worker, load br_netfilter into the kernel and reboot to apply it. After a while, check the pod from m-k8s.',
      },
      commands: [
        on('w2-k8s', 'modprobe br_netfilter'),
        on('w2-k8s', 'reboot'),
        onMaster('kubectl get pod -o wide'),
      ],
      faults: [{ fault: 'br_netfilter', target: 'w2-k8s', heal: true }],
      predict: {
        question: {
          ko: '재부팅이 끝난 뒤 kubectl get pod -o wide 에서 무엇이 바뀌어 있을까요?',
          en: 'Once the reboot is over, what has changed in kubectl get pod -o wide?',
        },
        choices: [
          { ko: '아무것도 바뀌지 않는다', en: 'Nothing' },
          { ko: 'RESTARTS 가 1 이 되고 IP 가 바뀐다', en: 'RESTARTS goes to 1 and the IP changes' },
          { ko: '파드가 다른 노드로 옮겨 간다', en: 'The pod moves to another node' },
        ],
        answer: 1,
        explain: {
          ko: '재부팅으로 컨테이너가 모두 사라졌으니, 돌아온 kubelet 이 파드를 다시 만듭니다. 파드 오브젝트는 그대로라 이름과 AGE, 노드는 유지되고 RESTARTS 가 1 늘어납니다. 네트워크(샌드박스)도 새로 만들면서 캘리코가 새 IP 를 줍니다.',
          en: 'The reboot wiped out the containers, so the kubelet recreates them when it comes back. The pod object is the same one, so its name, AGE and node stay, and RESTARTS goes up by one. Its network sandbox is new too, and Calico gives it a new IP.',
        },
      },
      doneWhen: { pod: 'nginx-pod', status: 'Running', restartsAtLeast: 1 },
    },
    {
      id: 'new-ip',
      title: { ko: '바뀐 IP 로 접속', en: 'Reach the new IP' },
      narration: {
        ko: '파드의 IP 가 바뀌었습니다(이 실습 환경에서는 172.16.103.130). 바뀐 IP 로 curl 명령을 실행해 파드로부터 정보를 정상적으로 받아 오는지 확인한 뒤 파드를 삭제합니다. 파드의 IP 는 이렇게 언제든 바뀔 수 있어서, 실무에서는 IP 대신 서비스와 CoreDNS 의 이름으로 접속합니다.',
        en: 'The pod has a new IP (172.16.103.130 in this lab). curl the new IP to check that the pod answers again, then delete the pod. Pod IPs can change like this at any time, which is why real clients reach pods through a Service name served by CoreDNS, not by IP.',
      },
      commands: [
        onMaster('kubectl get pod -o wide'),
        onMaster('curl 172.16.103.130'),
        onMaster(NGINX_POD_DELETE),
      ],
      doneWhen: { podGone: 'nginx-pod' },
    },
  ],
};

/**
 * The second edition's Ubuntu 24.04 has no initscripts' network.service (`systemctl restart
 * network` says "Unit network.service not found."): netplan hands the NICs to
 * systemd-networkd, and the lesson restarts that. Whether restarting networkd drops Calico's
 * routes on the real box was not tried: the lab gives it the book's observed effect.
 */
export const kubeProxyVersions: LessonVersions = {
  '1.36': {
    steps: {
      'remove-module': {
        narration: {
          ko: '워커 노드 w2-k8s 에서 br_netfilter 모듈을 제거한 뒤 네트워크를 다시 시작해 변경된 내용을 적용합니다. 우분투 24.04 에는 CentOS 의 network 서비스가 없어(systemctl restart network 는 Unit network.service not found 로 실패합니다) netplan 이 맡긴 systemd-networkd 를 다시 시작합니다. 책은 kube-proxy 가 설정한 통신이 실제로는 br_netfilter 와 iptables 로 관리된다고 설명합니다.',
          en: 'On the worker w2-k8s, remove the br_netfilter module, then restart the network so the change takes effect. Ubuntu 24.04 has no CentOS network service (systemctl restart network fails with Unit network.service not found): restart systemd-networkd, which netplan hands the NICs to. The book explains that the traffic kube-proxy sets up is actually handled by br_netfilter and iptables.',
        },
        commands: [
          on('w2-k8s', 'modprobe -r br_netfilter'),
          on('w2-k8s', 'systemctl restart systemd-networkd'),
        ],
        really: {
          ko: 'br_netfilter 는 리눅스 브리지를 지나는 패킷이 iptables 를 거치게 하는 모듈입니다. 2판의 k8s_env_build.sh 도 modprobe br_netfilter 로 이 모듈을 올립니다. 실제 우분투 박스에서 systemd-networkd 를 다시 시작했을 때 캘리코의 경로가 사라지는지는 확인하지 못했습니다. 이 실습 환경은 책(CentOS 7)에서 관찰된 증상을 그대로 보여 줍니다.',
          en: 'br_netfilter makes packets crossing a Linux bridge go through iptables; the second edition’s k8s_env_build.sh loads it with modprobe br_netfilter. Whether restarting systemd-networkd on the real Ubuntu box drops Calico’s routes was not tried: this lab shows the symptom the book observed on CentOS 7.',
        },
        doneWhen: {
          all: [
            { fault: 'br_netfilter', target: 'w2-k8s' },
            { typed: 'systemctl restart systemd-networkd', host: 'w2-k8s' },
          ],
        },
      },
      'curl-times-out': {
        // Ubuntu 24.04's curl 8.5: `Failed to connect to … after N ms: Couldn't connect to server`.
        narration: {
          ko: "m-k8s 에서 같은 IP 로 curl 을 실행합니다. 응답이 오지 않아 2분 남짓 기다린 끝에 curl 8 이 Couldn't connect to server 로 끝납니다(CentOS 의 curl 7.29 는 Connection timed out 이라고 했습니다). 그다음 파드의 노드 위치와 IP, 작동 상태를 확인합니다.",
          en: "Run curl against the same IP from m-k8s. No answer comes, and after two minutes or so curl 8 ends with Couldn't connect to server (CentOS’s curl 7.29 said Connection timed out). Then check the pod’s node, IP and status.",
        },
        doneWhen: { printed: "Couldn't connect to server", host: 'm-k8s' },
        really: {
          ko: '실제로는: 캘리코는 리눅스 브리지를 쓰지 않고 L3 라우팅으로 파드 트래픽을 보내므로, br_netfilter 를 뺀 것만으로 파드 IP 로의 curl 이 끊기지는 않습니다. 책(CentOS 7)의 타임아웃은 네트워크를 다시 시작하면서 캘리코의 경로가 흐트러진 탓일 가능성이 큽니다. br_netfilter 가 정말 필요한 곳은 서비스(ClusterIP, NodePort)처럼 kube-proxy 의 iptables 규칙으로 주소를 바꾸는 통신입니다. 1.36 의 kube-proxy 규칙은 iptables-save 로 볼 수 있습니다(우분투의 iptables 는 nf_tables 백엔드입니다).',
          en: 'How it really works: Calico does not use a Linux bridge; it routes pod traffic at L3, so removing br_netfilter alone does not break a curl to the pod IP. The book’s timeout (CentOS 7) most likely came from the network restart disturbing Calico’s routes. Where br_netfilter really matters is traffic whose address kube-proxy’s iptables rules rewrite: Services (ClusterIP, NodePort). 1.36’s kube-proxy rules are there in iptables-save (Ubuntu’s iptables is the nf_tables backend).',
        },
      },
    },
  },
};
