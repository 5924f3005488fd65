// The lab as it stands after the book's setup (ch3 3.1.3): four nodes Ready and
// the 15 kube-system pods of the book's `kubectl get pods --all-namespaces`,
// written straight into etcd, the runtimes and Calico's IPAM.
import { uid } from '../components/admission';
import type { Ipam } from '../components/cni';
import { CALICO_POD_IP } from '../components/cni';
import { NODE_LEASE_DURATION_S, nodeLease } from '../components/kubeletLease';
import { newNode, nodeConditions, withNewerFields } from '../components/kubeletStatus';
import { namespaceObject, SYSTEM_NAMESPACES, uidFromText } from '../components/namespaceLifecycle';
import type { RuntimeState } from '../components/runtime';
import { desiredSubsets } from '../controllers/endpointsController';
import { REVISION, replicaAnnotations } from '../controllers/rollout';
import type { EtcdStore } from '../etcdStore';
import { imageIdOf, nodeImages, statusImageOf } from '../images';
import { dockerId, podSuffix } from '../names';
import type { Condition, Deployment, KubeObject, Lease, Pod, PodTemplate, ReplicaSet } from '../objects';
import { MIRROR_ANNOTATION, registryKey, resourceOfKind } from '../objects';
import { defaultPod, qosClass } from '../podDefaults';
import type { Profile } from '../profiles';
import type { Rng } from '../rng';
import { minutes, type SimMs, seconds } from '../units';
import type { HostRecord } from '../world';
import { addonTemplates, controlPlaneContainer, daemonSet, deployment, kubeadmAddons } from './addons';
import { labConfigMaps } from './configMaps';
import { allManifests, nodeMachine } from './hosts';
import { seedCreated, seedManaged, seedNode, seedPod, seedWorkload } from './seedManaged';
import { nodeSetupEvents } from './setupEvents';

/** The pod names of the book's transcript (k8s-facts §1.5), node by node. */
const bookNames: Record<string, { calico: string; proxy: string }> = {
  'm-k8s': { calico: 'calico-node-xc8pm', proxy: 'kube-proxy-wvcfg' },
  'w1-k8s': { calico: 'calico-node-58qp6', proxy: 'kube-proxy-8m6xp' },
  'w2-k8s': { calico: 'calico-node-fpkts', proxy: 'kube-proxy-7jlvb' },
  'w3-k8s': { calico: 'calico-node-gc62d', proxy: 'kube-proxy-mkjz4' },
};
const joinedAgo: Record<string, number> = { 'm-k8s': 29, 'w1-k8s': 24, 'w2-k8s': 19, 'w3-k8s': 15 };

export interface SeedTarget {
  readonly store: EtcdStore<KubeObject>;
  readonly runtimes: ReadonlyMap<string, RuntimeState>;
  readonly ipam: Ipam;
  readonly rng: Rng;
  readonly profile: Profile;
}

export function seedReadyLab(hosts: readonly HostRecord[], t: SeedTarget): void {
  const { store, rng } = t;
  const put = (o: KubeObject) => {
    const key = registryKey(resourceOfKind[o.kind], o.metadata.name, o.metadata.namespace);
    const withRev = {
      ...o,
      metadata: { ...o.metadata, uid: o.metadata.uid || uid(rng), resourceVersion: store.revision + 1 },
    } as KubeObject;
    store.put(key, withRev);
    return withRev;
  };
  const masterAt = -minutes(29) as SimMs;
  const addonsAt = (masterAt + seconds(10)) as SimMs;

  const nodeAt = new Map<string, SimMs>();
  const leases: Lease[] = [];
  // The last renewal before the lab's time 0 (the kubelets' 10 s loops run in step here).
  const leaseAt = -seconds(3) as SimMs;
  hosts.forEach((h, i) => {
    // The master is the book's m-k8s whatever its name (cp-k8s in the second edition).
    const book = h.role === 'master' ? 'm-k8s' : h.name;
    const at = -minutes(joinedAgo[book] ?? Math.max(1, 14 - i)) as SimMs;
    nodeAt.set(h.name, at);
    const machine = nodeMachine(hosts, h.name, t.profile);
    if (!machine) return;
    const node = newNode(machine, at);
    // calico-node runs there once the node has joined and the add-ons are applied.
    const calicoAt = (Math.max(at, addonsAt) + seconds(38)) as SimMs;
    const reportedAt = -seconds(3) as SimMs;
    const networkUp: Condition = {
      type: 'NetworkUnavailable',
      status: 'False',
      reason: 'CalicoIsUp',
      message: 'Calico is running on this node',
      lastHeartbeatTime: calicoAt,
      lastTransitionTime: calicoAt,
    };
    // The pressure conditions have held since the kubelet registered; Ready since Calico ran.
    const since = (type: string, status: 'True' | 'False', at: SimMs): Condition => ({
      type,
      status,
      lastTransitionTime: at,
    });
    const held = [
      since('MemoryPressure', 'False', at),
      since('DiskPressure', 'False', at),
      since('PIDPressure', 'False', at),
      since('Ready', 'True', (calicoAt + seconds(2)) as SimMs),
    ];
    const conditions = nodeConditions({ runtimeUp: true, cniReady: true }, held, reportedAt);
    const images = nodeImages(seededImages(h.role, t.profile), t.profile.runtime.service);
    const ready = { ...node, status: { ...node.status, conditions: [networkUp, ...conditions], images } };
    const stored = put(seedNode(ready, { joinedAt: at, calicoAt, reportedAt }));
    // The kubelet created its lease once its Node was there, and has renewed it every 10 s since.
    const lease = nodeLease(h.name, stored.metadata, (at + seconds(1)) as SimMs);
    // Its uid comes from its name: drawing it from the rng would shift every name drawn after.
    const named = { ...lease, metadata: { ...lease.metadata, uid: uidFromText(`lease/${h.name}`) } };
    leases.push({
      ...seedCreated(named, 'kubelet'),
      spec: { holderIdentity: h.name, leaseDurationSeconds: NODE_LEASE_DURATION_S, renewTime: leaseAt },
    });
  });

  const templates = addonTemplates(t.profile);
  const { addons } = t.profile;
  const [, , , dns] = kubeadmAddons(addonsAt, t.profile);
  // kubeadm creates kube-proxy and CoreDNS; Calico's objects come from `kubectl apply`.
  const proxyDs = put(
    seedWorkload(
      {
        ...daemonSet('kube-proxy', templates.kubeProxy, addonsAt),
        status: { desiredNumberScheduled: hosts.length, numberReady: hosts.length },
      },
      'kubeadm',
      addonsAt,
    ),
  );
  const calicoDs = put(
    seedWorkload(
      {
        ...daemonSet('calico-node', templates.calicoNode, addonsAt),
        status: { desiredNumberScheduled: hosts.length, numberReady: hosts.length },
      },
      'kubectl',
      addonsAt,
    ),
  );
  // As the API server and the deployment controller left them: generation 1, revision 1.
  const rolledOut = (d: Deployment): Deployment => ({
    ...d,
    metadata: { ...d.metadata, generation: 1, annotations: { [REVISION]: '1' } },
  });
  const corednsD = put(
    seedWorkload(
      rolledOut(deployment('coredns', 'kube-system', 2, templates.coredns, addonsAt)),
      'kubeadm',
      addonsAt,
    ),
  );
  const kccD = put(
    seedWorkload(
      rolledOut(
        deployment('calico-kube-controllers', 'kube-system', 1, templates.calicoKubeControllers, addonsAt),
      ),
      'kubectl',
      addonsAt,
    ),
  );
  const services = kubeadmAddons(addonsAt, t.profile).filter(
    (o) => o.kind === 'Service' || o.kind === 'Endpoints',
  );
  for (const s of services)
    put(seedCreated(s, s.kind === 'Endpoints' ? 'kube-controller-manager' : 'kubeadm'));
  void dns;

  const rs = (d: KubeObject, hash: string, replicas: number) => {
    if (d.kind !== 'Deployment') throw new Error('not a deployment');
    const labels = { ...d.spec.template.labels, 'pod-template-hash': hash };
    return put(
      seedWorkload(
        {
          kind: 'ReplicaSet',
          metadata: {
            name: `${d.metadata.name}-${hash}`,
            namespace: 'kube-system',
            uid: '',
            resourceVersion: 0,
            creationTimestamp: addonsAt,
            labels,
            annotations: { ...replicaAnnotations(d), [REVISION]: '1' },
            generation: 1,
            ownerReferences: [{ kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid }],
          },
          spec: {
            replicas,
            selector: { ...d.spec.selector, 'pod-template-hash': hash },
            template: { ...d.spec.template, labels },
          },
          status: { replicas, readyReplicas: replicas },
        } satisfies ReplicaSet,
        'kube-controller-manager',
        addonsAt,
      ),
    );
  };
  // The hashes a real cluster of the profile's version gives its templates (the profile says whence).
  const corednsRs = rs(corednsD, addons.corednsHash, 2);
  const kccRs = rs(kccD, addons.calicoKubeControllersHash, 1);

  const master = hosts.find((h) => h.role === 'master');
  if (!master) return;
  const runPod = (
    host: HostRecord,
    name: string,
    template: PodTemplate,
    at: SimMs,
    owner?: KubeObject,
    mirror = false,
  ) => {
    const runtime = t.runtimes.get(host.name);
    const sandboxId = dockerId(rng.string('0123456789abcdef', 12));
    const containerId = dockerId(rng.string('0123456789abcdef', 12));
    const podUid = uid(rng);
    const ip = template.hostNetwork ? host.ip : (t.ipam.assign(host.name, sandboxId) ?? '');
    const started = (at + seconds(rng.between(15, 40))) as SimMs;
    const c = template.containers[0];
    const pod: Pod = {
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'kube-system',
        uid: podUid,
        resourceVersion: 0,
        creationTimestamp: at,
        labels: template.labels,
        ...(mirror ? { annotations: { [MIRROR_ANNOTATION]: podUid } } : {}),
        ...(!template.hostNetwork ? { annotations: { [CALICO_POD_IP]: `${ip}/32` } } : {}),
        ...(owner
          ? { ownerReferences: [{ kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid }] }
          : {}),
        ...(t.profile.apiServer.podGeneration ? { generation: 1 } : {}),
      },
      spec: {
        nodeName: host.name,
        containers: template.containers,
        tolerations: template.tolerations ?? [],
        terminationGracePeriodSeconds: 30,
        ...(template.hostNetwork ? { hostNetwork: true } : {}),
        ...(mirror ? { priorityClassName: 'system-cluster-critical' } : {}),
      },
      status: {
        phase: 'Running',
        hostIP: host.ip,
        podIP: ip,
        ...(ip ? { podIPs: [{ ip }] } : {}),
        startTime: at,
        conditions: [
          ...(t.profile.kubelet.podReadyToStartContainers ? ['PodReadyToStartContainers'] : []),
          'Initialized',
          'Ready',
          'ContainersReady',
          'PodScheduled',
        ].map((type) => ({
          type,
          status: 'True' as const,
          lastProbeTime: null,
          lastTransitionTime: started,
        })),
        containerStatuses: template.containers.map((x) => ({
          name: x.name,
          image: statusImageOf(x.image, t.profile.runtime.service),
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: started } },
          containerID: `${t.profile.node.containerIdScheme}${containerId}`,
          imageID: imageIdOf(x.image, t.profile.runtime.service),
        })),
      },
    };
    const creator = mirror ? 'kubelet' : 'kube-controller-manager';
    const defaulted = defaultPod(pod, 'kube-system', t.profile.apiServer.tokenVolume);
    const admitted = { ...defaulted, status: { ...defaulted.status, qosClass: qosClass(defaulted) } };
    put(
      seedPod(
        { ...admitted, status: withNewerFields(admitted, t.profile, admitted.status) },
        creator,
        at,
        started,
        mirror,
        !template.hostNetwork,
      ),
    );
    if (runtime && c && !mirror) {
      runtime.sandboxes.set(sandboxId, { id: sandboxId, podUid, podName: name, ip, ready: true });
      runtime.containers.set(containerId, {
        id: containerId,
        sandboxId,
        podUid,
        podName: name,
        podNamespace: 'kube-system',
        name: c.name,
        image: c.image,
        state: 'running',
        startedAt: started,
      });
      runtime.images.add(c.image);
    }
  };

  for (const m of allManifests) {
    const template: PodTemplate = {
      labels: { component: m, tier: 'control-plane' },
      containers: [controlPlaneContainer(m, t.profile)],
      hostNetwork: true,
    };
    runPod(master, `${m}-${master.name}`, template, masterAt, undefined, true);
  }
  const pick = (name: string) => bookNames[name];
  runPod(
    master,
    `${kccRs.metadata.name}-ms2ml`,
    kccRs.kind === 'ReplicaSet' ? kccRs.spec.template : templates.calicoKubeControllers,
    addonsAt,
    kccRs,
  );
  for (const suffix of ['4pvhm', 'bj6n8'])
    runPod(
      master,
      `${corednsRs.metadata.name}-${suffix}`,
      corednsRs.kind === 'ReplicaSet' ? corednsRs.spec.template : templates.coredns,
      addonsAt,
      corednsRs,
    );
  for (const h of hosts) {
    const at = h.role === 'master' ? addonsAt : (nodeAt.get(h.name) ?? addonsAt);
    const names = pick(h.name) ?? {
      calico: `calico-node-${podSuffix(rng)}`,
      proxy: `kube-proxy-${podSuffix(rng)}`,
    };
    runPod(h, names.calico, templates.calicoNode, at, calicoDs);
    runPod(h, names.proxy, templates.kubeProxy, at, proxyDs);
    t.runtimes.get(h.name)?.images.add(addons.images.calicoCni);
    const joinedAt = nodeAt.get(h.name) ?? at;
    // kube-proxy starts a few seconds after its pod is bound; the node is Ready once calico-node runs.
    for (const e of nodeSetupEvents(
      {
        name: h.name,
        joinedAt,
        proxyAt: (Math.max(joinedAt, at) + seconds(8)) as SimMs,
        readyAt: (Math.max(joinedAt, at) + seconds(40)) as SimMs,
      },
      t.profile.wallClockEpochMs,
    ))
      put(
        seedCreated(
          e,
          e.source.component === 'node-controller' ? 'kube-controller-manager' : e.source.component,
        ),
      );
  }
  // The endpoints controller has long since written the Endpoints of kube-dns.
  const pods = store.range('/registry/pods/').map((kv) => kv.value as Pod);
  for (const svc of services)
    if (svc.kind === 'Service' && svc.spec.selector)
      put(
        seedCreated(
          {
            kind: 'Endpoints',
            metadata: {
              name: svc.metadata.name,
              namespace: svc.metadata.namespace ?? 'default',
              uid: '',
              resourceVersion: 0,
              creationTimestamp: svc.metadata.creationTimestamp,
              ...(svc.metadata.labels ? { labels: svc.metadata.labels } : {}),
            },
            subsets: desiredSubsets(svc, pods),
          } satisfies KubeObject,
          'kube-controller-manager',
        ),
      );
  // The API server's bootstrap controller made the system namespaces when it first started.
  for (const name of SYSTEM_NAMESPACES) put(namespaceObject(name, masterAt, true));
  for (const lease of leases) {
    // Renewals are the kubelet's Updates of renewTime: its managedFields entry moves to the last one.
    const managedFields = lease.metadata.managedFields?.map((m) => ({ ...m, time: leaseAt }));
    put({ ...lease, metadata: { ...lease.metadata, ...(managedFields ? { managedFields } : {}) } });
  }
  // Last, so that every object above keeps its resourceVersion; their uids come from their names.
  const masterName = hosts.find((h) => h.role === 'master')?.name ?? 'm-k8s';
  for (const cm of labConfigMaps(t.profile, masterName, SYSTEM_NAMESPACES, masterAt, addonsAt))
    put(
      cm.laterWrite
        ? seedManaged({ ...cm.object, data: cm.laterWrite.data }, [
            { manager: cm.manager, at: cm.object.metadata.creationTimestamp, state: cm.object },
            {
              manager: cm.laterWrite.manager,
              at: cm.laterWrite.at,
              state: { ...cm.object, data: cm.laterWrite.data },
            },
          ])
        : seedCreated(cm.object, cm.manager),
    );
}

/**
 * The images a node's docker holds after the setup (what runPod below runs there, Calico's
 * CNI installer and the sandbox image), as `docker images` lists them.
 */
function seededImages(role: HostRecord['role'], profile: Profile): string[] {
  const templates = addonTemplates(profile);
  const { images } = profile.addons;
  const first = (t: PodTemplate) => t.containers.map((c) => c.image);
  const master =
    role === 'master'
      ? [
          ...allManifests.map((m) => controlPlaneContainer(m, profile).image),
          ...first(templates.calicoKubeControllers),
          ...first(templates.coredns),
        ]
      : [];
  return [
    ...master,
    ...first(templates.calicoNode),
    ...first(templates.kubeProxy),
    images.calicoCni,
    images.pause,
  ];
}
