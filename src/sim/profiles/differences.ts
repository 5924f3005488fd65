// Every difference the 1.36 profile declares against the book's 1.18, each with its source
// and a command whose output shows it (src/shell/profiles.test.ts runs each under both
// profiles). docs/FACTS-profiles.md says the same in prose.
import type { Difference } from './profile';

const BOOK = 'internal-k8s/_Book_k8sInfra';
const KCTL = 'kubernetes/kubectl kubernetes-1.36.0';
const runPod = ['kubectl run nginx-pod --image=nginx', 'sleep 40'];

export const differences136: readonly Difference[] = [
  {
    id: 'master-name',
    fields: ['master.name', 'title'],
    what: 'The control plane is cp-k8s (192.168.1.10 as before); the workers are still w1–w3-k8s.',
    source: `${BOOK} ch3/3.1.3/Vagrantfile: cfg.vm.host_name = "cp-k8s"`,
    script: ['hostname'],
    prints: { '1.18': /^m-k8s$/m, '1.36': /^cp-k8s$/m },
  },
  {
    id: 'prompt',
    fields: ['prompt'],
    what: "Ubuntu's root prompt, user@host:path#, with the whole path (CentOS shows the last part in brackets).",
    source: "Ubuntu 24.04 /root/.bashrc: PS1='…\\u@\\h:\\w\\$ ' (after the debian_chroot part)",
    unverified:
      'the box sysnet4admin/Ubuntu-k8s was not booted; its /root/.bashrc is taken to be Ubuntu’s own',
    script: ['cd /etc/kubernetes', 'pwd'],
    prints: { '1.18': '[root@m-k8s kubernetes]# pwd', '1.36': 'root@cp-k8s:/etc/kubernetes# pwd' },
  },
  {
    id: 'etc-hosts',
    fields: ['baseFiles./etc/hosts'],
    what: '/etc/hosts as k8s_env_build.sh writes it: localhost alone on its line, then cp-k8s and the workers.',
    source: `${BOOK} ch3/3.1.3/k8s_env_build.sh: echo "192.168.1.10 cp-k8s" >> /etc/hosts`,
    script: ['cat /etc/hosts'],
    prints: { '1.18': '192.168.1.10 m-k8s', '1.36': '127.0.0.1 localhost\n192.168.1.10 cp-k8s' },
  },
  {
    id: 'os-release',
    fields: ['baseFiles./etc/os-release', 'baseFiles./etc/redhat-release', 'baseFiles./etc/centos-release'],
    what: 'Ubuntu 24.04.4 LTS (Noble Numbat) instead of CentOS 7.8.2003.',
    source: `${BOOK} _prepublish_updates/ubuntu.md: box sysnet4admin/Ubuntu-k8s v1.0.0 (Ubuntu 24.04.4 LTS)`,
    unverified:
      "the file's lines are Ubuntu 24.04's base-files as generally published, not read from the box",
    script: ['cat /etc/redhat-release /etc/os-release'],
    prints: { '1.18': 'CentOS Linux release 7.8.2003 (Core)', '1.36': 'PRETTY_NAME="Ubuntu 24.04.4 LTS"' },
  },
  {
    id: 'wall-clock',
    fields: ['wallClockEpochMs'],
    what: 'The lab’s dates are of the second edition’s era: its clock starts on 2026-05-08 (the book’s on 2020-07-06), in date, describe, -o yaml, systemctl, journalctl, ps, iptables-save and the logs.',
    source: `${BOOK} _prepublish_updates/kubernetes.md: "테스트 결과 (2026-05-08)", the day the 1.36.0 lab was tested`,
    unverified: 'the hour (01:00 UTC) is the book lab’s, kept so the two labs’ clocks read alike',
    script: [...runPod, 'date', 'kubectl describe pod nginx-pod | grep "Start Time"'],
    prints: {
      '1.18': /^Mon Jul {2}6 01:00:4\d UTC 2020\n.*\nStart Time: +Mon, 06 Jul 2020 01:00:00 \+0000$/m,
      '1.36': /^Fri May {2}8 01:00:4\d UTC 2026\n.*\nStart Time: +Fri, 08 May 2026 01:00:00 \+0000$/m,
    },
  },
  {
    id: 'roles-and-version',
    fields: [
      'kubernetesVersion',
      'node.software.kubeletVersion',
      'node.software.kubeProxyVersion',
      'node.masterLabels',
    ],
    what: 'kubectl get nodes: ROLES control-plane (the master label is gone since 1.24), VERSION v1.36.0.',
    source: `${BOOK} _prepublish_updates/containerd.md: the 1.36.0 test's table "cp-k8s Ready control-plane v1.36.0 containerd://2.2.3"`,
    unverified:
      "node.kubernetes.io/exclude-from-external-load-balancers, which kubeadm's mark-control-plane adds, is from kubeadm's docs, not read at the v1.36.0 tag; kubeProxyVersion (deprecated since 1.31) is kept as the kubelet's",
    script: ['kubectl get nodes'],
    prints: {
      '1.18': /^m-k8s\s+Ready\s+master\s+29m\s+v1\.18\.4$/m,
      '1.36': /^cp-k8s\s+Ready\s+control-plane\s+29m\s+v1\.36\.0$/m,
    },
  },
  {
    id: 'wide',
    fields: ['node.software.osImage', 'node.software.kernelVersion', 'node.software.containerRuntimeVersion'],
    what: 'kubectl get nodes -o wide: OS-IMAGE Ubuntu 24.04.4 LTS, KERNEL-VERSION 6.8.0-107-generic, CONTAINER-RUNTIME containerd://2.2.3.',
    source: `${BOOK} _prepublish_updates/containerd.md (containerd://2.2.3) and ubuntu.md (Ubuntu 24.04.4 LTS, kernel 6.8.0-107-generic on x86_64)`,
    script: ['kubectl get nodes -o wide'],
    prints: {
      '1.18': /CentOS Linux 7 \(Core\)\s+3\.10\.0-1127\.19\.1\.el7\.x86_64\s+docker:\/\/1\.13\.1/,
      '1.36': /Ubuntu 24\.04\.4 LTS\s+6\.8\.0-107-generic\s+containerd:\/\/2\.2\.3/,
    },
  },
  {
    id: 'uname',
    fields: ['node.kernelBuild'],
    what: 'uname -a: the hosts run the kernel the nodes report, Ubuntu’s 6.8.0-107-generic (#107-Ubuntu SMP PREEMPT_DYNAMIC).',
    source: `${BOOK} _prepublish_updates/ubuntu.md (x86_64 test: kernel 6.8.0-107-generic); Ubuntu kernels' version string is #<ABI>-Ubuntu SMP PREEMPT_DYNAMIC <build date>`,
    unverified: 'the build date after PREEMPT_DYNAMIC: the box was not booted, and the date is a stand-in',
    script: ['uname -a'],
    prints: {
      '1.18':
        /^Linux m-k8s 3\.10\.0-1127\.19\.1\.el7\.x86_64 #1 SMP Fri Aug 7 20:37:47 UTC 2020 x86_64 x86_64 x86_64 GNU\/Linux$/m,
      '1.36':
        /^Linux cp-k8s 6\.8\.0-107-generic #107-Ubuntu SMP PREEMPT_DYNAMIC .+ x86_64 x86_64 x86_64 GNU\/Linux$/m,
    },
  },
  {
    id: 'host-network',
    fields: ['node.ethQdisc'],
    what: 'ip addr: no docker0 bridge (containerd alone installs none), so tunl0 is device 4; the NICs queue with fq_codel, systemd’s default.',
    source: `${BOOK} ch3/3.1.3/k8s_pkg_cfg.sh installs containerd.io without docker-ce (no docker0); systemd’s sysctl.d/50-default.conf net.core.default_qdisc = fq_codel`,
    unverified: 'fq_codel is systemd’s default, not read from the box',
    script: ['ip addr'],
    prints: {
      '1.18': /^4: docker0: /m,
      '1.36': /^2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel [\s\S]*^4: tunl0@NONE: /m,
    },
  },
  {
    id: 'nic-addressing',
    fields: [
      'node.network.eth0Flags',
      'node.network.eth0AddressMetric',
      'node.network.eth1Flags',
      'node.network.eth1RouteMetric',
      'node.network.leaseRoutes',
    ],
    what: 'ip addr / ip route: the NICs are still eth0 and eth1, set up by systemd-networkd (netplan) instead of NetworkManager: eth0’s address says `metric 100 … dynamic`, no noprefixroute; the DHCP lease adds src to the default route and /32 routes to 10.0.2.2 and 10.0.2.3; eth1’s route has no metric.',
    source:
      'sysnet4admin/IaC bento/ (the box sysnet4admin/Ubuntu-k8s is built from it): scripts/ubuntu/networking_ubuntu.sh writes a netplan eth0 with dhcp4 and sets net.ifnames=0 biosdevname=0; iproute2 ipaddress.c print_addrinfo (`metric %u ` after the prefix, from IFA_RT_PRIORITY); systemd networkd-address.c (IFA_RT_PRIORITY = route_metric) and networkd-dhcp4.c (dhcp4_request_gateway: a route to the gateway, the default route with prefsrc; dhcp4_request_routes_to_dns)',
    unverified:
      'the box was not booted: netplan’s DHCP route-metric 100, RoutesToDNS on by default and VirtualBox NAT’s DNS server 10.0.2.3 are from memory of Ubuntu VMs; Vagrant’s static eth1 is taken to carry no metric',
    script: ['ip route'],
    prints: {
      '1.18':
        /^default via 10\.0\.2\.2 dev eth0 proto dhcp metric 100 \n[\s\S]*^192\.168\.1\.0\/24 dev eth1 proto kernel scope link src 192\.168\.1\.10 metric 101 $/m,
      '1.36':
        /^default via 10\.0\.2\.2 dev eth0 proto dhcp src 10\.0\.2\.15 metric 100 \n10\.0\.2\.0\/24 dev eth0 proto kernel scope link src 10\.0\.2\.15 metric 100 \n10\.0\.2\.2 dev eth0 proto dhcp scope link src 10\.0\.2\.15 metric 100 \n10\.0\.2\.3 dev eth0 proto dhcp scope link src 10\.0\.2\.15 metric 100 $[\s\S]*^192\.168\.1\.0\/24 dev eth1 proto kernel scope link src 192\.168\.1\.10 $/m,
    },
  },
  {
    id: 'ipv6-off',
    fields: ['node.network.ipv6'],
    what: 'ip addr: no inet6 lines (lo, the NICs and the pods’ veths): the second edition’s box turns IPv6 off.',
    source:
      'sysnet4admin/IaC bento/packer_templates/scripts/custom_post_hoon.sh (run last in the box’s build, pkr-builder.pkr.hcl): /etc/sysctl.d/99-local-network.conf net.ipv6.conf.all.disable_ipv6 = 1, default.disable_ipv6 = 1',
    unverified:
      'the box was not booted; that Calico 3.31 leaves IPv6 off on its host-side veths in an IPv4-only pool is from its CNI plugin as remembered',
    script: ['ip addr'],
    prints: {
      '1.18': /^ {4}inet6 ::1\/128 scope host $/m,
      '1.36':
        /^ {4}inet 127\.0\.0\.1\/8 scope host lo\n {7}valid_lft forever preferred_lft forever\n2: eth0: /m,
    },
  },
  {
    id: 'disk',
    fields: [
      'node.disk.root.device',
      'node.disk.root.sizeKib',
      'node.disk.root.usedKib',
      'node.disk.root.reservedKib',
      'node.disk.boot.device',
      'node.disk.boot.sizeKib',
      'node.disk.boot.usedKib',
      'node.disk.boot.reservedKib',
      'node.disk.memoryMounts',
    ],
    what: 'df -h: Ubuntu’s LVM root /dev/mapper/ubuntu--vg-ubuntu--lv (31G, ext4 with 5 % reserved) and /boot on /dev/sda2; /run first, /run/lock, no /sys/fs/cgroup tmpfs (cgroup v2); containerd’s mounts under /run/containerd instead of docker’s overlay2 and containers/…/shm.',
    source:
      'sysnet4admin/IaC bento/: disk_size 65536 MB (pkr-sources.pkr.hcl), no storage key in http/ubuntu/user-data (subiquity’s default lvm layout), BIOS boot on x86_64 VirtualBox (sda1 bios_grub, sda2 /boot); subiquity sizes.py bootfs_scale (2048 MiB at most); containerd’s runtime v2 task and CRI sandbox directories',
    unverified:
      'the box was not booted: the LV at half the volume group (subiquity’s scaled_rootfs_size), the used sizes, /run’s share and the absence of a `udev` line are from memory of Ubuntu 22.04/24.04 machines',
    script: ['df -h'],
    prints: {
      '1.18':
        /^\/dev\/mapper\/centos-root +38G +3\.7G +35G +10% \/$[\s\S]*\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged$/m,
      '1.36':
        /^tmpfs +392M +1\.9M +390M +1% \/run\n\/dev\/mapper\/ubuntu--vg-ubuntu--lv +31G +7\.0G +22G +25% \/$[\s\S]*^shm +64M +0 +64M +0% \/run\/containerd\/io\.containerd\.grpc\.v1\.cri\/sandboxes\/[0-9a-f]{64}\/shm$/m,
    },
  },
  {
    id: 'memory',
    fields: ['node.memTotalKib.master', 'node.memTotalKib.worker', 'node.freeLayout'],
    what: 'free -h: cp-k8s has 4 GB (the workers 2 GB), shown as procps 4 shows it: 3.8Gi, labels in 9 columns.',
    source: `${BOOK} ch3/3.1.3/Vagrantfile (cp-k8s vb.memory = 4096, workers 2048); procps-ng 4's free.c (Gi/Mi units), as a real 4.x free prints \`Mem:            15Gi       504Mi …\``,
    unverified:
      'MemTotal is the VM size less the first edition’s share the kernel keeps, not read from the box; the Vagrantfile read is the 1.30 one of the repository’s history',
    script: ['free -h'],
    prints: { '1.18': /^Mem: {11}2\.9G /m, '1.36': /^Mem: {11}3\.8Gi /m },
  },
  {
    id: 'systemd',
    fields: ['systemd'],
    what: 'systemctl status as systemd 255 prints it: labels in 11 columns, preset: enabled, Tasks with its limit, CPU; the journal says Started kubelet.service - kubelet: The Kubernetes Node Agent.',
    source:
      'systemd src/systemctl/systemctl-show.c print_status_info (a version with "; preset: ", 252+, read in the code index); a real systemd 252 journal ("Started kubelet.service - kubelet: The Kubernetes Node Agent."); Ubuntu 24.04 ships systemd 255',
    unverified: 'Tasks’ limit is DefaultTasksMax’s 15 % of threads-max worked out from the memory',
    script: ['systemctl status kubelet'],
    prints: {
      '1.18':
        /^ {3}Loaded: loaded \(\/usr\/lib\/systemd\/system\/kubelet\.service; enabled; vendor preset: disabled\)$/m,
      '1.36':
        /^ {5}Loaded: loaded \(\/usr\/lib\/systemd\/system\/kubelet\.service; enabled; preset: enabled\)$[\s\S]*^ {8}CPU: /m,
    },
  },
  {
    id: 'kubelet-no-config',
    fields: [
      'kubelet.noConfig.level',
      'kubelet.noConfig.where',
      'kubelet.noConfig.message',
      'kubelet.noConfig.exitStatus',
    ],
    what: 'Before kubeadm has written /var/lib/kubelet/config.yaml the kubelet logs one structured error, E… run.go:72] "command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: …", and exits with status 1 (1.18: F… server.go:199], status 255).',
    source:
      'kubernetes cmd/kubelet/app/server.go ("failed to load kubelet config file, path: %s, error: %w", read in the code index) and component-base cli.Run (klog.ErrorS "command failed", exit 1); real journals of kubelets 1.31 and 1.34 (Debian 12: run.go:72) and 1.30.14 (Ubuntu 24.04: run.go:74) in the code index',
    unverified: 'run.go’s line is 1.31’s and 1.34’s; v1.36.0’s component-base was not read',
    lab: 'fresh',
    script: ['journalctl -u kubelet | grep config.yaml | head -1'],
    prints: {
      '1.18':
        /^Jul 06 00:58:00 m-k8s kubelet\[1036\]: F0706 00:58:00\.\d{6} {4}1036 server\.go:199\] failed to load Kubelet config file /m,
      '1.36':
        /^May 08 00:58:00 cp-k8s kubelet\[1036\]: E0508 00:58:00\.\d{6} {4}1036 run\.go:72\] "command failed" err="failed to load kubelet config file, path: \/var\/lib\/kubelet\/config\.yaml, error: .*no such file or directory"$/m,
    },
  },
  {
    id: 'systemd-restart-loop',
    fields: ['systemd'],
    what: "The kubelet’s restarts before kubeadm as systemd 255 logs them: Main process exited, code=exited, status=1/FAILURE; Failed with result 'exit-code'; Scheduled restart job, restart counter is at N. and no Stopped line before the next Started; the forked child warns that KUBELET_KUBEADM_ARGS is unset. systemctl status: activating (auto-restart) (Result: exit-code), status=1/FAILURE and the run’s CPU.",
    source:
      'systemd src/core/service.c (service_enter_restart with SERVICE_AUTO_RESTART_QUEUED, 254+; service_sigchld_event) and unit.c (unit_log_failure), read in the code index; a real Ubuntu 24.04 journal and systemctl status of a kubelet looping before kubeadm (kubelet 1.30.14, counter at 542–549, the (kubelet)[PID] line) and Debian 12’s (systemd 252, with the Stopped line 254 dropped), in the code index',
    unverified: 'the CPU of each run (60–105 ms) is the lab’s figure, in the range the real runs showed',
    lab: 'fresh',
    script: ['journalctl -u kubelet | head -8', 'systemctl status kubelet'],
    prints: {
      '1.18':
        /holdoff time over, scheduling restart\.[\s\S]*^ {2}Process: \d+ ExecStart=\/usr\/bin\/kubelet .* \(code=exited, status=255\)$/m,
      '1.36':
        /systemd\[1\]: kubelet\.service: Main process exited, code=exited, status=1\/FAILURE\n.*systemd\[1\]: kubelet\.service: Failed with result 'exit-code'\.\n.*systemd\[1\]: kubelet\.service: Scheduled restart job, restart counter is at 1\.\n.*systemd\[1\]: Started kubelet\.service - kubelet: The Kubernetes Node Agent\.\n.*\(kubelet\)\[\d+\]: kubelet\.service: Referenced but unset environment variable evaluates to an empty string: KUBELET_KUBEADM_ARGS[\s\S]*^ {5}Active: activating \(auto-restart\) \(Result: exit-code\) since [\s\S]*^ {4}Process: \d+ ExecStart=\/usr\/bin\/kubelet .* \(code=exited, status=1\/FAILURE\)\n {3}Main PID: \d+ \(code=exited, status=1\/FAILURE\)\n {8}CPU: \d+ms$/m,
    },
  },
  {
    id: 'journal-catalog',
    fields: ['systemd'],
    what: 'journalctl -x explains systemd’s lines with systemd 255’s catalog, each line after ░░: "A start job for unit kubelet.service has finished successfully", "The job identifier is N.", Ubuntu’s Support URL; and journalctl prints no "-- Logs begin at …" header.',
    source:
      'systemd catalog/systemd.catalog.in (read in the code index) and journalctl’s print_catalog (the ░░ prefix); a real Ubuntu 24.04 journalctl -xue --unit kubelet ("Support: http://www.ubuntu.com/support", no header) and Debian 12’s (https://www.debian.org/support), in the code index',
    unverified:
      'the job identifiers count the lab’s two units’ jobs from 121 (a real machine counts every unit’s); which version dropped the header was not looked up (252 prints none)',
    script: ['systemctl stop kubelet', 'journalctl -xu kubelet -n 2'],
    prints: {
      '1.18':
        /^-- Logs begin at .*\n.*Stopping kubelet: The Kubernetes Node Agent\.\.\.\n[\s\S]*Stopped kubelet: The Kubernetes Node Agent\.\n-- Subject: Unit kubelet\.service has finished shutting down\n-- Defined-By: systemd\n-- Support: http:\/\/lists\.freedesktop\.org\/mailman\/listinfo\/systemd-devel\n/m,
      '1.36':
        /journalctl -xu kubelet -n 2\nMay 08 01:00:0\d cp-k8s systemd\[1\]: Stopped kubelet\.service - kubelet: The Kubernetes Node Agent\.\n░░ Subject: A stop job for unit kubelet\.service has finished\n░░ Defined-By: systemd\n░░ Support: http:\/\/www\.ubuntu\.com\/support\n░░ \n░░ A stop job for unit kubelet\.service has finished\.\n░░ \n░░ The job identifier is \d+ and the job result is done\.\n.*kubelet\.service: Consumed \d+\.\d+s CPU time\.\n░░ Subject: Resources consumed by unit runtime\n/m,
    },
  },
  {
    id: 'status-stopped-unit',
    fields: ['systemd'],
    what: 'systemctl status of a stopped unit under systemd 255: a white ○ instead of ●, Duration: how long its last run lasted, and CPU: what that run used.',
    source:
      'real Ubuntu 24.04 systemctl status of a stopped kubelet ("○ kubelet.service", "Duration: 35min 5.733s", "CPU: 1min 26.616s") and containerd ("Duration: 1h 33min 55.104s"), in the code index; systemd unit_active_state_to_glyph',
    unverified: 'the CPU is the lab’s own rate for the kubelet over the run',
    script: ['systemctl stop kubelet', 'systemctl status kubelet'],
    prints: {
      '1.18':
        /^● kubelet\.service - kubelet: The Kubernetes Node Agent\n[\s\S]*^ {3}Active: inactive \(dead\) since .*\n {5}Docs: /m,
      '1.36':
        /^○ kubelet\.service - kubelet: The Kubernetes Node Agent\n[\s\S]*^ {5}Active: inactive \(dead\) since .*\n {3}Duration: 30min( \d+s)?\n[\s\S]*^ {8}CPU: [1-9][\d.]*s$/m,
    },
  },
  {
    id: 'journal-stop-lines',
    fields: ['systemd'],
    what: 'A stopped unit’s journal under systemd 255: kubelet.service: Deactivated successfully., then Stopped …, then kubelet.service: Consumed 37.884s CPU time. (the CPU is mentioned from 1 s on).',
    source:
      'systemd src/core/unit.c (unit_notify: the job’s end before unit_log_resources; MENTIONWORTHY_CPU_NSEC 1 s) and service.c (service_enter_dead’s unit_log_success), read in the code index; real journals with "Deactivated successfully." and "Consumed … CPU time." in the code index',
    unverified:
      'the CPU figure is the lab’s rate over the run; where containerd’s Deactivated line falls among the "remains running" lines was not read',
    script: ['systemctl stop kubelet', 'journalctl -u kubelet | tail -3'],
    prints: {
      '1.18':
        /systemd\[1\]: Stopping kubelet: The Kubernetes Node Agent\.\.\.\n.*systemd\[1\]: Stopped kubelet: The Kubernetes Node Agent\.$/m,
      '1.36':
        /systemd\[1\]: kubelet\.service: Deactivated successfully\.\n.*systemd\[1\]: Stopped kubelet\.service - kubelet: The Kubernetes Node Agent\.\n.*systemd\[1\]: kubelet\.service: Consumed \d+\.\d+s CPU time\.$/m,
    },
  },
  {
    id: 'memory-peak',
    fields: ['systemd'],
    what: 'systemctl status under systemd 255 adds the cgroup’s peak to Memory: "Memory: 89.8M (peak: 92.5M)".',
    source:
      'real Ubuntu 24.04 systemctl status outputs in the code index (nginx "Memory: 2.2M (peak: 2.3M)", a kubelet "Memory: 73.7M (peak: 73.9M)"); systemd src/systemctl/systemctl-show.c (memory.peak, 255)',
    unverified:
      'the peak is the lab’s figure, 3 % over the memory held now; systemctl-show.c at v255 was not read line by line',
    script: ['systemctl status kubelet'],
    prints: { '1.18': /^ {3}Memory: \d+\.\dM$/m, '1.36': /^ {5}Memory: \d+\.\dM \(peak: \d+\.\dM\)$/m },
  },
  {
    id: 'kubectl-refused-discovery',
    fields: ['kubectl.refusedDiscovery.where', 'kubectl.refusedDiscovery.message'],
    what: 'Refused while its discovery cache (~/.kube/cache/discovery, 6 h) holds nothing fresh for the server, kubectl first logs client-go’s memcache.go line each time discovery asks (five for get, one for run, none for version): E… memcache.go:381] "Couldn’t get current server API group list" err="Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused". With a fresh cache (cp-k8s, where kubectl has been used) only the refusal is printed, as in 1.18.',
    source:
      'the real kubectl 1.33 on this machine against a closed port (cold cache: the counts per verb) and against `npm run api -- --profile 1.36` with the API server unloaded (warm cache: the refusal alone); client-go discovery/cached/memory/memcache.go (HandleErrorWithContext "Couldn\'t get current server API group list") and real kubectl 1.34 outputs at memcache.go:381, in the code index; cli-runtime config_flags.go (6*time.Hour)',
    unverified:
      'memcache.go’s line is 1.34’s, not read at v1.36.0; the counts are 1.33’s; the cache is kept per host in memory, not as files under ~/.kube/cache',
    script: ['ssh w3-k8s', 'kubectl get nodes'],
    prints: {
      '1.18':
        /^\[root@w3-k8s ~\]# kubectl get nodes\nThe connection to the server localhost:8080 was refused - did you specify the right host or port\?$/m,
      '1.36':
        /^root@w3-k8s:~# kubectl get nodes\n(E0508 01:00:\d\d\.\d{6} {4}\d+ memcache\.go:381\] "Couldn't get current server API group list" err="Get \\"http:\/\/localhost:8080\/api\?timeout=32s\\": dial tcp 127\.0\.0\.1:8080: connect: connection refused"\n){5}The connection to the server localhost:8080 was refused - did you specify the right host or port\?$/m,
    },
  },
  {
    id: 'kubelet-start-log',
    fields: ['kubelet.startLog'],
    what: 'The kubelet’s journal at start is structured klog: "Kubelet version" kubeletVersion="v1.36.0", the watchdog and cgroup-driver lines, "Successfully registered node" node="cp-k8s"; no docker_service.go.',
    source:
      'a real kubelet v1.34.3’s journal on a kubeadm node (code index: server.go:529 "Kubelet version" … server.go:781), the version made 1.36.0’s; kubelet.go syncLoop and kubelet_node_status.go registerWithAPIServer (klog.InfoS)',
    unverified:
      'the file:line numbers are 1.34.3’s (and, for the last three lines, stand-ins), not read at v1.36.0',
    script: ['journalctl -u kubelet | head -3'],
    prints: {
      '1.18': /server\.go:417\] Version: v1\.18\.4$/m,
      '1.36': /server\.go:529\] "Kubelet version" kubeletVersion="v1\.36\.0"$/m,
    },
  },
  {
    id: 'coreutils-quoting',
    fields: ['coreutilsQuoting'],
    what: "coreutils 9.4 quotes a file name in its errors as a shell would: ls: cannot access '/nope' (CentOS 7's 8.22 left ls's bare and put rm's, cp's and mkdir's in ‘…’); cp says -r not specified.",
    source:
      "coreutils src/system.h (8.25+): quoteaf is quotearg_style(shell_escape_always_quoting_style, …), used by ls.c, remove.c, copy.c ('-r not specified; omitting directory %s'), mkdir.c; Ubuntu 24.04 ships coreutils 9.4",
    script: ['ls /nope', 'rm /nope'],
    prints: {
      '1.18': 'rm: cannot remove ‘/nope’: No such file or directory',
      '1.36': "rm: cannot remove '/nope': No such file or directory",
    },
  },
  {
    id: 'taints',
    fields: ['node.masterTaints'],
    what: 'Only the control-plane taint: kubeadm stopped adding node-role.kubernetes.io/master:NoSchedule in 1.25.',
    source: 'kubeadm 1.25 release notes (KEP-2067: the "master" label and taint removed)',
    unverified: 'not read in kubeadm’s source at v1.36.0 (kubernetes/kubernetes is too large to fetch here)',
    script: ['kubectl describe node {master} | grep Taints'],
    prints: {
      '1.18': 'Taints:             node-role.kubernetes.io/master:NoSchedule',
      '1.36': 'Taints:             node-role.kubernetes.io/control-plane:NoSchedule',
    },
  },
  {
    id: 'cri-socket-annotation',
    fields: ['node.criSocketAnnotation'],
    what: 'No kubeadm.alpha.kubernetes.io/cri-socket annotation: kubeadm keeps the socket in the kubelet’s configuration.',
    source: 'kubeadm 1.27+ (the annotation was deprecated, then no longer written)',
    unverified: 'the version that stopped writing it was not read in kubeadm’s source',
    script: ['kubectl describe node {master} | grep -c cri-socket'],
    prints: { '1.18': /^1$/m, '1.36': /^0$/m },
  },
  {
    id: 'container-id',
    fields: ['node.containerIdScheme'],
    what: "A container's ID in the pod's status is containerd://… (docker://… with dockershim).",
    source: `the CRI runtime's name, as CONTAINER-RUNTIME shows it (${BOOK} _prepublish_updates/containerd.md)`,
    script: [...runPod, "kubectl get pod nginx-pod -o jsonpath='{.status.containerStatuses[0].containerID}'"],
    prints: { '1.18': /^docker:\/\/[0-9a-f]{64}/m, '1.36': /^containerd:\/\/[0-9a-f]{64}/m },
  },
  {
    id: 'node-monitor-grace',
    fields: ['controllerManager.nodeMonitorGraceMs'],
    what: 'A silent kubelet’s node turns NotReady after 50 s (node-monitor-grace-period), not 40 s.',
    source:
      'Kubernetes 1.32 changelog: kube-controller-manager --node-monitor-grace-period default 40s → 50s',
    unverified:
      'not read in kube-controller-manager’s source at v1.36.0; timed in src/shell/profiles.test.ts',
  },
  {
    id: 'kubelet-events',
    fields: ['kubelet.createdMessage', 'kubelet.startedMessage'],
    what: 'The kubelet’s events say "Container created" and "Container started" (1.18: "Created container nginx-pod").',
    source:
      'kubelet pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer, as quoted from recent releases',
    unverified: 'read in copies of the newer kuberuntime_container.go, not at the v1.36.0 tag',
    script: [...runPod, 'kubectl get events | grep nginx-pod'],
    prints: {
      '1.18': /Created\s+pod\/nginx-pod\s+Created container nginx-pod/,
      '1.36': /Created\s+pod\/nginx-pod\s+Container created/,
    },
  },
  {
    id: 'pulled-message',
    fields: ['kubelet.pulledMessage'],
    what: 'The Pulled event says how long the pull took and the image’s size: Successfully pulled image "nginx" in 3.217s (3.217s including waiting). Image size: 132000000 bytes.',
    source:
      'kubelet pkg/kubelet/images/image_manager.go EnsureImageExists: fmt.Sprintf("Successfully pulled image %q in %v (%v including waiting). Image size: %v bytes.", …Truncate(time.Millisecond)…)',
    unverified:
      'read in copies of image_manager.go of recent releases, not at the v1.36.0 tag; the size is the lab’s nginx (132 MB, as docker images shows it), not the byte count containerd reports (the compressed size); the lab has no pull queue, so both durations are the same',
    script: [...runPod, 'kubectl get events | grep Pulled'],
    prints: {
      '1.18': /Pulled\s+pod\/nginx-pod\s+Successfully pulled image "nginx"$/m,
      '1.36':
        /Pulled\s+pod\/nginx-pod\s+Successfully pulled image "nginx" in (\d\.\d{1,3}s) \(\1 including waiting\)\. Image size: 132000000 bytes\.$/m,
    },
  },
  {
    id: 'describe-events',
    fields: ['kubectl.describeEventsWithFieldPath'],
    what: "describe's Events: From is the component alone; the message starts with the container's field path.",
    source: 'kubectl pkg/describe/describe.go DescribeEvents at kubernetes-1.36.0 (kubernetes/kubectl)',
    script: [...runPod, 'kubectl describe pod nginx-pod'],
    prints: {
      '1.18': /Normal\s+Started\s+\S+\s+kubelet, w2-k8s\s+Started container nginx-pod/,
      '1.36': /Normal\s+Started\s+\S+\s+kubelet\s+spec\.containers\{nginx-pod\}: Container started/,
    },
  },
  {
    id: 'delete-message',
    fields: ['kubectl.deleted'],
    what: 'kubectl delete names the namespace: pod "nginx-pod" deleted from default namespace.',
    source: 'kubectl pkg/cmd/delete/delete.go PrintObj at kubernetes-1.36.0 (kubernetes/kubectl)',
    script: [...runPod, 'kubectl delete pod nginx-pod'],
    prints: {
      '1.18': /^pod "nginx-pod" deleted$/m,
      '1.36': /^pod "nginx-pod" deleted from default namespace$/m,
    },
  },
  {
    id: 'restarts-age',
    fields: ['kubectl.restartsWithAge', 'kubelet.lastStateAfterReboot'],
    what: 'After the node reboots, RESTARTS reads 1 (6m2s ago): the API server prints the last restart’s age (since 1.22), and containerd reports the container that died with the machine as exited 255, Unknown.',
    source:
      'pkg/printers/internalversion/printers.go printPod (restartsStr "%d (%s ago)"), kubernetes/kubernetes since 1.22',
    unverified:
      'printers.go read in copies, not at the v1.36.0 tag; the 255/Unknown last state is what containerd reports after a reboot, not observed on the second edition’s lab',
    script: [...runPod, 'ssh w2-k8s', 'reboot', 'sleep 400', 'kubectl get pods'],
    prints: {
      '1.18': /^nginx-pod\s+1\/1\s+Running\s+1\s+7m25s$/m,
      '1.36': /^nginx-pod\s+1\/1\s+Running\s+1 \(6m2s ago\)\s+7m25s$/m,
    },
  },
  {
    id: 'kubectl-version',
    fields: ['kubectl.version'],
    what: 'kubectl version prints Client, Kustomize and Server versions on three lines; --short is gone (1.28).',
    source:
      'kubectl pkg/cmd/version/version.go at kubernetes-1.36.0; the Kustomize line is its go.mod’s sigs.k8s.io/kustomize/kustomize/v5 v5.8.1 (kubectl 1.33.1 here prints go.mod’s v5.6.0 the same way)',
    script: ['kubectl version'],
    prints: {
      '1.18': 'Server Version: version.Info{Major:"1", Minor:"18", GitVersion:"v1.18.4"',
      '1.36': 'Client Version: v1.36.0\nKustomize Version: v5.8.1\nServer Version: v1.36.0',
    },
  },
  {
    id: 'kubectl-version-short',
    fields: ['kubectl.version'],
    what: 'kubectl version --short: an unknown flag since 1.28.',
    source: 'real kubectl 1.33.1 on this machine: "error: unknown flag: --short"',
    script: ['kubectl version --short'],
    prints: {
      '1.18': 'Client Version: v1.18.4\nServer Version: v1.18.4',
      '1.36': "error: unknown flag: --short\nSee 'kubectl version --help' for usage.",
    },
  },
  {
    id: 'apiserver-version',
    fields: [
      'apiServer.versionInfo.minor',
      'apiServer.versionInfo.emulationMajor',
      'apiServer.versionInfo.emulationMinor',
      'apiServer.versionInfo.minCompatibilityMajor',
      'apiServer.versionInfo.minCompatibilityMinor',
      'apiServer.versionInfo.gitVersion',
      'apiServer.versionInfo.gitCommit',
      'apiServer.versionInfo.buildDate',
      'apiServer.versionInfo.goVersion',
    ],
    what: "npm run api's GET /version: v1.36.0, with the emulation and minimum-compatibility versions a 1.31+ server reports.",
    source:
      'kubernetes/apimachinery v0.36.0 pkg/version/types.go (version.Info: emulationMajor … minCompatibilityMinor, omitempty); a real kubeadm v1.36.0’s `kubeadm version` in the code index (GitCommit ecf6decece6a6de25a57aad9ba90b6ce580f6f78, go1.26.2, built 2026-04-22T13:54:03Z); src/api/realKubectl.test.ts (kubectl 1.33 prints Server Version: v1.36.0)',
    unverified:
      'the server’s build time is kubeadm’s (the release’s binaries are built minutes apart); emulation 1.36 and minimum compatibility 1.35 are the defaults as remembered (KEP-4330)',
  },
  {
    id: 'addon-images',
    fields: [
      'addons.images.etcd',
      'addons.images.kube-apiserver',
      'addons.images.kube-controller-manager',
      'addons.images.kube-scheduler',
      'addons.images.kubeProxy',
      'addons.images.coredns',
      'addons.images.pause',
      'addons.images.calicoNode',
      'addons.images.calicoCni',
      'addons.images.calicoKubeControllers',
      'addons.controlPlaneTolerationKeys',
      'addons.etcdVersion',
    ],
    what: 'The system pods run registry.k8s.io’s images (k8s.gcr.io is frozen): kube-*:v1.36.0, etcd 3.6.8-0, CoreDNS v1.14.2 under coredns/coredns, pause 3.10.2, and Calico v3.31.2 from quay.io; CoreDNS tolerates the control-plane taint, not the master one; the etcd pod’s etcdctl says 3.6.8.',
    source:
      'three `kubeadm config images list` outputs of v1.36.2, v1.36.4 and v1.36.5 in the code index (coredns/coredns:v1.14.2, pause:3.10.2, etcd:3.6.8-0, the same in all three); sysnet4admin/IaC k8s/CNI/calico-quay-v3.31.2.yaml (quay.io/calico/node, cni and kube-controllers v3.31.2), the manifest _prepublish_updates/calico.md says controlplane_node.sh applies; kubeadm constants.go (ControlPlaneToleration: node-role.kubernetes.io/control-plane)',
    unverified:
      'v1.36.0’s etcd, CoreDNS and pause are taken to be those of v1.36.2–5; the images’ IDs and sizes are stand-ins; calico-node’s init containers (upgrade-ipam, install-cni, ebpf-bootstrap) are not modelled in either profile',
    script: [
      'kubectl get pods -n kube-system -l k8s-app=kube-dns -o jsonpath="{.items[0].spec.containers[0].image} {.items[0].spec.tolerations[1].key}"',
    ],
    prints: {
      '1.18': 'k8s.gcr.io/coredns:1.6.7 node-role.kubernetes.io/master',
      '1.36': 'registry.k8s.io/coredns/coredns:v1.14.2 node-role.kubernetes.io/control-plane',
    },
  },
  {
    id: 'addon-hashes',
    fields: ['addons.corednsHash', 'addons.calicoKubeControllersHash'],
    what: 'kubectl get pods -n kube-system: CoreDNS’s pods are coredns-589f44dc88-…, the hash of kubeadm 1.36’s CoreDNS template (66bff467f8 in 1.18).',
    source:
      'a real kubeadm v1.36.0 cluster’s `kubectl get pods -A` in the code index (coredns-589f44dc88-mfp9r, coredns-589f44dc88-pfbpf): the template holds nothing of the cluster’s own, so every kubeadm 1.36.0 cluster has that hash',
    unverified:
      'calico-kube-controllers’ hash under the second edition’s manifest (sysnet4admin’s own copy) could not be read: 6f9d4c8b7 is a stand-in',
    script: ['kubectl get pods -n kube-system'],
    prints: { '1.18': /^coredns-66bff467f8-4pvhm /m, '1.36': /^coredns-589f44dc88-4pvhm /m },
  },
  {
    id: 'token-volume',
    fields: ['apiServer.tokenVolume'],
    what: 'Every pod mounts a projected kube-api-access-… volume (a bound token of 3607 s, the CA from kube-root-ca.crt, the namespace) instead of the default-token-… Secret; describe shows Type: Projected.',
    source:
      'plugin/pkg/admission/serviceaccount/admission.go TokenVolumeSource (K8S-COPY of a recent release: defaultMode 420, serviceAccountToken path token with WarnOnlyBoundTokenExpirationSeconds, configMap kube-root-ca.crt ca.crt, downwardAPI metadata.namespace); BoundServiceAccountTokenVolume GA in 1.22; kubectl pkg/describe/describe.go printProjectedVolumeSource at kubernetes-1.36.0',
    unverified:
      'the five characters after kube-api-access- are drawn by the API server; the lab derives them from the pod’s uid. The kube-root-ca.crt ConfigMaps themselves are not in the lab',
    script: [...runPod, 'kubectl describe pod nginx-pod'],
    prints: {
      '1.18': /^ {2}default-token-[a-z0-9]{5}:\n {4}Type: {8}Secret \(a volume populated by a Secret\)$/m,
      '1.36':
        /^ {2}kube-api-access-[a-z0-9]{5}:\n {4}Type: {20}Projected \(a volume that contains injected data from multiple sources\)\n {4}TokenExpirationSeconds: {2}3607\n {4}ConfigMapName: {11}kube-root-ca\.crt\n {4}Optional: {16}false\n {4}DownwardAPI: {13}true$/m,
    },
  },
  {
    id: 'image-id',
    fields: [],
    what: 'describe’s Image ID is containerd’s full reference, docker.io/library/nginx@sha256:…, not docker-pullable://docker.io/nginx@sha256:….',
    source:
      'containerd’s CRI plugin (the kubelet reports its image’s repo digest as imageID; no docker-pullable:// scheme outside dockershim)',
    unverified: 'the digests are derived from the image’s name, under both profiles: not the registry’s',
    script: [...runPod, 'kubectl describe pod nginx-pod'],
    prints: {
      '1.18': /^ {4}Image ID: +docker-pullable:\/\/docker\.io\/nginx@sha256:[0-9a-f]{64}$/m,
      '1.36': /^ {4}Image ID: +docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/m,
    },
  },
  {
    id: 'pod-status-fields',
    fields: [
      'kubelet.podStatus.hostIPs',
      'kubelet.podStatus.containerResources',
      'kubelet.podStatus.containerUser',
      'kubelet.podStatus.mountStatus',
    ],
    what: 'kubectl get pod -o yaml: the status has hostIPs, and each started container its resources (allocatedResources when it requests any), its user (uid 0, gid 0) and its volumeMounts with recursiveReadOnly: Disabled; containerd names the image docker.io/library/nginx:latest.',
    source:
      'real pods of 1.34/1.35-era clusters with containerd, `kubectl get pod -o yaml` in the code index (hostIPs; resources: {}; user.linux gid 0, supplementalGroups [0], uid 0; volumeMounts … recursiveReadOnly: Disabled; image: docker.io/library/nginx:latest; allocatedResources beside requests)',
    unverified:
      'not read from a 1.36.0 cluster: the fields are those of 1.34/1.35 pods, taken to be unchanged; the user is what the lab’s images (all running as root) report',
    script: [...runPod, 'kubectl get pod nginx-pod -o yaml'],
    prints: {
      '1.18': /^ {2}hostIP: 192\.168\.1\.102\n {2}phase: Running$/m,
      '1.36':
        /^ {4}image: docker\.io\/library\/nginx:latest\n[\s\S]*^ {4}resources: \{\}\n[\s\S]*^ {4}user:\n {6}linux:\n {8}gid: 0\n {8}supplementalGroups:\n {8}- 0\n {8}uid: 0\n {4}volumeMounts:\n {4}- mountPath: \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\n {6}name: kube-api-access-[a-z0-9]{5}\n {6}readOnly: true\n {6}recursiveReadOnly: Disabled\n {2}hostIP: 192\.168\.1\.102\n {2}hostIPs:\n {2}- ip: 192\.168\.1\.102$/m,
    },
  },
  {
    id: 'pod-generation',
    fields: ['apiServer.podGeneration'],
    what: 'Pods have metadata.generation: 1, and the kubelet reports the generation it acted on as status.observedGeneration and on each condition.',
    source:
      'real pods of 1.34/1.35-era clusters in the code index (generation: 1; observedGeneration: 1 on the status and every condition); KEP-5067 PodObservedGenerationTracking, beta and on by default in 1.34 (MEM)',
    unverified: 'not read from a 1.36.0 cluster; graceful deletion’s generation bump is not modelled',
    script: [
      ...runPod,
      'kubectl get pod nginx-pod -o jsonpath="{.metadata.generation}/{.status.observedGeneration}"',
    ],
    prints: { '1.18': /observedGeneration\}"\n\/$/, '1.36': /observedGeneration\}"\n1\/1$/ },
  },
  {
    id: 'curl-errors',
    fields: ['curl'],
    what: 'curl is Ubuntu 24.04’s 8.5: a failed connection says `Failed to connect to HOST port N after T ms: Couldn’t connect to server` (refused or timed out alike), and a name it cannot resolve no longer adds `; Unknown error`.',
    source:
      'curl 8’s lib/connect.c (the failf with the host, port, elapsed time and curl_easy_strerror of CURLE_COULDNT_CONNECT), as real curl 8 outputs in the code index print it (`after 0 ms: Couldn’t connect to server` refused, `after 21077 ms` and `after 75014 ms` timed out); a real 1.36 node’s apt: curl 8.5.0-2ubuntu10',
    unverified: 'the milliseconds are the lab’s own connect time (a LAN refusal here takes 4 ms)',
    script: ['curl 192.168.1.101:8080'],
    prints: {
      '1.18': 'curl: (7) Failed connect to 192.168.1.101:8080; Connection refused',
      '1.36':
        /^curl: \(7\) Failed to connect to 192\.168\.1\.101 port 8080 after \d+ ms: Couldn't connect to server$/m,
    },
  },
  {
    id: 'template-timestamp',
    fields: ['apiServer.nullTemplateTimestamp'],
    what: 'kubectl get deployment -o yaml: the pod template’s metadata holds its labels alone, without `creationTimestamp: null`.',
    source:
      'apimachinery pkg/apis/meta/v1/types.go ObjectMeta.CreationTimestamp `json:"creationTimestamp,omitempty,omitzero"` (K8S-COPY, cited at types.go:188 in the code index); kubectl 722397942 "Drop null creationTimestamp" in kubernetes-1.34.0 (the client side of the same change)',
    unverified:
      'not read from a 1.36.0 server’s answer; the apimachinery version that added omitzero is taken to be 0.34',
    script: ['kubectl get deployment -n kube-system coredns -o yaml'],
    prints: {
      '1.18': /^ {2}template:\n {4}metadata:\n {6}creationTimestamp: null\n {6}labels:$/m,
      '1.36': /^ {2}template:\n {4}metadata:\n {6}labels:$/m,
    },
  },
  {
    id: 'kubeadm-version',
    fields: ['addons.kubeadmVersion'],
    what: 'kubeadm version prints v1.36.0’s version.Info, with the empty emulation and compatibility fields a client carries.',
    source: 'a real kubeadm v1.36.0 (pkgs.k8s.io 1.36.0-1.1 on Ubuntu 24.04) in the code index, copied whole',
    script: ['kubeadm version'],
    prints: {
      '1.18': 'kubeadm version: &version.Info{Major:"1", Minor:"18", GitVersion:"v1.18.4"',
      '1.36':
        'kubeadm version: &version.Info{Major:"1", Minor:"36", EmulationMajor:"", EmulationMinor:"", MinCompatibilityMajor:"", MinCompatibilityMinor:"", GitVersion:"v1.36.0", GitCommit:"ecf6decece6a6de25a57aad9ba90b6ce580f6f78"',
    },
  },
  {
    id: 'no-selflink',
    fields: ['apiServer.selfLink'],
    what: 'Objects and lists carry no metadata.selfLink.',
    source:
      'KEP-1164 (deprecate and remove SelfLink): the RemoveSelfLink gate, on by default in 1.20, locked on in 1.24',
    unverified: 'from the KEP as remembered; not read at v1.36.0 (the kubernetes repository is not fetched)',
    script: ['kubectl get node w1-k8s -o jsonpath={.metadata.selfLink}', 'echo "[end]"'],
    prints: { '1.18': '/api/v1/nodes/w1-k8s', '1.36': /selfLink\}\n\S+ echo "\[end\]"\n\[end\]/ },
  },
  {
    id: 'managed-fields-hidden',
    fields: ['kubectl.showManagedFields'],
    what: 'kubectl -o yaml|json leaves metadata.managedFields out (--show-managed-fields=false).',
    source:
      'kubernetes/kubernetes#96878 (kubectl 1.21); real kubectl 1.33 against npm run api (src/api/realKubectl.test.ts)',
    script: ['kubectl get node w1-k8s -o yaml'],
    prints: { '1.18': /^ {2}managedFields:$/m, '1.36': /^ {2}name: w1-k8s\n(?![\s\S]*managedFields)/m },
  },
  {
    id: 'list-without-selflink',
    fields: ['kubectl.listSelfLink'],
    what: 'The List kubectl prints for several objects has `resourceVersion: ""` alone in its metadata.',
    source:
      'real kubectl 1.33 against npm run api (src/api/realKubectl.test.ts); kubectl 1.20.2 still writes `selfLink: ""`',
    script: ['kubectl get nodes -o yaml'],
    prints: {
      '1.18': 'kind: List\nmetadata:\n  resourceVersion: ""\n  selfLink: ""',
      '1.36': /kind: List\nmetadata:\n {2}resourceVersion: ""$/,
    },
  },
  {
    id: 'describe-pod-newer',
    fields: ['kubectl.describe.serviceAccount', 'kubectl.describe.tolerationOperator'],
    what: 'describe pod names the pod’s service account, and writes a toleration’s Exists operator as op=Exists.',
    source: `${KCTL} pkg/describe/describe.go: describePod (Service Account:), printTolerationsMultilineWithIndent (op=Exists)`,
    script: [...runPod, 'kubectl describe pod nginx-pod'],
    prints: {
      '1.18': /Priority: {5}0\nNode: /,
      '1.36':
        /Priority: {9}0\nService Account: {2}default\nNode: [\s\S]*not-ready:NoExecute op=Exists for 300s/,
    },
  },
  {
    id: 'describe-template-scheduling',
    fields: ['kubectl.describe.templateScheduling'],
    what: 'A pod template (describe deployment, rollout history --revision) ends with its node selectors and tolerations.',
    source: `${KCTL} pkg/describe/describe.go DescribePodTemplate`,
    script: ['kubectl create deployment web --image=nginx', 'kubectl describe deployment web'],
    prints: {
      '1.18': /^ {2}Volumes: {8}<none>\nConditions:/m,
      '1.36':
        /^ {2}Volumes: {9}<none>\n {2}Node-Selectors: {2}<none>\n {2}Tolerations: {5}<none>\nConditions:/m,
    },
  },
  {
    id: 'describe-node-age',
    fields: ['kubectl.describe.nodePodsAge'],
    what: 'describe node heads the age column of its pods Age.',
    source: `${KCTL} pkg/describe/describe.go describeNodeResource`,
    script: ['kubectl describe node w1-k8s'],
    prints: { '1.18': /Memory Limits {2}AGE$/m, '1.36': /Memory Limits {2}Age$/m },
  },
  {
    id: 'api-resources-apiversion',
    fields: ['kubectl.apiResourcesGroupColumn'],
    what: 'api-resources prints each resource’s group version under APIVERSION (v1, apps/v1).',
    source:
      'kubectl 1.20.2 and 1.33 against npm run api (src/api/realKubectl.test.ts); 1.20’s pkg/cmd/apiresources',
    script: ['kubectl api-resources'],
    prints: {
      '1.18': /^NAME +SHORTNAMES +APIGROUP +NAMESPACED +KIND$/m,
      '1.36': /^deployments +deploy +apps\/v1 +true +Deployment$/m,
    },
  },
  {
    id: 'label-words',
    fields: ['kubectl.labelChangeWords'],
    what: 'label says unlabeled for a label only taken away (modified for one added and one removed).',
    source: `${KCTL} pkg/cmd/label/label.go labelFunc, updateDataChangeMsg`,
    script: ['kubectl label node w1-k8s lesson=ch3', 'kubectl label node w1-k8s lesson-'],
    prints: { '1.18': /lesson-\nnode\/w1-k8s labeled$/, '1.36': /lesson-\nnode\/w1-k8s unlabeled$/ },
  },
  {
    id: 'record-deprecated',
    fields: ['kubectl.recordDeprecated'],
    what: '--record is deprecated: kubectl says so before it runs.',
    source: 'real kubectl 1.33 (`Flag --record has been deprecated, --record will be removed in the future`)',
    script: [
      'kubectl create deployment web --image=nginx',
      'kubectl set image deployment web nginx=nginx:1.19 --record',
    ],
    prints: {
      '1.18': /--record\ndeployment.apps\/web image updated$/,
      '1.36':
        /--record\nFlag --record has been deprecated, --record will be removed in the future\ndeployment.apps\/web image updated$/,
    },
  },
  {
    id: 'cluster-info',
    fields: ['kubectl.clusterInfo.controlPlane', 'kubectl.clusterInfo.colour'],
    what: 'cluster-info calls the API server the control plane, in plain text.',
    source: `${KCTL} pkg/cmd/clusterinfo/clusterinfo.go (printService: Fprint, no colour)`,
    script: ['kubectl cluster-info'],
    prints: {
      '1.18':
        '\u001b[0;32mKubernetes master\u001b[0m is running at \u001b[0;33mhttps://192.168.1.10:6443\u001b[0m',
      '1.36': /^Kubernetes control plane is running at https:\/\/192\.168\.1\.10:6443$/m,
    },
  },
  {
    id: 'kubelet-version',
    fields: ['kubernetesVersion'],
    what: 'kubelet --version: Kubernetes v1.36.0.',
    source: `${BOOK} _prepublish_updates/kubernetes.md: k8s_V = '1.36.0-1.1'`,
    script: ['kubelet --version'],
    prints: { '1.18': 'Kubernetes v1.18.4', '1.36': 'Kubernetes v1.36.0' },
  },
  {
    id: 'crictl',
    fields: ['absentCommands'],
    what: 'crictl ps and crictl pods list the CRI’s containers and sandboxes, newest first.',
    source:
      'cri-tools v1.36.0 cmd/crictl/container.go and sandbox.go (kubernetes-sigs/cri-tools): columns, 13-character IDs, tabwriter minwidth 20 padding 3; k8s_pkg_cfg.sh writes /etc/crictl.yaml for containerd',
    unverified:
      'the IMAGE column’s IDs are derived from the image’s name, not its real digest; `crictl version` prints what containerd 2.2.3 is taken to answer',
    script: [...runPod, 'ssh w2-k8s', 'crictl ps'],
    prints: {
      '1.18': '-bash: crictl: command not found',
      '1.36':
        /CONTAINER\s+IMAGE\s+CREATED\s+STATE\s+NAME\s+ATTEMPT\s+POD ID\s+POD\s+NAMESPACE\n[0-9a-f]{13}\s+[0-9a-f]{13}\s+3\d seconds ago\s+Running\s+nginx-pod\s+0\s+[0-9a-f]{13}\s+nginx-pod\s+default\n/,
    },
  },
  {
    id: 'runtime-service',
    fields: ['runtime.service'],
    what: 'The runtime’s systemd unit is containerd.service (systemctl, ps, journalctl; the fault palette says containerd).',
    source: `${BOOK} ch3/3.1.3/k8s_pkg_cfg.sh: systemctl restart containerd ; systemctl enable containerd; containerd.io's unit (containerd's containerd.service: Description=containerd container runtime, ExecStart=/usr/bin/containerd, KillMode=process)`,
    unverified:
      'the unit’s Loaded path and preset, containerd’s own log lines and the shims’ command line are from memory of containerd 1.7/2.x, not read on the box',
    script: ['ssh w2-k8s', 'systemctl status containerd'],
    prints: {
      '1.18': 'Unit containerd.service could not be found.',
      '1.36': '● containerd.service - containerd container runtime',
    },
  },
  {
    id: 'runtime-down-after',
    fields: ['runtime.downAfterMs'],
    what: 'With containerd stopped the kubelet keeps its node Ready for 30 s, then reports "container runtime is down" (the lab’s 1.18 reports it at its next status).',
    source:
      'kubelet pkg/kubelet/kubelet.go maxWaitForContainerRuntime = 30 * time.Second; pkg/kubelet/runtime.go runtimeErrors ("container runtime is down" once lastBaseRuntimeSync is older)',
    unverified:
      'read in copies of kubelet.go and runtime.go of recent releases, not at the v1.36.0 tag; timed in src/shell/runtimeService.test.ts',
  },
  {
    id: 'containers-outlive-runtime',
    fields: ['runtime.containersOutliveService'],
    what: 'systemctl stop containerd stops the daemon alone: each pod’s runc v2 shim and its containers keep running (ps -ef, curl to the pod answers), systemd says the shims remain in containerd.service’s cgroup, and containerd started again takes them back without restarting them. docker 1.13’s stop takes its containers down.',
    source:
      'containerd/containerd v2.2.3 containerd.service (KillMode=process, Delegate=yes, TasksMax=infinity); core/runtime/v2/shim_load.go LoadExistingShims (reconnects to the shims at start); cmd/containerd-shim-runc-v2/manager/manager_linux.go (the shim in its own process group, Setpgid); systemd’s "Unit process … remains running after unit stopped" and "Found left-over process … in control group while starting unit. Ignoring."',
    unverified:
      'containerd.io’s packaged unit is taken to be containerd’s own with ExecStart=/usr/bin/containerd; systemctl status of the stopped unit (Tasks, Memory, CPU and the shims’ tree under inactive (dead)) follows the active unit’s layout, not a real 255 run; the node controller of the lab does not mark the node’s pods not ready while its kubelet reports NotReady, so a Service keeps sending to them',
    script: [
      ...runPod,
      'ssh w2-k8s',
      'systemctl stop containerd 2>/dev/null || systemctl stop docker',
      'sleep 5',
      'exit',
      // nginx-pod's IP on w2-k8s in both labs (the same seed).
      'curl -s 172.16.103.129 | grep title || echo refused',
    ],
    prints: { '1.18': /^refused$/m, '1.36': /^<title>Welcome to nginx!<\/title>$/m },
  },
  {
    id: 'pleg-unhealthy',
    fields: ['runtime.plegThresholdMs'],
    what: 'With containerd stopped the kubelet’s PLEG fails its relist every second; after 3 minutes the node’s Ready message and the sync loop say [container runtime is down, PLEG is not healthy: pleg was last seen active 3m…s ago; threshold is 3m0s].',
    source:
      'kubernetes/kubernetes pkg/kubelet/pleg/generic.go Healthy ("pleg was last seen active %v ago; threshold is %v"), pkg/kubelet/kubelet.go (genericPlegRelistThreshold = time.Minute * 3; runtimeState.addHealthCheck("PLEG", klet.pleg.Healthy)), pkg/kubelet/runtime.go runtimeErrors ("%s is not healthy: %v", an aggregate), as the stored code index holds them',
    unverified:
      'read in the code index’s recent copies, not at the v1.36.0 tag (the kubernetes repository is over the fetch limit); the relist lines’ file:line are a 1.2x journal’s; the book’s 1.18 kubelet has the same check, which its lab does not show',
    script: [
      ...runPod,
      'ssh w2-k8s',
      'systemctl stop containerd 2>/dev/null || systemctl stop docker',
      'sleep 200',
      'exit',
      'kubectl describe node w2-k8s | grep " Ready "',
    ],
    prints: {
      '1.18': /KubeletNotReady {14}container runtime is down$/m,
      '1.36':
        /KubeletNotReady {14}\[container runtime is down, PLEG is not healthy: pleg was last seen active 3m\d+\.\d+s ago; threshold is 3m0s\]$/m,
    },
  },
  {
    id: 'no-docker',
    fields: ['absentCommands', 'lessons.runtimeCommands.docker ps', 'lessons.runtimeCommands.docker ps -a'],
    what: 'No docker: the machines run containerd alone.',
    source: `${BOOK} ch3/3.1.3/k8s_pkg_cfg.sh: apt-get install -y kubelet kubectl kubeadm containerd.io (no docker-ce)`,
    unverified:
      'Ubuntu’s command-not-found hint ("Command \'docker\' not found, but can be installed with…") is not printed',
    script: ['ssh w2-k8s', 'docker ps'],
    prints: { '1.18': /^CONTAINER ID\s+IMAGE\s+COMMAND/m, '1.36': '-bash: docker: command not found' },
  },
  {
    id: 'pod-ready-to-start',
    fields: ['kubelet.podReadyToStartContainers'],
    what: 'A pod’s conditions start with PodReadyToStartContainers (its sandbox and network are up).',
    source: 'KEP-3085 (pod condition for sandbox creation): beta in 1.29, GA in 1.34',
    unverified:
      'the condition’s place, first, is from the kubelet’s generateAPIPodStatus as remembered, not read at v1.36.0',
    script: [...runPod, 'kubectl describe pod nginx-pod'],
    prints: {
      '1.18': /Conditions:\n {2}Type {14}Status\n {2}Initialized {7}True \n/,
      '1.36':
        /Conditions:\n {2}Type {24}Status\n {2}PodReadyToStartContainers {3}True \n {2}Initialized {17}True \n/,
    },
  },
  {
    id: 'book-3.1.6-scripts',
    fields: [
      'bookRepoFiles.ch3/3.1.6/unload-kube-apiserver.sh',
      'bookRepoFiles.ch3/3.1.6/load-kube-apiserver.sh',
    ],
    what: 'The second edition’s 3.1.6 unloads the API server with two scripts: its manifest moved to /tmp and back.',
    source: `${BOOK} ch3/3.1.6/unload-kube-apiserver.sh (639a68c) and load-kube-apiserver.sh (2a63918), read through the stored index`,
    unverified:
      'the index holds three versions of load-kube-apiserver.sh and shows one (another is ch3/3.1.6/res/, "Wait for 1 minute!!!"), and an unload_kube_apiserver.sh ("Unloaded kube-apiserver") beside the file of the brief: which is newest could not be told',
    script: ['cat ~/_Book_k8sInfra/ch3/3.1.6/unload-kube-apiserver.sh'],
    prints: {
      '1.18': 'No such file or directory',
      '1.36': 'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver.yaml \n',
    },
  },
  {
    id: 'flag-error',
    fields: ['kubectl.flagErrorPrefix'],
    what: 'A flag kubectl does not know is reported as `error: unknown flag`, in lower case.',
    source: 'KC-1.33: `kubectl create nginx --image=nginx` prints "error: unknown flag: --image"',
    unverified: 'read from kubectl 1.33, not 1.36',
    script: ['kubectl create nginx --image=nginx'],
    prints: {
      '1.18': "Error: unknown flag: --image\nSee 'kubectl create --help' for usage.",
      '1.36': "error: unknown flag: --image\nSee 'kubectl create --help' for usage.",
    },
  },
  {
    id: 'get-output-formats',
    fields: ['kubectl.getOutputFormats'],
    what: 'kubectl get -o names jsonpath-as-json among the formats it knows.',
    source: 'KC-1.33 against `npm run api`: `kubectl get pods -o -wide`',
    unverified: 'read from kubectl 1.33, not 1.36 (a later format, if one was added, is not listed)',
    script: ['kubectl get pods -o -wide'],
    prints: {
      '1.18': 'json,jsonpath,jsonpath-file,name',
      '1.36': 'json,jsonpath,jsonpath-as-json,jsonpath-file,name',
    },
  },
  {
    id: 'dry-run-warning-line',
    fields: [
      'kubectl.dryRunWarningLines.bare',
      'kubectl.dryRunWarningLines.isTrue',
      'kubectl.dryRunWarningLines.isFalse',
    ],
    what: 'A bare --dry-run (or --dry-run=true|false) is still taken, as client (or none), with klog’s warning from helpers.go:719 (733, 736) instead of 1.18’s 535 (549, 552).',
    source: `${KCTL} pkg/cmd/util/helpers.go GetDryRunStrategy (klog.Warning on lines 719, 733 and 736; NoOptDefVal "unchanged" kept); KC-1.33.1 prints the same texts from lines 703, 717 and 720`,
    script: ['kubectl run nginx2 --image=nginx --dry-run'],
    prints: {
      '1.18':
        /^W0706 01:00:\d\d\.\d{6} +4242 helpers\.go:535\] --dry-run is deprecated and can be replaced with --dry-run=client\.\npod\/nginx2 created \(dry run\)$/m,
      '1.36':
        /^W0508 01:00:\d\d\.\d{6} +4242 helpers\.go:719\] --dry-run is deprecated and can be replaced with --dry-run=client\.\npod\/nginx2 created \(dry run\)$/m,
    },
  },
  {
    id: 'no-null-creation-timestamp',
    fields: ['kubectl.nullCreationTimestamp'],
    what: 'The objects kubectl builds (run, create deployment, create service, create namespace, expose with --dry-run=client -o yaml|json, and --save-config’s annotation) no longer say `creationTimestamp: null`: a template’s metadata holds its labels alone.',
    source: `${KCTL}: kubectl 722397942 "Drop null creationTimestamp from test fixtures" (kubernetes 6bb6c99, first in kubernetes-1.34.0), pkg/cmd/run/run_test.go and pkg/cmd/expose/expose_test.go expect no creationTimestamp, create_token_test.go \`metadata: {}\``,
    unverified:
      'read in kubectl’s tests at kubernetes-1.36.0, not printed by a 1.36 binary (the kubectl 1.33 here still prints `creationTimestamp: null`); `status: {}`, `resources: {}` and `strategy: {}` stay, as those tests show',
    script: ['kubectl create deployment web --image=nginx --dry-run=client -o yaml'],
    prints: {
      '1.18':
        'kind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\n',
      '1.36':
        'kind: Deployment\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}',
    },
  },
  {
    id: 'print-formats',
    fields: ['kubectl.printFormats'],
    what: 'run, create and expose name jsonpath-as-json among the -o formats they know.',
    source:
      'KC-1.33 against `npm run api -- --profile 1.36`: `kubectl run nginx2 --image=nginx --dry-run=client -o wide` (kubectl 1.20.2 lists it too)',
    unverified: 'read from kubectl 1.33, not 1.36',
    script: ['kubectl run nginx2 --image=nginx --dry-run=client -o wide'],
    prints: {
      '1.18':
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,yaml',
      '1.36':
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    },
  },
  {
    id: 'run-flags-removed',
    fields: ['kubectl.absentFlags.run'],
    what: 'kubectl run has no --generator and no --replicas (-r) any more: 1.18 warned that they have no effect, 1.36 does not know them.',
    source: `${KCTL} pkg/cmd/run/run.go NewCmdRun (neither flag is defined); KC-1.33: "error: unknown flag: --generator", "error: unknown shorthand flag: 'r' in -r"`,
    script: ['kubectl run web --image=nginx --replicas=3'],
    prints: {
      '1.18':
        'Flag --replicas has been deprecated, has no effect and will be removed in the future.\npod/web created',
      '1.36': "error: unknown flag: --replicas\nSee 'kubectl run --help' for usage.",
    },
  },
  {
    id: 'create-deployment-replicas-port',
    fields: ['kubectl.absentFlags.create deployment'],
    what: 'kubectl create deployment takes --replicas (-r) and --port: the replicas in the spec, the port on the first container.',
    source: `${KCTL} pkg/cmd/create/create_deployment.go (Int32Var port, Int32VarP replicas; createDeployment puts the port on Containers[0]); KC-1.33 against \`npm run api -- --profile 1.36\``,
    script: ['kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml'],
    prints: {
      '1.18': "Error: unknown flag: --replicas\nSee 'kubectl create deployment --help' for usage.",
      '1.36':
        /^ {2}replicas: 3\n[\s\S]*^ {6}containers:\n {6}- image: nginx\n {8}name: nginx\n {8}ports:\n {8}- containerPort: 80\n {8}resources: \{\}$/m,
    },
  },
  {
    id: 'create-deployment-command',
    fields: ['kubectl.createDeploymentCommand'],
    what: 'kubectl create deployment NAME --image=IMAGE -- COMMAND… gives the container that command (with one image only).',
    source: `${KCTL} pkg/cmd/create/create_deployment.go Complete (o.Command = args[1:]), Validate ("cannot specify multiple --image options and command"); KC-1.33 against \`npm run api -- --profile 1.36\``,
    script: ['kubectl create deployment web --image=busybox --dry-run=client -o yaml -- sleep 3600'],
    prints: {
      '1.18':
        "error: exactly one NAME is required, got 3\nSee 'kubectl create deployment -h' for help and examples",
      '1.36':
        /^ {6}containers:\n {6}- command:\n {8}- sleep\n {8}- "3600"\n {8}image: busybox\n {8}name: busybox\n/m,
    },
  },
  {
    id: 'create-subcommand-errors',
    fields: ['kubectl.createSubcommandErrors'],
    what: 'create deployment and create service wrap what the API server answers: `error: failed to create deployment: …`, `error: failed to create ClusterIP service: …`.',
    source: `${KCTL} pkg/cmd/create/create_deployment.go Run ("failed to create deployment: %v") and create_service.go ("failed to create %s service: %v"); KC-1.33 against \`npm run api -- --profile 1.36\``,
    script: ['kubectl create deployment web --image=nginx', 'kubectl create deployment web --image=nginx'],
    prints: {
      '1.18': 'Error from server (AlreadyExists): deployments.apps "web" already exists',
      '1.36': 'error: failed to create deployment: deployments.apps "web" already exists',
    },
  },
  {
    id: 'save-config-dry-run',
    fields: ['kubectl.saveConfigOnClientDryRun'],
    what: 'create deployment --save-config --dry-run=client -o yaml shows the last-applied-configuration annotation it would send.',
    source: `${KCTL} pkg/cmd/create/create_deployment.go Run (util.CreateOrUpdateAnnotation before the dry-run check); KC-1.33 against \`npm run api -- --profile 1.36\``,
    script: ['kubectl create deployment web --image=nginx --save-config --dry-run=client -o yaml'],
    prints: {
      '1.18': 'kind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:',
      '1.36':
        'kind: Deployment\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}\n  labels:',
    },
  },
  {
    id: 'jsonpath-maps-json',
    fields: ['kubectl.jsonPathMapsAsJson'],
    what: '-o jsonpath prints a map or a list it finds as JSON ({"component":"apiserver",…}), not as Go’s map[component:apiserver …].',
    source:
      'KC-1.33 and kubectl 1.20.2 against `npm run api`: `kubectl get svc kubernetes -o jsonpath={.metadata.labels}` prints {"component":"apiserver","provider":"kubernetes"}; client-go 1.18.4 util/jsonpath evalToText used fmt.Fprint',
    unverified:
      'read from kubectl 1.33 (and 1.20.2), not 1.36; client-go’s jsonpath is not in the fetched kubectl repository',
    script: ['kubectl get svc kubernetes -o jsonpath={.metadata.labels}'],
    prints: {
      '1.18': 'map[component:apiserver provider:kubernetes]',
      '1.36': '{"component":"apiserver","provider":"kubernetes"}',
    },
  },
  {
    id: 'iptables-nft',
    fields: ['netfilter.iptables', 'netfilter.backend', 'netfilter.legacyTablesPresent'],
    what: 'iptables is Ubuntu 24.04’s iptables-nft 1.8.10: iptables-save names itself `v1.8.10 (nf_tables)` and lists mangle (the canaries and KUBE-IPTABLES-HINT), filter, then nat; `iptables -L -n` prints protocol numbers (0, 6, 17) in its prot column; and both warn on stderr that iptables-legacy tables are present.',
    source:
      'real `iptables-save` of a kubeadm node with iptables v1.8.10 (nf_tables), 2026, in the code index (*mangle with KUBE-IPTABLES-HINT, KUBE-KUBELET-CANARY, KUBE-PROXY-CANARY, then *filter, then *nat); iptables xshared.c print_rule_details: "Print protocol numbers if --numeric was given" (da8ecc62, Jul 2022, in 1.8.9), reverted by 34f085b1 in Jan 2024, after 1.8.10 (netfilter-devel, as the code index holds the patches)',
    unverified:
      'that Ubuntu 24.04 ships 1.8.10 without the revert (Debian took it into its package in July 2024, bug 1067733, after noble was released) is from memory of the archive, not read from the box; the legacy-tables warning is as a real Ubuntu kubeadm node prints it (killer.sh’s CKA lab, `iptables-save | grep …` still showing it, so on stderr, in the code index), not seen on the box; Calico’s cali-* chains are not modelled in either lab',
    script: ['iptables-save | head -2', 'iptables -L INPUT -n'],
    prints: {
      '1.18':
        /^# Generated by iptables-save v1\.4\.21 on .*\n\*nat$[\s\S]*^KUBE-FIREWALL {2}all {2}-- {2}0\.0\.0\.0\/0/m,
      '1.36':
        /^# Generated by iptables-save v1\.8\.10 \(nf_tables\) on .*\n\*mangle$[\s\S]*^KUBE-PROXY-FIREWALL {2}0 {4}-- {2}0\.0\.0\.0\/0 {12}0\.0\.0\.0\/0 {12}ctstate NEW \/\* kubernetes load balancer firewall \*\/[\s\S]*^# Warning: iptables-legacy tables present, use iptables-legacy to see them$/m,
    },
  },
  {
    id: 'kube-proxy-rules',
    fields: ['netfilter.proxier', 'netfilter.nfacct'],
    what: 'kube-proxy 1.36’s iptables rules: a Service’s KUBE-SVC-* chain masquerades what comes from outside the pod network and names each endpoint (`ns/name:port -> ip:port`); node ports go through KUBE-EXT-* (and 127.0.0.0/8 first, counted by nfacct); KUBE-POSTROUTING returns unmarked packets, clears the mark (--xor-mark) and masquerades --random-fully; the filter table gains KUBE-PROXY-FIREWALL, KUBE-NODEPORTS and KUBE-FORWARD’s INVALID drop. The chains’ hashes are the same (servicePortChainName is unchanged).',
    source:
      'pkg/proxy/iptables/proxier.go as the code index holds the later proxier (iptablesJumpChains, syncProxyRules, writeServiceToEndpointRules, portProtoHash); real `iptables-save` of kubeadm nodes in the code index: a 2026 node (iptables 1.8.10) whose KUBE-SVC-NPX46M4PTMTKRN6Y (default/kubernetes:https), KUBE-SVC-TCOU7JCQXEZGVUNU, -ERIFXISQEP7F7OF4 and -JD5MR3NA4I4DYORP (kube-dns) are the lab’s hashes, and a 2024 cluster’s with `-m nfacct --nfacct-name  ct_state_invalid_dropped_pkts` and `localhost_nps_accepted_pkts`',
    unverified:
      'the proxier.go read is not the v1.36.0 tag (the code index’s copy, with nfacct, is 1.29 or later; kubernetes/kubernetes is too big to fetch); that kube-proxy’s nfacct counters take on the box’s 6.8 kernel is from another Ubuntu-like cluster, not the box; the services are in name order where Go’s map order changes from sync to sync',
    script: [
      'iptables -t nat -S KUBE-SVC-NPX46M4PTMTKRN6Y',
      'iptables -t nat -S KUBE-POSTROUTING',
      'iptables -S KUBE-FORWARD',
    ],
    prints: {
      '1.18':
        /^-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default\/kubernetes:https" -j KUBE-SEP-\w+\n[\s\S]*^-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -m mark --mark 0x4000\/0x4000 -j MASQUERADE$/m,
      '1.36':
        /^-A KUBE-SVC-NPX46M4PTMTKRN6Y ! -s 172\.16\.0\.0\/16 -d 10\.96\.0\.1\/32 -p tcp -m comment --comment "default\/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ\n-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default\/kubernetes:https -> 192\.168\.1\.10:6443" -j KUBE-SEP-\w+\n[\s\S]*^-A KUBE-POSTROUTING -m mark ! --mark 0x4000\/0x4000 -j RETURN\n-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000\/0x0\n-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully\n[\s\S]*^-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name {2}ct_state_invalid_dropped_pkts -j DROP$/m,
    },
  },
  {
    id: 'kubelet-chains',
    fields: ['netfilter.kubeletChains'],
    what: 'The kubelet no longer writes KUBE-MARK-DROP, KUBE-MARK-MASQ or KUBE-POSTROUTING, nor KUBE-FIREWALL’s drop of marked packets (IPTablesOwnershipCleanup, GA in 1.28): KUBE-FIREWALL, still the kubelet’s (and kube-proxy’s), holds the localnet rule alone; KUBE-KUBELET-CANARY stays, and KUBE-IPTABLES-HINT is in mangle.',
    source:
      'pkg/kubelet/kubelet_network_linux.go as the code index holds it after the cleanup: syncIPTablesRules makes KUBE-IPTABLES-HINT (mangle), KUBE-FIREWALL with the INPUT and OUTPUT jumps and the "block incoming localnet connections" rule, and Monitor’s KUBE-KUBELET-CANARY; an earlier copy keeps syncIPTablesRulesDeprecated (KUBE-MARK-DROP …) behind the gate. The 2026 node’s `iptables -t filter -S` shows the same KUBE-FIREWALL',
    unverified:
      'iptables-nft’s message for a chain that is not there is taken to be legacy’s "No chain/target/match by that name."',
    script: ['iptables -t nat -S KUBE-MARK-DROP', 'iptables -S KUBE-FIREWALL'],
    prints: {
      '1.18':
        /^-A KUBE-MARK-DROP -j MARK --set-xmark 0x8000\/0x8000\n[\s\S]*^-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -m mark --mark 0x8000\/0x8000 -j DROP$/m,
      '1.36':
        /^iptables: No chain\/target\/match by that name\.\n[\s\S]*^-N KUBE-FIREWALL\n-A KUBE-FIREWALL ! -s 127\.0\.0\.0\/8 -d 127\.0\.0\.0\/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP$/m,
    },
  },
  {
    id: 'network-unit',
    fields: ['networkUnit'],
    what: 'The network is systemd-networkd’s (netplan): there is no network.service, so the book’s `systemctl restart network` fails with systemd 255’s "Unit network.service not found."; the kube-proxy lesson restarts systemd-networkd.',
    source:
      'sysnet4admin/IaC bento/ networking_ubuntu.sh (the box’s netplan with eth0 on dhcp4, rendered for systemd-networkd); Ubuntu 24.04 ships no initscripts; systemd’s BUS_ERROR_NO_SUCH_UNIT text "Unit %s not found."',
    unverified:
      'whether restarting systemd-networkd on the box drops Calico’s routes (the book’s CentOS 7 symptom, which the lab keeps) was not tried; `systemctl status systemd-networkd` still prints the network unit’s CentOS texts',
    script: ['ssh w2-k8s', 'systemctl restart network'],
    prints: {
      // Nothing after the line: the restart succeeds silently.
      '1.18': /^\[root@w2-k8s ~\]# systemctl restart network$(?![\s\S])/m,
      '1.36': 'Failed to restart network.service: Unit network.service not found.',
    },
  },
  {
    id: 'api-resources-wide',
    fields: ['kubectl.apiResourcesCategories', 'kubectl.absentFlags.api-resources'],
    what: 'api-resources -o wide joins each resource’s verbs with commas and adds a CATEGORIES column; --categories keeps the resources of the categories named.',
    source: `${KCTL} pkg/cmd/apiresources/print_flags.go HumanReadablePrinter (strings.Join(r.Verbs, ",")), since 1.26’s apiresources.go; kubectl 1.33 prints the same against npm run api -- --profile 1.36 (src/api/realKubectl.test.ts)`,
    script: ['kubectl api-resources -o wide'],
    prints: {
      '1.18': /^pods +po +true +Pod +\[create delete deletecollection get list patch update watch\]$/m,
      '1.36': /^pods +po +v1 +true +Pod +create,delete,deletecollection,get,list,patch,update,watch +all$/m,
    },
  },
  {
    id: 'services-deletecollection',
    fields: ['apiServer.discovery.verbs.services'],
    what: 'Services can be deleted as a collection: discovery lists deletecollection among their verbs (Namespaces still have none).',
    source:
      'a real cluster’s /api/v1 (k0s, April 2026; a transcript in the code index): services’ verbs create, delete, deletecollection, get, list, patch, update, watch',
    unverified:
      'the release that added it, and v1.36.0’s own pkg/registry/core/service/storage, were not read (the kubernetes repository is too large to bring here)',
    script: ['kubectl api-resources --verbs=deletecollection -o name'],
    prints: { '1.18': 'pods\ndaemonsets.apps', '1.36': 'pods\nservices\ndaemonsets.apps' },
  },
  {
    id: 'discovery-resources',
    fields: [
      'apiServer.discovery.singularNames',
      'apiServer.discovery.storageVersionHashes',
      'apiServer.discovery.subresources.pods',
    ],
    what: 'The API server’s resource lists (GET /api/v1, /apis/apps/v1) name each resource’s singular (pod), carry its storageVersionHash, list pods/ephemeralcontainers and pods/resize, and name pods/eviction as policy/v1’s Eviction (policy/v1beta1 is gone).',
    source:
      'a real cluster’s /api/v1 (k0s, April 2026) and real /apis/apps/v1 outputs in the code index; the hashes: kubernetes pkg/controlplane/storageversionhashdata/data.go (a copy in the code index, the same values)',
    unverified:
      'read from clusters of 1.3x, not from v1.36.0’s pkg/registry at the tag; seen by real kubectl against npm run api -- --profile 1.36 only (the in-page kubectl prints no raw discovery)',
  },
  {
    id: 'aggregated-discovery',
    fields: ['apiServer.discovery.aggregated'],
    what: 'The API server answers aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList): kubectl reads every group’s resources from GET /api and /apis alone, without a request per group version.',
    source:
      'kubectl 1.33 against npm run api: its first Accept is application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList (seen with -v=8); AggregatedDiscoveryEndpoint is GA in 1.30; the shape of a real k3s v1.30.0 /apis (trimmed, in the code index)',
    unverified:
      'the group order, ETag and 304 answers of a real 1.36 server are not modelled; the JSON was compared with a trimmed real one, not with a whole v1.36.0 answer',
  },
  {
    id: 'configmap-root-ca',
    fields: ['configMaps.rootCaPublisher'],
    what: 'Every namespace holds kube-root-ca.crt (the cluster CA as ca.crt, with its kubernetes.io/description): the controller manager’s root-ca-cert-publisher writes it (1.20+), and the pods’ projected kube-api-access volume reads it. `kubectl get cm` in default is no longer empty.',
    source:
      'pkg/controller/certificates/rootcacertpublisher/publisher.go (RootCACertConfigMapName kube-root-ca.crt, DescriptionAnnotation, Description, in the code index); real `kubectl get configmap -A` of a kubeadm 1.29 cluster (code index, killercoda-style transcript): kube-root-ca.crt 1 in default, kube-node-lease, kube-public and kube-system',
    unverified: 'the CA itself is the lab’s own stand-in, made with openssl, not a real cluster’s',
    script: ['kubectl get cm'],
    prints: { '1.18': 'No resources found in default namespace.', '1.36': /^kube-root-ca\.crt +1 +29m$/m },
  },
  {
    id: 'configmap-token-tracking',
    fields: ['configMaps.legacyTokenTrackingSince'],
    what: 'kube-system/kube-apiserver-legacy-service-account-token-tracking: the API server writes the day it first ran (since: 2026-05-08), from which it tracks the use of legacy token Secrets (1.28+).',
    source:
      'the same 1.29 cluster’s `kubectl get configmap -A` (kube-apiserver-legacy-service-account-token-tracking 1); KEP-2799 LegacyServiceAccountTokenTracking (GA 1.28)',
    unverified:
      'the key and its date format (since: YYYY-MM-DD) are from the KEP, not read from a running 1.36 API server',
    script: [
      "kubectl get cm kube-apiserver-legacy-service-account-token-tracking -n kube-system -o jsonpath='{.data.since}'",
    ],
    prints: {
      '1.18':
        'Error from server (NotFound): configmaps "kube-apiserver-legacy-service-account-token-tracking" not found',
      '1.36': /^2026-05-08$/m,
    },
  },
  {
    id: 'configmap-corefile',
    fields: ['configMaps.corefile'],
    what: 'CoreDNS’s Corefile as kubeadm writes it: forward takes `max_concurrent 1000` and cache no longer caches cluster.local (`disable success` and `disable denial`); 1.18’s is `forward . /etc/resolv.conf` and a bare `cache 30`.',
    source:
      'cmd/kubeadm/app/phases/addons/dns/manifests.go CoreDNSConfigMap (kubernetes/kubernetes as the code index holds it, a recent main; 1.18’s without max_concurrent, with {{ .Federation }} and {{ .StubDomain }} empty); real `kubectl get cm coredns -o yaml` of kubeadm clusters made in 2025–2026 show the same cache block',
    unverified: 'manifests.go was not read at the v1.36.0 tag (kubernetes/kubernetes is too large to fetch)',
    script: ['kubectl describe cm coredns -n kube-system'],
    prints: {
      '1.18': /^ {4}forward \. \/etc\/resolv\.conf\n {4}cache 30\n {4}loop$/m,
      '1.36':
        /^ {4}forward \. \/etc\/resolv\.conf \{\n {7}max_concurrent 1000\n {4}\}\n {4}cache 30 \{\n {7}disable success cluster\.local\n {7}disable denial cluster\.local\n {4}\}$/m,
    },
  },
  {
    id: 'configmap-kube-proxy',
    fields: ['configMaps.kubeProxyConf'],
    what: 'kube-proxy’s config.conf (KubeProxyConfiguration v1alpha1, mode "" in both: iptables) grew bindAddressHardFail, conntrack’s tcpBeLiberal and UDP timeouts, detectLocal, iptables.localhostNodePorts, logging and nftables, and lost udpIdleTimeout (the userspace proxier’s).',
    source:
      'cmd/kubeadm/app/phases/addons/proxy/manifests.go KubeProxyConfigMap19 (config.conf and kubeconfig.conf, label app: kube-proxy); real `kubectl get cm kube-proxy -n kube-system -o yaml` outputs in the code index: a 1.18-era kubeadm cluster’s (detectLocalMode, no bindAddressHardFail) and 2024–2025 ones (1.29 without, 1.32-era with logging.options.text)',
    unverified:
      'no 1.36 cluster’s config.conf was read: the 1.32-era one stands in for it (fields v1alpha1 gained after that are missing); 1.18’s is a 1.18/1.19-era cluster’s, not one known to be v1.18.4',
    script: ['kubectl get cm kube-proxy -n kube-system -o yaml'],
    prints: {
      '1.18': /^ {4}mode: ""\n {4}nodePortAddresses: null\n[\s\S]*^ {4}udpIdleTimeout: 0s$/m,
      '1.36':
        /^ {4}bindAddressHardFail: false$[\s\S]*^ {4}mode: ""\n {4}nftables:\n {6}masqueradeAll: false$/m,
    },
  },
  {
    id: 'configmap-component-config-hash',
    fields: ['configMaps.componentConfigHash'],
    what: 'kubeadm signs the kube-proxy and kubelet ConfigMaps with kubeadm.kubernetes.io/component-config.hash (sha256 of their values), to tell a user’s edit from its own.',
    source:
      'cmd/kubeadm/app/componentconfigs/checksums.go ChecksumForConfigMap and SignConfigMap (code index, both the sort.Strings and the slices.Sorted versions); the 1.29 cluster’s kube-proxy ConfigMap carries the annotation',
    script: ['kubectl describe cm kube-proxy -n kube-system'],
    prints: {
      '1.18': /^Annotations: {2}<none>$/m,
      '1.36': /^Annotations: {2}kubeadm\.kubernetes\.io\/component-config\.hash: sha256:[0-9a-f]{64}$/m,
    },
  },
  {
    id: 'configmap-kubeadm-config',
    fields: ['configMaps.clusterConfiguration', 'configMaps.clusterStatus'],
    what: 'kubeadm-config holds the ClusterConfiguration alone, as kubeadm.k8s.io/v1beta4 (certificate validity periods, encryptionAlgorithm, registry.k8s.io; no timeoutForControlPlane, no authorization-mode extraArg); 1.18’s v1beta2 also holds ClusterStatus with the master’s API endpoint (gone in 1.22).',
    source:
      'real `kubectl -n kube-system get cm kubeadm-config -o yaml` of a kubeadm v1.34.1 cluster and the v1beta4 defaults of kubeadm’s own tests (code index); `kubectl get cm -A` of 1.18 clusters: kubeadm-config 2',
    unverified:
      '1.18’s ClusterConfiguration and ClusterStatus are v1beta2’s fields as kubeadm marshals them, not read from a v1.18.4 cluster',
    script: ['kubectl get cm kubeadm-config -n kube-system -o yaml'],
    prints: {
      '1.18':
        /^ {4}apiVersion: kubeadm\.k8s\.io\/v1beta2\n[\s\S]*^ {2}ClusterStatus: \|\n {4}apiEndpoints:\n {6}m-k8s:\n {8}advertiseAddress: 192\.168\.1\.10$/m,
      '1.36': /^ {4}apiVersion: kubeadm\.k8s\.io\/v1beta4\n {4}caCertificateValidityPeriod: 87600h0m0s$/m,
    },
  },
  {
    id: 'configmap-kubelet-config',
    fields: ['configMaps.kubeletConfigName', 'configMaps.kubeletConfig'],
    what: 'The kubelet’s ConfigMap is kubelet-config (1.24 dropped the version from the name: kubelet-config-1.18); its KubeletConfiguration sets cgroupDriver: systemd and systemd-resolved’s resolv.conf and writes the newer zero values (crashLoopBackOff, logging, memorySwap, shutdownGracePeriod…).',
    source:
      'kubeadm’s UnversionedKubeletConfigMap (GA 1.24); real /var/lib/kubelet/config.yaml of kubeadm 1.3x nodes in the code index; 1.18 clusters’ `kubectl get cm -n kube-system` (kubelet-config-1.18 1)',
    unverified:
      'the ConfigMap’s value is taken to be the nodes’ config.yaml with the node-specific containerRuntimeEndpoint left empty; 1.18’s is kubeadm v1beta1 KubeletConfiguration zero values as remembered, not read from a v1.18.4 cluster',
    script: ['kubectl describe cm -n kube-system'],
    prints: {
      '1.18':
        /^Name: +kubelet-config-1\.18\n[\s\S]*^clusterDNS:\n- 10\.96\.0\.10\nclusterDomain: cluster\.local\ncpuManagerReconcilePeriod: 0s$/m,
      '1.36':
        /^Name: +kubelet-config\n[\s\S]*^cgroupDriver: systemd$[\s\S]*^resolvConf: \/run\/systemd\/resolve\/resolv\.conf$/m,
    },
  },
  {
    id: 'configmap-calico',
    fields: ['configMaps.calicoConfig.veth_mtu', 'configMaps.calicoConfig.cni_network_config'],
    what: 'calico-config from Calico v3.31.2’s manifest: veth_mtu "0" (auto-detected; v3.9’s was "1440") and a CNI log file in cni_network_config.',
    source: `sysnet4admin/IaC k8s/CNI/calico-quay-v3.31.2.yaml and manifests/172.16_net_calico.yaml (calico/templates/calico-config.yaml), read in the code index`,
    script: ['kubectl get cm calico-config -n kube-system -o yaml'],
    prints: {
      '1.18': /^ {2}veth_mtu: "1440"$/m,
      '1.36': /"log_file_path": "\/var\/log\/calico\/cni\/cni\.log",[\s\S]*^ {2}veth_mtu: "0"$/m,
    },
  },
  {
    id: 'describe-configmap',
    fields: ['kubectl.describe.configMapSections'],
    what: 'describe configmap leaves a blank line after each value (kubectl 1.31) and ends with a BinaryData section (1.22); the keys are sorted since 1.34.',
    source: `${KCTL}: pkg/describe/describe.go ConfigMapDescriber (BinaryData since 16d54ee18, kubernetes-1.22.0; the blank line since 10fe45a70, kubernetes-1.31.0; sorted keys since 7ec7bb7cc, kubernetes-1.34.0); kubernetes-1.18.4’s ranges over the map. Real kubectl 1.20.2 and 1.33 against npm run api print the page's 1.18 and 1.36 texts (src/api/realKubectl.test.ts)`,
    unverified: '1.18.4 prints the keys in Go’s random map order; the lab prints them sorted',
    script: ['kubectl describe cm coredns -n kube-system'],
    prints: {
      '1.18': /^ {4}loadbalance\n\}\n\nEvents: {2}<none>$/m,
      '1.36': /^ {4}loadbalance\n\}\n\n\n\nBinaryData\n====\n\nEvents: {2}<none>$/m,
    },
  },
];
