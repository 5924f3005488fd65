// A lab's version as data (issue 18): everything that differs between the book's first
// edition (Kubernetes 1.18.4, docker, CentOS 7) and its second (1.36.0, containerd,
// Ubuntu 24.04) is a field here, read by the simulation, the shell and the view.
// Adding a version is adding a file beside this one. Each field's source is in
// docs/FACTS-profiles.md; `differences` (in the profile files) lists them for the table test.
import type { Resource } from '../objects';

export type ProfileId = '1.18' | '1.36';

export interface Taint {
  readonly key: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface Profile {
  readonly id: ProfileId;
  /** 'Kubernetes v1.18.4 · docker 1.13.1 · CentOS 7', for notices and the api's banner. */
  readonly title: string;
  /** The wall-clock time of cluster time 0, in ms since 1970: the era the lab's dates show. */
  readonly wallClockEpochMs: number;
  /** kube-apiserver's, the kubelet's and kubectl's gitVersion. */
  readonly kubernetesVersion: string;
  /** The control-plane machine of the Vagrantfile; the workers are w<i>-k8s in both editions. */
  readonly master: { readonly name: string; readonly ip: string };
  /** Files the Vagrant provisioning leaves on every host: /etc/hosts, the distribution's release files. */
  readonly baseFiles: Readonly<Record<string, string>>;
  /** bash's PS1 as the distribution sets it, in the working directory `cwd` of root (home `/root`). */
  prompt(host: string, cwd: string): string;
  readonly node: {
    /** status.nodeInfo as the kubelet reports it (the machine IDs are added per host). */
    readonly software: {
      readonly kubeletVersion: string;
      readonly kubeProxyVersion: string;
      readonly osImage: string;
      readonly kernelVersion: string;
      readonly containerRuntimeVersion: string;
      readonly operatingSystem: string;
      readonly architecture: string;
    };
    /** kubeadm's annotation of the CRI socket it found, or none (kubeadm 1.36 writes none). */
    readonly criSocketAnnotation?: string;
    /** The labels and taints kubeadm's mark-control-plane phase puts on the master. */
    readonly masterLabels: Readonly<Record<string, string>>;
    readonly masterTaints: readonly Taint[];
    /** The prefix of a container's ID in the pod's status: 'docker://' or 'containerd://'. */
    readonly containerIdScheme: string;
    /** The kernel's build, as `uname -v` prints it (the release is software.kernelVersion). */
    readonly kernelBuild: string;
    /** The NICs' queueing discipline in `ip addr`: CentOS 7's pfifo_fast, or systemd's default fq_codel. */
    readonly ethQdisc: string;
    /** MemTotal of the VMs (the Vagrantfile's sizes less what the kernel keeps), in KiB: free, ps %MEM, df's tmpfs. */
    readonly memTotalKib: { readonly master: number; readonly worker: number };
    /** procps-ng's `free` layout: 3.3.10's (`2.9G`, labels in 7 columns) or 4.x's (`3.8Gi`, in 9). */
    readonly freeLayout: 'procps-3.3' | 'procps-4';
    /** How the NICs are configured, as `ip addr` and `ip route` show it. */
    readonly network: HostNetworking;
    /** The box's disk and what the distribution mounts in memory, as `df` lists them. */
    readonly disk: HostDisk;
  };
  readonly runtime: {
    /** The container runtime's systemd unit: what `systemctl stop …`, ps and journalctl name, and the fault palette says. */
    readonly service: 'docker' | 'containerd';
    /**
     * How long after the runtime stops answering the kubelet reports it down (kubelet.go
     * maxWaitForContainerRuntime, 30 s, over runtime.go runtimeErrors' lastBaseRuntimeSync);
     * 0: at its next status, as the lab's 1.18 has it.
     */
    readonly downAfterMs: number;
    /**
     * Stopping the service leaves the containers running: containerd's unit kills its main
     * process alone (KillMode=process) and each pod's runc v2 shim, outside it, keeps its
     * containers; started again, containerd reconnects to them. docker 1.13's stop takes them down.
     */
    readonly containersOutliveService: boolean;
    /**
     * The kubelet's PLEG health check as the lab shows it: once its last good relist is this old
     * (kubelet.go genericPlegRelistThreshold, 3 min) the node's Ready message and the sync loop add
     * "PLEG is not healthy: pleg was last seen active … ago; threshold is 3m0s". 0: not shown (the
     * book's 1.18 lab, whose docker takes its containers down with it).
     */
    readonly plegThresholdMs: number;
  };
  /**
   * How coreutils quotes a file name in its errors (`ls: cannot access …`, rm, cp, mv, mkdir,
   * chown): CentOS 7's 8.22 leaves ls's bare and puts the others in the locale's ‘…’;
   * 8.25 and later (Ubuntu 24.04's 9.4) quote them all as a shell would, '…' (quoteaf).
   */
  readonly coreutilsQuoting: 'locale' | 'shell-escape';
  /**
   * systemd's texts: 219's (CentOS 7) or 255's (Ubuntu 24.04): `systemctl status` with its
   * labels in 11 columns, `preset:`, Tasks' limit and CPU (systemctl-show.c), and the journal's
   * `Started kubelet.service - <description>.`.
   */
  readonly systemd: 'v219' | 'v255';
  /** curl's error texts: CentOS 7's curl 7.29 (`Failed connect to ip:80; Connection refused`) or curl 8's (`Failed to connect to … after N ms: Couldn't connect to server`). */
  readonly curl: 'curl-7.29' | 'curl-8';
  /** The commands this lab's machines have not: docker in the containerd lab, crictl in the book's (as Podscope has it). */
  readonly absentCommands: readonly string[];
  /** What kubeadm and the book's Calico manifest deploy, and `kubeadm version`. */
  readonly addons: Addons;
  /** The ConfigMaps kubeadm, the API server and the controllers have written in the ready lab (src/sim/labs/configMaps.ts). */
  readonly configMaps: LabConfigMaps;
  /** The systemd unit that brings the network up: CentOS 7's `network` (initscripts) or Ubuntu's `systemd-networkd`. */
  readonly networkUnit: 'network' | 'systemd-networkd';
  /** The nodes' netfilter: the iptables that lists it, and what kube-proxy and the kubelet write there. */
  readonly netfilter: NetfilterVersion;
  /** What `npm run api` serves as this version's kube-apiserver (src/api). */
  readonly apiServer: {
    /** GET /version: apimachinery's version.Info, its fields in their JSON order. */
    readonly versionInfo: Readonly<Record<string, string>>;
    /** Objects and lists carry metadata.selfLink (1.18); RemoveSelfLink, GA in 1.24, sets none. */
    readonly selfLink: boolean;
    /**
     * A pod template's metadata is sent with `creationTimestamp: null` (metav1.Time's zero value);
     * apimachinery 0.34 tags it omitzero, so a 1.34+ server leaves it out.
     */
    readonly nullTemplateTimestamp: boolean;
    /** Pods carry metadata.generation from their creation on (PodObservedGenerationTracking); the kubelet reports it back as observedGeneration. */
    readonly podGeneration: boolean;
    /** The token the ServiceAccount plugin mounts: the namespace's `default-token-…` Secret (1.18) or the projected `kube-api-access-…` volume (1.22+). */
    readonly tokenVolume: 'secret' | 'projected';
    /** Discovery as this version serves it for the lab's kinds: /api, /apis and each group version's list. */
    readonly discovery: DiscoveryVersion;
  };
  readonly controllerManager: {
    /** --node-monitor-grace-period: how long a silent kubelet's node stays Ready. */
    readonly nodeMonitorGraceMs: number;
  };
  readonly kubelet: {
    /** Its first lines in the journal at each start, klog's file:line and the message (`${HOST}`: the host's name). */
    readonly startLog: readonly (readonly [string, string])[];
    /**
     * What it writes before kubeadm has written /var/lib/kubelet/config.yaml, and how it exits:
     * klog's level and file:line, the message, and the exit status systemd reports.
     */
    readonly noConfig: {
      readonly level: 'F' | 'E';
      readonly where: string;
      readonly message: string;
      readonly exitStatus: number;
    };
    /** The Normal events of a container's creation and start, for a container named `c`. */
    createdMessage(c: string): string;
    startedMessage(c: string): string;
    /** The Pulled event's message for `image`, pulled in `pullMs` (`totalMs` with the wait) at `sizeBytes`. */
    pulledMessage(image: string, pullMs: number, totalMs: number, sizeBytes: number): string;
    /** After a reboot, the container that died with the machine is the new one's lastState (containerd keeps its record). */
    readonly lastStateAfterReboot: boolean;
    /** The pod condition PodReadyToStartContainers (beta 1.29, GA 1.34), first in the pod's conditions. */
    readonly podReadyToStartContainers: boolean;
    /** What a newer kubelet adds to a pod's status. */
    readonly podStatus: PodStatusFields;
  };
  readonly kubectl: {
    /** `kubectl delete`'s line, `pod "nginx-pod" deleted` (1.18) or `... deleted from default namespace` (1.31+). */
    deleted(kind: string, name: string, namespace: string | undefined, operation: string): string;
    /** RESTARTS with the last restart's age, `1 (5m ago)` (printers.go since 1.22), or the bare count. */
    readonly restartsWithAge: boolean;
    /** describe's events: From `kubelet` and `spec.containers{nginx}: …` (1.36), or From `kubelet, w2-k8s` (1.18). */
    readonly describeEventsWithFieldPath: boolean;
    /** How a flag that does not parse is reported: `Error: unknown flag: --image` (1.18) or `error: …` (newer). */
    readonly flagErrorPrefix: string;
    /** The output formats `kubectl get -o` names when it matches none (comma-separated, as kubectl prints them). */
    readonly getOutputFormats: string;
    /** -o yaml|json|jsonpath show metadata.managedFields (1.18, 1.20); 1.21+ leave them out unless --show-managed-fields. */
    readonly showManagedFields: boolean;
    /** The List kubectl builds for several objects carries `selfLink: ""` (1.18, 1.20; not 1.33). */
    readonly listSelfLink: boolean;
    /** api-resources heads its group column APIGROUP (1.18, the group) or APIVERSION (1.20+, group/version). */
    readonly apiResourcesGroupColumn: 'APIGROUP' | 'APIVERSION';
    /**
     * api-resources -o wide joins VERBS with commas and adds CATEGORIES, and --categories filters
     * by them (1.26+); 1.18 prints the verbs as Go's `[get list]` and has no categories.
     */
    readonly apiResourcesCategories: boolean;
    /** label says `unlabeled` for a label only removed and `modified` for added and removed (1.21+), else `labeled`. */
    readonly labelChangeWords: boolean;
    /** --record is marked deprecated: pflag says so on stderr as the flags are read. */
    readonly recordDeprecated: boolean;
    /** cluster-info: what it calls the API server, and whether it colours its lines (1.18 always does). */
    readonly clusterInfo: { readonly controlPlane: string; readonly colour: boolean };
    /** What describe prints besides 1.18's (the newer ones: pkg/describe/describe.go at kubernetes-1.36.0). */
    readonly describe: DescribeVersion;
    /**
     * What discovery logs before a refused command while the disk cache holds nothing fresh for
     * the server (client-go memcache.go's klog line, for the request's URL and dial error), or
     * nothing but the refusal (the lab's 1.18).
     */
    readonly refusedDiscovery?: {
      readonly where: string;
      message(url: string, dial: string): string;
    };
    /**
     * The klog lines of GetDryRunStrategy's deprecation warnings (pkg/cmd/util/helpers.go): a
     * bare `--dry-run`, `--dry-run=true` and `--dry-run=false`.
     */
    readonly dryRunWarningLines: { readonly bare: number; readonly isTrue: number; readonly isFalse: number };
    /**
     * The objects kubectl builds (run, create …, expose with --dry-run=client -o yaml|json, and
     * --save-config's annotation) carry `creationTimestamp: null`: metav1.Time's zero value, which
     * apimachinery 0.34 leaves out (omitzero).
     */
    readonly nullCreationTimestamp: boolean;
    /** The formats the printer of run, create and expose names when -o matches none (cli-runtime's PrintFlags). */
    readonly printFormats: string;
    /** A verb's flags this version has not (pflag: `unknown flag`), by verb: 1.18's create deployment has no --replicas. */
    readonly absentFlags: Readonly<Record<string, readonly string[]>>;
    /** create deployment takes `-- COMMAND [args…]` for its container (1.19+); 1.18 counts the words as names. */
    readonly createDeploymentCommand: boolean;
    /**
     * create deployment and create service send the object with a typed client and wrap what
     * the server says: `error: failed to create deployment: …` (1.19+; 1.18's generators print
     * `Error from server (AlreadyExists): …`).
     */
    readonly createSubcommandErrors: boolean;
    /** -o jsonpath prints a map or a list it finds as JSON (`{"run":"pe"}`, client-go 1.19+), not Go's `map[run:pe]`. */
    readonly jsonPathMapsAsJson: boolean;
    /** --save-config annotates the object of a client dry run too (1.20+; 1.18.4 only when it sends it). */
    readonly saveConfigOnClientDryRun: boolean;
    /** `kubectl version`: the lines it prints, client first; `server` when the API answered. */
    version(server: boolean, short: boolean): readonly string[] | { readonly error: string };
  };
  /** Files of this edition's book repository beyond the ch3 files the lab shares, by path under ~/_Book_k8sInfra (on the master). */
  readonly bookRepoFiles: Readonly<Record<string, string>>;
  /** What the guided lessons type that differs with the lab (src/lessons/guided/forProfile.ts). */
  readonly lessons: {
    /** The book's docker lines as this lab types them, by the line's first words: `docker ps` → `crictl ps`. */
    readonly runtimeCommands: Readonly<Record<string, string>>;
  };
}

/** The fields of a pod's status a kubelet of the version reports (all false in 1.18). */
export interface PodStatusFields {
  /** status.hostIPs beside hostIP (GA 1.30). */
  readonly hostIPs: boolean;
  /** Each started container's resources (and allocatedResources when it requests any): InPlacePodVerticalScaling. */
  readonly containerResources: boolean;
  /** Each started container's user, as the runtime reports it (uid 0, gid 0, supplementalGroups [0] for the lab's images). */
  readonly containerUser: boolean;
  /** Each started container's volumeMounts with recursiveReadOnly: Disabled (RecursiveReadOnlyMounts). */
  readonly mountStatus: boolean;
}

/** The images kubeadm and the book's Calico manifest run, as their pod specs name them. */
export interface AddonImages {
  readonly etcd: string;
  readonly 'kube-apiserver': string;
  readonly 'kube-controller-manager': string;
  readonly 'kube-scheduler': string;
  readonly kubeProxy: string;
  readonly coredns: string;
  /** The sandbox image the kubelet (1.18: --pod-infra-container-image) or containerd pulls first. */
  readonly pause: string;
  readonly calicoNode: string;
  /** The image of calico-node's install-cni init container, held on every node. */
  readonly calicoCni: string;
  readonly calicoKubeControllers: string;
}

export interface Addons {
  readonly images: AddonImages;
  /**
   * The pod-template-hash of kubeadm's CoreDNS ReplicaSet (`coredns-66bff467f8-…`): the
   * Deployment's template is the same in every kubeadm cluster of a version, so its hash is too.
   */
  readonly corednsHash: string;
  /** The same for the book's Calico kube-controllers Deployment. */
  readonly calicoKubeControllersHash: string;
  /** The control-plane taint's key CoreDNS and Calico's kube-controllers tolerate (`…/master` before 1.24's rename). */
  readonly controlPlaneTolerationKeys: readonly string[];
  /** `kubeadm version`'s line. */
  readonly kubeadmVersion: string;
  /** The etcd release in kubeadm's etcd image, as its etcdctl reports it (`etcdctl version`). */
  readonly etcdVersion: string;
}

/**
 * What kubeadm, the API server, the controller manager and the book's Calico manifest write
 * as ConfigMaps: each text as `kubectl get cm -o yaml` shows its value.
 */
export interface LabConfigMaps {
  /** kube-system/coredns's Corefile: kubeadm's CoreDNSConfigMap template for cluster.local. */
  readonly corefile: string;
  /** kube-system/kube-proxy's config.conf: kubeadm's KubeProxyConfiguration with its zero values written out (mode ""). */
  readonly kubeProxyConf: string;
  /** kubeadm-config's ClusterConfiguration for the book's `kubeadm init` flags. */
  readonly clusterConfiguration: string;
  /** kubeadm-config's ClusterStatus, {master} for the master's name (kubeadm stopped writing it in 1.22). */
  readonly clusterStatus?: string;
  /** `kubelet-config-1.18` (kubeadm before 1.24) or `kubelet-config`. */
  readonly kubeletConfigName: string;
  /** Its `kubelet` key: the KubeletConfiguration kubeadm uploads. */
  readonly kubeletConfig: string;
  /**
   * kubeadm.kubernetes.io/component-config.hash on kube-proxy and the kubelet's ConfigMap (kubeadm
   * 1.19+, ChecksumForConfigMap: sha256 of the values in key order), or none.
   */
  readonly componentConfigHash: boolean;
  /** The controller manager's root-ca-cert-publisher (1.20+) has put kube-root-ca.crt in every namespace. */
  readonly rootCaPublisher: boolean;
  /**
   * The day the API server first ran, which it writes in kube-apiserver-legacy-service-account-token-tracking
   * (1.28+; the lab's clock's first day), or none before.
   */
  readonly legacyTokenTrackingSince?: string;
  /** calico-config's data as the book's Calico manifest writes it, in the manifest's order. */
  readonly calicoConfig: Readonly<Record<string, string>>;
}

/** The nodes' iptables and the chains the Kubernetes components keep in it (src/sim/hostIptables.ts). */
export interface NetfilterVersion {
  /** How iptables names itself in its banners and iptables-save's header: `v1.4.21` or `v1.8.10 (nf_tables)`. */
  readonly iptables: string;
  /**
   * 'legacy' (CentOS 7's 1.4.21): iptables-save lists nat then filter, no mangle table is modelled.
   * 'nft' (Ubuntu 24.04's iptables-nft 1.8.10): mangle, filter, nat in that order, and `-L -n`
   * prints protocol numbers (xshared.c between da8ecc62 and its revert 34f085b1).
   */
  readonly backend: 'legacy' | 'nft';
  /**
   * The rules kube-proxy's iptables proxier writes (pkg/proxy/iptables/proxier.go): 1.18's, or
   * the later proxier's (the masquerade rule in KUBE-SVC-*, KUBE-EXT-* for node ports, `-> ip:port`
   * comments, KUBE-PROXY-FIREWALL, KUBE-POSTROUTING's RETURN and --xor-mark, MASQUERADE --random-fully).
   */
  readonly proxier: '1.18' | '1.36';
  /**
   * iptables-legacy's tables exist beside nft's (something on the node ran a legacy iptables:
   * kube-proxy's iptables-wrapper probes both), so iptables-nft warns on stderr after listing them.
   */
  readonly legacyTablesPresent: boolean;
  /** kube-proxy's nfacct counters took (kernel nfnetlink_acct): `-m nfacct` on its INVALID drop and its localhost node ports. */
  readonly nfacct: boolean;
  /**
   * The kubelet's own chains (pkg/kubelet/kubelet_network_linux.go): 1.18's KUBE-MARK-DROP,
   * KUBE-MARK-MASQ, KUBE-POSTROUTING and KUBE-FIREWALL's marked-packet drop; or, since
   * IPTablesOwnershipCleanup (GA 1.28), KUBE-FIREWALL with the localnet rule alone, and its canary.
   */
  readonly kubeletChains: '1.18' | '1.28';
}

/**
 * The NICs as the box's network manager sets them up: CentOS 7's NetworkManager or Ubuntu's
 * systemd-networkd (netplan). eth0 is VirtualBox's NAT (DHCP from 10.0.2.2), eth1 Vagrant's
 * private network (static).
 */
export interface HostNetworking {
  /** iproute2's flags after eth0's scope: NetworkManager's `noprefixroute dynamic`, networkd's `dynamic`. */
  readonly eth0Flags: string;
  /** The metric networkd gives eth0's address (IFA_RT_PRIORITY), printed after its prefix: `metric 100`. */
  readonly eth0AddressMetric?: number;
  /** eth1's flags (`noprefixroute` from NetworkManager; none from networkd). */
  readonly eth1Flags?: string;
  /** The metric of eth1's subnet route (NetworkManager's 101; none under networkd). */
  readonly eth1RouteMetric?: number;
  /** networkd's routes from the DHCP lease: `src` on the default route and /32 routes to the gateway and the lease's DNS server. */
  readonly leaseRoutes: boolean;
  /** Whether the NICs, lo and the pods' veths carry IPv6 addresses (the second edition's box turns IPv6 off). */
  readonly ipv6: boolean;
}

/** One file system of the box's disk, in KiB; `reservedKib`: ext4's blocks kept for root (df's Avail leaves them out). */
export interface DiskFs {
  readonly device: string;
  readonly sizeKib: number;
  readonly usedKib: number;
  readonly reservedKib: number;
}

export interface HostDisk {
  readonly root: DiskFs;
  readonly boot: DiskFs;
  /**
   * The memory file systems the distribution mounts, in mount order before /boot: CentOS 7's
   * devtmpfs, /dev/shm, /run and cgroup v1's /sys/fs/cgroup; Ubuntu 24.04's /run (10 % of
   * memory), /dev/shm and /run/lock (cgroup v2: no tmpfs for it).
   */
  readonly memoryMounts: 'centos7' | 'ubuntu24';
}

/** One subresource in a discovery list: `pods/eviction` is policy's Eviction, `pods/log` the Pod itself. */
export interface DiscoverySubresource {
  readonly name: string;
  readonly verbs: readonly string[];
  /** The kind it takes or returns, when it is not the resource's own. */
  readonly kind?: string;
  /** The group and version of that kind, when they are not the resource's. */
  readonly group?: string;
  readonly version?: string;
}

/** What a kube-apiserver's discovery says of the kinds the lab serves (src/api/discovery.ts). */
export interface DiscoveryVersion {
  /** Each resource's singularName (`pod`), as the server fills it since 1.27; "" before (and for subresources always). */
  readonly singularNames: boolean;
  /**
   * Each stored resource's storageVersionHash, as `group/version/resource` (`v1/pods`, `apps/v1/deployments`)
   * and the hash; none sent for a resource not listed (the lab's 1.18 lists none: not checked there).
   */
  readonly storageVersionHashes: readonly (readonly [gvr: string, hash: string])[];
  /** The subresources the REST storage registers for each served resource, in the order discovery lists them. */
  readonly subresources: Partial<Record<Resource, readonly DiscoverySubresource[]>>;
  /** The verbs of a resource whose storage offers fewer than create, delete, deletecollection, get, list, patch, update, watch. */
  readonly verbs: Partial<Record<Resource, readonly string[]>>;
  /**
   * /api and /apis answer a client that asks for `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`
   * with aggregated discovery (AggregatedDiscoveryEndpoint, GA in 1.30), so it reads no group version's list.
   */
  readonly aggregated: boolean;
}

/** kubectl describe's texts that differ between versions. */
export interface DescribeVersion {
  /** `Service Account:` after Priority in a pod (and in a pod template that names one). */
  readonly serviceAccount: boolean;
  /** A toleration with operator Exists and no value gets ` op=Exists` after its key and effect. */
  readonly tolerationOperator: boolean;
  /** A pod template (deployment, replica set, rollout history) ends with `Node-Selectors` and `Tolerations`. */
  readonly templateScheduling: boolean;
  /** describe node's pods table heads its age column so: `AGE` (1.18) or `Age`. */
  readonly nodePodsAge: string;
  /**
   * describe configmap ends Data with a BinaryData section (kubectl 1.22) and leaves a blank line
   * after each value (1.31; keys sorted since 1.34), or prints the values back to back (1.18).
   */
  readonly configMapSections: boolean;
}

/**
 * One difference between the book's 1.18 lab and a later profile, with where it comes
 * from: `differences.ts` lists them and src/shell/profiles.test.ts checks each.
 */
export interface Difference {
  readonly id: string;
  /** The profile's fields it covers ('node.software.osImage', 'prompt'); every field that differs is in one. */
  readonly fields: readonly string[];
  readonly what: string;
  /** Where the later profile's value comes from. */
  readonly source: string;
  /** Said when it could not be checked against the thing itself. */
  readonly unverified?: string;
  /** Lines typed on the master ({master} is its name), and what the last one prints under each profile. */
  readonly script?: readonly string[];
  /** The lab the script runs in: the book's ready one, or freshly booted machines before kubeadm. */
  readonly lab?: 'fresh';
  readonly prints?: Readonly<Record<ProfileId, string | RegExp>>;
}
