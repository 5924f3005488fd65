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
  'host-network': {
    what: 'ip addr: docker0 브리지가 없습니다(containerd 만 설치하므로). 그래서 tunl0 이 4번 장치이고, 네트워크 카드는 systemd 기본값인 fq_codel 큐를 씁니다.',
    unverified: 'fq_codel 은 systemd 의 기본값이며 박스에서 읽지 않았습니다.',
  },
  'nic-addressing': {
    what: 'ip addr / ip route: 네트워크 카드 이름은 여전히 eth0, eth1 이지만 NetworkManager 대신 systemd-networkd(netplan)가 설정합니다. eth0 의 주소에는 noprefixroute 없이 `metric 100 … dynamic` 이 붙고, DHCP 임대로 기본 경로에 src 가, 10.0.2.2 와 10.0.2.3 으로 가는 /32 경로가 더해집니다. eth1 의 경로에는 metric 이 없습니다.',
    unverified:
      '박스를 직접 띄워 보지 않았습니다. netplan 의 DHCP route-metric 100, 기본으로 켜진 RoutesToDNS, VirtualBox NAT 의 DNS 서버 10.0.2.3 은 우분투 VM 에 대한 기억이며, Vagrant 가 고정으로 설정한 eth1 에는 metric 이 없다고 보았습니다.',
  },
  'ipv6-off': {
    what: 'ip addr: inet6 줄이 없습니다(lo, 네트워크 카드, 파드의 veth 모두). 2판의 박스는 IPv6 를 끕니다.',
    unverified:
      '박스를 직접 띄워 보지 않았습니다. IPv4 풀만 쓰는 Calico 3.31 이 호스트 쪽 veth 에서도 IPv6 를 꺼 둔다는 것은 CNI 플러그인에 대한 기억입니다.',
  },
  disk: {
    what: 'df -h: 루트는 우분투의 LVM 볼륨 /dev/mapper/ubuntu--vg-ubuntu--lv(31G, ext4, 5% 예약)이고 /boot 는 /dev/sda2 입니다. /run 이 맨 앞에 오고 /run/lock 이 있으며, cgroup v2 라서 /sys/fs/cgroup tmpfs 가 없습니다. docker 의 overlay2 와 containers/…/shm 대신 /run/containerd 아래 containerd 의 마운트가 보입니다.',
    unverified:
      '박스를 직접 띄워 보지 않았습니다. LV 를 볼륨 그룹의 절반으로 잡는 것(subiquity 의 scaled_rootfs_size), 사용량, /run 의 크기, `udev` 줄이 없다는 것은 Ubuntu 22.04/24.04 머신에 대한 기억입니다.',
  },
  'addon-images': {
    what: '시스템 파드가 registry.k8s.io 의 이미지를 씁니다(k8s.gcr.io 는 동결되었습니다). kube-* 는 v1.36.0, etcd 는 3.6.8-0, CoreDNS 는 coredns/coredns 아래의 v1.14.2, pause 는 3.10.2, Calico 는 quay.io 의 v3.31.2 입니다. CoreDNS 는 master 테인트가 아니라 control-plane 테인트를 견딥니다. etcd 파드의 etcdctl 은 3.6.8 이라고 답합니다.',
    unverified:
      'v1.36.0 의 etcd, CoreDNS, pause 버전은 v1.36.2~5 의 것과 같다고 보았습니다. 이미지의 ID 와 크기는 자리만 채운 값입니다. calico-node 의 init 컨테이너(upgrade-ipam, install-cni, ebpf-bootstrap)는 두 판 모두 모델에 없습니다.',
  },
  'addon-hashes': {
    what: 'kubectl get pods -n kube-system: CoreDNS 파드 이름이 coredns-589f44dc88-… 입니다. kubeadm 1.36 의 CoreDNS 템플릿에서 나온 해시입니다(1.18 은 66bff467f8).',
    unverified:
      '2판의 매니페스트(sysnet4admin 의 사본)로 만든 calico-kube-controllers 의 해시는 읽지 못했습니다. 6f9d4c8b7 은 자리만 채운 값입니다.',
  },
  'token-volume': {
    what: '모든 파드가 default-token-… 시크릿 대신 투영(projected) 볼륨 kube-api-access-… 를 마운트합니다(3607 초짜리 바운드 토큰, kube-root-ca.crt 의 CA, 네임스페이스). describe 는 Type: Projected 로 보여 줍니다.',
    unverified:
      'kube-api-access- 뒤의 다섯 글자는 API 서버가 무작위로 뽑습니다. 이 실습에서는 파드의 uid 에서 만듭니다. kube-root-ca.crt 컨피그맵 자체는 실습에 없습니다.',
  },
  'image-id': {
    what: 'describe 의 Image ID 가 containerd 의 전체 이름 docker.io/library/nginx@sha256:… 입니다(docker-pullable://docker.io/nginx@sha256:… 가 아닙니다).',
    unverified: '다이제스트는 두 판 모두 이미지 이름에서 만든 값이며, 레지스트리의 값이 아닙니다.',
  },
  'pod-status-fields': {
    what: 'kubectl get pod -o yaml: status 에 hostIPs 가 있고, 시작된 컨테이너마다 resources(요청이 있으면 allocatedResources 도), user(uid 0, gid 0), recursiveReadOnly: Disabled 가 붙은 volumeMounts 가 있습니다. containerd 는 이미지를 docker.io/library/nginx:latest 로 적습니다.',
    unverified:
      '1.36.0 클러스터에서 읽지 않았습니다. 1.34/1.35 무렵 파드의 필드가 그대로라고 보았습니다. user 는 실습의 이미지(모두 root 로 실행)가 보고하는 값입니다.',
  },
  'pod-generation': {
    what: '파드에 metadata.generation: 1 이 있고, kubelet 이 자신이 처리한 세대를 status.observedGeneration 과 각 조건(condition)에 적습니다.',
    unverified:
      '1.36.0 클러스터에서 읽지 않았습니다. 정상 종료(graceful deletion) 때 세대가 올라가는 것은 모델에 없습니다.',
  },
  'curl-errors': {
    what: "curl 은 우분투 24.04 의 8.5 입니다. 연결에 실패하면(거부든 시간 초과든) `Failed to connect to 호스트 port N after T ms: Couldn't connect to server` 라고 하고, 이름을 찾지 못할 때 `; Unknown error` 를 덧붙이지 않습니다.",
    unverified: '밀리초 값은 실습 환경의 연결 시간입니다(LAN 에서 거부되는 데 4ms).',
  },
  'template-timestamp': {
    what: 'kubectl get deployment -o yaml: 파드 템플릿의 metadata 에 레이블만 있고 `creationTimestamp: null` 이 없습니다.',
    unverified:
      '1.36.0 서버의 응답에서 읽지 않았습니다. omitzero 가 들어간 apimachinery 버전은 0.34 로 보았습니다.',
  },
  'kubeadm-version': {
    what: 'kubeadm version 이 v1.36.0 의 version.Info 를 출력합니다. 클라이언트라서 에뮬레이션·호환성 필드는 비어 있습니다.',
  },
  memory: {
    what: 'free -h: cp-k8s 의 메모리는 4GB(워커 노드는 2GB)이고, procps 4 의 형식(3.8Gi, 9칸짜리 레이블)으로 보입니다.',
    unverified:
      'MemTotal 은 VM 크기에서 커널이 쓰는 몫을 1판과 같은 비율로 뺀 값이며, 박스에서 읽지 않았습니다. 읽은 Vagrantfile 은 저장소 기록 가운데 1.30 판입니다.',
  },
  systemd: {
    what: 'systemctl status 가 systemd 255 의 형식입니다: 11칸에 맞춘 레이블, preset: enabled, 한도가 붙은 Tasks, CPU. 저널은 Started kubelet.service - kubelet: The Kubernetes Node Agent. 라고 씁니다.',
    unverified: 'Tasks 의 한도는 메모리로 셈한 threads-max 의 15 %(DefaultTasksMax)입니다.',
  },
  'kubelet-no-config': {
    what: 'kubeadm 이 /var/lib/kubelet/config.yaml 을 쓰기 전의 kubelet 은 구조화된 오류 한 줄, E… run.go:72] "command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: …" 을 남기고 상태 1 로 끝납니다(1.18 은 F… server.go:199], 상태 255).',
    unverified: 'run.go 의 줄 번호는 1.31 과 1.34 의 것이며, v1.36.0 의 component-base 는 읽지 않았습니다.',
  },
  'systemd-restart-loop': {
    what: "kubeadm 전에 kubelet 이 되풀이해 재시작하는 모습을 systemd 255 가 기록하는 대로 보여 줍니다: Main process exited, code=exited, status=1/FAILURE, Failed with result 'exit-code', Scheduled restart job, restart counter is at N. 그리고 다음 Started 앞에 Stopped 줄이 없습니다. 띄워진 자식 프로세스는 KUBELET_KUBEADM_ARGS 가 비어 있다고 경고합니다. systemctl status 는 activating (auto-restart) (Result: exit-code), status=1/FAILURE 와 그 실행의 CPU 를 보여 줍니다.",
    unverified: '실행마다의 CPU(60–105 ms)는 실습이 정한 값으로, 실제 실행에서 본 범위 안에 있습니다.',
  },
  'journal-catalog': {
    what: 'journalctl -x 가 systemd 255 의 카탈로그로 설명을 붙입니다. 줄마다 ░░ 로 시작합니다: "A start job for unit kubelet.service has finished successfully", "The job identifier is N.", 그리고 우분투의 Support 주소. journalctl 은 "-- Logs begin at …" 머리줄을 쓰지 않습니다.',
    unverified:
      '작업 번호는 실습의 두 유닛 작업만 121 부터 센 값입니다(실제 머신은 모든 유닛의 작업을 셉니다). 머리줄이 어느 버전에서 없어졌는지는 찾아보지 않았습니다(252 는 쓰지 않습니다).',
  },
  'status-stopped-unit': {
    what: 'systemd 255 에서 멈춘 유닛의 systemctl status: ● 대신 흰 ○, 마지막 실행이 얼마나 이어졌는지(Duration:), 그 실행이 쓴 CPU(CPU:)를 보여 줍니다.',
    unverified: 'CPU 는 실습이 정한 kubelet 의 사용률로 실행 시간을 곱한 값입니다.',
  },
  'journal-stop-lines': {
    what: 'systemd 255 에서 멈춘 유닛의 저널: kubelet.service: Deactivated successfully. 다음에 Stopped …, 그 다음 kubelet.service: Consumed 37.884s CPU time. (CPU 는 1초 이상일 때만 적습니다).',
    unverified:
      'CPU 값은 실습이 정한 사용률로 실행 시간을 곱한 것입니다. containerd 의 Deactivated 줄이 "remains running" 줄들 가운데 어디에 오는지는 읽지 않았습니다.',
  },
  'memory-peak': {
    what: 'systemd 255 의 systemctl status 는 Memory 에 cgroup 의 최고치를 덧붙입니다: "Memory: 89.8M (peak: 92.5M)".',
    unverified:
      '최고치는 지금 쓰는 메모리보다 3 % 많게 실습이 정한 값입니다. v255 의 systemctl-show.c 를 줄마다 읽지는 않았습니다.',
  },
  'kubectl-refused-discovery': {
    what: '접속을 거부당했을 때 디스커버리 캐시(~/.kube/cache/discovery, 6시간)에 그 서버의 새 정보가 없으면, kubectl 은 디스커버리가 물을 때마다 client-go memcache.go 의 줄을 먼저 남깁니다(get 은 다섯 번, run 은 한 번, version 은 남기지 않음): E… memcache.go:381] "Couldn\'t get current server API group list" err="Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused". 캐시가 새로우면(kubectl 을 써 온 cp-k8s) 1.18 처럼 거부 메시지 한 줄만 나옵니다.',
    unverified:
      'memcache.go 의 줄 번호는 1.34 의 것이며 v1.36.0 에서 읽지 않았습니다. 횟수는 1.33 의 것입니다. 캐시는 ~/.kube/cache 의 파일이 아니라 호스트마다 메모리에 둡니다.',
  },
  'kubelet-start-log': {
    what: 'kubelet 이 시작할 때 저널에 남기는 로그가 구조화된 klog 입니다: "Kubelet version" kubeletVersion="v1.36.0", watchdog 과 cgroup 드라이버 줄, "Successfully registered node" node="cp-k8s". docker_service.go 줄은 없습니다.',
    unverified:
      'file:line 번호는 1.34.3 의 것(마지막 세 줄은 자리를 채우는 값)이며, v1.36.0 에서 읽지 않았습니다.',
  },
  'coreutils-quoting': {
    what: "coreutils 9.4 는 오류 메시지의 파일 이름을 셸처럼 따옴표로 감쌉니다: ls: cannot access '/nope'(CentOS 7 의 8.22 는 ls 에서는 그대로, rm·cp·mkdir 에서는 ‘…’ 로 썼습니다). cp 는 -r not specified 라고 이유를 말합니다.",
  },
  uname: {
    what: 'uname -a: 호스트의 커널이 노드가 보고하는 커널과 같은 우분투의 6.8.0-107-generic(#107-Ubuntu SMP PREEMPT_DYNAMIC)입니다.',
    unverified:
      'PREEMPT_DYNAMIC 뒤의 빌드 날짜: 박스를 직접 띄워 보지 않았으며, 날짜는 자리를 채우는 값입니다.',
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
    what: 'kubelet --version 이 Kubernetes v1.36.0 을 알립니다.',
  },
  crictl: {
    what: 'crictl ps 와 crictl pods 가 CRI 의 컨테이너와 샌드박스를 최신 것부터 보여 줍니다.',
    unverified:
      'IMAGE 열의 ID 는 이미지의 실제 다이제스트가 아니라 이름에서 만든 값입니다. crictl version 은 containerd 2.2.3 이 답할 것으로 보이는 내용을 출력합니다.',
  },
  'containers-outlive-runtime': {
    what: 'systemctl stop containerd 는 데몬만 멈춥니다. 파드마다 있는 runc v2 shim 과 그 컨테이너는 계속 돌아서(ps -ef 에 보이고, 파드로 보낸 curl 도 응답합니다) systemd 는 shim 이 containerd.service 의 cgroup 에 남아 있다고 기록합니다. containerd 를 다시 시작하면 컨테이너를 재시작하지 않고 그대로 다시 붙잡습니다. docker 1.13 은 멈출 때 컨테이너도 함께 내립니다.',
    unverified:
      'containerd.io 패키지의 유닛은 ExecStart=/usr/bin/containerd 인 containerd 자체의 유닛으로 보았습니다. 멈춘 유닛의 systemctl status(inactive (dead) 아래의 Tasks, Memory, CPU, shim 트리)는 실행 중인 유닛의 형식을 따른 것이며 실제 255 의 출력에서 읽지 않았습니다. 실습의 노드 컨트롤러는 kubelet 이 NotReady 를 보고하는 동안 그 노드의 파드를 not ready 로 바꾸지 않으므로, 서비스는 계속 그 파드로 보냅니다.',
  },
  'pleg-unhealthy': {
    what: 'containerd 가 멈춰 있으면 kubelet 의 PLEG 가 매초 relist 에 실패합니다. 3분이 지나면 노드의 Ready 메시지와 동기화 루프가 [container runtime is down, PLEG is not healthy: pleg was last seen active 3m…s ago; threshold is 3m0s] 라고 말합니다.',
    unverified:
      '코드 색인에 저장된 최근 사본에서 읽었고 v1.36.0 태그에서 읽지 않았습니다(kubernetes 저장소는 가져올 수 있는 크기를 넘습니다). relist 줄의 file:line 은 1.2x 저널의 것입니다. 책의 1.18 kubelet 에도 같은 검사가 있지만 그 실습은 보여 주지 않습니다.',
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
  'wall-clock': {
    what: '실습 환경의 날짜가 2판의 시기입니다. 시계는 2026-05-08 에 시작합니다(1판은 2020-07-06). date, describe, -o yaml, systemctl, journalctl, ps, iptables-save 와 로그에 모두 보입니다.',
    unverified: '시각(01:00 UTC)은 1판 실습의 것을 그대로 두어 두 실습의 시계가 같은 시각을 읽게 했습니다.',
  },
  'pulled-message': {
    what: 'Pulled 이벤트가 내려받는 데 걸린 시간과 이미지 크기를 알려 줍니다: Successfully pulled image "nginx" in 3.217s (3.217s including waiting). Image size: 132000000 bytes.',
    unverified:
      '최근 릴리스의 image_manager.go 사본에서 읽었고 v1.36.0 태그에서 읽지 않았습니다. 크기는 실습의 nginx(docker images 가 보여 주는 132 MB)이며 containerd 가 알려 주는 압축 크기가 아닙니다. 실습에는 내려받기 대기열이 없어 두 시간이 같습니다.',
  },
  'apiserver-version': {
    what: 'npm run api 의 GET /version: v1.36.0 이며, 1.31 이후의 서버가 알려 주는 에뮬레이션 버전과 최소 호환 버전이 함께 옵니다.',
    unverified:
      '서버의 빌드 시각은 kubeadm 의 것입니다(한 릴리스의 바이너리는 몇 분 간격으로 빌드됩니다). 에뮬레이션 1.36 과 최소 호환 1.35 는 기억하는 기본값입니다(KEP-4330).',
  },
  'no-selflink': {
    what: '오브젝트와 목록에 metadata.selfLink 가 없습니다.',
    unverified:
      '기억하는 KEP 에 따른 것이며 v1.36.0 에서 읽지 않았습니다(kubernetes 저장소를 가져오지 못했습니다).',
  },
  'managed-fields-hidden': {
    what: 'kubectl -o yaml|json 이 metadata.managedFields 를 빼고 보여 줍니다(--show-managed-fields=false).',
  },
  'list-without-selflink': {
    what: 'kubectl 이 여러 오브젝트를 묶어 출력하는 List 의 metadata 에는 resourceVersion: "" 만 있습니다.',
  },
  'describe-pod-newer': {
    what: 'describe pod 가 파드의 서비스 어카운트를 보여 주고, 톨러레이션의 Exists 연산자를 op=Exists 로 씁니다.',
  },
  'describe-template-scheduling': {
    what: '파드 템플릿(describe deployment, rollout history --revision)의 끝에 노드 셀렉터와 톨러레이션이 나옵니다.',
  },
  'describe-node-age': {
    what: 'describe node 의 파드 목록에서 나이 열의 제목이 Age 입니다.',
  },
  'api-resources-apiversion': {
    what: 'api-resources 가 리소스마다 그룹과 버전을 APIVERSION 열에 보여 줍니다(v1, apps/v1).',
  },
  'label-words': {
    what: 'label 은 레이블을 지우기만 하면 unlabeled 라고, 하나를 더하고 하나를 지우면 modified 라고 말합니다.',
  },
  'record-deprecated': {
    what: '--record 는 폐기 예정입니다. kubectl 이 실행하기 전에 그렇다고 알립니다.',
  },
  'cluster-info': {
    what: 'cluster-info 가 API 서버를 control plane 이라 부르며, 색 없이 출력합니다.',
  },
  'runtime-service': {
    what: '컨테이너 런타임의 systemd 유닛이 containerd.service 입니다(systemctl, ps, journalctl; 장애 메뉴도 containerd 라고 씁니다).',
    unverified:
      '유닛의 Loaded 경로와 preset, containerd 자신의 로그 줄, shim 의 명령줄은 containerd 1.7/2.x 에 대한 기억이며 박스에서 읽지 않았습니다.',
  },
  'runtime-down-after': {
    what: 'containerd 를 멈추면 kubelet 은 30 초 동안 노드를 Ready 로 두었다가 "container runtime is down" 을 알립니다(1.18 실습은 다음 상태 보고에서 바로 알립니다).',
    unverified:
      '최근 릴리스의 kubelet.go, runtime.go 사본에서 읽었고 v1.36.0 태그에서 읽지 않았습니다. 시간은 src/shell/runtimeService.test.ts 가 잽니다.',
  },
  'book-3.1.6-scripts': {
    what: '2판의 3.1.6 은 두 스크립트로 API 서버를 내립니다. 매니페스트를 /tmp 로 옮겼다가 되돌립니다.',
    unverified:
      '색인에 load-kube-apiserver.sh 가 세 판 있고 그중 하나만 보입니다(다른 하나는 ch3/3.1.6/res/ 의 "Wait for 1 minute!!!"). 곁에 unload_kube_apiserver.sh("Unloaded kube-apiserver")도 있어 어느 것이 가장 새것인지 알 수 없었습니다.',
  },
  'flag-error': {
    what: 'kubectl 이 모르는 플래그는 소문자로 error: unknown flag 라고 알립니다.',
    unverified: 'kubectl 1.33 에서 읽었고 1.36 에서 읽지 않았습니다.',
  },
  'get-output-formats': {
    what: 'kubectl get -o 가 아는 형식 가운데 jsonpath-as-json 이 있습니다.',
    unverified:
      'kubectl 1.33 에서 읽었고 1.36 에서 읽지 않았습니다(그 뒤에 더해진 형식이 있다면 빠져 있습니다).',
  },
  'dry-run-warning-line': {
    what: '값 없는 --dry-run(또는 --dry-run=true|false)은 여전히 client(또는 none)로 받아들여지고, klog 경고가 1.18 의 helpers.go:535(549, 552) 대신 helpers.go:719(733, 736)에서 나옵니다.',
  },
  'no-null-creation-timestamp': {
    what: 'kubectl 이 만드는 객체(run, create deployment, create service, create namespace, expose 의 --dry-run=client -o yaml|json, --save-config 의 어노테이션)에 더는 `creationTimestamp: null` 이 없습니다. 템플릿의 metadata 에는 레이블만 남습니다.',
    unverified:
      'kubernetes-1.36.0 태그의 kubectl 테스트에서 읽었고 1.36 바이너리로 출력해 보지 않았습니다(여기 있는 kubectl 1.33 은 아직 `creationTimestamp: null` 을 출력합니다). 그 테스트에서 보듯 `status: {}`, `resources: {}`, `strategy: {}` 는 남습니다.',
  },
  'print-formats': {
    what: 'run, create, expose 가 아는 -o 형식 가운데 jsonpath-as-json 이 있습니다.',
    unverified: 'kubectl 1.33 에서 읽었고 1.36 에서 읽지 않았습니다.',
  },
  'run-flags-removed': {
    what: 'kubectl run 에는 이제 --generator 와 --replicas(-r)가 없습니다. 1.18 은 아무 효과가 없다고 경고했고, 1.36 은 모르는 플래그라고 합니다.',
  },
  'create-deployment-replicas-port': {
    what: 'kubectl create deployment 가 --replicas(-r)와 --port 를 받습니다. 레플리카 수는 spec 에, 포트는 첫 컨테이너에 들어갑니다.',
  },
  'create-deployment-command': {
    what: 'kubectl create deployment NAME --image=IMAGE -- 명령… 으로 컨테이너에 그 명령을 줍니다(이미지가 하나일 때만).',
  },
  'create-subcommand-errors': {
    what: 'create deployment 와 create service 는 API 서버의 답을 감싸서 알립니다: `error: failed to create deployment: …`, `error: failed to create ClusterIP service: …`.',
  },
  'save-config-dry-run': {
    what: 'create deployment --save-config --dry-run=client -o yaml 이 보낼 last-applied-configuration 어노테이션까지 보여 줍니다.',
  },
  'jsonpath-maps-json': {
    what: '-o jsonpath 가 찾은 맵이나 목록을 Go 의 map[component:apiserver …] 대신 JSON({"component":"apiserver",…})으로 출력합니다.',
    unverified:
      'kubectl 1.33(과 1.20.2)에서 읽었고 1.36 에서 읽지 않았습니다. client-go 의 jsonpath 는 가져온 kubectl 저장소에 없습니다.',
  },
  'iptables-nft': {
    what: 'iptables 는 우분투 24.04 의 iptables-nft 1.8.10 입니다. iptables-save 는 자신을 `v1.8.10 (nf_tables)` 라고 밝히고 mangle(카나리 체인과 KUBE-IPTABLES-HINT), filter, nat 순서로 보여 줍니다. `iptables -L -n` 의 prot 열에는 프로토콜 번호(0, 6, 17)가 찍힙니다. 두 명령 모두 표준 오류로 iptables-legacy 테이블이 있다고 경고합니다.',
    unverified:
      '우분투 24.04 가 이 되돌림(revert) 없이 1.8.10 을 싣는다는 것은 아카이브에 대한 기억입니다(데비안은 noble 출시 뒤인 2024년 7월, 버그 1067733 으로 되돌림을 넣었습니다). 박스에서 읽지 않았습니다. legacy 테이블 경고는 실제 우분투 kubeadm 노드(코드 색인의 killer.sh CKA 실습, `iptables-save | grep …` 뒤에도 보이므로 표준 오류)가 찍는 대로이며 박스에서 보지 않았습니다. 캘리코의 cali-* 체인은 두 실습 모두 모델링하지 않았습니다.',
  },
  'kube-proxy-rules': {
    what: 'kube-proxy 1.36 의 iptables 규칙: 서비스의 KUBE-SVC-* 체인이 파드 네트워크 밖에서 온 트래픽을 마스커레이드하고 엔드포인트마다 `ns/name:port -> ip:port` 주석을 답니다. 노드 포트는 KUBE-EXT-* 를 거칩니다(127.0.0.0/8 이 먼저이며 nfacct 로 셉니다). KUBE-POSTROUTING 은 표시 없는 패킷을 돌려보내고 표시를 지운 뒤(--xor-mark) --random-fully 로 마스커레이드합니다. filter 테이블에는 KUBE-PROXY-FIREWALL, KUBE-NODEPORTS, KUBE-FORWARD 의 INVALID 버림 규칙이 더해집니다. 체인 이름의 해시는 그대로입니다.',
    unverified:
      '읽은 proxier.go 는 v1.36.0 태그의 것이 아닙니다(코드 색인의 사본으로 nfacct 가 있으니 1.29 이후입니다. kubernetes/kubernetes 는 너무 커서 가져올 수 없었습니다). nfacct 카운터가 박스의 6.8 커널에서 잡힌다는 것은 다른 우분투 계열 클러스터의 출력에서 가져왔습니다. 서비스는 이름 순서로 두었습니다(Go 의 map 순서는 동기화마다 바뀝니다).',
  },
  'kubelet-chains': {
    what: 'kubelet 은 더 이상 KUBE-MARK-DROP, KUBE-MARK-MASQ, KUBE-POSTROUTING 과 KUBE-FIREWALL 의 표시된 패킷 버림 규칙을 만들지 않습니다(IPTablesOwnershipCleanup, 1.28 GA). KUBE-FIREWALL 은 여전히 kubelet(과 kube-proxy)의 것이지만 localnet 규칙 하나만 남습니다. KUBE-KUBELET-CANARY 는 그대로이고 mangle 에 KUBE-IPTABLES-HINT 가 있습니다.',
    unverified:
      '없는 체인에 대한 iptables-nft 의 메시지는 legacy 와 같은 "No chain/target/match by that name." 이라고 보았습니다.',
  },
  'network-unit': {
    what: '네트워크는 netplan 이 맡긴 systemd-networkd 가 관리합니다. network.service 가 없어서 책의 `systemctl restart network` 는 systemd 255 의 "Unit network.service not found." 로 실패하고, kube-proxy 레슨은 systemd-networkd 를 다시 시작합니다.',
    unverified:
      '박스에서 systemd-networkd 를 다시 시작했을 때 캘리코의 경로가 사라지는지(책의 CentOS 7 증상이며 실습 환경은 이를 그대로 둡니다)는 해 보지 않았습니다. `systemctl status systemd-networkd` 는 아직 network 유닛의 CentOS 문구를 보여 줍니다.',
  },
  'api-resources-wide': {
    what: 'api-resources -o wide 는 리소스의 동사(verb)를 쉼표로 이어 보여 주고 CATEGORIES 열을 더합니다. --categories 로 그 분류의 리소스만 고를 수 있습니다.',
  },
  'services-deletecollection': {
    what: '서비스를 한꺼번에 지울 수 있습니다(deletecollection): 디스커버리가 서비스의 동사에 deletecollection 을 올립니다(네임스페이스에는 여전히 없습니다).',
    unverified:
      '이것이 들어온 릴리스와 v1.36.0 의 pkg/registry/core/service/storage 는 읽지 못했습니다(kubernetes 저장소가 너무 커서 가져올 수 없었습니다).',
  },
  'discovery-resources': {
    what: 'API 서버의 리소스 목록(GET /api/v1, /apis/apps/v1)이 리소스마다 단수형 이름(pod)과 storageVersionHash 를 담고, pods/ephemeralcontainers 와 pods/resize 를 보여 주며, pods/eviction 을 policy/v1 의 Eviction 으로 적습니다(policy/v1beta1 은 없어졌습니다).',
    unverified:
      '1.3x 클러스터에서 읽은 것이며 v1.36.0 태그의 pkg/registry 에서 읽지 않았습니다. 실제 kubectl 로 npm run api -- --profile 1.36 에서만 볼 수 있습니다(페이지 안의 kubectl 은 디스커버리 원문을 보여 주지 않습니다).',
  },
  'aggregated-discovery': {
    what: 'API 서버가 통합 디스커버리(apidiscovery.k8s.io/v2 APIGroupDiscoveryList)에 답합니다: kubectl 은 그룹 버전마다 따로 묻지 않고 GET /api 와 /apis 두 번으로 모든 리소스를 읽습니다.',
    unverified:
      '실제 1.36 서버의 그룹 순서, ETag 와 304 응답은 흉내 내지 않습니다. JSON 은 줄여 놓은 실제 응답과 비교했을 뿐 v1.36.0 의 응답 전체와 비교하지 않았습니다.',
  },
  'configmap-root-ca': {
    what: '모든 네임스페이스에 kube-root-ca.crt(클러스터 CA 를 ca.crt 로 담고 kubernetes.io/description 어노테이션이 붙은 컨피그맵)가 있습니다. 컨트롤러 매니저의 root-ca-cert-publisher 가 만들고(1.20 부터), 파드의 projected kube-api-access 볼륨이 읽습니다. 그래서 default 에서 `kubectl get cm` 이 더 이상 비어 있지 않습니다.',
    unverified: 'CA 자체는 실습 환경이 openssl 로 만든 대용품이며 실제 클러스터의 것이 아닙니다.',
  },
  'configmap-token-tracking': {
    what: 'kube-system/kube-apiserver-legacy-service-account-token-tracking: API 서버가 처음 실행된 날(since: 2026-05-08)을 적어 두고, 그때부터 예전 방식 토큰 시크릿의 사용을 추적합니다(1.28 부터).',
    unverified:
      '키와 날짜 형식(since: YYYY-MM-DD)은 KEP 에서 가져왔고 실행 중인 1.36 API 서버에서 읽지 않았습니다.',
  },
  'configmap-corefile': {
    what: 'kubeadm 이 쓰는 CoreDNS 의 Corefile: forward 에 `max_concurrent 1000` 이 붙고, cache 는 cluster.local 을 캐시하지 않습니다(`disable success`, `disable denial`). 1.18 은 `forward . /etc/resolv.conf` 와 맨 `cache 30` 입니다.',
    unverified:
      'manifests.go 를 v1.36.0 태그에서 읽지 않았습니다(kubernetes/kubernetes 는 너무 커서 가져올 수 없었습니다).',
  },
  'configmap-kube-proxy': {
    what: 'kube-proxy 의 config.conf(KubeProxyConfiguration v1alpha1, 두 버전 모두 mode "" 즉 iptables)에 bindAddressHardFail, conntrack 의 tcpBeLiberal 과 UDP 타임아웃, detectLocal, iptables.localhostNodePorts, logging, nftables 가 더해지고, userspace 프록시의 udpIdleTimeout 은 빠졌습니다.',
    unverified:
      '1.36 클러스터의 config.conf 는 읽지 못했습니다. 1.32 무렵 클러스터의 것으로 대신했으므로 그 뒤 v1alpha1 에 더해진 필드는 빠져 있습니다. 1.18 의 것은 1.18/1.19 무렵 클러스터의 것이며 v1.18.4 라고 확인된 것은 아닙니다.',
  },
  'configmap-component-config-hash': {
    what: 'kubeadm 이 kube-proxy 와 kubelet 의 컨피그맵에 kubeadm.kubernetes.io/component-config.hash(값들의 sha256)를 달아, 사용자가 고친 것과 자신이 쓴 것을 구별합니다.',
  },
  'configmap-kubeadm-config': {
    what: 'kubeadm-config 에는 ClusterConfiguration 하나만 kubeadm.k8s.io/v1beta4 로 들어 있습니다(인증서 유효 기간, encryptionAlgorithm, registry.k8s.io; timeoutForControlPlane 과 authorization-mode 인자는 없습니다). 1.18 의 v1beta2 에는 마스터의 API 엔드포인트를 담은 ClusterStatus 도 있습니다(1.22 에서 없어졌습니다).',
    unverified:
      '1.18 의 ClusterConfiguration 과 ClusterStatus 는 kubeadm 이 직렬화하는 v1beta2 의 필드이며, v1.18.4 클러스터에서 읽지 않았습니다.',
  },
  'configmap-kubelet-config': {
    what: 'kubelet 의 컨피그맵 이름은 kubelet-config 입니다(1.24 에서 이름의 버전이 빠졌습니다: kubelet-config-1.18). KubeletConfiguration 에는 cgroupDriver: systemd 와 systemd-resolved 의 resolv.conf 가 있고, 새 필드들의 0 값(crashLoopBackOff, logging, memorySwap, shutdownGracePeriod…)이 적혀 있습니다.',
    unverified:
      '컨피그맵의 값은 노드의 config.yaml 에서 노드마다 다른 containerRuntimeEndpoint 를 비운 것으로 보았습니다. 1.18 의 것은 기억하는 kubeadm KubeletConfiguration 의 0 값이며 v1.18.4 클러스터에서 읽지 않았습니다.',
  },
  'configmap-calico': {
    what: 'Calico v3.31.2 매니페스트의 calico-config: veth_mtu 가 "0"(자동 감지, v3.9 는 "1440")이고 cni_network_config 에 CNI 로그 파일이 있습니다.',
  },
  'describe-configmap': {
    what: 'describe configmap 이 값마다 뒤에 빈 줄을 두고(kubectl 1.31) BinaryData 절로 끝납니다(1.22). 키 정렬은 1.34 부터입니다.',
    unverified: '1.18.4 는 Go 맵의 무작위 순서로 키를 찍습니다. 실습 환경은 정렬해서 찍습니다.',
  },
};
