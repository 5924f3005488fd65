// kube-proxy 1.18's iptables mode, as data: the nat rules its syncProxyRules
// writes for the Services and Endpoints it has seen (kubernetes v1.18.4
// pkg/proxy/iptables/proxier.go), and the "has no endpoints" REJECT rules it
// puts in the filter table. The chain names are the real ones: "KUBE-SVC-" or
// "KUBE-SEP-" and the first 16 characters of the base32 of the SHA-256 of the
// service port's name, its protocol in lower case (and the endpoint).
import type { Endpoints, Service } from './objects';
import { base32, sha256 } from './sha256';

export type Match =
  | { readonly m: 'comment'; readonly comment: string }
  | { readonly m: 'tcp' | 'udp'; readonly dport?: number }
  | { readonly m: 'statistic'; readonly probability: string }
  | { readonly m: 'addrtype'; readonly dstType: 'LOCAL' }
  | { readonly m: 'mark'; readonly mark: string; readonly not?: boolean }
  | { readonly m: 'conntrack'; readonly ctstate: string; readonly not?: boolean }
  /** An nfacct counter the packet is counted in (kube-proxy's metrics); it always matches. */
  | { readonly m: 'nfacct'; readonly name: string };

export interface Address {
  readonly cidr: string;
  readonly not?: boolean;
}

export interface Rule {
  readonly chain: string;
  readonly src?: Address;
  readonly dst?: Address;
  readonly inIface?: string;
  readonly outIface?: Address;
  readonly proto?: 'tcp' | 'udp';
  readonly matches: readonly Match[];
  readonly target: string;
  readonly toDestination?: string;
  /** MARK's value/mask as iptables-save writes it: --or-mark 0x4000 is 0x4000/0x4000, --xor-mark 0x4000 is 0x4000/0x0. */
  readonly setXmark?: string;
  /** MASQUERADE --random-fully. */
  readonly randomFully?: boolean;
}

/** One table as iptables holds it: its user-defined chains and its rules, chain by chain in order. */
export interface Table {
  readonly chains: readonly string[];
  readonly rules: readonly Rule[];
}

/** kube-proxy's part of a node's tables, from its last sync. */
export interface ProxierTables {
  readonly nat: Table;
  readonly filter: Table;
}

/** `--cluster-cidr` as kubeadm gives it to kube-proxy (the book's --pod-network-cidr). */
export const CLUSTER_CIDR = '172.16.0.0/16';
/** 1 << --iptables-masquerade-bit (14). */
export const MASQ_MARK = '0x4000/0x4000';

function hash16(text: string): string {
  return base32(sha256(text)).slice(0, 16);
}

/** `default/nginx`, `default/kubernetes:https`: proxy.ServicePortName.String() (a named port adds `:name`). */
export function servicePortName(svc: Service, portName: string | undefined): string {
  const ns = svc.metadata.namespace ?? 'default';
  return `${ns}/${svc.metadata.name}${portName ? `:${portName}` : ''}`;
}

export function serviceChain(portName: string, protocol: string): string {
  return `KUBE-SVC-${hash16(portName + protocol)}`;
}

export function endpointChain(portName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(portName + protocol + endpoint)}`;
}

/** proxier.probability: 1/n with ten decimals. */
export function probability(n: number): string {
  return (1 / n).toFixed(10);
}

const comment = (c: string): Match => ({ m: 'comment', comment: c });

/** Which proxier writes the rules (the profile's netfilter.proxier), and whether its nfacct counters took. */
export interface ProxierVersion {
  readonly proxier: '1.18' | '1.36';
  readonly nfacct: boolean;
}
const V1_18: ProxierVersion = { proxier: '1.18', nfacct: false };

/** kube-proxy's nfacct counters (pkg/proxy/metrics): its INVALID drop and its localhost node ports. */
export const NFACCT_INVALID = 'ct_state_invalid_dropped_pkts';
export const NFACCT_LOCALHOST_NODEPORTS = 'localhost_nps_accepted_pkts';

/** The service ports kube-proxy proxies (a ClusterIP set), sorted by name (Go ranges over a map; see above). */
function proxiedPorts(services: readonly Service[]) {
  return services
    .filter((s) => s.spec.clusterIP && s.spec.clusterIP !== 'None')
    .flatMap((svc) => svc.spec.ports.map((p) => ({ svc, p, name: servicePortName(svc, p.name) })))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** KUBE-EXT-<hash>: a node port's (or external IP's) chain in the later proxier (serviceExternalChainName). */
export function externalChain(portName: string, protocol: string): string {
  return `KUBE-EXT-${hash16(portName + protocol)}`;
}

/**
 * What kube-proxy 1.36's syncProxyRules writes (pkg/proxy/iptables/proxier.go as the code
 * index holds the later proxier): the masquerade and the mark in KUBE-POSTROUTING and
 * KUBE-MARK-MASQ; per service port with endpoints the KUBE-SERVICES jump, a KUBE-SVC-* that
 * masquerades what comes from outside the pod network and picks an endpoint (`ns/name:port
 * -> ip:port`), a KUBE-SEP-* per endpoint, and for a node port a KUBE-EXT-* from
 * KUBE-NODEPORTS (first for 127.0.0.0/8, counted by nfacct, since localhostNodePorts is on
 * with nodePortAddresses empty); without endpoints the REJECTs in the filter table. The
 * filter table's KUBE-FIREWALL localnet rule and KUBE-FORWARD are written too. The
 * services are in name order (Go's map order is random from sync to sync).
 */
function proxierTables136(
  services: readonly Service[],
  endpoints: readonly Endpoints[],
  nfacct: boolean,
): ProxierTables {
  const natChains = new Set(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']);
  const filterChains = new Set([
    'KUBE-SERVICES',
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FORWARD',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-FIREWALL',
    'KUBE-FIREWALL',
  ]);
  const nat: Rule[] = [
    { chain: 'KUBE-POSTROUTING', matches: [{ m: 'mark', mark: MASQ_MARK, not: true }], target: 'RETURN' },
    // --xor-mark 0x4000: the mark is cleared so a packet that comes round again is not masqueraded twice.
    { chain: 'KUBE-POSTROUTING', matches: [], target: 'MARK', setXmark: '0x4000/0x0' },
    {
      chain: 'KUBE-POSTROUTING',
      matches: [comment('kubernetes service traffic requiring SNAT')],
      target: 'MASQUERADE',
      randomFully: true,
    },
    // --or-mark 0x4000.
    { chain: 'KUBE-MARK-MASQ', matches: [], target: 'MARK', setXmark: MASQ_MARK },
  ];
  const filter: Rule[] = [
    // The same rule as the kubelet's (route_localnet's hole, issue 90259): the restore flushes the chain and writes it once.
    {
      chain: 'KUBE-FIREWALL',
      src: { cidr: '127.0.0.0/8', not: true },
      dst: { cidr: '127.0.0.0/8' },
      matches: [
        comment('block incoming localnet connections'),
        { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED,DNAT', not: true },
      ],
      target: 'DROP',
    },
  ];
  const epByKey = new Map(endpoints.map((e) => [`${e.metadata.namespace}/${e.metadata.name}`, e]));
  const later: Rule[] = [];
  for (const { svc, p, name } of proxiedPorts(services)) {
    const protocol = p.protocol === 'UDP' ? 'udp' : 'tcp';
    const eps = readyEndpoints(epByKey.get(`${svc.metadata.namespace}/${svc.metadata.name}`), p.name);
    const svcChain = serviceChain(name, protocol);
    const extChain = externalChain(name, protocol);
    const clusterIP = cidr32(svc.spec.clusterIP);
    const l4 = (dport?: number): Match => ({ m: protocol, ...(dport !== undefined ? { dport } : {}) });
    if (eps.length > 0)
      nat.push({
        chain: 'KUBE-SERVICES',
        dst: { cidr: clusterIP },
        proto: protocol,
        matches: [comment(`${name} cluster IP`), l4(p.port)],
        target: svcChain,
      });
    else
      filter.push({
        chain: 'KUBE-SERVICES',
        dst: { cidr: clusterIP },
        proto: protocol,
        matches: [comment(`${name} has no endpoints`), l4(p.port)],
        target: 'REJECT',
      });
    if (p.nodePort) {
      if (eps.length > 0) {
        if (nfacct)
          nat.push({
            chain: 'KUBE-NODEPORTS',
            dst: { cidr: '127.0.0.0/8' },
            proto: protocol,
            matches: [comment(name), l4(p.nodePort), { m: 'nfacct', name: NFACCT_LOCALHOST_NODEPORTS }],
            target: extChain,
          });
        nat.push({
          chain: 'KUBE-NODEPORTS',
          proto: protocol,
          matches: [comment(name), l4(p.nodePort)],
          target: extChain,
        });
      } else
        filter.push({
          chain: 'KUBE-EXTERNAL-SERVICES',
          proto: protocol,
          matches: [comment(`${name} has no endpoints`), { m: 'addrtype', dstType: 'LOCAL' }, l4(p.nodePort)],
          target: 'REJECT',
        });
    }
    if (eps.length === 0) continue;
    // Traffic to the cluster IP from outside the pod network is masqueraded (LocalTrafficDetector, cluster CIDR).
    later.push({
      chain: svcChain,
      src: { cidr: CLUSTER_CIDR, not: true },
      dst: { cidr: clusterIP },
      proto: protocol,
      matches: [comment(`${name} cluster IP`), l4(p.port)],
      target: 'KUBE-MARK-MASQ',
    });
    if (p.nodePort) {
      natChains.add(extChain);
      later.push(
        {
          chain: extChain,
          matches: [comment(`masquerade traffic for ${name} external destinations`)],
          target: 'KUBE-MARK-MASQ',
        },
        { chain: extChain, matches: [], target: svcChain },
      );
    }
    natChains.add(svcChain);
    eps.forEach((ep, i) => {
      const sep = endpointChain(name, protocol, ep);
      later.push({
        chain: svcChain,
        matches: [
          comment(`${name} -> ${ep}`),
          ...(i < eps.length - 1
            ? [{ m: 'statistic', probability: probability(eps.length - i) } as const]
            : []),
        ],
        target: sep,
      });
    });
    for (const ep of eps) {
      const sep = endpointChain(name, protocol, ep);
      natChains.add(sep);
      const ip = ep.slice(0, ep.lastIndexOf(':'));
      later.push(
        { chain: sep, src: { cidr: cidr32(ip) }, matches: [comment(name)], target: 'KUBE-MARK-MASQ' },
        {
          chain: sep,
          proto: protocol,
          matches: [comment(name), l4()],
          target: 'DNAT',
          toDestination: ep,
        },
      );
    }
  }
  nat.push(...later, {
    chain: 'KUBE-SERVICES',
    matches: [
      comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'),
      { m: 'addrtype', dstType: 'LOCAL' },
    ],
    target: 'KUBE-NODEPORTS',
  });
  filter.push(
    {
      chain: 'KUBE-FORWARD',
      matches: [
        { m: 'conntrack', ctstate: 'INVALID' },
        ...(nfacct ? [{ m: 'nfacct', name: NFACCT_INVALID } as const] : []),
      ],
      target: 'DROP',
    },
    {
      chain: 'KUBE-FORWARD',
      matches: [comment('kubernetes forwarding rules'), { m: 'mark', mark: MASQ_MARK }],
      target: 'ACCEPT',
    },
    {
      chain: 'KUBE-FORWARD',
      matches: [
        comment('kubernetes forwarding conntrack rule'),
        { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' },
      ],
      target: 'ACCEPT',
    },
  );
  return {
    nat: { chains: [...natChains], rules: nat },
    filter: { chains: [...filterChains], rules: filter },
  };
}
const cidr32 = (ip: string) => `${ip}/32`;

/** The Ready endpoints of one service port: `ip:port`, in the order of the Endpoints' subsets. */
export function readyEndpoints(ep: Endpoints | undefined, portName: string | undefined): string[] {
  const out: string[] = [];
  for (const ss of ep?.subsets ?? []) {
    const port = ss.ports.find((p) => (p.name ?? '') === (portName ?? ''));
    if (!port) continue;
    for (const a of ss.addresses ?? []) out.push(`${a.ip}:${port.port}`);
  }
  return out;
}

/**
 * What syncProxyRules writes for these Services and Endpoints. Go ranges over a map, so
 * the real order of services in KUBE-SERVICES changes from sync to sync; here they are
 * sorted by name so that a sync gives the same rules every time.
 */
export function proxierTables(
  services: readonly Service[],
  endpoints: readonly Endpoints[],
  version: ProxierVersion = V1_18,
): ProxierTables {
  if (version.proxier === '1.36') return proxierTables136(services, endpoints, version.nfacct);
  const natChains = new Set(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']);
  const nat: Rule[] = [
    {
      chain: 'KUBE-POSTROUTING',
      matches: [comment('kubernetes service traffic requiring SNAT'), { m: 'mark', mark: MASQ_MARK }],
      target: 'MASQUERADE',
    },
    { chain: 'KUBE-MARK-MASQ', matches: [], target: 'MARK', setXmark: MASQ_MARK },
  ];
  const filter: Rule[] = [];
  const filterChains = new Set(['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES']);
  const epByKey = new Map(endpoints.map((e) => [`${e.metadata.namespace}/${e.metadata.name}`, e]));
  const ports = services
    .filter((s) => s.spec.clusterIP && s.spec.clusterIP !== 'None')
    .flatMap((svc) => svc.spec.ports.map((p) => ({ svc, p, name: servicePortName(svc, p.name) })))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { svc, p, name } of ports) {
    const protocol = p.protocol === 'UDP' ? 'udp' : 'tcp';
    const eps = readyEndpoints(epByKey.get(`${svc.metadata.namespace}/${svc.metadata.name}`), p.name);
    const svcChain = serviceChain(name, protocol);
    const clusterIP = cidr32(svc.spec.clusterIP);
    if (eps.length > 0) {
      natChains.add(svcChain);
      const base = {
        chain: 'KUBE-SERVICES',
        dst: { cidr: clusterIP },
        proto: protocol,
        matches: [comment(`${name} cluster IP`), { m: protocol, dport: p.port }],
      } as const;
      // Traffic to a ClusterIP from outside the pod network is masqueraded (LocalTrafficDetector).
      nat.push({ ...base, src: { cidr: CLUSTER_CIDR, not: true }, target: 'KUBE-MARK-MASQ' });
      nat.push({ ...base, target: svcChain });
    } else
      filter.push({
        chain: 'KUBE-SERVICES',
        dst: { cidr: clusterIP },
        proto: protocol,
        matches: [comment(`${name} has no endpoints`), { m: protocol, dport: p.port }],
        target: 'REJECT',
      });
    if (p.nodePort) {
      if (eps.length > 0) {
        const base = {
          chain: 'KUBE-NODEPORTS',
          proto: protocol,
          matches: [comment(name), { m: protocol, dport: p.nodePort }],
        } as const;
        nat.push({ ...base, target: 'KUBE-MARK-MASQ' });
        nat.push({ ...base, target: svcChain });
      } else
        filter.push({
          chain: 'KUBE-EXTERNAL-SERVICES',
          proto: protocol,
          matches: [
            comment(`${name} has no endpoints`),
            { m: 'addrtype', dstType: 'LOCAL' },
            { m: protocol, dport: p.nodePort },
          ],
          target: 'REJECT',
        });
    }
    eps.forEach((ep, i) => {
      const sep = endpointChain(name, protocol, ep);
      natChains.add(sep);
      nat.push({
        chain: svcChain,
        matches: [
          comment(name),
          ...(i < eps.length - 1
            ? [{ m: 'statistic', probability: probability(eps.length - i) } as const]
            : []),
        ],
        target: sep,
      });
      const ip = ep.slice(0, ep.lastIndexOf(':'));
      // Traffic from the endpoint to itself through the Service (hairpin) is masqueraded.
      nat.push({ chain: sep, src: { cidr: cidr32(ip) }, matches: [comment(name)], target: 'KUBE-MARK-MASQ' });
      nat.push({
        chain: sep,
        proto: protocol,
        matches: [comment(name), { m: protocol }],
        target: 'DNAT',
        toDestination: ep,
      });
    });
  }
  // nodePortAddresses is empty: every local address takes node ports, so the last rule matches LOCAL.
  nat.push({
    chain: 'KUBE-SERVICES',
    matches: [
      comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'),
      { m: 'addrtype', dstType: 'LOCAL' },
    ],
    target: 'KUBE-NODEPORTS',
  });
  return {
    nat: { chains: [...natChains], rules: nat },
    filter: { chains: [...filterChains], rules: filter },
  };
}
