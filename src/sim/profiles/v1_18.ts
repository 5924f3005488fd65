// The book as printed: Kubernetes 1.18.4 installed by the first edition's
// ch3/3.1.3 scripts on CentOS 7 with CentOS's own docker 1.13.1 (docs/FACTS-kubectl.md §13).
import { configMaps118 } from './configMaps118';
import type { Profile } from './profile';

const gitVersion = 'v1.18.4';
const versionInfo = (who: string) =>
  `${who} Version: version.Info{Major:"1", Minor:"18", GitVersion:"v1.18.4", GitCommit:"c96aede7b5205121079932896c4ad89bb93260af", GitTreeState:"clean", BuildDate:"2020-06-17T11:41:22Z", GoVersion:"go1.13.9", Compiler:"gc", Platform:"linux/amd64"}`;

export const profile118: Profile = {
  id: '1.18',
  title: 'Kubernetes v1.18.4 · docker 1.13.1 · CentOS 7',
  // The book's lab era: 2020-07-06T01:00:00Z (Kubernetes v1.18.4 was released 2020-06-17), in ms (src/sim has no Date).
  wallClockEpochMs: 1_593_997_200_000,
  kubernetesVersion: gitVersion,
  master: { name: 'm-k8s', ip: '192.168.1.10' },
  baseFiles: {
    // config.sh of the first edition's ch3/3.1.3; CentOS's own localhost lines stay above it.
    '/etc/hosts': `127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4
::1         localhost localhost.localdomain localhost6 localhost6.localdomain6
192.168.1.10 m-k8s
192.168.1.101 w1-k8s
192.168.1.102 w2-k8s
192.168.1.103 w3-k8s
`,
    // The book's box, sysnet4admin/CentOS-k8s: CentOS 7.8.2003 (k8s-facts §1.1).
    '/etc/redhat-release': 'CentOS Linux release 7.8.2003 (Core)\n',
    '/etc/centos-release': 'CentOS Linux release 7.8.2003 (Core)\n',
  },
  // CentOS 7's /etc/bashrc: PS1="[\u@\h \W]\\$ " (\W: the directory's last part, ~ at home).
  prompt: (host, cwd) =>
    `[root@${host} ${cwd === '/root' ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1)}]# `,
  node: {
    software: {
      kubeletVersion: gitVersion,
      kubeProxyVersion: gitVersion,
      osImage: 'CentOS Linux 7 (Core)',
      kernelVersion: '3.10.0-1127.19.1.el7.x86_64',
      // install_pkg.sh: `yum install docker -y`, CentOS 7's own docker package.
      containerRuntimeVersion: 'docker://1.13.1',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    criSocketAnnotation: '/var/run/dockershim.sock',
    masterLabels: { 'node-role.kubernetes.io/master': '' },
    masterTaints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
    containerIdScheme: 'docker://',
    kernelBuild: '#1 SMP Fri Aug 7 20:37:47 UTC 2020',
    ethQdisc: 'pfifo_fast',
    // Vagrantfile: m-k8s 3072 MB, workers 2560 MB, as the 3.10 kernel reports them.
    memTotalKib: { master: 3_008_888, worker: 2_516_068 },
    freeLayout: 'procps-3.3',
    // NetworkManager on CentOS 7 (k8s-facts: the book's box).
    network: {
      eth0Flags: 'noprefixroute dynamic',
      eth1Flags: 'noprefixroute',
      eth1RouteMetric: 101,
      leaseRoutes: false,
      ipv6: true,
    },
    // The box's xfs root and /boot (no blocks reserved on xfs).
    disk: {
      root: { device: '/dev/mapper/centos-root', sizeKib: 39_822_848, usedKib: 3_778_560, reservedKib: 0 },
      boot: { device: '/dev/sda1', sizeKib: 1_038_336, usedKib: 186_368, reservedKib: 0 },
      memoryMounts: 'centos7',
    },
  },
  // install_pkg.sh: `yum install docker`. The lab reports it down at the kubelet's next node status.
  runtime: { service: 'docker', downAfterMs: 0, containersOutliveService: false, plegThresholdMs: 0 },
  // The book's lab talks to docker; Podscope's crictl is the second edition's.
  coreutilsQuoting: 'locale',
  systemd: 'v219',
  absentCommands: ['crictl'],
  curl: 'curl-7.29',
  // kubeadm v1.18.4's images (k8s-facts §1.5, `kubectl describe` of the book's pods) and the
  // first edition's Calico v3.9.4 manifest; the hashes are the book's transcript's.
  addons: {
    images: {
      etcd: 'k8s.gcr.io/etcd:3.4.3-0',
      'kube-apiserver': 'k8s.gcr.io/kube-apiserver:v1.18.4',
      'kube-controller-manager': 'k8s.gcr.io/kube-controller-manager:v1.18.4',
      'kube-scheduler': 'k8s.gcr.io/kube-scheduler:v1.18.4',
      kubeProxy: 'k8s.gcr.io/kube-proxy:v1.18.4',
      coredns: 'k8s.gcr.io/coredns:1.6.7',
      pause: 'k8s.gcr.io/pause:3.2',
      calicoNode: 'calico/node:v3.9.4',
      calicoCni: 'calico/cni:v3.9.4',
      calicoKubeControllers: 'calico/kube-controllers:v3.9.4',
    },
    corednsHash: '66bff467f8',
    etcdVersion: '3.4.3',
    calicoKubeControllersHash: '99c9b6f64',
    controlPlaneTolerationKeys: ['node-role.kubernetes.io/master'],
    kubeadmVersion:
      'kubeadm version: &version.Info{Major:"1", Minor:"18", GitVersion:"v1.18.4", GitCommit:"c96aede7b5205121079932896c4ad89bb93260af", GitTreeState:"clean", BuildDate:"2020-06-17T11:39:48Z", GoVersion:"go1.13.9", Compiler:"gc", Platform:"linux/amd64"}',
  },
  configMaps: configMaps118,
  networkUnit: 'network',
  // CentOS 7's iptables 1.4.21 (legacy); kube-proxy and the kubelet of 1.18.4.
  netfilter: {
    iptables: 'v1.4.21',
    backend: 'legacy',
    proxier: '1.18',
    nfacct: false,
    legacyTablesPresent: false,
    kubeletChains: '1.18',
  },
  // kube-apiserver v1.18.4's GET /version; its buildDate is MEM (kubeadm's and kubectl's differ by minutes).
  apiServer: {
    versionInfo: {
      major: '1',
      minor: '18',
      gitVersion,
      gitCommit: 'c96aede7b5205121079932896c4ad89bb93260af',
      gitTreeState: 'clean',
      buildDate: '2020-06-17T11:33:59Z',
      goVersion: 'go1.13.9',
      compiler: 'gc',
      platform: 'linux/amd64',
    },
    selfLink: true,
    tokenVolume: 'secret',
    podGeneration: false,
    nullTemplateTimestamp: true,
    // The subresources 1.18.4 registers for the served kinds (pkg/registry/*/rest storage maps);
    // Services and Namespaces have no deletecollection, componentstatuses are only read
    // (pkg/registry/core/componentstatus). 1.18 fills no singularName and serves no aggregated
    // discovery; its storageVersionHashes are left out (not verified for 1.18).
    discovery: {
      singularNames: false,
      aggregated: false,
      storageVersionHashes: [],
      subresources: {
        pods: [
          { name: 'attach', verbs: ['create', 'get'], kind: 'PodAttachOptions' },
          { name: 'binding', verbs: ['create'], kind: 'Binding' },
          { name: 'eviction', verbs: ['create'], kind: 'Eviction', group: 'policy', version: 'v1beta1' },
          { name: 'exec', verbs: ['create', 'get'], kind: 'PodExecOptions' },
          { name: 'log', verbs: ['get'] },
          { name: 'portforward', verbs: ['create', 'get'], kind: 'PodPortForwardOptions' },
          { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'PodProxyOptions' },
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
        services: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
        namespaces: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      },
    },
  },
  // kube-controller-manager 1.18's default.
  controllerManager: { nodeMonitorGraceMs: 40_000 },
  kubelet: {
    // klog's unstructured lines of 1.18 (file:line not checked against v1.18.4).
    startLog: [
      ['server.go:417', 'Version: v1.18.4'],
      ['plugins.go:100', 'No cloud provider specified.'],
      ['server.go:837', 'Client rotation is on, will bootstrap in background'],
      [
        'certificate_store.go:130',
        'Loading cert/key pair from "/var/lib/kubelet/pki/kubelet-client-current.pem".',
      ],
      ['server.go:646', '--cgroups-per-qos enabled, but --cgroup-root was not specified.  defaulting to /'],
      ['container_manager_linux.go:266', 'container manager verified user specified cgroup-root exists: []'],
      ['docker_service.go:253', 'Docker cri networking managed by cni'],
      ['kubelet.go:1821', 'Starting kubelet main sync loop.'],
      ['kubelet_node_status.go:70', 'Attempting to register node ${HOST}'],
      ['kubelet_node_status.go:73', 'Successfully registered node ${HOST}'],
    ],
    createdMessage: (c) => `Created container ${c}`,
    startedMessage: (c) => `Started container ${c}`,
    pulledMessage: (image) => `Successfully pulled image "${image}"`,
    // The book's transcript after the reboot shows the bare count (k8s-facts §1.5); the lab keeps it so.
    // klog.Fatal in cmd/kubelet/app/server.go (v1.18.4 line 199): exit status 255.
    noConfig: {
      level: 'F',
      where: 'server.go:199',
      message:
        'failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file "/var/lib/kubelet/config.yaml", error: open /var/lib/kubelet/config.yaml: no such file or directory',
      exitStatus: 255,
    },
    lastStateAfterReboot: false,
    podReadyToStartContainers: false,
    podStatus: { hostIPs: false, containerResources: false, containerUser: false, mountStatus: false },
  },
  kubectl: {
    deleted: (kind, name, _namespace, operation) => `${kind} "${name}" ${operation}`,
    restartsWithAge: false,
    // cobra's own flag error of kubectl 1.18 (k8s-facts §1.5: the book's transcript of `kubectl create nginx --image=nginx`).
    flagErrorPrefix: 'Error',
    getOutputFormats:
      'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,wide,yaml',
    describeEventsWithFieldPath: false,
    showManagedFields: true,
    apiResourcesGroupColumn: 'APIGROUP',
    apiResourcesCategories: false,
    labelChangeWords: false,
    recordDeprecated: false,
    clusterInfo: { controlPlane: 'Kubernetes master', colour: true },
    describe: {
      serviceAccount: false,
      tolerationOperator: false,
      templateScheduling: false,
      nodePodsAge: 'AGE',
      configMapSections: false,
    },
    listSelfLink: true,
    // kubectl 1.18.4 pkg/cmd/util/helpers.go GetDryRunStrategy.
    dryRunWarningLines: { bare: 535, isTrue: 549, isFalse: 552 },
    nullCreationTimestamp: true,
    // cli-runtime 1.18.4 NoCompatiblePrinterError: the create printers' formats, sorted.
    printFormats: 'go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,yaml',
    // kubectl 1.18.4 pkg/cmd/create/create_deployment.go: --image alone (--replicas and --port came in 1.19).
    // kubectl 1.18.4 pkg/cmd/apiresources: no --categories (1.26 added it).
    absentFlags: { 'create deployment': ['port', 'replicas'], 'api-resources': ['categories'] },
    createDeploymentCommand: false,
    createSubcommandErrors: false,
    saveConfigOnClientDryRun: false,
    // client-go 1.18.4 util/jsonpath evalToText: fmt.Fprint.
    jsonPathMapsAsJson: false,
    version: (server, short) =>
      short
        ? [`Client Version: ${gitVersion}`, ...(server ? [`Server Version: ${gitVersion}`] : [])]
        : [versionInfo('Client'), ...(server ? [versionInfo('Server')] : [])],
  },
  // The first edition's ch3 files are the lab's own (src/shell/bookFiles.ts).
  bookRepoFiles: {},
  // The book's lessons type docker's own lines.
  lessons: { runtimeCommands: {} },
};
