// ip (iproute 4.11 of CentOS 7.8): addr, link and route, over the host's network model.
// Old iproute2 leaves a space at the end of some lines (after "group default", an inet6
// scope, every route): kept, as the real tool prints them.
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';
import type { Device, Route } from '../host/hostNetwork';
import { hostNetwork } from '../host/hostNetwork';

interface IpCommand {
  readonly object: 'addr' | 'link' | 'route';
  readonly dev?: string;
  /** -4 or -6: one address family only. */
  readonly family?: 4 | 6;
}

/** iproute2 takes any prefix of an object's name ("a", "addr", "address"; "r", "ro", "route"). */
function objectOf(word: string): IpCommand['object'] | undefined {
  if ('address'.startsWith(word)) return 'addr';
  if ('route'.startsWith(word)) return 'route';
  if ('link'.startsWith(word)) return 'link';
  return undefined;
}

const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { link | address | addrlabel | route | rule | neigh | ntable |
                   tunnel | tuntap | maddress | mroute | mrule | monitor | xfrm |
                   netns | l2tp | fou | macsec | tcp_metrics | token | netconf | ila |
                   vrf }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec |
                    -f[amily] { inet | inet6 | ipx | dnet | mpls | bridge | link } |
                    -4 | -6 | -I | -D | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -a[ll] | -c[olor]}`;

export const ip = defineCommand<IpCommand>({
  name: 'ip',
  parse(all) {
    const family = all.includes('-4') ? 4 : all.includes('-6') ? 6 : undefined;
    const args = all.filter((a) => a !== '-4' && a !== '-6');
    const [word, verb, ...rest] = args;
    if (!word) return fail(USAGE, 255);
    const object = objectOf(word);
    if (!object) return fail(`Object "${word}" is unknown, try "ip help".`, 255);
    if (verb !== undefined && !['show', 'list', 'lst', 'sh', 'ls', 'l', 's'].includes(verb) && verb !== 'dev')
      return fail(
        `Command "${verb}" is unknown, try "ip ${object === 'addr' ? 'address' : object} help".`,
        255,
      );
    const words = verb === 'dev' ? [verb, ...rest] : rest;
    const dev = words[0] === 'dev' ? words[1] : words[0];
    return ok({ object, ...(dev ? { dev } : {}), ...(family ? { family } : {}) });
  },
  run(cmd, io) {
    const host = io.shell.world.cluster.host(io.shell.host);
    if (!host) return io.exit(1);
    const net = hostNetwork(io.shell.world.cluster, host, io.shell.world.now());
    if (cmd.object === 'route') {
      io.out(net.routes.map(routeLine).join('\n'));
      return io.exit(0);
    }
    const devices = cmd.dev ? net.devices.filter((d) => d.name === cmd.dev) : net.devices;
    if (devices.length === 0) return notFound(io, cmd.dev ?? '');
    // With one family, iproute2 leaves out the devices that have no address of it.
    const shown =
      cmd.family === 4
        ? devices.filter((d) => d.inet)
        : cmd.family === 6
          ? devices.filter((d) => d.inet6)
          : devices;
    const strip = (d: Device): Device => {
      if (cmd.family === 4) {
        const { inet6: _, ...rest } = d;
        return rest;
      }
      if (cmd.family === 6) {
        const { inet: _, ...rest } = d;
        return rest;
      }
      return d;
    };
    // Nothing of that family (no IPv6 on the second edition's box): iproute2 prints nothing.
    if (shown.length === 0) return io.exit(0);
    io.out(
      shown
        .map(strip)
        .flatMap((d) => deviceLines(d, cmd.object === 'addr', cmd.family !== undefined))
        .join('\n'),
    );
    io.exit(0);
  },
});

function notFound(io: CommandIO, dev: string): void {
  io.err(`Device "${dev}" does not exist.`);
  io.exit(1);
}

function deviceLines(d: Device, withAddresses: boolean, oneFamily = false): string[] {
  const name = d.peer ? `${d.name}@${d.peer}` : d.name;
  const lines = [
    `${d.index}: ${name}: <${d.flags.join(',')}> mtu ${d.mtu} qdisc ${d.qdisc} state ${d.state} ${withAddresses ? 'group default ' : 'mode DEFAULT group default '}${d.qlen ? `qlen ${d.qlen}` : ''}`,
    `    link/${d.kind === 'loopback' ? 'loopback' : d.kind === 'ipip' ? 'ipip' : 'ether'} ${d.mac} brd ${d.kind === 'ipip' ? '0.0.0.0' : d.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}${d.netnsId !== undefined ? ` link-netnsid ${d.netnsId}` : ''}`,
  ];
  if (!withAddresses) return lines;
  // ip -4/-6 addr prints no link/ line.
  if (oneFamily) lines.pop();
  if (d.inet) {
    const a = d.inet;
    lines.push(
      `    inet ${a.address}/${a.prefix} ${a.metric !== undefined ? `metric ${a.metric} ` : ''}${a.brd ? `brd ${a.brd} ` : ''}scope ${a.scope} ${a.flags ? `${a.flags} ` : ''}${d.name}`,
      a.lftSec !== undefined
        ? `       valid_lft ${a.lftSec}sec preferred_lft ${a.lftSec}sec`
        : '       valid_lft forever preferred_lft forever',
    );
  }
  if (d.inet6) {
    const a = d.inet6;
    lines.push(
      `    inet6 ${a.address}/${a.prefix} scope ${a.scope} ${a.flags ? `${a.flags} ` : ''}`,
      '       valid_lft forever preferred_lft forever',
    );
  }
  return lines;
}

export function routeLine(r: Route): string {
  const dest = r.prefix === 0 ? 'default' : r.prefix === 32 ? r.dest : `${r.dest}/${r.prefix}`;
  if (r.blackhole) return `blackhole ${dest} proto ${r.proto} `;
  const parts = [dest];
  if (r.via) parts.push(`via ${r.via}`);
  if (r.dev) parts.push(`dev ${r.dev}`);
  if (r.proto) parts.push(`proto ${r.proto}`);
  if (r.scope) parts.push(`scope ${r.scope}`);
  if (r.src) parts.push(`src ${r.src}`);
  if (r.metric !== undefined) parts.push(`metric ${r.metric}`);
  if (r.onlink) parts.push('onlink');
  return `${parts.join(' ')} `;
}
