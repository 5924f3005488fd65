// The host itself: systemctl (kubelet, the runtime's docker or containerd, network), modprobe and lsmod
// (br_netfilter), reboot and poweroff. They change the lab through ClusterInputs.
import type { HostService } from '../../sim/inputs';
import { defineCommand, fail, ok } from '../command';
import { hostNetwork } from '../host/hostNetwork';
import { runtimeUnit } from '../host/runtimeUnit';
import { labProfile } from '../labProfile';
import { status } from './systemctlStatus';

/**
 * The units systemctl knows on this lab's machines: the runtime's by its name (docker or
 * containerd), the network's as the profile names it (network, or Ubuntu's systemd-networkd).
 */
function unitsOf(runtime: string, network = 'network'): Record<string, HostService> {
  return {
    kubelet: 'kubelet',
    'kubelet.service': 'kubelet',
    [runtime]: 'docker',
    [`${runtime}.service`]: 'docker',
    [network]: 'network',
    [`${network}.service`]: 'network',
  };
}

type Action = 'start' | 'stop' | 'restart' | 'status' | 'is-active' | 'enable' | 'disable';

interface Systemctl {
  readonly action: Action;
  readonly unit: string;
}

export const systemctl = defineCommand<Systemctl>({
  name: 'systemctl',
  parse(args) {
    const words = args.filter((a) => !a.startsWith('-'));
    const [action, unit] = words;
    if (!action) return fail('systemctl: no command given (try --help)');
    if (!['start', 'stop', 'restart', 'status', 'is-active', 'enable', 'disable'].includes(action)) {
      return fail(`Unknown operation '${action}'.`);
    }
    if (!unit) return fail(`Too few arguments.`);
    return ok({ action: action as Action, unit });
  },
  run({ action, unit }, io) {
    const cluster = io.shell.world.cluster;
    const profile = labProfile(io.shell);
    const units = unitsOf(runtimeUnit(cluster).name, profile.networkUnit);
    const service = Object.hasOwn(units, unit) ? units[unit] : undefined;
    const name = unit.endsWith('.service') ? unit : `${unit}.service`;
    const state = cluster.host(io.shell.host);
    if (!service || state?.services[service] === 'absent') {
      if (action === 'status') io.err(`Unit ${name} could not be found.`);
      else if (action === 'stop') io.err(`Failed to stop ${name}: Unit ${name} not loaded.`);
      // systemd 255 names the unit in the bus error (BUS_ERROR_NO_SUCH_UNIT, "Unit %s not found.").
      else
        io.err(`Failed to ${action} ${name}: Unit ${profile.systemd === 'v255' ? `${name} ` : ''}not found.`);
      return io.exit(action === 'status' ? 4 : 5);
    }
    const now = io.shell.world.now();
    switch (action) {
      case 'start':
      case 'stop':
      case 'restart':
        cluster.dispatch({ type: `service.${action}`, host: io.shell.host, service });
        return io.exit(0);
      case 'enable':
      case 'disable':
        return io.exit(0);
      case 'is-active': {
        const active = cluster.host(io.shell.host)?.services[service] === 'active';
        io.out(active ? 'active' : 'inactive');
        return io.exit(active ? 0 : 3);
      }
      default:
        return status(io, service, now);
    }
  },
});

export const modprobe = defineCommand<{ remove: boolean; module: string }>({
  name: 'modprobe',
  parse(args) {
    const remove = args.includes('-r') || args.includes('--remove');
    const module = args.find((a) => !a.startsWith('-'));
    if (!module) return fail('modprobe: ERROR: missing parameters. See -h.');
    return ok({ remove, module });
  },
  run({ remove, module }, io) {
    if (module !== 'br_netfilter') {
      io.err(
        remove
          ? `modprobe: FATAL: Module ${module} not found.`
          : `modprobe: FATAL: Module ${module} not found.`,
      );
      return io.exit(1);
    }
    io.shell.world.cluster.dispatch({
      type: remove ? 'module.remove' : 'module.load',
      host: io.shell.host,
      module: 'br_netfilter',
    });
    io.exit(0);
  },
});

/** A few of the modules a CentOS 7 lab node has loaded; sizes as its 3.10 kernel reports them. */
const baseModules: readonly [string, number, string][] = [
  ['ipip', 13465, '0 '],
  ['tunnel4', 13252, '1 ipip'],
  ['ip_tunnel', 25163, '1 ipip'],
  ['xt_set', 18141, '10 '],
  ['ip_set', 45799, '1 xt_set'],
  ['iptable_nat', 12875, '1 '],
  ['ip_tables', 27126, '2 iptable_filter,iptable_nat'],
  ['xfs', 997727, '2 '],
];

export const lsmod = defineCommand<null>({
  name: 'lsmod',
  parse: () => ok(null),
  run(_, io) {
    const br = io.shell.world.cluster.host(io.shell.host)?.modules.br_netfilter ?? false;
    const mods: [string, number, string][] = [
      ...(br ? ([['br_netfilter', 22256, '0 ']] as [string, number, string][]) : []),
      ['bridge', 151336, br ? '1 br_netfilter' : '0 '],
      ['stp', 12976, '1 bridge'],
      ['llc', 14552, '2 stp,bridge'],
      ...baseModules,
    ];
    io.out(
      [
        'Module                  Size  Used by',
        ...mods.map(([n, s, u]) => `${n.padEnd(19)} ${String(s).padStart(8)}  ${u}`),
      ].join('\n'),
    );
    io.exit(0);
  },
});

function powerCommand(name: 'reboot' | 'poweroff') {
  return defineCommand<null>({
    name,
    parse: () => ok(null),
    run(_, io) {
      const host = io.shell.host;
      io.shell.world.cluster.dispatch({ type: name === 'reboot' ? 'host.reboot' : 'host.poweroff', host });
      // Every terminal into a lab VM is an ssh session: the remote side goes away.
      io.out(`Connection to ${host} closed by remote host.\nConnection to ${host} closed.`);
      io.effects.leave = true;
      io.exit(0);
    },
  });
}

export const reboot = powerCommand('reboot');
export const poweroff = powerCommand('poweroff');

export const hostname = defineCommand<'name' | 'ip' | 'all'>({
  name: 'hostname',
  parse(args) {
    if (args.includes('-I') || args.includes('--all-ip-addresses')) return ok('all');
    if (args.includes('-i') || args.includes('--ip-address')) return ok('ip');
    return ok('name');
  },
  run(what, io) {
    const cluster = io.shell.world.cluster;
    const host = cluster.host(io.shell.host);
    if (what === 'name' || !host) io.out(io.shell.host);
    // -i resolves the name through /etc/hosts (config.sh wrote the lab's addresses there).
    else if (what === 'ip') io.out(host.ip);
    else {
      // -I: every global IPv4 address of the host's devices, in device order, with a trailing space.
      const net = hostNetwork(cluster, host, io.shell.world.now());
      const addrs = net.devices.flatMap((d) => (d.inet && d.inet.scope === 'global' ? [d.inet.address] : []));
      io.out(`${addrs.join(' ')} `);
    }
    io.exit(0);
  },
});
