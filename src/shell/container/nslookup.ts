// busybox's nslookup in a pod, as busybox 1.32.0 (networking/nslookup.c) runs it.
// It sends an A and an AAAA query for the name — for a name without a dot, one of
// each per search domain of /etc/resolv.conf — and waits up to its 5 s timeout for
// the replies. Its queries share one id, so only the first reply counts (it is
// taken as the answer to the first query); the others are dropped as duplicates
// and reported as `*** Can't find …: No answer` once the time is up. Hence the
// famous busybox outputs of docker-library/busybox#48, #61, #75 and kubernetes#84105.
// No reply at all: `;; connection timed out; no servers could be reached`.
import type { CommandIO } from '../command';
import type { ContainerShell } from './containerShell';
import { libcNslookup } from './nslookupLibc';

const TIMEOUT_MS = 5_000;
const SERVER = '10.96.0.10';

function searchList(sh: ContainerShell): string[] {
  const line = (sh.shell.fs.read('/etc/resolv.conf') ?? '').split('\n').find((l) => l.startsWith('search '));
  return line ? line.split(/\s+/).slice(1) : [];
}

function nameserver(sh: ContainerShell): string | undefined {
  const line = (sh.shell.fs.read('/etc/resolv.conf') ?? '')
    .split('\n')
    .find((l) => l.startsWith('nameserver '));
  return line?.split(/\s+/)[1];
}

/** The queries in the order busybox adds them: A for each name, then AAAA for each. */
export function queryNames(name: string, search: readonly string[]): string[] {
  const names = name.includes('.') || search.length === 0 ? [name] : search.map((d) => `${name}.${d}`);
  return [...names, ...names];
}

export function busyboxNslookup(args: readonly string[], io: CommandIO, sh: ContainerShell) {
  const [name, server] = args.filter((a) => !a.startsWith('-'));
  if (name && sh.target.contents.nslookup === 'libc') return libcNslookup(name, server, io, sh);
  if (!name) {
    io.err(
      'BusyBox v1.32.0 (2020-06-27 01:11:13 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,any',
    );
    return io.exit(1);
  }
  const queries = queryNames(name, searchList(sh));
  const first = queries[0] as string;
  const cluster = io.shell.world.cluster;
  let reply: { ip?: string } | undefined;
  const via = server ?? nameserver(sh) ?? SERVER;
  // A public resolver (a pod on the host's network asks the node's) knows no lab names: NXDOMAIN.
  if (via !== SERVER) reply = {};
  const cancelQuery =
    via === SERVER
      ? cluster.resolve(io.shell.host, first, (ip, error) => {
          if (error !== 'timeout') reply = ip ? { ip } : {};
        })
      : () => {};
  const cancelTimer = io.shell.world.after(TIMEOUT_MS, () => {
    cancelQuery();
    if (!reply) {
      io.out(';; connection timed out; no servers could be reached\n');
      return io.exit(1);
    }
    const out = [`Server:\t\t${via}`, `Address:\t${via}:53`, ''];
    // CoreDNS is authoritative for cluster.local: no "Non-authoritative answer:" line.
    if (reply.ip) out.push(`Name:\t${first}`, `Address: ${reply.ip}`, '');
    else out.push(`** server can't find ${first}: NXDOMAIN`, '');
    for (const q of queries.slice(1)) out.push(`*** Can't find ${q}: No answer`);
    out.push('');
    io.out(out.join('\n'));
    io.exit(reply.ip ? 0 : 1);
  });
  io.onInterrupt(() => {
    cancelQuery();
    cancelTimer();
  });
}
