// What a TCP connection from a host to a pod IP meets on its way: the target's
// machine, its routes, and whether anything listens (curl's three outcomes).
import type { ConnectResult } from './api';
import type { Cluster } from './cluster';
import { podsId } from './components/runtime';
import { appendLog } from './containerLogs';
import type { HostName } from './inputs';

/** Linux gives up a TCP connect after tcp_syn_retries = 6: 1+2+4+8+16+32+64 s. */
export const TCP_CONNECT_TIMEOUT_MS = 127_000;

export const nginxWelcome = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export interface ProbeOptions {
  /** Who hands the packet to the pod: the host itself, or a node's kube-proxy rules after DNAT. */
  readonly sender?: string;
  /** The source address nginx sees, when it is not the host's tunl0 address (a pod, or no masquerade). */
  readonly remote?: string;
  /** What curl asked for, when that was a Service's address rather than the pod's. */
  readonly asked?: string;
  /** The client's User-Agent: CentOS 7's curl on the hosts. */
  readonly agent?: string;
}

export function probePod(
  cluster: Cluster,
  from: HostName,
  ip: string,
  port: number,
  onResult: (r: ConnectResult) => void,
  opts: ProbeOptions = {},
): () => void {
  const core = cluster.core;
  let cancelled = false;
  const answer = (r: ConnectResult, after: number) =>
    core.clock.schedule(() => {
      if (!cancelled) onResult(r);
    }, after);
  let target:
    | {
        node: string;
        podName: string;
        podUid: string;
        image?: string;
        serves?: string;
        containerId?: string;
        running: boolean;
      }
    | undefined;
  for (const [node, rt] of core.runtimes) {
    for (const sb of rt.sandboxes.values()) {
      if (sb.ip !== ip || !sb.ready || ip.startsWith('192.168.')) continue;
      const c = [...rt.containers.values()].find((x) => x.sandboxId === sb.id && x.state === 'running');
      target = {
        node,
        podName: sb.podName,
        podUid: sb.podUid,
        ...(c ? { image: c.image, containerId: c.id } : {}),
        ...(c?.process?.kind === 'runs' && c.process.serves ? { serves: c.process.serves } : {}),
        running: !!c,
      };
    }
  }
  const to = target ? podsId(target.node) : `pods@${ip}`;
  const sender = opts.sender ?? `host@${from}`;
  core.net.send(
    sender,
    to,
    'tcp.syn',
    opts.asked ? `DNAT ${opts.asked} → ${ip}:${port}` : `curl ${ip}:${port}`,
    {},
    { subject: target ? `pods/${target.podName}` : (undefined as never) },
  );
  const host = target ? core.world.host(target.node) : undefined;
  if (!target || !host || !core.world.up(host.name, core.clock.now()) || host.podRoutesBroken) {
    answer({ ok: false, error: 'timeout' }, TCP_CONNECT_TIMEOUT_MS);
  } else if (!target.running || !core.containersAlive(target.node)) {
    answer({ ok: false, error: 'refused' }, 4);
  } else {
    const image = target.image ?? '';
    // Containers the ready lab started before t=0 carry no process: their image says what serves.
    const serves =
      target.serves ??
      (image.includes('echo-hname') ? 'echo-hname' : image.startsWith('nginx') ? 'nginx' : undefined);
    const body =
      serves === 'echo-hname' ? `${target.podName}\n` : serves === 'nginx' ? nginxWelcome : undefined;
    if (port !== 80 || body === undefined) answer({ ok: false, error: 'refused' }, 4);
    else {
      core.net.send(
        to,
        `host@${from}`,
        'http.response',
        'HTTP/1.1 200 OK',
        {},
        { latency: 5, subject: `pods/${target.podName}` },
      );
      answer({ ok: true, body }, 9);
      const rt = core.runtimes.get(target.node);
      // nginx's access log goes to its stdout (the image links access.log to /dev/stdout).
      // Calico's IPIP route sends the host's packets from its tunl0 address, the first of its block.
      if (rt && target.containerId)
        appendLog(rt, target.containerId, {
          at: core.clock.now() + 7,
          stream: 'stdout',
          access: {
            remote: opts.remote ?? core.world.host(from)?.blockBase ?? '',
            request: 'GET / HTTP/1.1',
            status: 200,
            bytes: body.length,
            agent: opts.agent ?? 'curl/7.29.0',
          },
        });
    }
  }
  return () => {
    cancelled = true;
  };
}

/**
 * ICMP echo (ping): a node answers for its own addresses while it is up; a pod's IP
 * answers while its sandbox (the pause container's network namespace) lives, whatever
 * its app container does. A Service's ClusterIP belongs to no interface: kube-proxy's
 * rules only rewrite TCP/UDP to its ports, so nothing answers.
 */
export function icmpEcho(cluster: Cluster, from: HostName, ip: string, onReply: () => void): () => void {
  const core = cluster.core;
  const now = core.clock.now();
  let node: HostName | undefined;
  let podName: string | undefined;
  for (const h of core.world.hosts.values())
    if (h.ip === ip || (h.blockBase === ip && h.cniInstalled)) node = h.name;
  for (const [n, rt] of core.runtimes)
    for (const sb of rt.sandboxes.values())
      if (sb.ip === ip && sb.ready && !ip.startsWith('192.168.')) {
        node = n;
        podName = sb.podName;
      }
  const host = node ? core.world.host(node) : undefined;
  const to = podName && node ? podsId(node) : node ? `host@${node}` : `host@${ip}`;
  const echo = core.net.send(
    `host@${from}`,
    to,
    'icmp.echo',
    `ping ${ip}`,
    {},
    podName ? { subject: `pods/${podName}` } : {},
  );
  const answers =
    !!host && core.world.up(host.name, now) && !(podName && host.podRoutesBroken && host.name !== from);
  let cancelled = false;
  if (answers)
    core.clock.schedule(() => {
      if (cancelled) return;
      // The reply is the echo's doing: a read-only command's own traffic (issue 11).
      core.clock.within(echo.id, () =>
        core.net.send(to, `host@${from}`, 'icmp.reply', `reply from ${ip}`, {}, { latency: 1 }),
      );
      onReply();
    }, 2);
  return () => {
    cancelled = true;
  };
}
