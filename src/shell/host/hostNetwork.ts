// A host's network devices and main routing table, as the kernel holds them: Vagrant's
// NAT (eth0) and host-only network (eth1), docker's unused bridge, and Calico's pieces:
// tunl0 (IPIP) with the first address of the node's /26 block, one cali* veth per pod
// sandbox on the node, and the routes BIRD installs (a blackhole for the node's own block,
// every other node's block via tunl0). ip, ifconfig and route print this one model.
import type { HostState, SimCluster } from '../../sim/api';
import { profileOf } from '../../sim/profiles';
import { runtimeUnit } from './runtimeUnit';
import { sha1Hex } from './sha1';

export interface Inet {
  readonly address: string;
  readonly prefix: number;
  readonly brd?: string;
  readonly scope: 'host' | 'global';
  /** iproute2's flags after the scope: "noprefixroute dynamic". */
  readonly flags?: string;
  /** The metric of the address's prefix route (IFA_RT_PRIORITY), printed after the prefix. */
  readonly metric?: number;
  /** Seconds left on a DHCP lease; forever otherwise. */
  readonly lftSec?: number;
}

export interface Device {
  readonly index: number;
  readonly name: string;
  /** What iproute2 shows after '@': the peer's index in the pod's namespace, or NONE for tunl0. */
  readonly peer?: string;
  readonly kind: 'loopback' | 'ether' | 'ipip' | 'bridge' | 'veth';
  readonly flags: readonly string[];
  readonly mtu: number;
  readonly qdisc: string;
  readonly state: 'UNKNOWN' | 'UP' | 'DOWN';
  readonly qlen?: number;
  readonly mac: string;
  readonly netnsId?: number;
  readonly inet?: Inet;
  readonly inet6?: {
    readonly address: string;
    readonly prefix: number;
    readonly scope: 'host' | 'link';
    readonly flags?: string;
  };
  /** Packets and bytes since boot (ifconfig's counters). */
  readonly rx: readonly [number, number];
  readonly tx: readonly [number, number];
}

export interface Route {
  readonly dest: string;
  readonly prefix: number;
  readonly via?: string;
  readonly dev?: string;
  readonly proto?: 'dhcp' | 'kernel' | 'bird';
  readonly scope?: 'link';
  readonly src?: string;
  readonly metric?: number;
  readonly onlink?: boolean;
  readonly blackhole?: boolean;
}

export interface HostNetwork {
  readonly devices: readonly Device[];
  readonly routes: readonly Route[];
}

export const ipToInt = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);
export const intToIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
export const maskOf = (prefix: number) => intToIp(prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix));

/** A stable MAC for the host's NIC: VirtualBox's 08:00:27 prefix, docker's 02:42. */
function mac(prefix: string, host: string, salt: string): string {
  const h = sha1Hex(`${host}/${salt}`);
  const rest = [0, 2, 4, 6, 8, 10].slice(0, 6 - prefix.split(':').length).map((i) => h.slice(i, i + 2));
  return [prefix, ...rest].join(':');
}

/** The IPv6 link-local address the kernel derives from a MAC (EUI-64), in iproute2's compressed form. */
export function linkLocal(macAddr: string): string {
  const b = macAddr.split(':').map((x) => Number.parseInt(x, 16));
  const w = [
    ((b[0] as number) ^ 2) * 256 + (b[1] as number),
    (b[2] as number) * 256 + 0xff,
    0xfe00 + (b[3] as number),
    (b[4] as number) * 256 + (b[5] as number),
  ];
  return `fe80::${w.map((x) => x.toString(16)).join(':')}`;
}

/** Calico's host-side veth name for a pod (libcalico-go VethNameForWorkload). */
export const caliName = (namespace: string, pod: string) =>
  `cali${sha1Hex(`${namespace}.${pod}`).slice(0, 11)}`;

// VirtualBox's NAT hands out 10.0.2.15 with a one-day lease; NetworkManager renews it at half time.
const LEASE_SEC = 86_400;

/** The kernel numbers devices in creation order: tunl0 comes after the NICs and docker's bridge, if any. */
const tunl0Index = (docker: boolean) => (docker ? 5 : 4);

/** docker's bridge. The kubelet runs pods through CNI, so nothing ever plugs into it: no carrier. */
function dockerBridge(host: string): Device {
  return {
    index: 4,
    name: 'docker0',
    kind: 'bridge',
    flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
    mtu: 1500,
    qdisc: 'noqueue',
    state: 'DOWN',
    mac: mac('02:42', host, 'docker0'),
    inet: { address: '172.17.0.1', prefix: 16, scope: 'global' },
    rx: [0, 0],
    tx: [0, 0],
  };
}

export function hostNetwork(cluster: SimCluster, host: HostState, now: number): HostNetwork {
  const up = Math.max(0, Math.floor((now - host.bootedAt) / 1000));
  const traffic = (perSec: number, size: number): readonly [number, number] => [
    up * perSec + 37,
    (up * perSec + 37) * size,
  ];
  const eth0Mac = mac('08:00:27', host.name, 'eth0');
  const eth1Mac = mac('08:00:27', host.name, 'eth1');
  const lease = LEASE_SEC - (up % (LEASE_SEC / 2));
  // docker's bridge is there only where docker is (not beside containerd alone).
  const docker = runtimeUnit(cluster).name === 'docker';
  const { ethQdisc: qdisc, network } = profileOf(cluster.options.profile).node;
  const v6 = <T>(inet6: T) => (network.ipv6 ? inet6 : undefined);
  const devices: Device[] = [
    {
      index: 1,
      name: 'lo',
      kind: 'loopback',
      flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
      mtu: 65536,
      qdisc: 'noqueue',
      state: 'UNKNOWN',
      qlen: 1000,
      mac: '00:00:00:00:00:00',
      inet: { address: '127.0.0.1', prefix: 8, scope: 'host' },
      inet6: v6({ address: '::1', prefix: 128, scope: 'host' as const }),
      rx: traffic(40, 180),
      tx: traffic(40, 180),
    },
    {
      index: 2,
      name: 'eth0',
      kind: 'ether',
      flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      mtu: 1500,
      qdisc,
      state: 'UP',
      qlen: 1000,
      mac: eth0Mac,
      inet: {
        address: '10.0.2.15',
        prefix: 24,
        brd: '10.0.2.255',
        scope: 'global',
        flags: network.eth0Flags,
        ...(network.eth0AddressMetric !== undefined ? { metric: network.eth0AddressMetric } : {}),
        lftSec: lease,
      },
      inet6: v6({ address: linkLocal(eth0Mac), prefix: 64, scope: 'link' as const }),
      rx: traffic(1, 620),
      tx: traffic(1, 110),
    },
    {
      index: 3,
      name: 'eth1',
      kind: 'ether',
      flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      mtu: 1500,
      qdisc,
      state: 'UP',
      qlen: 1000,
      mac: eth1Mac,
      inet: {
        address: host.ip,
        prefix: 24,
        brd: '192.168.1.255',
        scope: 'global',
        ...(network.eth1Flags ? { flags: network.eth1Flags } : {}),
      },
      inet6: v6({ address: linkLocal(eth1Mac), prefix: 64, scope: 'link' as const }),
      rx: traffic(12, 250),
      tx: traffic(11, 310),
    },
    ...(docker ? [dockerBridge(host.name)] : []),
  ];
  // systemd-networkd (networkd-dhcp4.c dhcp4_request_gateway, dhcp4_request_routes_to_dns) gives
  // the default route the lease's address as src, and adds /32s to the gateway and the DNS server.
  const leaseHost = (dest: string): Route => ({
    dest,
    prefix: 32,
    dev: 'eth0',
    proto: 'dhcp',
    scope: 'link',
    src: '10.0.2.15',
    metric: 100,
  });
  const routes: Route[] = [
    {
      dest: '0.0.0.0',
      prefix: 0,
      via: '10.0.2.2',
      dev: 'eth0',
      proto: 'dhcp',
      ...(network.leaseRoutes ? { src: '10.0.2.15' } : {}),
      metric: 100,
    },
    ...(network.leaseRoutes ? [leaseHost('10.0.2.2'), leaseHost('10.0.2.3')] : []),
    {
      dest: '10.0.2.0',
      prefix: 24,
      dev: 'eth0',
      proto: 'kernel',
      scope: 'link',
      src: '10.0.2.15',
      metric: 100,
    },
    ...(docker
      ? [
          {
            dest: '172.17.0.0',
            prefix: 16,
            dev: 'docker0',
            proto: 'kernel',
            scope: 'link',
            src: '172.17.0.1',
          } as Route,
        ]
      : []),
    {
      dest: '192.168.1.0',
      prefix: 24,
      dev: 'eth1',
      proto: 'kernel',
      scope: 'link',
      src: host.ip,
      ...(network.eth1RouteMetric !== undefined ? { metric: network.eth1RouteMetric } : {}),
    },
  ];
  if (host.cniInstalled && host.joined) {
    // calico-node loads the ipip module; the kernel's tunl0 gets the block's first address.
    devices.push({
      index: tunl0Index(docker),
      name: 'tunl0',
      peer: 'NONE',
      kind: 'ipip',
      flags: ['NOARP', 'UP', 'LOWER_UP'],
      mtu: 1440,
      qdisc: 'noqueue',
      state: 'UNKNOWN',
      qlen: 1000,
      mac: '0.0.0.0',
      inet: { address: host.podBlock, prefix: 32, brd: host.podBlock, scope: 'global' },
      rx: traffic(2, 90),
      tx: traffic(2, 95),
    });
    for (const block of [host.podBlock, ...host.morePodBlocks])
      routes.push({ dest: block, prefix: 26, proto: 'bird', blackhole: true });
    for (const other of cluster.hosts())
      if (other.name !== host.name && other.powered && other.joined && other.cniInstalled)
        for (const block of [other.podBlock, ...other.morePodBlocks])
          routes.push({
            dest: block,
            prefix: 26,
            via: other.ip,
            dev: 'tunl0',
            proto: 'bird',
            onlink: true,
          });
    devices.push(...podVeths(cluster, host, routes, traffic, tunl0Index(docker), network.ipv6));
  }
  routes.sort((a, b) => ipToInt(a.dest) - ipToInt(b.dest) || a.prefix - b.prefix);
  return { devices, routes };
}

function podVeths(
  cluster: SimCluster,
  host: HostState,
  routes: Route[],
  traffic: (perSec: number, size: number) => readonly [number, number],
  tunl0: number,
  ipv6: boolean,
): Device[] {
  const rt = cluster.runtime(host.name);
  if (!rt?.running) return [];
  const namespaceOf = new Map<string, string>();
  for (const c of rt.containers) namespaceOf.set(c.podUid, c.podNamespace);
  for (const o of cluster.objects())
    if (o.kind === 'Pod') namespaceOf.set(o.metadata.uid, o.metadata.namespace ?? 'default');
  const out: Device[] = [];
  // The kernel numbers devices in creation order and never reuses a number while it runs.
  let created = 0;
  let netns = 0;
  for (const s of rt.sandboxes) {
    // Pods on the host's network (calico-node, kube-proxy, the control plane) get no veth.
    if (!s.ip || s.ip === host.ip) continue;
    created += 1;
    if (!s.ready) continue;
    const name = caliName(namespaceOf.get(s.podUid) ?? 'default', s.podName);
    out.push({
      index: tunl0 + created,
      name,
      peer: 'if4',
      kind: 'veth',
      flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      mtu: 1440,
      qdisc: 'noqueue',
      state: 'UP',
      mac: 'ee:ee:ee:ee:ee:ee',
      netnsId: netns++,
      ...(ipv6
        ? { inet6: { address: 'fe80::ecee:eeff:feee:eeee', prefix: 64, scope: 'link' as const } }
        : {}),
      rx: traffic(1, 80),
      tx: traffic(1, 90),
    });
    routes.push({ dest: s.ip, prefix: 32, dev: name, scope: 'link' });
  }
  return out;
}
