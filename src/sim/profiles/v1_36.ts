// The book's second edition: Kubernetes 1.36.0 with containerd 2.2.3 and Calico 3.31.2 on
// Ubuntu 24.04, as internal-k8s/_Book_k8sInfra's ch3/3.1.3 builds it. Sources, and what is
// unverified, field by field: docs/FACTS-profiles.md and `differences.ts`.
import { goDurationMs } from '../units';
import { configMaps136 } from './configMaps136';
import type { Profile } from './profile';

const gitVersion = 'v1.36.0';

export const profile136: Profile = {
  id: '1.36',
  title: 'Kubernetes v1.36.0 · containerd 2.2.3 · Ubuntu 24.04',
  // _prepublish_updates/kubernetes.md: the 1.36.0 lab was tested on 2026-05-08; its clock starts that morning, 2026-05-08T01:00:00Z.
  wallClockEpochMs: 1_778_202_000_000,
  kubernetesVersion: gitVersion,
  // ch3/3.1.3/Vagrantfile: cfg.vm.host_name = "cp-k8s", private_network ip "192.168.1.10".
  master: { name: 'cp-k8s', ip: '192.168.1.10' },
  baseFiles: {
    // k8s_env_build.sh: `echo "127.0.0.1 localhost" > /etc/hosts`, then the lab's machines.
    '/etc/hosts': `127.0.0.1 localhost
192.168.1.10 cp-k8s
192.168.1.101 w1-k8s
192.168.1.102 w2-k8s
192.168.1.103 w3-k8s
`,
    // Ubuntu 24.04's base-files (the box is 24.04.4, _prepublish_updates/ubuntu.md).
    '/etc/os-release': `PRETTY_NAME="Ubuntu 24.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.4 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`,
  },
  // Ubuntu's /root/.bashrc: PS1='${debian_chroot:+($debian_chroot)}\u@\h:\w\$ ' (\w: the whole path, ~ for home).
  prompt: (host, cwd) =>
    `root@${host}:${cwd === '/root' ? '~' : cwd.startsWith('/root/') ? `~${cwd.slice(5)}` : cwd}# `,
  node: {
    software: {
      kubeletVersion: gitVersion,
      kubeProxyVersion: gitVersion,
      // _prepublish_updates/ubuntu.md: box sysnet4admin/Ubuntu-k8s v1.0.0, "Ubuntu 24.04.4 LTS", kernel 6.8.0-107-generic (x86_64).
      osImage: 'Ubuntu 24.04.4 LTS',
      kernelVersion: '6.8.0-107-generic',
      containerRuntimeVersion: 'containerd://2.2.3',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    // kubeadm no longer annotates the node with its CRI socket (it is in the kubelet's config).
    masterLabels: {
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    },
    // kubeadm 1.25 dropped the old master taint: only the control-plane one is left.
    masterTaints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    containerIdScheme: 'containerd://',
    // Ubuntu's kernels say `#<ABI>-Ubuntu SMP PREEMPT_DYNAMIC <build date>`; the date is unverified (differences.ts).
    kernelBuild: '#107-Ubuntu SMP PREEMPT_DYNAMIC Fri Mar 13 19:51:50 UTC 2026',
    // systemd's sysctl.d/50-default.conf sets net.core.default_qdisc = fq_codel (Ubuntu keeps it).
    ethQdisc: 'fq_codel',
    // BOOK2 ch3/3.1.3/Vagrantfile: cp-k8s 4096 MB, workers 2048 MB; what the 6.8 kernel keeps
    // is taken in the first edition's proportion (unverified: the box was not booted).
    memTotalKib: { master: 4_011_852, worker: 2_012_844 },
    // Ubuntu 24.04's procps 4.0.4.
    freeLayout: 'procps-4',
    // The box is bento's (sysnet4admin/IaC bento/): networking_ubuntu.sh sets net.ifnames=0 and a
    // netplan eth0 with dhcp4, so the NICs stay eth0/eth1, under systemd-networkd (netplan's
    // route-metric 100 for DHCP); custom_post_hoon.sh turns IPv6 off (sysctl disable_ipv6 = 1).
    network: { eth0Flags: 'dynamic', eth0AddressMetric: 100, leaseRoutes: true, ipv6: false },
    // bento's 64 GiB disk, subiquity's default lvm layout (no storage key in bento's user-data):
    // /boot 2 GiB ext4 (sizes.py bootfs_scale), ubuntu-lv half the VG (ext4, 5 % reserved).
    // The used sizes are unverified (the box was not booted).
    disk: {
      root: {
        device: '/dev/mapper/ubuntu--vg-ubuntu--lv',
        sizeKib: 31_987_712,
        usedKib: 7_340_032,
        reservedKib: 1_625_088,
      },
      boot: { device: '/dev/sda2', sizeKib: 1_992_552, usedKib: 112_640, reservedKib: 99_624 },
      memoryMounts: 'ubuntu24',
    },
  },
  // k8s_pkg_cfg.sh: containerd.io's unit; the kubelet says "container runtime is down" once
  // its last good CRI Status is 30 s old (kubelet.go maxWaitForContainerRuntime, runtime.go runtimeErrors).
  // containerd's containerd.service (v2.2.3): KillMode=process, Delegate=yes; the shims run on
  // (core/runtime/v2/shim_load.go LoadExistingShims reconnects to them at the next start).
  runtime: {
    service: 'containerd',
    downAfterMs: 30_000,
    containersOutliveService: true,
    plegThresholdMs: 180_000,
  },
  // k8s_pkg_cfg.sh installs containerd.io alone (and writes /etc/crictl.yaml): no docker on the machines.
  // coreutils 9.4 (system.h: quoteaf is quotearg_style(shell_escape_always_quoting_style, …)).
  coreutilsQuoting: 'shell-escape',
  systemd: 'v255',
  absentCommands: ['docker'],
  // Ubuntu 24.04's curl 8.5.0 (8.5.0-2ubuntu10.x, as a real 1.36 node's apt shows it).
  curl: 'curl-8',
  // kubeadm 1.36's images: `kubeadm config images list` of v1.36.2, v1.36.4 and v1.36.5 (three
  // transcripts in the code index) all give coredns v1.14.2, pause 3.10.2 and etcd 3.6.8-0;
  // v1.36.0's are taken to be the same (unverified). Calico: sysnet4admin/IaC
  // k8s/CNI/calico-quay-v3.31.2.yaml, which the second edition's controlplane_node.sh applies
  // (_prepublish_updates/calico.md). The CoreDNS hash is a real kubeadm v1.36.0 cluster's
  // (`kubectl get pods -A`: coredns-589f44dc88-…); the kube-controllers hash could not be
  // read (the manifest is sysnet4admin's own): a stand-in.
  addons: {
    images: {
      etcd: 'registry.k8s.io/etcd:3.6.8-0',
      'kube-apiserver': `registry.k8s.io/kube-apiserver:${gitVersion}`,
      'kube-controller-manager': `registry.k8s.io/kube-controller-manager:${gitVersion}`,
      'kube-scheduler': `registry.k8s.io/kube-scheduler:${gitVersion}`,
      kubeProxy: `registry.k8s.io/kube-proxy:${gitVersion}`,
      coredns: 'registry.k8s.io/coredns/coredns:v1.14.2',
      pause: 'registry.k8s.io/pause:3.10.2',
      calicoNode: 'quay.io/calico/node:v3.31.2',
      calicoCni: 'quay.io/calico/cni:v3.31.2',
      calicoKubeControllers: 'quay.io/calico/kube-controllers:v3.31.2',
    },
    corednsHash: '589f44dc88',
    etcdVersion: '3.6.8',
    calicoKubeControllersHash: '6f9d4c8b7',
    // kubeadm's CoreDNS tolerates control-plane alone since 1.25; Calico 3.31 lists both keys.
    controlPlaneTolerationKeys: ['node-role.kubernetes.io/control-plane'],
    // A real kubeadm v1.36.0's `kubeadm version` (Ubuntu 24.04, pkgs.k8s.io's 1.36.0-1.1).
    kubeadmVersion:
      'kubeadm version: &version.Info{Major:"1", Minor:"36", EmulationMajor:"", EmulationMinor:"", MinCompatibilityMajor:"", MinCompatibilityMinor:"", GitVersion:"v1.36.0", GitCommit:"ecf6decece6a6de25a57aad9ba90b6ce580f6f78", GitTreeState:"clean", BuildDate:"2026-04-22T13:54:03Z", GoVersion:"go1.26.2", Compiler:"gc", Platform:"linux/amd64"}',
  },
  // netplan renders the box's eth0 for systemd-networkd (bento's networking_ubuntu.sh); no initscripts' network.service.
  configMaps: configMaps136,
  networkUnit: 'systemd-networkd',
  // Ubuntu 24.04's iptables 1.8.10 (the nf_tables backend, the kube-proxy image's iptables-wrapper
  // following it); kube-proxy 1.36's proxier.go with its nfacct counters; the kubelet since
  // IPTablesOwnershipCleanup. Sources and what is unverified: differences.ts ('iptables-nft', 'kube-proxy-rules', 'kubelet-chains').
  netfilter: {
    iptables: 'v1.8.10 (nf_tables)',
    backend: 'nft',
    proxier: '1.36',
    nfacct: true,
    legacyTablesPresent: true,
    kubeletChains: '1.28',
  },
  // kube-apiserver v1.36.0's GET /version: apimachinery v0.36.0's version.Info carries the
  // emulation and minimum-compatibility versions (1.31+), which a server at its own version
  // fills with its minor and the one before. gitCommit and goVersion are the release's, from a
  // real kubeadm v1.36.0 (`kubeadm version`); the server's buildDate is kubeadm's (the
  // release's binaries are built minutes apart: unverified).
  apiServer: {
    versionInfo: {
      major: '1',
      minor: '36',
      emulationMajor: '1',
      emulationMinor: '36',
      minCompatibilityMajor: '1',
      minCompatibilityMinor: '35',
      gitVersion,
      gitCommit: 'ecf6decece6a6de25a57aad9ba90b6ce580f6f78',
      gitTreeState: 'clean',
      buildDate: '2026-04-22T13:54:03Z',
      goVersion: 'go1.26.2',
      compiler: 'gc',
      platform: 'linux/amd64',
    },
    // KEP-1164: the RemoveSelfLink gate, on since 1.20 and locked on in 1.24.
    selfLink: false,
    // BoundServiceAccountTokenVolume, GA in 1.22: a projected token, no token Secret.
    tokenVolume: 'projected',
    // PodObservedGenerationTracking (beta, on, since 1.34): pods get generation 1 and the kubelet
    // echoes it in status.observedGeneration and each condition's, as real 1.34+ pods show.
    podGeneration: true,
    // apimachinery's ObjectMeta: `json:"creationTimestamp,omitempty,omitzero"` (types.go, K8S-COPY), the
    // change kubectl's fixtures followed in kubernetes-1.34.0 ("Drop null creationTimestamp").
    nullTemplateTimestamp: false,
    // Discovery of the lab's kinds as a recent kube-apiserver serves it: a real cluster's /api/v1
    // (k0s, April 2026, its version not printed; a transcript in the code index) has each resource's
    // singularName, a storageVersionHash for each stored one, pods/ephemeralcontainers and
    // pods/resize, pods/eviction as policy/v1's Eviction, and deletecollection for Services
    // (Namespaces still without). The hashes are kubernetes' pkg/controlplane/storageversionhashdata
    // (a copy in the code index, the same as that cluster's). apps/v1 and coordination.k8s.io/v1 as
    // 1.18's but for the names and hashes (real 1.3x /apis/apps/v1 in the code index). v1.36.0's own
    // registry (pkg/registry/core/rest/storage_core.go at the tag) could not be read here.
    discovery: {
      singularNames: true,
      aggregated: true,
      storageVersionHashes: [
        ['v1/endpoints', 'fWeeMqaN/OA='],
        ['v1/events', 'r2yiGXH7wu8='],
        ['v1/namespaces', 'Q3oi5N2YM8M='],
        ['v1/nodes', 'XwShjMxG9Fs='],
        ['v1/pods', 'xPOwRZ+Yhw8='],
        ['v1/services', '0/CO1lhkEBI='],
        ['apps/v1/daemonsets', 'dd7pWHUlMKQ='],
        ['apps/v1/deployments', '8aSe+NMegvE='],
        ['apps/v1/replicasets', 'P1RzHs8/mWQ='],
        ['coordination.k8s.io/v1/leases', 'gqkMMb/YqFM='],
      ],
      subresources: {
        pods: [
          { name: 'attach', verbs: ['create', 'get'], kind: 'PodAttachOptions' },
          { name: 'binding', verbs: ['create'], kind: 'Binding' },
          { name: 'ephemeralcontainers', verbs: ['get', 'patch', 'update'] },
          { name: 'eviction', verbs: ['create'], kind: 'Eviction', group: 'policy', version: 'v1' },
          { name: 'exec', verbs: ['create', 'get'], kind: 'PodExecOptions' },
          { name: 'log', verbs: ['get'] },
          { name: 'portforward', verbs: ['create', 'get'], kind: 'PodPortForwardOptions' },
          { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'PodProxyOptions' },
          { name: 'resize', verbs: ['get', 'patch', 'update'] },
          { name: 'status', verbs: ['get', 'patch', 'update'] },
        ],
        nodes: [
          { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'NodeProxyOptions' },
          { name: 'status', verbs: ['get', 'patch', 'update'] },
        ],
        services: [
          {
            name: 'proxy',
            verbs: ['create', 'delete', 'get', 'patch', 'update'],
            kind: 'ServiceProxyOptions',
          },
          { name: 'status', verbs: ['get', 'patch', 'update'] },
        ],
        namespaces: [
          { name: 'finalize', verbs: ['update'] },
          { name: 'status', verbs: ['get', 'patch', 'update'] },
        ],
        deployments: [
          {
            name: 'scale',
            verbs: ['get', 'patch', 'update'],
            kind: 'Scale',
            group: 'autoscaling',
            version: 'v1',
          },
          { name: 'status', verbs: ['get', 'patch', 'update'] },
        ],
        replicasets: [
          {
            name: 'scale',
            verbs: ['get', 'patch', 'update'],
            kind: 'Scale',
            group: 'autoscaling',
            version: 'v1',
          },
          { name: 'status', verbs: ['get', 'patch', 'update'] },
        ],
        daemonsets: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
      },
      verbs: {
        componentstatuses: ['get', 'list'],
        namespaces: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      },
    },
  },
  // kube-controller-manager's default since 1.32 (it was 40 s).
  controllerManager: { nodeMonitorGraceMs: 50_000 },
  kubelet: {
    // Structured klog lines, as a real kubelet 1.34.3 on a kubeadm node printed them (a
    // journal in the code index: server.go:529 "Kubelet version" … server.go:781), its
    // version made 1.36.0's; the file:line numbers are that run's, not checked against
    // v1.36.0. The sync loop and registration lines (kubelet.go, kubelet_node_status.go
    // InfoS) are from the source; their line numbers are unverified.
    startLog: [
      ['server.go:529', `"Kubelet version" kubeletVersion="${gitVersion}"`],
      ['server.go:531', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
      ['watchdog_linux.go:95', '"Systemd watchdog is not enabled"'],
      [
        'watchdog_linux.go:137',
        '"Systemd watchdog is not enabled or the interval is invalid, so health checking will not be started."',
      ],
      ['server.go:956', '"Client rotation is on, will bootstrap in background"'],
      [
        'certificate_store.go:147',
        '"Loading cert/key pair from a file" filePath="/var/lib/kubelet/pki/kubelet-client-current.pem"',
      ],
      [
        'dynamic_cafile_content.go:161',
        '"Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"',
      ],
      [
        'server.go:1423',
        '"Using cgroup driver setting received from the CRI runtime" cgroupDriver="systemd"',
      ],
      ['server.go:781', '"--cgroups-per-qos enabled, but --cgroup-root was not specified.  Defaulting to /"'],
      ['kubelet.go:2555', '"Starting kubelet main sync loop"'],
      ['kubelet_node_status.go:75', '"Attempting to register node" node="${HOST}"'],
      ['kubelet_node_status.go:78', '"Successfully registered node" node="${HOST}"'],
    ],
    // cmd/kubelet/app/server.go RunE returns "failed to load kubelet config file, path: %s, error: %w";
    // component-base's cli.Run logs it with klog.ErrorS and exits 1. The line as real kubelets on
    // Ubuntu 24.04 and Debian 12 wrote it (1.30.14 at run.go:74; 1.31 and 1.34 at run.go:72).
    noConfig: {
      level: 'E',
      where: 'run.go:72',
      message:
        '"command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \\"/var/lib/kubelet/config.yaml\\", error: open /var/lib/kubelet/config.yaml: no such file or directory"',
      exitStatus: 1,
    },
    createdMessage: () => 'Container created',
    startedMessage: () => 'Container started',
    // pkg/kubelet/images/image_manager.go EnsureImageExists: both durations truncated to the millisecond.
    pulledMessage: (image, pullMs, totalMs, sizeBytes) =>
      `Successfully pulled image "${image}" in ${goDurationMs(pullMs)} (${goDurationMs(totalMs)} including waiting). Image size: ${sizeBytes} bytes.`,
    lastStateAfterReboot: true,
    podReadyToStartContainers: true,
    // Real pods of 1.34/1.35-era clusters in the code index (containerd): hostIPs, and each
    // container's resources, user and volumeMounts (recursiveReadOnly: Disabled).
    podStatus: { hostIPs: true, containerResources: true, containerUser: true, mountStatus: true },
  },
  kubectl: {
    // kubectl 1.36 pkg/cmd/delete/delete.go PrintObj: `%s from %s namespace` for namespaced objects.
    deleted: (kind, name, namespace, operation) =>
      `${kind} "${name}" ${operation}${namespace ? ` from ${namespace} namespace` : ''}`,
    restartsWithAge: true,
    // Real kubectl 1.33 (this machine): `error: unknown flag: --image`, and jsonpath-as-json among get's formats.
    flagErrorPrefix: 'error',
    getOutputFormats:
      'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    // kubectl 1.36 pkg/describe/describe.go DescribeEvents: source is e.Source.Component; FieldPath prefixes the message.
    describeEventsWithFieldPath: true,
    // kubectl 1.21 (kubernetes#96878): --show-managed-fields=false by default, for every output format.
    showManagedFields: false,
    // kubectl 1.20's pkg/cmd/apiresources: APIVERSION; 1.36's label.go updateDataChangeMsg: not labeled,
    // labeled, unlabeled, modified; cluster-info's printService (1.36) writes plain text.
    apiResourcesGroupColumn: 'APIVERSION',
    // kubectl 1.26+ pkg/cmd/apiresources (1.36: print_flags.go HumanReadablePrinter): -o wide prints
    // strings.Join(r.Verbs, ",") and the categories, the same with kubectl 1.33 (seen against npm run api).
    apiResourcesCategories: true,
    labelChangeWords: true,
    // seen with kubectl 1.33: `Flag --record has been deprecated, --record will be removed in the future`.
    recordDeprecated: true,
    clusterInfo: { controlPlane: 'Kubernetes control plane', colour: false },
    // pkg/describe/describe.go at kubernetes-1.36.0: describePod's `Service Account:`, printTolerationsMultilineWithIndent's
    // ` op=Exists`, DescribePodTemplate's closing `Node-Selectors` and `Tolerations`, describeNodeResource's `Age`.
    describe: {
      serviceAccount: true,
      tolerationOperator: true,
      templateScheduling: true,
      nodePodsAge: 'Age',
      configMapSections: true,
    },
    // kubectl 1.33 writes the List's metadata as `resourceVersion: ""` alone (seen; the version that changed it not looked up).
    listSelfLink: false,
    // client-go discovery/cached/memory/memcache.go refreshLocked: utilruntime.HandleErrorWithContext(ctx,
    // err, "Couldn't get current server API group list"), as kubectl 1.34 printed it (memcache.go:381,
    // real outputs in the code index; 1.33's was `"Unhandled Error" err="couldn't get …: …"` at :265).
    refusedDiscovery: {
      where: 'memcache.go:381',
      message: (url, dial) => `"Couldn't get current server API group list" err="Get \\"${url}\\": ${dial}"`,
    },
    // kubectl 1.36 pkg/cmd/util/helpers.go GetDryRunStrategy: klog.Warning on lines 719, 733, 736 (1.33.1: 703, 717, 720, seen).
    dryRunWarningLines: { bare: 719, isTrue: 733, isFalse: 736 },
    // kubernetes 6bb6c99 (kubectl 722397942, first in kubernetes-1.34.0): "Drop null creationTimestamp";
    // 1.36's run_test.go and expose_test.go expect none, create_token_test.go `metadata: {}`.
    nullCreationTimestamp: false,
    // seen with kubectl 1.33 (and 1.20.2): jsonpath-as-json among them.
    printFormats:
      'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    // kubectl 1.36 pkg/cmd/run/run.go: no --generator, no --replicas (1.18 had them deprecated).
    absentFlags: { run: ['generator', 'replicas'] },
    // kubectl 1.36 pkg/cmd/create/create_deployment.go: Complete (o.Command = args[1:]), Validate, Run's
    // "failed to create deployment: %v"; create_service.go "failed to create %s service: %v";
    // util.CreateOrUpdateAnnotation before the dry-run check.
    createDeploymentCommand: true,
    createSubcommandErrors: true,
    saveConfigOnClientDryRun: true,
    // kubectl 1.20.2 and 1.33 print `{.metadata.labels}` as {"component":"apiserver",…} (seen against npm run api).
    jsonPathMapsAsJson: true,
    // kubectl 1.36 pkg/cmd/version/version.go: no --short any more; the Kustomize line is go.mod's kustomize/v5.
    version: (server, short) =>
      short
        ? { error: "error: unknown flag: --short\nSee 'kubectl version --help' for usage." }
        : [
            `Client Version: ${gitVersion}`,
            'Kustomize Version: v5.8.1',
            ...(server ? [`Server Version: ${gitVersion}`] : []),
          ],
  },
  // internal-k8s/_Book_k8sInfra's ch3/3.1.6 as the stored index holds them (unload-kube-apiserver.sh at
  // 639a68c, load-kube-apiserver.sh at 2a63918: its loop's `do ;` is a syntax error bash reports on line 6,
  // after the mv has run). Byte for byte, trailing spaces included.
  bookRepoFiles: {
    'ch3/3.1.6/unload-kube-apiserver.sh':
      '#!/usr/bin/env bash\n\n# unload k8s API-Server \ncp /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver-backup.yaml \nmv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver.yaml \necho "Unloading kube-apiserver"\necho "Wait for a mintue!"\n\n',
    'ch3/3.1.6/load-kube-apiserver.sh':
      '#!/usr/bin/env bash\n\n# load k8s API-Server \nmv /tmp/kube-apiserver.yaml /etc/kubernetes/manifests/kube-apiserver.yaml \necho "Loading kube-apiserver"\necho "Wait for 3 seconds." ; for i in {1..3} ; do ; echo -n ".";sleep 1 ; done\n\n',
  },
  // No docker on the machines: a lesson's `docker ps` is crictl's (cri-tools reads /etc/crictl.yaml's containerd socket).
  lessons: { runtimeCommands: { 'docker ps': 'crictl ps', 'docker ps -a': 'crictl ps -a' } },
};
