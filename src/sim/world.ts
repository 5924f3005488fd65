// The physical lab: hosts with their power, services, kernel modules and files.
// Components read it to know whether they may run; inputs change it.
import type { HostState } from './api';
import type { ControlPlaneManifest, HostName } from './inputs';
import type { Profile } from './profiles';
import { profileOf } from './profiles';
import type { SimMs } from './units';

export interface HostRecord {
  name: HostName;
  ip: string;
  role: 'master' | 'worker';
  powered: boolean;
  /** Until when the host is still booting (unreachable). */
  bootingUntil: number;
  bootedAt: number;
  services: {
    kubelet: 'active' | 'inactive' | 'absent';
    docker: 'active' | 'inactive' | 'absent';
    network: 'active' | 'inactive' | 'absent';
  };
  brNetfilter: boolean;
  /** The book's observation: after `systemctl restart network` without br_netfilter, traffic to this host's pods times out. */
  podRoutesBroken: boolean;
  joined: boolean;
  /** Manifests present in /etc/kubernetes/manifests. */
  manifests: Set<ControlPlaneManifest>;
  /** Manifests the master's kubelet has acted on (it checks the folder every 20 s). */
  staticPodsRunning: Set<ControlPlaneManifest>;
  /** When the kubelet last started each static pod again after its manifest came back (replaced, never changed in place). */
  staticPodsStartedAt: Readonly<Partial<Record<ControlPlaneManifest, number>>>;
  cniInstalled: boolean;
  /** Calico's /26 block for this node, e.g. '172.16.103.128'. */
  blockBase: string;
  /** The blocks it claimed once that one was full, oldest first; replaced, never changed in place. */
  moreBlocks: readonly string[];
  /**
   * systemd's record of this boot: each start and stop of a service (journalctl, systemctl
   * status). Replaced, never changed in place: a frame of the past holds the log as it was.
   */
  serviceLog: readonly ServiceChange[];
}

/** A service changing state by systemctl, kubeadm or a fault; the journal is volatile, so it holds one boot. */
export interface ServiceChange {
  readonly service: 'kubelet' | 'docker' | 'network';
  readonly how: 'start' | 'stop' | 'restart';
  readonly at: number;
  /** kubeadm init or join, which writes the kubelet's config and restarts it. */
  readonly by?: 'kubeadm';
}

export interface Faults {
  imagePullFail: { image?: string; host?: string }[];
  crash: { pod?: string }[];
  corednsDown: boolean;
  etcdCorrupt: boolean;
}

export class World {
  readonly hosts = new Map<HostName, HostRecord>();

  /** The lab's version, which the components read their defaults and texts from. */
  constructor(readonly profile: Profile = profileOf(undefined)) {}
  readonly faults: Faults = { imagePullFail: [], crash: [], corednsDown: false, etcdCorrupt: false };

  host(name: HostName): HostRecord | undefined {
    return this.hosts.get(name);
  }

  get master(): HostRecord {
    for (const h of this.hosts.values()) if (h.role === 'master') return h;
    throw new Error('the lab has no master');
  }

  /** The host is on and done booting. */
  up(name: HostName | undefined, now: number): boolean {
    const h = name === undefined ? undefined : this.hosts.get(name);
    return !!h && h.powered && now >= h.bootingUntil;
  }

  imagePullFails(image: string, host: string): boolean {
    return this.faults.imagePullFail.some(
      (f) => (!f.image || image.startsWith(f.image)) && (!f.host || f.host === host),
    );
  }

  crashes(podName: string): boolean {
    return this.faults.crash.some((f) => !f.pod || podName.startsWith(f.pod));
  }

  hostState(h: HostRecord, now: number): HostState {
    return {
      name: h.name,
      ip: h.ip,
      role: h.role,
      powered: h.powered,
      booting: h.powered && now < h.bootingUntil,
      services: { ...h.services },
      modules: { br_netfilter: h.brNetfilter },
      joined: h.joined,
      manifests: [...h.manifests],
      // Only while they differ from the manifests (a file moved, the kubelet not yet there) or a static pod restarted.
      ...(sameSet(h.staticPodsRunning, h.manifests) ? {} : { staticPods: [...h.staticPodsRunning] }),
      ...(Object.keys(h.staticPodsStartedAt).length > 0
        ? { staticPodsStartedAt: h.staticPodsStartedAt }
        : {}),
      cniInstalled: h.cniInstalled,
      bootedAt: h.bootedAt as SimMs,
      podBlock: h.blockBase,
      morePodBlocks: h.moreBlocks,
      serviceLog: h.serviceLog,
    };
  }
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
