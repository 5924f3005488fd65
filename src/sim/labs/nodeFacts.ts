// What the book's machines tell their kubelet, and so what a Node object holds in the
// 1.18.4 / docker / CentOS 7 profile: capacity (the Vagrantfile's 2 or 1 CPUs and 3072
// or 2560 MB, as the kernel counts them), allocatable (capacity less kubeadm's default
// eviction threshold, memory.available<100Mi and nodefs.available<10%), nodeInfo, the
// annotations kubeadm, the kubelet, the node controller and Calico write. Sources and
// what could not be checked: docs/FACTS-kubectl.md §13. What differs by version is in src/sim/profiles.
import { profile118 } from '../profiles/v1_18';
import { sha256 } from '../sha256';

export type ResourceList = Readonly<Record<string, string>>;

interface RoleFacts {
  readonly capacity: ResourceList;
  readonly allocatable: ResourceList;
}

// ephemeral-storage: the box's 40 GB root (xfs on /dev/mapper/centos-root) as statfs
// counts it; UNVERIFIED, as are the exact MemTotal figures.
const EPHEMERAL_KI = 38770180;
const allocatableEphemeral = String(Math.floor(EPHEMERAL_KI * 1024 * 0.9));

export const roleFacts: Readonly<Record<'master' | 'worker', RoleFacts>> = {
  master: {
    capacity: {
      cpu: '2',
      'ephemeral-storage': `${EPHEMERAL_KI}Ki`,
      'hugepages-2Mi': '0',
      memory: '2967552Ki',
      pods: '110',
    },
    allocatable: {
      cpu: '2',
      'ephemeral-storage': allocatableEphemeral,
      'hugepages-2Mi': '0',
      memory: '2865152Ki',
      pods: '110',
    },
  },
  worker: {
    capacity: {
      cpu: '1',
      'ephemeral-storage': `${EPHEMERAL_KI}Ki`,
      'hugepages-2Mi': '0',
      memory: '2459648Ki',
      pods: '110',
    },
    allocatable: {
      cpu: '1',
      'ephemeral-storage': allocatableEphemeral,
      'hugepages-2Mi': '0',
      memory: '2357248Ki',
      pods: '110',
    },
  },
};

/** nodeInfo's software of the book's 1.18 lab; each profile holds its own (src/sim/profiles). */
export const nodeSoftware = profile118.node.software;

/** The kubelet's port, which the API server uses for logs and exec (daemonEndpoints). */
export const KUBELET_PORT = 10250;

/** kubeadm writes the CRI socket it found; the kubelet, the node controller and Calico add theirs. */
export function nodeAnnotations(
  ip: string,
  tunnelAddr: string | undefined,
  /** kubeadm's annotation of the CRI socket, when the profile's kubeadm writes one. */
  criSocket: string | undefined,
): Record<string, string> {
  return {
    ...(criSocket ? { 'kubeadm.alpha.kubernetes.io/cri-socket': criSocket } : {}),
    'node.alpha.kubernetes.io/ttl': '0',
    ...(tunnelAddr
      ? {
          // calico-node's IP autodetection: the address of the interface it picked, with its prefix.
          'projectcalico.org/IPv4Address': `${ip}/24`,
          'projectcalico.org/IPv4IPIPTunnelAddr': tunnelAddr,
        }
      : {}),
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  };
}

function hex(text: string): string {
  return Array.from(sha256(text), (b) => b.toString(16).padStart(2, '0')).join('');
}

const uuid = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;

/**
 * /etc/machine-id, the DMI product UUID (VirtualBox's, upper case) and the kernel's boot_id
 * of one machine. They are random on a real VM; the lab derives them from the host's name
 * (and, for the boot ID, the boot), so every seed shows the same machines.
 */
export function machineIds(
  host: string,
  bootedAt: number,
): { machineID: string; systemUUID: string; bootID: string } {
  return {
    machineID: hex(`machine-id ${host}`).slice(0, 32),
    systemUUID: uuid(hex(`product_uuid ${host}`)).toUpperCase(),
    bootID: uuid(hex(`boot_id ${host} ${bootedAt}`)),
  };
}
