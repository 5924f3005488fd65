// The lab's hosts as the book builds them: the sysnet4admin/CentOS-k8s box (CentOS 7.8.2003,
// kernel 3.10.0-1127.19.1.el7), CentOS's own docker 1.13.1 (install_pkg.sh runs
// `yum install docker`), kubelet/kubeadm 1.18.4 and Calico 3.9.4 in IPIP mode. Every
// version-specific text of ps, systemctl, journalctl, free and df is here, so a second
// profile (Kubernetes 1.36 + containerd on Ubuntu) can replace this table. Sources and what
// could not be checked: docs/FACTS-containers.md, "Hosts".

/** Page cache and buffers a node holds after the book's setup (images unpacked, logs written), in KiB. */
export const BUFF_CACHE_KIB = { master: 1_268_412, worker: 903_124 } as const;

/** The kernel, systemd and the box's daemons, in KiB, before any container. */
export const BASE_USED_KIB = 214_336;

/** systemd and the daemons a CentOS 7 minimal box runs, by the order systemd starts them. */
export const BASE_PROCESSES: readonly { pid: number; ppid: number; cmd: string; user?: string }[] = [
  { pid: 1, ppid: 0, cmd: '/usr/lib/systemd/systemd --switched-root --system --deserialize 22' },
  { pid: 2, ppid: 0, cmd: '[kthreadd]' },
  { pid: 4, ppid: 2, cmd: '[kworker/0:0H]' },
  { pid: 6, ppid: 2, cmd: '[ksoftirqd/0]' },
  { pid: 7, ppid: 2, cmd: '[migration/0]' },
  { pid: 8, ppid: 2, cmd: '[rcu_bh]' },
  { pid: 9, ppid: 2, cmd: '[rcu_sched]' },
  { pid: 10, ppid: 2, cmd: '[lru-add-drain]' },
  { pid: 11, ppid: 2, cmd: '[watchdog/0]' },
  { pid: 13, ppid: 2, cmd: '[kdevtmpfs]' },
  { pid: 14, ppid: 2, cmd: '[netns]' },
  { pid: 15, ppid: 2, cmd: '[khungtaskd]' },
  { pid: 16, ppid: 2, cmd: '[writeback]' },
  { pid: 35, ppid: 2, cmd: '[kswapd0]' },
  { pid: 390, ppid: 2, cmd: '[xfsaild/dm-0]' },
  { pid: 480, ppid: 1, cmd: '/usr/lib/systemd/systemd-journald' },
  { pid: 505, ppid: 1, cmd: '/usr/sbin/lvmetad -f' },
  { pid: 513, ppid: 1, cmd: '/usr/lib/systemd/systemd-udevd' },
  { pid: 629, ppid: 1, cmd: '/sbin/auditd' },
  { pid: 652, ppid: 1, cmd: '/usr/lib/systemd/systemd-logind' },
  {
    pid: 654,
    ppid: 1,
    cmd: '/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation',
    user: 'dbus',
  },
  { pid: 660, ppid: 1, cmd: '/usr/lib/polkit-1/polkitd --no-debug', user: 'polkitd' },
  { pid: 662, ppid: 1, cmd: '/usr/sbin/chronyd', user: 'chrony' },
  { pid: 681, ppid: 1, cmd: '/usr/sbin/NetworkManager --no-daemon' },
  {
    pid: 790,
    ppid: 681,
    cmd: '/sbin/dhclient -d -q -sf /usr/libexec/nm-dhcp-helper -pf /var/run/dhclient-eth0.pid -lf /var/lib/NetworkManager/dhclient-5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03-eth0.lease -cf /var/lib/NetworkManager/dhclient-eth0.conf eth0',
  },
  { pid: 985, ppid: 1, cmd: '/usr/bin/python2 -Es /usr/sbin/tuned -l -P' },
  { pid: 987, ppid: 1, cmd: '/usr/sbin/sshd -D' },
  { pid: 990, ppid: 1, cmd: '/usr/sbin/rsyslogd -n' },
  { pid: 1001, ppid: 1, cmd: '/usr/sbin/crond -n' },
  { pid: 1004, ppid: 1, cmd: '/sbin/agetty --noclear tty1 linux' },
  { pid: 1012, ppid: 1, cmd: '/usr/libexec/postfix/master -w' },
  { pid: 1014, ppid: 1012, cmd: 'qmgr -l -t unix -u', user: 'postfix' },
];

/** The login shell of the person at the terminal (ssh from the host running Vagrant). */
export const LOGIN_PROCESSES = { sshd: 'sshd: root@pts/0', bash: '-bash' } as const;

/** RHEL's docker 1.13.1 as its unit file starts it (/etc/sysconfig/docker adds the options). */
export const DOCKERD =
  '/usr/bin/dockerd-current --add-runtime docker-runc=/usr/libexec/docker/docker-runc-current --default-runtime=docker-runc --exec-opt native.cgroupdriver=systemd --userland-proxy-path=/usr/libexec/docker/docker-proxy-current --init-path=/usr/libexec/docker/docker-init-current --seccomp-profile=/etc/docker/seccomp.json --selinux-enabled --log-driver=journald --signature-verification=false --storage-driver overlay2';
export const CONTAINERD =
  '/usr/bin/docker-containerd-current -l unix:///var/run/docker/libcontainerd/docker-containerd.sock --metrics-interval=0 --start-timeout 2m --state-dir /var/run/docker/libcontainerd/containerd --shim docker-containerd-shim --runtime docker-runc --runtime-args --systemd-cgroup=true';
export const shimCommand = (fullId: string) =>
  `/usr/bin/docker-containerd-shim-current ${fullId} /var/run/docker/libcontainerd/${fullId} /usr/libexec/docker/docker-runc-current`;

/** The kubelet as 10-kubeadm.conf starts it, with /var/lib/kubelet/kubeadm-flags.env's KUBELET_KUBEADM_ARGS. */
export const KUBELET =
  '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --cgroup-driver=systemd --network-plugin=cni --pod-infra-container-image=k8s.gcr.io/pause:3.2';

/** kubeadm 1.18's static pod manifests (flags sorted, as kubeadm writes them) and the add-ons' commands. */
export const CONTAINER_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  'kube-apiserver': [
    'kube-apiserver --advertise-address=192.168.1.10 --allow-privileged=true --authorization-mode=Node,RBAC --client-ca-file=/etc/kubernetes/pki/ca.crt --enable-admission-plugins=NodeRestriction --enable-bootstrap-token-auth=true --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key --etcd-servers=https://127.0.0.1:2379 --insecure-port=0 --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname --proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt --proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key --requestheader-allowed-names=front-proxy-client --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt --requestheader-extra-headers-prefix=X-Remote-Extra- --requestheader-group-headers=X-Remote-Group --requestheader-username-headers=X-Remote-User --secure-port=6443 --service-account-key-file=/etc/kubernetes/pki/sa.pub --service-cluster-ip-range=10.96.0.0/12 --tls-cert-file=/etc/kubernetes/pki/apiserver.crt --tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
  ],
  'kube-controller-manager': [
    'kube-controller-manager --allocate-node-cidrs=true --authentication-kubeconfig=/etc/kubernetes/controller-manager.conf --authorization-kubeconfig=/etc/kubernetes/controller-manager.conf --bind-address=127.0.0.1 --client-ca-file=/etc/kubernetes/pki/ca.crt --cluster-cidr=172.16.0.0/16 --cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt --cluster-signing-key-file=/etc/kubernetes/pki/ca.key --controllers=*,bootstrapsigner,tokencleaner --kubeconfig=/etc/kubernetes/controller-manager.conf --leader-elect=true --node-cidr-mask-size=24 --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt --root-ca-file=/etc/kubernetes/pki/ca.crt --service-account-private-key-file=/etc/kubernetes/pki/sa.key --service-cluster-ip-range=10.96.0.0/12 --use-service-account-credentials=true',
  ],
  'kube-scheduler': [
    'kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf --authorization-kubeconfig=/etc/kubernetes/scheduler.conf --bind-address=127.0.0.1 --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true',
  ],
  etcd: [
    'etcd --advertise-client-urls=https://192.168.1.10:2379 --cert-file=/etc/kubernetes/pki/etcd/server.crt --client-cert-auth=true --data-dir=/var/lib/etcd --initial-advertise-peer-urls=https://192.168.1.10:2380 --initial-cluster=m-k8s=https://192.168.1.10:2380 --key-file=/etc/kubernetes/pki/etcd/server.key --listen-client-urls=https://127.0.0.1:2379,https://192.168.1.10:2379 --listen-metrics-urls=http://127.0.0.1:2381 --listen-peer-urls=https://192.168.1.10:2380 --name=m-k8s --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt --peer-client-cert-auth=true --peer-key-file=/etc/kubernetes/pki/etcd/peer.key --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt --snapshot-count=10000 --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  ],
  // The DaemonSet passes --hostname-override=$(NODE_NAME); ps shows it expanded.
  'kube-proxy': [
    '/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=${NODE}',
  ],
  coredns: ['/coredns -conf /etc/coredns/Corefile'],
  // calico/node runs its daemons under runit (start_runit → runsvdir), one runsv each.
  'calico-node': [
    'runsvdir -P /etc/service/enabled',
    'runsv felix',
    'runsv bird',
    'runsv bird6',
    'runsv confd',
    'calico-node -felix',
    'bird -R -s /var/run/calico/bird.ctl -d -c /etc/calico/confd/config/bird.cfg',
    'bird6 -R -s /var/run/calico/bird6.ctl -d -c /etc/calico/confd/config/bird6.cfg',
    'calico-node -confd',
  ],
  'calico-kube-controllers': ['/usr/bin/kube-controllers'],
};

/** Which earlier process of the container is each one's parent (default: the first one). */
export const PROCESS_PARENTS: Readonly<Record<string, readonly number[]>> = {
  'calico-node': [-1, 0, 0, 0, 0, 1, 2, 3, 4],
};

/** nginx's image: a master process and one worker per CPU (worker_processes auto), run as user nginx (uid 101). */
export const NGINX_PROCESSES = {
  master: 'nginx: master process nginx -g daemon off;',
  worker: 'nginx: worker process',
} as const;
export const CPUS = { master: 2, worker: 1 } as const;

/** systemd 219's unit texts. */
export const UNITS = {
  kubelet: {
    description: 'kubelet: The Kubernetes Node Agent',
    loaded: '/usr/lib/systemd/system/kubelet.service; enabled; vendor preset: disabled',
    dropIn: ['/usr/lib/systemd/system/kubelet.service.d', '└─10-kubeadm.conf'],
    docs: 'https://kubernetes.io/docs/',
    process: 'kubelet',
  },
  docker: {
    description: 'Docker Application Container Engine',
    loaded: '/usr/lib/systemd/system/docker.service; enabled; vendor preset: disabled',
    dropIn: [],
    docs: 'http://docs.docker.com',
    process: 'dockerd-current',
  },
  network: {
    description: 'LSB: Bring up/down networking',
    loaded: '/etc/rc.d/init.d/network; bad; vendor preset: disabled',
    dropIn: [],
    docs: '',
    process: 'network',
  },
} as const;

/** docker 1.13.1's daemon start, as journald keeps its logrus lines (level and the rest after msg=). */
export const DOCKER_START_LOG: readonly [string, string][] = [
  ['info', 'msg="libcontainerd: new containerd process, pid: ${CONTAINERD_PID}"'],
  ['info', 'msg="Graph migration to content-addressability took 0.00 seconds"'],
  ['info', 'msg="Loading containers: start."'],
  ['info', 'msg="Firewalld running: false"'],
  [
    'info',
    'msg="Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address"',
  ],
  ['info', 'msg="Loading containers: done."'],
  ['info', 'msg="Daemon has completed initialization"'],
  ['info', 'msg="Docker daemon" commit="64e9980/1.13.1" graphdriver=overlay2 version=1.13.1'],
  ['info', 'msg="API listen on /var/run/docker.sock"'],
];
export const DOCKER_STOP_LOG: readonly [string, string][] = [
  ['info', 'msg="Processing signal \'terminated\'"'],
];

/** What the kubelet logs every few seconds while docker is down (dockershim's status check). */
export const KUBELET_NO_DOCKER: readonly [string, string] = [
  'kubelet.go:2187',
  'Container runtime not ready: RuntimeReady=false reason:DockerDaemonNotReady message:docker: failed to get docker version: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
];

/** The units' ExecStart= lines as systemctl status shows them once the process has gone. */
export const EXEC_START = {
  kubelet:
    '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS',
  docker:
    '/usr/bin/dockerd-current --add-runtime docker-runc=/usr/libexec/docker/docker-runc-current --default-runtime=docker-runc --exec-opt native.cgroupdriver=systemd --userland-proxy-path=/usr/libexec/docker/docker-proxy-current --init-path=/usr/libexec/docker/docker-init-current --seccomp-profile=/etc/docker/seccomp.json $OPTIONS $DOCKER_STORAGE_OPTIONS $DOCKER_NETWORK_OPTIONS $ADD_REGISTRY $BLOCK_REGISTRY $INSECURE_REGISTRY $REGISTRIES',
} as const;

/** From systemd's SIGTERM to the unit's end: the kubelet dies at once, dockerd first stops its containers. */
export const STOP_MS = { kubelet: 0, docker: 900 } as const;

/** How each main process ends on systemd's SIGTERM: Go's default kills the kubelet; dockerd handles it and exits 0. */
export const EXIT_ON_STOP = {
  kubelet: 'code=killed, signal=TERM',
  docker: 'code=exited, status=0/SUCCESS',
} as const;

const DAY = 86_400_000;
/** When each image was built, in cluster time (0 is 2020-07-06 01:00 UTC); dates are approximate, see FACTS. */
export const IMAGE_CREATED: Readonly<Record<string, number>> = {
  'k8s.gcr.io/kube-apiserver': -19 * DAY,
  'k8s.gcr.io/kube-controller-manager': -19 * DAY,
  'k8s.gcr.io/kube-scheduler': -19 * DAY,
  'k8s.gcr.io/kube-proxy': -19 * DAY,
  'k8s.gcr.io/etcd': -220 * DAY,
  'k8s.gcr.io/coredns': -140 * DAY,
  'k8s.gcr.io/pause': -150 * DAY,
  'calico/node': -200 * DAY,
  'calico/cni': -200 * DAY,
  'calico/kube-controllers': -200 * DAY,
  'calico/pod2daemon-flexvol': -200 * DAY,
  nginx: -10 * DAY,
  busybox: -30 * DAY,
  'sysnet4admin/echo-hname': -60 * DAY,
};

/** Labels the images themselves carry (their Dockerfiles' LABEL), which docker inspect merges into Config.Labels. */
export const IMAGE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  nginx: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  'echo-hname': { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
};
