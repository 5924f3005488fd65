// curl, ping and nslookup: they wait in cluster time for the network's answer.
// Texts are CentOS 7's (curl 7.29, iputils, bind-utils); curl's errors follow the profile
// (Ubuntu 24.04's curl 8.5 words them otherwise).
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';
import { labProfile } from '../labProfile';

const hostsFile: Record<string, string> = {
  'm-k8s': '192.168.1.10',
  'w1-k8s': '192.168.1.101',
  'w2-k8s': '192.168.1.102',
  'w3-k8s': '192.168.1.103',
  localhost: '127.0.0.1',
};

/** A name as the host resolves it: an IP, /etc/hosts, or nothing (1.1.1.1 knows no lab names). */
function addressOf(io: CommandIO, name: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
  // The master by the lab's name for it (m-k8s, or cp-k8s in the second edition).
  if (name === labProfile(io.shell).master.name) return labProfile(io.shell).master.ip;
  if (hostsFile[name] && name !== 'm-k8s') return hostsFile[name];
  const host = io.shell.world.resolveHost(name);
  return host ? io.shell.world.cluster.host(host)?.ip : undefined;
}

interface Curl {
  readonly host: string;
  readonly port: number;
  readonly silent: boolean;
}

export const curl = defineCommand<Curl>({
  name: 'curl',
  parse(args) {
    let silent = false;
    let url: string | undefined;
    for (const a of args) {
      if (/^-[a-zA-Z]+$/.test(a)) silent ||= a.includes('s');
      else if (!a.startsWith('-')) url = a;
    }
    if (!url) return fail("curl: try 'curl --help' or 'curl --manual' for more information", 2);
    const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?/.exec(url);
    if (!m) return fail(`curl: (3) <url> malformed`, 3);
    const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
    return ok({ host: m[2] as string, port, silent });
  },
  run({ host, port, silent }, io) {
    const ip = addressOf(io, host);
    const curl8 = labProfile(io.shell).curl === 'curl-8';
    if (!ip) {
      if (!silent) io.err(`curl: (6) Could not resolve host: ${host}${curl8 ? '' : '; Unknown error'}`);
      return io.exit(6);
    }
    const started = io.shell.world.now();
    const cancel = io.shell.world.cluster.connect(io.shell.host, ip, port, (r) => {
      if (r.ok) {
        io.out(r.body.endsWith('\n') ? r.body.slice(0, -1) : r.body);
        return io.exit(0);
      }
      const why =
        r.error === 'timeout'
          ? 'Connection timed out'
          : r.error === 'refused'
            ? 'Connection refused'
            : 'No route to host';
      // curl 8 (lib/cf-socket.c, connect.c): the host as typed, the time taken, and
      // curl_easy_strerror's words for CURLE_COULDNT_CONNECT whatever the socket said.
      const ms = Math.max(0, Math.round(io.shell.world.now() - started));
      if (!silent)
        io.err(
          curl8
            ? `curl: (7) Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`
            : `curl: (7) Failed connect to ${ip}:${port}; ${why}`,
        );
      io.exit(7);
    });
    io.onInterrupt(cancel);
  },
});

interface Ping {
  readonly target: string;
  readonly count: number | undefined;
}

export const ping = defineCommand<Ping>({
  name: 'ping',
  parse(args) {
    let count: number | undefined;
    let target: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-c') count = Number.parseInt(args[++i] ?? '', 10);
      else if (/^-c\d+$/.test(a)) count = Number.parseInt(a.slice(2), 10);
      else if (!a.startsWith('-')) target = a;
    }
    if (!target)
      return fail(
        'Usage: ping [-aAbBdDfhLnOqrRUvV64] [-c count] [-i interval] [-I interface]\n            [-m mark] [-M pmtudisc_option] [-l preload] [-p pattern] [-Q tos]\n            [-s packetsize] [-S sndbuf] [-t ttl] [-T timestamp_option]\n            [-w deadline] [-W timeout] [hop1 ...] destination',
        2,
      );
    if (count !== undefined && (Number.isNaN(count) || count <= 0))
      return fail('ping: bad number of packets to transmit.', 2);
    return ok({ target, count });
  },
  run({ target, count }, io) {
    const ip = addressOf(io, target);
    if (!ip) {
      io.err(`ping: ${target}: Name or service not known`);
      return io.exit(2);
    }
    io.out(`PING ${target} (${ip}) 56(84) bytes of data.`);
    const world = io.shell.world;
    const started = world.now();
    let sent = 0;
    let received = 0;
    const rtts: number[] = [];
    let cancelProbe: (() => void) | undefined;
    let cancelTimer: (() => void) | undefined;
    const summary = () => {
      const loss = sent === 0 ? 0 : Math.round(((sent - received) / sent) * 100);
      io.out(`\n--- ${target} ping statistics ---`);
      io.out(
        `${sent} packets transmitted, ${received} received, ${loss}% packet loss, time ${Math.max(0, world.now() - started - 1000)}ms`,
      );
      if (rtts.length > 0) {
        const min = Math.min(...rtts);
        const max = Math.max(...rtts);
        const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
        io.out(
          `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${((max - min) / 2).toFixed(3)} ms`,
        );
      }
    };
    const probe = () => {
      sent++;
      const seq = sent;
      cancelProbe = world.cluster.ping(io.shell.host, ip, () => {
        received++;
        const rtt = 0.3 + ((seq * 37) % 40) / 100;
        rtts.push(rtt);
        // A pod is one routed hop behind its node (Calico): its replies arrive with TTL 63.
        io.out(
          `64 bytes from ${ip}: icmp_seq=${seq} ttl=${ip.startsWith('172.16.') ? 63 : 64} time=${rtt.toFixed(3)} ms`,
        );
      });
      if (count !== undefined && seq >= count) {
        cancelTimer = world.after(1000, () => {
          cancelProbe?.();
          summary();
          io.exit(received > 0 ? 0 : 1);
        });
      } else cancelTimer = world.after(1000, probe);
    };
    io.onInterrupt(() => {
      cancelProbe?.();
      cancelTimer?.();
      summary();
    });
    probe();
  },
});

interface Lookup {
  readonly name: string;
  readonly server?: string;
}

/** The lab's hosts resolve through /etc/resolv.conf of the book's config.sh: 1.1.1.1, then 8.8.8.8. */
const HOST_RESOLVER = '1.1.1.1';

export const nslookup = defineCommand<Lookup>({
  name: 'nslookup',
  parse(args) {
    const [name, server] = args.filter((a) => !a.startsWith('-'));
    return name
      ? ok({ name, ...(server ? { server } : {}) })
      : fail('nslookup: interactive mode is not part of the lab', 1);
  },
  run({ name, server }, io) {
    const via = server ?? HOST_RESOLVER;
    const header = `Server:\t\t${via}\nAddress:\t${via}#53\n`;
    if (via !== '10.96.0.10') {
      // A public resolver knows nothing of the cluster's names; the lab models no other names
      // (and nslookup does not read /etc/hosts).
      io.out(`${header}\n** server can't find ${name}: NXDOMAIN\n`);
      return io.exit(1);
    }
    const cancel = io.shell.world.cluster.resolve(io.shell.host, name, (ip, error) => {
      if (error === 'timeout' || (!ip && error !== 'nxdomain')) {
        io.out(';; connection timed out; no servers could be reached\n');
        return io.exit(1);
      }
      io.out(header);
      if (!ip) {
        io.out(`** server can't find ${name}: NXDOMAIN\n`);
        return io.exit(1);
      }
      io.out(`Name:\t${name}\nAddress: ${ip}\n`);
      io.exit(0);
    });
    io.onInterrupt(cancel);
  },
});
