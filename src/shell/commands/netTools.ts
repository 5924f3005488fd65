// ifconfig and route of net-tools 2.0 (CentOS 7), over the same network model as ip.
import { defineCommand, fail, ok } from '../command';
import type { Device, Route } from '../host/hostNetwork';
import { hostNetwork, ipToInt, maskOf } from '../host/hostNetwork';

/** SIOCGIFFLAGS bits, in the order ifconfig names them. */
const FLAG_BITS: readonly [string, number][] = [
  ['UP', 0x1],
  ['BROADCAST', 0x2],
  ['LOOPBACK', 0x8],
  ['POINTOPOINT', 0x10],
  ['RUNNING', 0x40],
  ['NOARP', 0x80],
  ['MULTICAST', 0x1000],
];

function kernelFlags(d: Device): number {
  const has = (f: string) => d.flags.includes(f);
  let n = 0;
  if (has('UP')) n |= 0x1;
  if (has('BROADCAST')) n |= 0x2;
  if (has('LOOPBACK')) n |= 0x8;
  // RUNNING is the kernel's carrier: what iproute2 shows as LOWER_UP.
  if (has('LOWER_UP')) n |= 0x40;
  if (has('NOARP')) n |= 0x80;
  if (has('MULTICAST')) n |= 0x1000;
  return n;
}

/** net-tools' "(1.2 KiB)": one decimal, binary units. */
function scaled(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${(Math.floor(v * 10) / 10).toFixed(1)} ${units[i]}`;
}

function ifconfigBlock(d: Device): string[] {
  const flags = kernelFlags(d);
  const names = FLAG_BITS.filter(([, bit]) => flags & bit).map(([n]) => n);
  const lines = [`${d.name}: flags=${flags}<${names.join(',')}>  mtu ${d.mtu}`];
  if (d.inet) {
    const bcast = flags & 0x2 ? `  broadcast ${d.inet.brd ?? '0.0.0.0'}` : '';
    lines.push(`        inet ${d.inet.address}  netmask ${maskOf(d.inet.prefix)}${bcast}`);
  }
  if (d.inet6)
    lines.push(
      `        inet6 ${d.inet6.address}  prefixlen ${d.inet6.prefix}  scopeid ${d.inet6.scope === 'host' ? '0x10<host>' : '0x20<link>'}`,
    );
  const qlen = d.qlen ?? 0;
  if (d.kind === 'loopback') lines.push(`        loop  txqueuelen ${qlen}  (Local Loopback)`);
  else if (d.kind === 'ipip') lines.push(`        tunnel   txqueuelen ${qlen}  (IPIP Tunnel)`);
  else lines.push(`        ether ${d.mac}  txqueuelen ${qlen}  (Ethernet)`);
  lines.push(
    `        RX packets ${d.rx[0]}  bytes ${d.rx[1]} (${scaled(d.rx[1])})`,
    '        RX errors 0  dropped 0  overruns 0  frame 0',
    `        TX packets ${d.tx[0]}  bytes ${d.tx[1]} (${scaled(d.tx[1])})`,
    '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
    '',
  );
  return lines;
}

export const ifconfig = defineCommand<{ dev?: string; all: boolean }>({
  name: 'ifconfig',
  parse(args) {
    const all = args.includes('-a');
    const dev = args.find((a) => !a.startsWith('-'));
    return ok(dev ? { dev, all } : { all });
  },
  run({ dev }, io) {
    const host = io.shell.world.cluster.host(io.shell.host);
    if (!host) return io.exit(1);
    // net-tools lists interfaces sorted by name.
    const devices = [...hostNetwork(io.shell.world.cluster, host, io.shell.world.now()).devices].sort(
      (a, b) => (a.name < b.name ? -1 : 1),
    );
    const shown = dev ? devices.filter((d) => d.name === dev) : devices;
    if (shown.length === 0) {
      io.err(`${dev}: error fetching interface information: Device not found`);
      return io.exit(1);
    }
    io.out(shown.flatMap(ifconfigBlock).join('\n'));
    io.exit(0);
  },
});

function routeFlags(r: Route): string {
  return `U${r.via ? 'G' : ''}${r.prefix === 32 ? 'H' : ''}`;
}

/** /etc/hosts of the lab (config.sh) for route's name lookups. */
function nameOf(ip: string, hosts: readonly { name: string; ip: string }[]): string {
  return hosts.find((h) => h.ip === ip)?.name ?? ip;
}

export const route = defineCommand<{ numeric: boolean }>({
  name: 'route',
  parse(args) {
    const bad = args.find((a) => !/^-[ne]+$/.test(a));
    if (bad) return fail(`route: invalid option -- '${bad.replace(/^-+/, '').slice(0, 1)}'`, 4);
    return ok({ numeric: args.some((a) => a.includes('n')) });
  },
  run({ numeric }, io) {
    const cluster = io.shell.world.cluster;
    const host = cluster.host(io.shell.host);
    if (!host) return io.exit(1);
    const hosts = cluster.hosts();
    const rows = hostNetwork(cluster, host, io.shell.world.now())
      .routes.slice()
      .sort((a, b) => ipToInt(a.dest) - ipToInt(b.dest) || a.prefix - b.prefix)
      .map((r) => {
        const dest = !numeric && r.prefix === 0 ? 'default' : numeric ? r.dest : nameOf(r.dest, hosts);
        const gw = r.via ? (numeric ? r.via : nameOf(r.via, hosts)) : numeric ? '0.0.0.0' : '0.0.0.0';
        const flags = routeFlags(r);
        const metric = String(r.metric ?? 0);
        return `${dest.padEnd(15)} ${gw.padEnd(15)} ${maskOf(r.prefix).padEnd(15)} ${flags.padEnd(5)} ${metric.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev ?? '*'}`;
      });
    io.out(
      [
        'Kernel IP routing table',
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
        ...rows,
      ].join('\n'),
    );
    io.exit(0);
  },
});
