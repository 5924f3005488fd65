// The book's machines (Vagrantfile): m-k8s 192.168.1.10 and w<i>-k8s 192.168.1.10<i>.
// Calico's /26 blocks for the first three workers are the ones the book's
// transcripts show; further workers (scale demos) get blocks from the seed.

import type { NodeMachine } from '../components/kubeletStatus';
import type { ControlPlaneManifest } from '../inputs';
import type { Profile } from '../profiles';
import type { Rng } from '../rng';
import type { HostRecord } from '../world';

export const allManifests: ControlPlaneManifest[] = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
];

// The master's block is the book's whatever the master is called (cp-k8s in the second edition).
const MASTER_BLOCK = '172.16.171.64';
const bookBlocks: Record<string, string> = {
  'w1-k8s': '172.16.221.128',
  'w2-k8s': '172.16.103.128',
  'w3-k8s': '172.16.132.0',
};

export function workerIp(i: number): string {
  // The Vagrantfile's "192.168.1.10#{i}" gives .101–.109; beyond nine workers Podscope
  // continues at .110 up to .254, then in 192.168.2.0/24 (a 200-worker demo).
  if (i <= 9) return `192.168.1.10${i}`;
  return i <= 154 ? `192.168.1.${100 + i}` : `192.168.2.${i - 154}`;
}

export function labHosts(
  profile: Profile,
  workers: number,
  ready: boolean,
  rng: Rng,
  bootedAt: number,
): HostRecord[] {
  const used = new Set([MASTER_BLOCK, ...Object.values(bookBlocks)]);
  const block = (name: string) => {
    const known = name === profile.master.name ? MASTER_BLOCK : bookBlocks[name];
    if (known) return known;
    for (;;) {
      const b = `172.16.${rng.between(1, 254)}.${rng.pick([0, 64, 128, 192])}`;
      if (!used.has(b)) {
        used.add(b);
        return b;
      }
    }
  };
  const host = (name: string, ip: string, role: 'master' | 'worker'): HostRecord => ({
    name,
    ip,
    role,
    powered: true,
    bootingUntil: bootedAt,
    bootedAt,
    // install_pkg.sh enables kubelet; until kubeadm writes its config it keeps failing (inactive here).
    services: { kubelet: ready ? 'active' : 'inactive', docker: 'active', network: 'active' },
    brNetfilter: true,
    podRoutesBroken: false,
    joined: ready,
    manifests: new Set(role === 'master' && ready ? allManifests : []),
    staticPodsRunning: new Set(role === 'master' && ready ? allManifests : []),
    staticPodsStartedAt: {},
    cniInstalled: ready,
    blockBase: block(name),
    moreBlocks: [],
    serviceLog: [],
  });
  const hosts = [host(profile.master.name, profile.master.ip, 'master')];
  for (let i = 1; i <= workers; i++) hosts.push(host(`w${i}-k8s`, workerIp(i), 'worker'));
  return hosts;
}

/**
 * What the kubelet on a host registers its Node with. The node IPAM controller hands out
 * /24s of --cluster-cidr (kubeadm's --pod-network-cidr 172.16.0.0/16) in the order nodes
 * register, which in the lab is the hosts' order; Calico's annotations are there once it runs.
 */
export function nodeMachine(
  hosts: Iterable<HostRecord>,
  name: string,
  profile: Profile,
): NodeMachine | undefined {
  let i = 0;
  for (const h of hosts) {
    if (h.name === name)
      return {
        name,
        ip: h.ip,
        role: h.role,
        bootedAt: h.bootedAt,
        profile,
        podCIDR: `172.16.${i}.0/24`,
        ...(h.cniInstalled ? { tunnelAddr: h.blockBase } : {}),
      };
    i++;
  }
  return undefined;
}
