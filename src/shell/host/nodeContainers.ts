// The containers docker runs on a node, as the kubelet's pod statuses report them: each
// running container and its pod's sandbox (pause), named as the kubelet names them
// (k8s_<container>_<pod>_<namespace>_<uid>_<attempt>). docker ps, images, inspect and logs
// and the process table all read this one list, so their IDs and times agree.
import type { SimCluster } from '../../sim/api';
import { argvOf } from '../../sim/containerProcess';
import { lookupImage } from '../../sim/images';
import type { ControlPlaneManifest } from '../../sim/inputs';
import type { Container, Pod } from '../../sim/objects';
import { profileOf } from '../../sim/profiles';
import { fullContainerId } from './containerIds';
import { serviceStart } from './hostProcesses';

export interface NodeContainer {
  /** Docker's 12-digit ID and the full one. */
  readonly id: string;
  readonly fullId: string;
  readonly name: string;
  readonly pod: Pod;
  /** The pod's container, or undefined for the sandbox. */
  readonly container?: Container;
  readonly image: string;
  readonly startedAt: number;
  readonly attempt: number;
  /** The argv docker starts (entrypoint + cmd, or the pod's command/args). */
  readonly argv: readonly string[];
}

/** A stable 12-digit ID for a container the runtime model does not name (FNV-1a, repeated). */
export function shortId(text: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 12; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 12);
}

/** kubeadm 1.18's static pods and add-ons set their own commands; the first words of each. */
const kubeadmArgv: Record<string, readonly string[]> = {
  coredns: ['/coredns', '-conf', '/etc/coredns/Corefile'],
  'kube-proxy': ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf'],
  'kube-apiserver': ['kube-apiserver', '--advertise-address=192.168.1.10'],
  'kube-controller-manager': ['kube-controller-manager', '--allocate-node-cidrs=true'],
  'kube-scheduler': ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf'],
  etcd: ['etcd', '--advertise-client-urls=https://192.168.1.10:2379'],
};

function argvFor(pod: Pod, name: string): string[] {
  const known = kubeadmArgv[name];
  if (known) return [...known];
  const spec = pod.spec.containers.find((c) => c.name === name);
  const image = lookupImage(spec?.image ?? '');
  return image.ok ? argvOf(image.image, spec ?? {}) : [];
}

/** The control-plane component a mirror pod stands for (`kube-apiserver-m-k8s` on m-k8s), if it is one. */
function staticComponent(p: Pod, node: string): ControlPlaneManifest | undefined {
  const c = p.metadata.labels?.component;
  return p.metadata.namespace === 'kube-system' &&
    p.metadata.labels?.tier === 'control-plane' &&
    p.metadata.name === `${c}-${node}`
    ? (c as ControlPlaneManifest)
    : undefined;
}

/** Running containers and sandboxes on `node`; empty while docker is down (containerd's shims keep theirs). */
export function nodeContainers(cluster: SimCluster, node: string): NodeContainer[] {
  const host = cluster.host(node);
  const profile = profileOf(cluster.options.profile);
  const outlive = profile.runtime.containersOutliveService;
  if (!host?.powered || (host.services.docker !== 'active' && !outlive)) return [];
  const out: NodeContainer[] = [];
  // Stopping docker kills every container; one counts only if it started in docker's current run.
  // Stopping containerd kills none: they live from the machine's boot.
  const dockerSince = outlive ? host.bootedAt : (serviceStart(host, 'docker') ?? host.bootedAt);
  const rt = cluster.runtime(node);
  // The runtime names containers by 64 hex digits; docker ps and these rows show the first 12.
  const dead = new Set(
    rt?.containers.filter((c) => c.state !== 'running').map((c) => c.id.slice(0, 12)) ?? [],
  );
  const known = new Set(rt?.containers.map((c) => c.id.slice(0, 12)) ?? []);
  const now = cluster.now;
  const kubeletUp = host.services.kubelet === 'active';
  // Static pods' containers are not in the runtime's model: after docker comes back, the
  // kubelet starts them again from their manifests within a few seconds.
  const restartedAt = (id: string, startedAt: number) =>
    startedAt >= dockerSince || known.has(id)
      ? startedAt
      : kubeletUp
        ? dockerSince + 3_000
        : Number.POSITIVE_INFINITY;
  const pods = cluster.objects().filter((o): o is Pod => o.kind === 'Pod' && o.spec.nodeName === node);
  // A static pod whose manifest was moved away is stopped by the kubelet, though its mirror in
  // the API may stay (the API server's own cannot be deleted while it is down); moved back,
  // it runs a new container from the moment the kubelet started it again.
  const staticPods = host.staticPods ?? host.manifests;
  for (const p of pods) {
    const ns = p.metadata.namespace ?? 'default';
    const component = staticComponent(p, node);
    if (component && !staticPods.includes(component)) continue;
    const again = component ? host.staticPodsStartedAt?.[component] : undefined;
    const idOf = (c: (typeof p.status.containerStatuses)[number]) =>
      again !== undefined && 'running' in c.state && c.state.running.startedAt < again
        ? shortId(`${p.metadata.uid}/${c.name}/${again}`)
        : c.containerID
          ? c.containerID.replace(/^\w+:\/\//, '').slice(0, 12)
          : shortId(`${p.metadata.uid}/${c.name}/${c.restartCount}`);
    const running = p.status.containerStatuses.filter(
      (c) =>
        'running' in c.state &&
        restartedAt(idOf(c), c.state.running.startedAt) <= now &&
        c.state.running.startedAt >= (known.has(idOf(c)) ? dockerSince : -Infinity) &&
        !dead.has(idOf(c)),
    );
    if (running.length === 0) continue;
    const created = p.status.startTime ?? p.metadata.creationTimestamp;
    for (const c of running) {
      const id = idOf(c);
      const since = 'running' in c.state ? c.state.running.startedAt : created;
      const renewed = again !== undefined && since < again;
      const startedAt = restartedAt(id, renewed ? again : since);
      const container = p.spec.containers.find((x) => x.name === c.name);
      out.push({
        id,
        fullId: c.containerID && !renewed ? c.containerID.replace(/^\w+:\/\//, '') : fullContainerId(id),
        name: `k8s_${c.name}_${p.metadata.name}_${ns}_${p.metadata.uid}_${c.restartCount}`,
        pod: p,
        ...(container ? { container } : {}),
        image: c.image,
        startedAt,
        attempt: c.restartCount,
        argv: argvFor(p, c.name),
      });
    }
    const attempt = p.status.containerStatuses.reduce((n, c) => Math.max(n, c.restartCount), 0);
    const id = shortId(
      `${p.metadata.uid}/pause/${attempt}${again !== undefined && created < again ? `/${again}` : ''}`,
    );
    // A sandbox older than docker's current run was made again, just before its containers.
    const firstStart = Math.min(
      ...running.map((c) => ('running' in c.state ? c.state.running.startedAt : created)),
    );
    const sandboxAt =
      again !== undefined && created < again
        ? again - 400
        : created >= dockerSince
          ? created
          : Math.max(dockerSince, firstStart - 400);
    out.push({
      id,
      fullId: fullContainerId(id),
      name: `k8s_POD_${p.metadata.name}_${ns}_${p.metadata.uid}_${attempt}`,
      pod: p,
      image: profile.addons.images.pause,
      startedAt: sandboxAt,
      attempt,
      argv: ['/pause'],
    });
  }
  return out;
}
