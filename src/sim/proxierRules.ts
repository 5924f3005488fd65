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
  | { readonly m: 'mark'; readonly mark: string }
  | { readonly m: 'conntrack'; readonly ctstate: 'NEW' };

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
  readonly setXmark?: string;
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
export function proxierTables(services: readonly Service[], endpoints: readonly Endpoints[]): ProxierTables {
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
