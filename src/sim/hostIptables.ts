// A node's netfilter tables as `iptables` shows them: what docker, the kubelet and
// kube-proxy each put there, and the walk a new connection takes through the nat
// table (the first packet of a TCP connection: DNAT there decides where it goes).
import type { ProxierTables, Rule, Table } from './proxierRules';
import { CLUSTER_CIDR, MASQ_MARK } from './proxierRules';
import type { Rng } from './rng';
import { ipToInt } from './serviceAllocation';

export const builtinChains = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
} as const;

export type TableName = keyof typeof builtinChains;

export interface HostTables {
  readonly nat: Table;
  readonly filter: Table;
  /** Only where it is modelled (the 1.36 lab): the canaries and the kubelet's KUBE-IPTABLES-HINT. */
  readonly mangle?: Table;
}

export interface HostTablesInput {
  /** dockerd has started since boot: its DOCKER chain and the docker0 masquerade. */
  readonly docker: boolean;
  /** The kubelet has started since boot: KUBE-MARK-DROP, KUBE-FIREWALL and its canary. */
  readonly kubelet: boolean;
  /** kube-proxy's rules from its last sync since boot, stale or not. */
  readonly proxier?: ProxierTables;
  /** Whose chains these are (the profile's netfilter): 1.18's kubelet and proxier, or 1.28's kubelet and 1.36's proxier. */
  readonly kubeletChains?: '1.18' | '1.28';
}

const DROP_MARK = '0x8000/0x8000';

/**
 * Chains are listed builtins first, then user chains by name, as libiptc keeps them;
 * rules keep the order they were written in. Calico's cali-* chains are not modelled.
 */
export function hostTables(input: HostTablesInput): HostTables {
  if (input.kubeletChains === '1.28') return hostTables128(input);
  const nat: Rule[] = [];
  const natChains = new Set<string>();
  const filter: Rule[] = [];
  const filterChains = new Set<string>();
  const p = input.proxier;
  if (p) {
    nat.push(
      {
        chain: 'PREROUTING',
        matches: [{ m: 'comment', comment: 'kubernetes service portals' }],
        target: 'KUBE-SERVICES',
      },
      {
        chain: 'OUTPUT',
        matches: [{ m: 'comment', comment: 'kubernetes service portals' }],
        target: 'KUBE-SERVICES',
      },
      {
        chain: 'POSTROUTING',
        matches: [{ m: 'comment', comment: 'kubernetes postrouting rules' }],
        target: 'KUBE-POSTROUTING',
      },
    );
    filter.push(
      {
        chain: 'INPUT',
        matches: [
          { m: 'conntrack', ctstate: 'NEW' },
          { m: 'comment', comment: 'kubernetes externally-visible service portals' },
        ],
        target: 'KUBE-EXTERNAL-SERVICES',
      },
      {
        chain: 'FORWARD',
        matches: [{ m: 'comment', comment: 'kubernetes forwarding rules' }],
        target: 'KUBE-FORWARD',
      },
      {
        chain: 'OUTPUT',
        matches: [
          { m: 'conntrack', ctstate: 'NEW' },
          { m: 'comment', comment: 'kubernetes service portals' },
        ],
        target: 'KUBE-SERVICES',
      },
    );
  }
  if (input.kubelet)
    filter.push(
      { chain: 'INPUT', matches: [], target: 'KUBE-FIREWALL' },
      { chain: 'OUTPUT', matches: [], target: 'KUBE-FIREWALL' },
    );
  if (input.docker) {
    nat.push(
      { chain: 'PREROUTING', matches: [{ m: 'addrtype', dstType: 'LOCAL' }], target: 'DOCKER' },
      {
        chain: 'OUTPUT',
        dst: { cidr: '127.0.0.0/8', not: true },
        matches: [{ m: 'addrtype', dstType: 'LOCAL' }],
        target: 'DOCKER',
      },
      {
        chain: 'POSTROUTING',
        src: { cidr: '172.17.0.0/16' },
        outIface: { cidr: 'docker0', not: true },
        matches: [],
        target: 'MASQUERADE',
      },
      { chain: 'DOCKER', inIface: 'docker0', matches: [], target: 'RETURN' },
    );
    natChains.add('DOCKER');
    filterChains.add('DOCKER');
  }
  if (input.kubelet) {
    natChains.add('KUBE-KUBELET-CANARY').add('KUBE-MARK-DROP');
    nat.push({ chain: 'KUBE-MARK-DROP', matches: [], target: 'MARK', setXmark: DROP_MARK });
    filterChains.add('KUBE-FIREWALL').add('KUBE-KUBELET-CANARY');
    filter.push({
      chain: 'KUBE-FIREWALL',
      matches: [
        { m: 'comment', comment: 'kubernetes firewall for dropping marked packets' },
        { m: 'mark', mark: DROP_MARK },
      ],
      target: 'DROP',
    });
    if (!p) {
      // The kubelet keeps the masquerade chains too (kubelet_network_linux.go), with the same rules.
      natChains.add('KUBE-MARK-MASQ').add('KUBE-POSTROUTING');
      nat.push(
        { chain: 'KUBE-MARK-MASQ', matches: [], target: 'MARK', setXmark: MASQ_MARK },
        {
          chain: 'KUBE-POSTROUTING',
          matches: [
            { m: 'comment', comment: 'kubernetes service traffic requiring SNAT' },
            { m: 'mark', mark: MASQ_MARK },
          ],
          target: 'MASQUERADE',
        },
      );
    }
  }
  if (p) {
    natChains.add('KUBE-PROXY-CANARY');
    for (const c of p.nat.chains) natChains.add(c);
    nat.push(...p.nat.rules);
    filterChains.add('KUBE-PROXY-CANARY').add('KUBE-FORWARD');
    for (const c of p.filter.chains) filterChains.add(c);
    filter.push(...p.filter.rules, ...kubeForward());
  }
  return { nat: ordered(nat, natChains, 'nat'), filter: ordered(filter, filterChains, 'filter') };
}

function kubeForward(): Rule[] {
  return [
    {
      chain: 'KUBE-FORWARD',
      matches: [
        { m: 'comment', comment: 'kubernetes forwarding rules' },
        { m: 'mark', mark: MASQ_MARK },
      ],
      target: 'ACCEPT',
    },
    {
      chain: 'KUBE-FORWARD',
      src: { cidr: CLUSTER_CIDR },
      matches: [{ m: 'comment', comment: 'kubernetes forwarding conntrack pod source rule' }],
      target: 'ACCEPT',
    },
    {
      chain: 'KUBE-FORWARD',
      dst: { cidr: CLUSTER_CIDR },
      matches: [{ m: 'comment', comment: 'kubernetes forwarding conntrack pod destination rule' }],
      target: 'ACCEPT',
    },
  ];
}

function ordered(rules: Rule[], chains: Set<string>, table: TableName): Table {
  const builtins: readonly string[] = builtinChains[table];
  const user = [...chains].sort();
  const order = [...builtins, ...user];
  const rank = new Map(order.map((c, i) => [c, i]));
  const sorted = rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (rank.get(a.r.chain) ?? 0) - (rank.get(b.r.chain) ?? 0) || a.i - b.i)
    .map((x) => x.r);
  return { chains: user, rules: sorted };
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const n = Number(bits);
  if (n === 0) return true;
  const mask = n === 32 ? 0xffffffff : ~((1 << (32 - n)) - 1) >>> 0;
  return (ipToInt(ip) & mask) >>> 0 === (ipToInt(base) & mask) >>> 0;
}

export interface Packet {
  readonly src: string;
  readonly dst: string;
  readonly proto: 'tcp' | 'udp';
  readonly dport: number;
  /** The destination is one of this node's own addresses (addrtype LOCAL). */
  readonly dstLocal: boolean;
}

export interface NatVerdict {
  /** `ip:port` of the DNAT target, if a rule rewrote the destination. */
  readonly dnat?: string;
  /** KUBE-MARK-MASQ marked it: KUBE-POSTROUTING will masquerade the source. */
  readonly masquerade: boolean;
  /** The chains the packet went through, in order. */
  readonly path: readonly string[];
}

/**
 * The first packet's walk through the nat table from `hook` (PREROUTING for what
 * arrives, OUTPUT for what the host sends). `-m statistic --mode random` draws from the
 * seeded rng, with the probability as the kernel holds it (a 31-bit fraction).
 */
export function walkNat(nat: Table, hook: 'PREROUTING' | 'OUTPUT', pkt: Packet, rng: Rng): NatVerdict {
  const path: string[] = [];
  let mark = 0;
  let dnat: string | undefined;
  const matches = (r: Rule): boolean => {
    if (r.src && inCidr(pkt.src, r.src.cidr) === !!r.src.not) return false;
    if (r.dst && inCidr(pkt.dst, r.dst.cidr) === !!r.dst.not) return false;
    if (r.inIface || r.outIface) return false;
    if (r.proto && r.proto !== pkt.proto) return false;
    for (const m of r.matches) {
      if ((m.m === 'tcp' || m.m === 'udp') && m.dport !== undefined && m.dport !== pkt.dport) return false;
      if (m.m === 'addrtype' && !pkt.dstLocal) return false;
      if (m.m === 'mark' && ((mark & 0x4000) !== 0) === !!m.not) return false;
      if (m.m === 'statistic') {
        const fraction = Math.round(0x80000000 * Number(m.probability));
        if (Math.floor(rng.next() * 0x80000000) >= fraction) return false;
      }
    }
    return true;
  };
  const run = (chain: string, depth: number): 'continue' | 'stop' => {
    path.push(chain);
    if (depth > 8) return 'stop';
    for (const r of nat.rules) {
      if (r.chain !== chain || !matches(r)) continue;
      if (r.target === 'MARK') {
        // --set-xmark value/mask: the bits of mask cleared, then value xor'ed in.
        const [value = 0, mask = 0] = (r.setXmark ?? '0/0').split('/').map((x) => Number(x));
        mark = ((mark & ~mask) ^ value) >>> 0;
        continue;
      }
      if (r.target === 'RETURN') return 'continue';
      if (r.target === 'DNAT') {
        dnat = r.toDestination;
        return 'stop';
      }
      if (r.target === 'MASQUERADE' || r.target === 'ACCEPT') return 'stop';
      if (run(r.target, depth + 1) === 'stop') return 'stop';
    }
    return 'continue';
  };
  run(hook, 0);
  return { ...(dnat ? { dnat } : {}), masquerade: (mark & 0x4000) !== 0, path };
}

/** A filter-table REJECT for this packet (kube-proxy's "has no endpoints" rules). */
export function rejected(filter: Table, pkt: Packet): boolean {
  return filter.rules.some(
    (r) =>
      r.target === 'REJECT' &&
      (!r.dst || inCidr(pkt.dst, r.dst.cidr) !== !!r.dst.not) &&
      r.proto === pkt.proto &&
      r.matches.every(
        (m) =>
          !((m.m === 'tcp' || m.m === 'udp') && m.dport !== undefined && m.dport !== pkt.dport) &&
          !(m.m === 'addrtype' && !pkt.dstLocal),
      ),
  );
}

/** A jump with its comment and, first, the conntrack state it asks for (iptablesJumpChains' extraArgs). */
function jump(chain: string, target: string, text?: string, ctstateNew = false): Rule {
  return {
    chain,
    matches: [
      ...(ctstateNew ? [{ m: 'conntrack', ctstate: 'NEW' } as const] : []),
      ...(text ? [{ m: 'comment', comment: text } as const] : []),
    ],
    target,
  };
}

/** The localnet rule the kubelet (and kube-proxy, the same rule) keeps in KUBE-FIREWALL. */
const LOCALNET_DROP: Rule = {
  chain: 'KUBE-FIREWALL',
  src: { cidr: '127.0.0.0/8', not: true },
  dst: { cidr: '127.0.0.0/8' },
  matches: [
    { m: 'comment', comment: 'block incoming localnet connections' },
    { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED,DNAT', not: true },
  ],
  target: 'DROP',
};

/**
 * The tables of a node whose kubelet is 1.28 or later and whose kube-proxy writes 1.36's rules.
 * The kubelet (kubelet_network_linux.go syncIPTablesRules) makes KUBE-IPTABLES-HINT in mangle,
 * KUBE-FIREWALL with the localnet rule and the INPUT and OUTPUT jumps to it, and its
 * KUBE-KUBELET-CANARY in mangle, nat and filter (iptables Monitor); no KUBE-MARK-DROP, no
 * KUBE-MARK-MASQ or KUBE-POSTROUTING of its own any more. kube-proxy, started after it,
 * prepends its jumps one by one (EnsureRule Prepend over iptablesJumpChains), so each builtin
 * chain lists them in the reverse of that list, before the kubelet's KUBE-FIREWALL; its own
 * KUBE-PROXY-CANARY is in the three tables too. No docker in this lab.
 */
function hostTables128(input: HostTablesInput): HostTables {
  const nat: Rule[] = [];
  const natChains = new Set<string>();
  const filter: Rule[] = [];
  const filterChains = new Set<string>();
  const mangleChains = new Set<string>();
  const p = input.proxier;
  if (p) {
    nat.push(
      jump('PREROUTING', 'KUBE-SERVICES', 'kubernetes service portals'),
      jump('OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals'),
      jump('POSTROUTING', 'KUBE-POSTROUTING', 'kubernetes postrouting rules'),
    );
    filter.push(
      jump('INPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', true),
      jump('INPUT', 'KUBE-NODEPORTS', 'kubernetes health check service ports'),
      jump('INPUT', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals', true),
      jump('FORWARD', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', true),
      jump('FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules'),
      jump('FORWARD', 'KUBE-SERVICES', 'kubernetes service portals', true),
      jump('FORWARD', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals', true),
      jump('OUTPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', true),
      jump('OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals', true),
    );
  }
  if (input.kubelet) {
    filter.push(jump('INPUT', 'KUBE-FIREWALL'), jump('OUTPUT', 'KUBE-FIREWALL'));
    mangleChains.add('KUBE-IPTABLES-HINT').add('KUBE-KUBELET-CANARY');
    natChains.add('KUBE-KUBELET-CANARY');
    filterChains.add('KUBE-KUBELET-CANARY').add('KUBE-FIREWALL');
    // kube-proxy's restore writes the same rule after a flush of the chain: it is there once.
    if (!p) filter.push(LOCALNET_DROP);
  }
  if (p) {
    for (const set of [mangleChains, natChains, filterChains]) set.add('KUBE-PROXY-CANARY');
    for (const c of p.nat.chains) natChains.add(c);
    nat.push(...p.nat.rules);
    for (const c of p.filter.chains) filterChains.add(c);
    filter.push(...p.filter.rules);
  }
  return {
    nat: ordered(nat, natChains, 'nat'),
    filter: ordered(filter, filterChains, 'filter'),
    mangle: ordered([], mangleChains, 'mangle'),
  };
}
