// busybox's ping in a pod (networking/ping.c at 1_32_0): `PING name (ip): 56 data
// bytes`, a line per reply with seq counted from 0, and on the end its statistics.
// With -c N it stops as soon as N replies are in; otherwise it waits for the last
// one (10 s without any reply, about two round trips after one). A ClusterIP never
// answers: kube-proxy's rules only rewrite the Service's TCP/UDP ports.
import type { CommandIO } from '../command';
import type { ContainerShell } from './containerShell';
import { podSearch, resolveFromPod } from './podResolver';

const MAXWAIT_MS = 10_000;

const ms = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

/** Hops a reply crosses back to the pod: Calico routes every pod at L3 (UNVERIFIED per case). */
function ttl(sh: ContainerShell, ip: string): number {
  if (ip === sh.pod.status.podIP) return 64;
  const own = sh.pod.spec.nodeName;
  const node = sh.world.cluster.hosts().find((h) => h.ip === ip);
  if (node) return node.name === own ? 64 : 63;
  const pod = sh.world.cluster.pods().find((p) => p.ip === ip);
  return pod && pod.node === own ? 63 : 62;
}

export function busyboxPing(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  let count: number | undefined;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-c') count = Number.parseInt(args[++i] ?? '', 10);
    else if (/^-c\d+$/.test(a)) count = Number.parseInt(a.slice(2), 10);
    else if (!a.startsWith('-')) target = a;
  }
  if (!target || (count !== undefined && !(count > 0))) {
    io.err(
      'BusyBox v1.32.0 (2020-06-27 01:11:13 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUEST packets to network hosts',
    );
    return io.exit(1);
  }
  const name = target;
  const world = sh.world;
  const from = sh.pod.spec.nodeName ?? sh.host;
  let cancel = () => {};
  const run = (ip: string) => {
    io.out(`PING ${name} (${ip}): 56 data bytes`);
    let sent = 0;
    const rtts: number[] = [];
    let timer = () => {};
    const pending = new Set<() => void>();
    const finish = () => {
      timer();
      for (const c of pending) c();
      const got = rtts.length;
      const loss = sent === 0 ? 0 : Math.floor(((sent - got) * 100) / sent);
      io.out(
        `\n--- ${name} ping statistics ---\n${sent} packets transmitted, ${got} packets received, ${loss}% packet loss`,
      );
      if (got > 0) {
        const avg = Math.floor(rtts.reduce((a, b) => a + b, 0) / got);
        io.out(`round-trip min/avg/max = ${ms(Math.min(...rtts))}/${ms(avg)}/${ms(Math.max(...rtts))} ms`);
      }
      io.exit(got === 0 ? 1 : 0);
    };
    const send = () => {
      const seq = sent++;
      const stop = world.cluster.ping(from, ip, () => {
        pending.delete(stop);
        const rtt = 90 + ((seq * 37) % 40) * 10;
        rtts.push(rtt);
        io.out(`64 bytes from ${ip}: seq=${seq} ttl=${ttl(sh, ip)} time=${ms(rtt)} ms`);
        if (count !== undefined && rtts.length >= count) finish();
      });
      pending.add(stop);
      if (count === undefined || sent < count) timer = world.after(1000, send);
      else timer = world.after(rtts.length > 0 ? 1000 : MAXWAIT_MS, finish);
    };
    cancel = finish;
    send();
  };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) run(name);
  else
    cancel = resolveFromPod(
      world.cluster,
      sh.host,
      name,
      podSearch(sh.pod.metadata.namespace ?? 'default'),
      (ip) => {
        if (!ip) {
          io.err(`ping: bad address '${name}'`);
          return io.exit(1);
        }
        run(ip);
      },
    );
  io.onInterrupt(() => cancel());
}
