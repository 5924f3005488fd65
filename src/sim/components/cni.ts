// 11 network plugin (Calico): IPAM hands each node a /26 block of 172.16.0.0/16 and
// each new pod sandbox the lowest free address in it. The block's first address
// is the node's tunl0, so the first pod on w2-k8s gets 172.16.103.129. A node whose
// blocks are full claims another free block of the pool (Calico's autoAllocateBlocks),
// so a node runs its 110 pods though a block holds 63.
import { ApiClient } from '../client';
import type { Message, Net } from '../net';
import type { KubeObject } from '../objects';
import type { ComponentLogic } from './processMachine';

export const CNI = 'cni';

export interface CniAdd {
  readonly reqId: number;
  readonly node: string;
  readonly sandboxId: string;
  readonly pod: string;
  readonly namespace?: string;
}

/** The annotation Calico's CNI plugin writes on the pod it gave an address (v3.9: podIP only). */
export const CALICO_POD_IP = 'cni.projectcalico.org/podIP';
export interface CniDel {
  readonly reqId: number;
  readonly sandboxId: string;
}
export interface CniReply {
  readonly reqId: number;
  readonly ip?: string;
  readonly error?: string;
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}
export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** The blocks of the pool as the IPAM sees them on the hosts. */
export interface IpamBlocks {
  /** The node's first block, given when Calico first ran there; none before. */
  first(node: string): string | undefined;
  /** The blocks the node claimed since, oldest first. */
  more(node: string): readonly string[];
  /** Records a block the node claims. */
  claim(node: string, block: string): void;
  /** Every block affine to a node. */
  all(): Iterable<string>;
}

/** 172.16.0.0/16 holds 1,024 blocks of 64 addresses. */
const POOL_BLOCKS = 1024;

/**
 * The free block a node claims: the search starts at a block that depends on the host, as in
 * Calico's randomBlockGenerator (seeded by a hash of the host name), here a hash of the node
 * and how many blocks it has, so it takes nothing from the lab's random numbers.
 */
export function unclaimedBlock(
  node: string,
  claimed: number,
  inUse: ReadonlySet<string>,
): string | undefined {
  let h = 2166136261;
  const key = `${node}/${claimed}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  const start = (h >>> 0) % POOL_BLOCKS;
  for (let i = 0; i < POOL_BLOCKS; i++) {
    const n = (start + i) % POOL_BLOCKS;
    const block = `172.16.${n >> 2}.${(n & 3) * 64}`;
    if (!inUse.has(block)) return block;
  }
  return undefined;
}

export class Ipam {
  /** ip → sandbox that holds it. */
  readonly allocations = new Map<string, string>();

  /** Each block's addresses in the order they are handed out, written out once (a crowded node asks again and again). */
  private readonly addresses = new Map<string, readonly string[]>();

  constructor(private readonly blocks: IpamBlocks) {}

  private addressesOf(base: string): readonly string[] {
    let ips = this.addresses.get(base);
    if (!ips) {
      const start = ipToInt(base);
      ips = Array.from({ length: 63 }, (_, i) => intToIp(start + i + 1));
      this.addresses.set(base, ips);
    }
    return ips;
  }

  assign(node: string, sandboxId: string): string | undefined {
    const first = this.blocks.first(node);
    if (!first) return undefined;
    const more = this.blocks.more(node);
    for (let b = 0; b <= more.length; b++) {
      const ip = this.freeIn(b === 0 ? first : (more[b - 1] as string), sandboxId);
      if (ip) return ip;
    }
    const block = unclaimedBlock(node, more.length + 1, new Set(this.blocks.all()));
    if (!block) return undefined;
    this.blocks.claim(node, block);
    return this.freeIn(block, sandboxId);
  }

  private freeIn(block: string, sandboxId: string): string | undefined {
    for (const ip of this.addressesOf(block)) {
      if (!this.allocations.has(ip)) {
        this.allocations.set(ip, sandboxId);
        return ip;
      }
    }
    return undefined;
  }

  release(sandboxId: string): void {
    for (const [ip, id] of this.allocations) if (id === sandboxId) this.allocations.delete(ip);
  }
}

export class CniLogic implements ComponentLogic {
  constructor(
    private readonly net: Net,
    readonly ipam: Ipam,
    private readonly installed: (node: string) => boolean,
  ) {
    this.client = new ApiClient(net, CNI);
  }

  private readonly work = 250;
  private readonly client: ApiClient;

  start(): void {}
  stop(): void {}
  tick(): void {}

  receive(m: Message): void {
    if (this.client.handle(m)) return;
    if (m.kind === 'cni.add') {
      const { reqId, node, sandboxId, pod, namespace } = m.body as CniAdd;
      const ip = this.installed(node) ? this.ipam.assign(node, sandboxId) : undefined;
      // With the Kubernetes datastore, Calico's workload endpoint is the pod itself: the
      // plugin records the address it assigned as an annotation on it.
      if (ip && namespace !== undefined) this.annotate(pod, namespace, ip);
      const reply: CniReply = ip ? { reqId, ip } : { reqId, error: 'cni config uninitialized' };
      // Calico's IPAM claims the address in its datastore before answering.
      this.net.later(this.work, () =>
        this.net.send(
          CNI,
          m.from,
          'cni.result',
          ip ? `${pod}: ${ip}` : 'error: cni config uninitialized',
          reply,
          { subject: `pods/${pod}` },
        ),
      );
    } else if (m.kind === 'cni.del') {
      const { reqId, sandboxId } = m.body as CniDel;
      this.ipam.release(sandboxId);
      this.net.send(CNI, m.from, 'cni.result', 'released', { reqId } satisfies CniReply);
    }
  }

  private annotate(pod: string, namespace: string, ip: string): void {
    const patch = (o: KubeObject): KubeObject =>
      o.kind === 'Pod'
        ? {
            ...o,
            metadata: {
              ...o.metadata,
              annotations: { ...o.metadata.annotations, [CALICO_POD_IP]: `${ip}/32` },
            },
          }
        : o;
    this.client.request({ verb: 'patch', resource: 'pods', namespace, name: pod, patch });
  }
}
