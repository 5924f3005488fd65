// The differences of src/sim/profiles/differences.ts in Korean: what each is, and what
// could not be checked. The sources stay as written there (file names and releases).
// A difference with no entry here is shown in English, marked as such.

export const differencesKo: Readonly<
  Record<string, { readonly what: string; readonly unverified?: string }>
> = {
  'master-name': {
    what: '컨트롤 플레인 노드의 이름이 cp-k8s 입니다(IP 는 그대로 192.168.1.10). 워커 노드는 여전히 w1~w3-k8s 입니다.',
  },
  prompt: {
    what: '우분투 root 의 프롬프트 user@host:경로# 는 경로 전체를 보여 줍니다(CentOS 는 대괄호 안에 마지막 디렉터리만 보여 줍니다).',
    unverified:
      'sysnet4admin/Ubuntu-k8s 박스를 직접 띄워 보지 않았습니다. 그 /root/.bashrc 가 우분투 기본 파일과 같다고 보았습니다.',
  },
  'etc-hosts': {
    what: 'k8s_env_build.sh 가 쓰는 /etc/hosts: localhost 가 한 줄을 따로 차지하고, 그 뒤에 cp-k8s 와 워커 노드가 옵니다.',
  },
  'os-release': {
    what: 'CentOS 7.8.2003 대신 Ubuntu 24.04.4 LTS(Noble Numbat)입니다.',
    unverified:
      '파일의 각 줄은 일반에 공개된 Ubuntu 24.04 base-files 의 것이며, 박스에서 직접 읽지 않았습니다.',
  },
  'roles-and-version': {
    what: 'kubectl get nodes: ROLES 가 control-plane 입니다(master 레이블은 1.24 부터 없습니다). VERSION 은 v1.36.0 입니다.',
    unverified:
      'kubeadm 의 mark-control-plane 이 붙이는 node.kubernetes.io/exclude-from-external-load-balancers 는 kubeadm 문서에서 가져왔고 v1.36.0 태그에서 읽지 않았습니다. kubeProxyVersion(1.31 부터 폐기 예정)은 kubelet 의 버전과 같게 두었습니다.',
  },
  wide: {
    what: 'kubectl get nodes -o wide: OS-IMAGE 는 Ubuntu 24.04.4 LTS, KERNEL-VERSION 은 6.8.0-107-generic, CONTAINER-RUNTIME 은 containerd://2.2.3 입니다.',
  },
  taints: {
    what: 'control-plane 테인트 하나만 있습니다. kubeadm 은 1.25 부터 node-role.kubernetes.io/master:NoSchedule 을 붙이지 않습니다.',
    unverified:
      'v1.36.0 의 kubeadm 소스에서 읽지 않았습니다(kubernetes/kubernetes 저장소가 너무 커서 여기서 받을 수 없습니다).',
  },
  'cri-socket-annotation': {
    what: 'kubeadm.alpha.kubernetes.io/cri-socket 어노테이션이 없습니다. kubeadm 은 소켓을 kubelet 설정에 둡니다.',
    unverified: '이 어노테이션을 쓰지 않게 된 버전을 kubeadm 소스에서 확인하지 못했습니다.',
  },
  'container-id': {
    what: '파드 상태의 컨테이너 ID 가 containerd://… 입니다(dockershim 에서는 docker://…).',
  },
  'node-monitor-grace': {
    what: '응답 없는 kubelet 의 노드가 40초가 아니라 50초 뒤에 NotReady 가 됩니다(node-monitor-grace-period).',
    unverified:
      'v1.36.0 의 kube-controller-manager 소스에서 읽지 않았습니다. src/shell/profiles.test.ts 가 시간을 잽니다.',
  },
  'kubelet-events': {
    what: 'kubelet 의 이벤트가 "Container created", "Container started" 라고 말합니다(1.18: "Created container nginx-pod").',
    unverified: '최근 릴리스의 kuberuntime_container.go 사본에서 읽었고 v1.36.0 태그에서 읽지 않았습니다.',
  },
  'describe-events': {
    what: 'describe 의 Events: From 에는 구성 요소 이름만 나오고, 메시지는 컨테이너의 필드 경로로 시작합니다.',
  },
  'delete-message': {
    what: 'kubectl delete 가 네임스페이스를 밝힙니다: pod "nginx-pod" deleted from default namespace.',
  },
  'restarts-age': {
    what: '노드가 재부팅된 뒤 RESTARTS 가 1 (6m2s ago) 로 나옵니다. API 서버가 마지막 재시작 이후의 시간을 보여 주고(1.22 부터), containerd 는 머신과 함께 죽은 컨테이너를 exit 255, Unknown 으로 알립니다.',
    unverified:
      'printers.go 는 사본에서 읽었고 v1.36.0 태그에서 읽지 않았습니다. 255/Unknown 의 마지막 상태는 재부팅 뒤 containerd 가 알리는 값으로, 개정판 실습 환경에서 직접 보지 않았습니다.',
  },
  'kubectl-version': {
    what: 'kubectl version 이 Client, Kustomize, Server 버전을 세 줄로 출력합니다. --short 는 없어졌습니다(1.28).',
  },
  'kubectl-version-short': {
    what: 'kubectl version --short: 1.28 부터 알 수 없는 플래그입니다.',
  },
  'kubelet-version': {
    what: 'kubelet --version: Kubernetes v1.36.0.',
  },
  crictl: {
    what: 'crictl ps 와 crictl pods 가 CRI 의 컨테이너와 샌드박스를 최신 것부터 보여 줍니다.',
    unverified:
      'IMAGE 열의 ID 는 이미지의 실제 다이제스트가 아니라 이름에서 만든 값입니다. crictl version 은 containerd 2.2.3 이 답할 것으로 보이는 내용을 출력합니다.',
  },
  'no-docker': {
    what: 'docker 가 없습니다. 머신에는 containerd 만 있습니다.',
    unverified:
      '우분투의 command-not-found 안내("Command \'docker\' not found, but can be installed with…")는 출력하지 않습니다.',
  },
  'pod-ready-to-start': {
    what: '파드의 조건(Conditions)이 PodReadyToStartContainers 로 시작합니다(샌드박스와 네트워크가 준비됨).',
    unverified:
      '이 조건이 맨 앞에 오는 것은 기억하는 kubelet 의 generateAPIPodStatus 에 따른 것이며, v1.36.0 에서 읽지 않았습니다.',
  },
};
