// The faults a teacher can inject from the page or the URL (`faults=kubelet@w2-k8s`):
// each is a pair of inputs (inject, heal) and a reading of the lab that says
// whether it is in force. Data, not patches of a machine's insides.
import type { HostState } from './api';
import type { ClusterInput, ControlPlaneManifest } from './inputs';
import type { Profile, ProfileId } from './profiles';
import { profileOf } from './profiles';
import type { World } from './world';

export type FaultId =
  | 'kubelet'
  | 'docker'
  | 'br_netfilter'
  | 'power'
  | 'apiserver'
  | 'etcd'
  | 'scheduler'
  | 'controller-manager'
  | 'cni'
  | 'coredns'
  | 'image-pull'
  | 'crash'
  | 'etcd-corrupt';

export interface FaultSpec {
  readonly id: FaultId;
  /** 'node': needs a host (w2-k8s); 'cluster': none. */
  readonly scope: 'node' | 'cluster';
  readonly label: { readonly en: string; readonly ko: string };
  /** The label under a lab's profile, when it names something the profile names (the runtime). */
  labelIn?(profile: Profile): { readonly en: string; readonly ko: string };
  inject(target?: string): ClusterInput;
  heal(target?: string): ClusterInput;
  active(world: World, target?: string): boolean;
}

const manifestFault = (id: FaultId, manifest: ControlPlaneManifest, en: string, ko: string): FaultSpec => ({
  id,
  scope: 'cluster',
  label: { en, ko },
  inject: () => ({ type: 'manifest.remove', manifest }),
  heal: () => ({ type: 'manifest.restore', manifest }),
  active: (w) => !w.master.manifests.has(manifest),
});

const host = (target?: string) => target ?? 'w2-k8s';

export const faultCatalog: readonly FaultSpec[] = [
  {
    id: 'kubelet',
    scope: 'node',
    label: { en: 'Stop the kubelet', ko: 'kubelet 중지' },
    inject: (t) => ({ type: 'service.stop', host: host(t), service: 'kubelet' }),
    heal: (t) => ({ type: 'service.start', host: host(t), service: 'kubelet' }),
    active: (w, t) => w.host(host(t))?.services.kubelet === 'inactive',
  },
  {
    id: 'docker',
    scope: 'node',
    label: { en: 'Stop the container runtime (docker)', ko: '컨테이너 런타임(docker) 중지' },
    // The id stays `docker` (links, lesson files); the label says the lab's runtime.
    labelIn: (p) => ({
      en: `Stop the container runtime (${p.runtime.service})`,
      ko: `컨테이너 런타임(${p.runtime.service}) 중지`,
    }),
    inject: (t) => ({ type: 'service.stop', host: host(t), service: 'docker' }),
    heal: (t) => ({ type: 'service.start', host: host(t), service: 'docker' }),
    active: (w, t) => w.host(host(t))?.services.docker === 'inactive',
  },
  {
    id: 'br_netfilter',
    scope: 'node',
    label: { en: 'Remove the br_netfilter module', ko: 'br_netfilter 모듈 제거' },
    inject: (t) => ({ type: 'module.remove', host: host(t), module: 'br_netfilter' }),
    heal: (t) => ({ type: 'module.load', host: host(t), module: 'br_netfilter' }),
    active: (w, t) => w.host(host(t))?.brNetfilter === false,
  },
  {
    id: 'power',
    scope: 'node',
    label: { en: 'Power off', ko: '전원 끄기' },
    inject: (t) => ({ type: 'host.poweroff', host: host(t) }),
    heal: (t) => ({ type: 'host.poweron', host: host(t) }),
    active: (w, t) => w.host(host(t))?.powered === false,
  },
  manifestFault('apiserver', 'kube-apiserver', 'Stop the API server', 'API 서버 중지'),
  manifestFault('etcd', 'etcd', 'Stop etcd', 'etcd 중지'),
  manifestFault('scheduler', 'kube-scheduler', 'Stop the scheduler', '스케줄러 중지'),
  manifestFault(
    'controller-manager',
    'kube-controller-manager',
    'Stop the controller manager',
    '컨트롤러 매니저 중지',
  ),
  {
    id: 'cni',
    scope: 'node',
    label: { en: 'Remove the network plugin (Calico CNI)', ko: '네트워크 플러그인(Calico CNI) 제거' },
    inject: (t) => ({ type: 'cni.remove', host: host(t) }),
    heal: (t) => ({ type: 'cni.restore', host: host(t) }),
    active: (w, t) => w.host(host(t))?.cniInstalled === false,
  },
  {
    id: 'coredns',
    scope: 'cluster',
    label: { en: 'Take CoreDNS down', ko: 'CoreDNS 중지' },
    inject: () => ({ type: 'coredns.down' }),
    heal: () => ({ type: 'coredns.up' }),
    active: (w) => w.faults.corednsDown,
  },
  {
    id: 'image-pull',
    scope: 'cluster',
    label: { en: 'Make image pulls fail', ko: '이미지 풀 실패' },
    inject: () => ({ type: 'image.pull.fail' }),
    heal: () => ({ type: 'image.pull.heal' }),
    active: (w) => w.faults.imagePullFail.some((f) => !f.image && !f.host),
  },
  {
    id: 'crash',
    scope: 'cluster',
    label: { en: 'Make new containers crash', ko: '컨테이너가 계속 죽도록' },
    inject: () => ({ type: 'container.crash' }),
    heal: () => ({ type: 'container.heal' }),
    active: (w) => w.faults.crash.some((f) => !f.pod),
  },
  {
    id: 'etcd-corrupt',
    scope: 'cluster',
    label: { en: 'Corrupt etcd data', ko: 'etcd 데이터 손상' },
    inject: () => ({ type: 'etcd.corrupt' }),
    heal: () => ({ type: 'etcd.repair' }),
    active: (w) => w.faults.etcdCorrupt,
  },
];

export interface FaultRef {
  readonly id: FaultId;
  readonly target?: string;
}

export function faultSpec(id: string): FaultSpec | undefined {
  return faultCatalog.find((f) => f.id === id);
}

/** A fault's label as the lab of `profile` names it ("Stop the container runtime (containerd)"). */
export function faultLabel(
  id: string,
  profile?: ProfileId,
): { readonly en: string; readonly ko: string } | undefined {
  const spec = faultSpec(id);
  if (!spec) return undefined;
  return spec.labelIn ? spec.labelIn(profileOf(profile)) : spec.label;
}

/** `kubelet@w2-k8s,apiserver` → refs, with the pieces that do not parse. */
export function parseFaultList(
  text: string,
  hosts: readonly Pick<HostState, 'name'>[],
): { faults: FaultRef[]; errors: string[] } {
  const faults: FaultRef[] = [];
  const errors: string[] = [];
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id = '', target] = part.split('@');
    const spec = faultSpec(id);
    if (!spec) errors.push(`unknown fault "${id}"`);
    else if (spec.scope === 'node' && !target) errors.push(`"${id}" needs a node, e.g. ${id}@w2-k8s`);
    else if (target && !hosts.some((h) => h.name === target)) errors.push(`unknown node "${target}"`);
    else faults.push(target ? { id: spec.id, target } : { id: spec.id });
  }
  return { faults, errors };
}

export function formatFaultList(faults: readonly FaultRef[]): string {
  return faults.map((f) => (f.target ? `${f.id}@${f.target}` : f.id)).join(',');
}

/** Every fault in force now, read off the lab. */
export function faultsInForce(world: World): FaultRef[] {
  const out: FaultRef[] = [];
  for (const spec of faultCatalog) {
    if (spec.scope === 'cluster') {
      if (spec.active(world)) out.push({ id: spec.id });
      continue;
    }
    for (const h of world.hosts.values())
      if (spec.active(world, h.name)) out.push({ id: spec.id, target: h.name });
  }
  return out;
}
