// 11 network plugin (Calico): IPAM hands each node a /26 block of 172.16.0.0/16 and
// each new pod sandbox the lowest free address in it. The block's first address
// is the node's tunl0, so the first pod on w2-k8s gets 172.16.103.129.
import type { Message, Net } from '../net';
import type { ComponentLogic } from './processMachine';

export const CNI = 'cni';

export interface CniAdd {
  readonly reqId: number;
  readonly node: string;
  readonly sandboxId: string;
  readonly pod: string;
}
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

export class Ipam {
  /** ip → sandbox that holds it. */
  readonly allocations = new Map<string, string>();

  constructor(private readonly blockOf: (node: string) => string | undefined) {}

  assign(node: string, sandboxId: string): string | undefined {
    const base = this.blockOf(node);
    if (!base) return undefined;
    const start = ipToInt(base);
    for (let i = 1; i < 64; i++) {
      const ip = intToIp(start + i);
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
  ) {}

  private readonly work = 250;

  start(): void {}
  stop(): void {}
  tick(): void {}

  receive(m: Message): void {
    if (m.kind === 'cni.add') {
      const { reqId, node, sandboxId, pod } = m.body as CniAdd;
      const ip = this.installed(node) ? this.ipam.assign(node, sandboxId) : undefined;
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
}
