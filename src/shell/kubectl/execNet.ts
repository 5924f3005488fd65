// The network commands inside a container (kubectl exec POD -- curl|wget): the
// pod resolves names through CoreDNS with its resolv.conf's search list (so `web`
// is web.<namespace>.svc.cluster.local, podResolver.ts) and connects from its own IP, so a
// ClusterIP goes where its node's kube-proxy rules send it. nginx 1.19's image
// (Debian buster) has curl 7.64; busybox has its own wget.
import type { Pod } from '../../sim/objects';
import type { CommandIO } from '../command';
import { podSearch, resolveFromPod } from '../container/podResolver';

interface Target {
  readonly host: string;
  readonly port: number;
}

function parseUrl(url: string): Target | undefined {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?/.exec(url);
  if (!m) return undefined;
  return { host: m[2] as string, port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80 };
}

/**
 * Runs curl or wget in the pod when that is the command; false when it is not one of
 * these (the caller runs it as an ordinary command).
 */
export function runNetworkCommand(io: CommandIO, pod: Pod, kind: string, argv: readonly string[]): boolean {
  const [cmd0 = '', ...args] = argv;
  const cmd = cmd0.replace(/^\/(usr\/)?s?bin\//, '');
  const tool =
    cmd === 'curl' && kind !== 'busybox' ? 'curl' : cmd === 'wget' && kind === 'busybox' ? 'wget' : '';
  if (!tool) return false;
  const url = args.filter((a) => !a.startsWith('-') && a !== 'O-').pop();
  const quiet = args.some((a) => /^-[a-zA-Z]*[sq]/.test(a));
  const cluster = io.shell.world.cluster;
  const target = url ? parseUrl(url) : undefined;
  if (!target) {
    if (tool === 'curl') io.err("curl: try 'curl --help' or 'curl --manual' for more information");
    else
      io.err(
        "BusyBox v1.32.0 (2020-06-27 01:11:13 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header 'header: value'] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...",
      );
    io.exit(tool === 'curl' ? 2 : 1);
    return true;
  }
  const fail = (why: string, code: number, ip?: string) => {
    if (tool === 'curl') {
      if (!quiet)
        io.err(
          ip
            ? `curl: (7) Failed to connect to ${target.host} port ${target.port}: ${why}`
            : `curl: (6) Could not resolve host: ${target.host}`,
        );
    } else
      io.err(
        ip ? `wget: can't connect to remote host (${ip}): ${why}` : `wget: bad address '${target.host}'`,
      );
    io.exit(code);
  };
  const connect = (ip: string) => {
    if (tool === 'wget' && !quiet) io.err(`Connecting to ${target.host} (${ip}:${target.port})`);
    const cancel = cluster.connect(
      io.shell.host,
      ip,
      target.port,
      (r) => {
        if (r.ok) {
          if (tool === 'wget' && !quiet) io.err('writing to stdout');
          io.out(r.body.endsWith('\n') ? r.body.slice(0, -1) : r.body);
          if (tool === 'wget' && !quiet)
            io.err(
              `-                    100% |********************************|${String(r.body.length).padStart(6)}  0:00:00 ETA\nwritten to stdout`,
            );
          return io.exit(0);
        }
        const why =
          r.error === 'timeout'
            ? 'Connection timed out'
            : r.error === 'refused'
              ? 'Connection refused'
              : 'No route to host';
        fail(why, tool === 'curl' ? 7 : 1, ip);
      },
      {
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        // Debian buster's curl; busybox's wget sends its own name.
        agent: tool === 'curl' ? 'curl/7.64.0' : 'Wget',
      },
    );
    io.onInterrupt(cancel);
  };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(target.host)) connect(target.host);
  else {
    const search = podSearch(pod.metadata.namespace ?? 'default');
    const cancel = resolveFromPod(cluster, io.shell.host, target.host, search, (ip) => {
      if (!ip) return fail('', tool === 'curl' ? 6 : 1);
      connect(ip);
    });
    io.onInterrupt(cancel);
  }
  return true;
}
