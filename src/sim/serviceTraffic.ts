// A TCP connection as the kernel routes it: the first packet walks the nat table
// of the node it leaves (OUTPUT, or PREROUTING for a pod's packet, which enters
// its node from the pod's cali interface) or of the node it arrives at (a
// NodePort on another node's address). A DNAT there sends it to a pod; the mark of
// KUBE-MARK-MASQ makes the pod see the node's tunl0 address as the client.
import type { ConnectResult } from './api';
import type { Cluster } from './cluster';
import { API } from './components/apiServer';
import { kubeProxyId } from './components/kubeProxy';
import type { HostTables, Packet } from './hostIptables';
import { rejected, walkNat } from './hostIptables';
import type { HostName } from './inputs';
import { probePod, TCP_CONNECT_TIMEOUT_MS } from './probes';
import { inServiceCidr } from './serviceAllocation';

/** Where a connection starts: a host's own shell, or a pod on a node (kubectl exec). */
export interface Origin {
  readonly host: HostName;
  readonly pod?: { readonly ip: string; readonly node: HostName };
  /** The client's User-Agent, when it is not the hosts' curl. */
  readonly agent?: string;
}

export function connectThroughRules(
  cluster: Cluster,
  origin: Origin,
  ip: string,
  port: number,
  tables: (host: HostName) => HostTables | undefined,
  onResult: (r: ConnectResult) => void,
): () => void {
  const core = cluster.core;
  const world = core.world;
  const from = origin.pod?.node ?? origin.host;
  const fromHost = world.host(from);
  const owner = [...world.hosts.values()].find((h) => h.ip === ip);
  // The node whose tables decide: the sender's, unless the address is another node's own.
  const deciding = owner && owner.name !== from ? owner : fromHost;
  const service = inServiceCidr(ip);
  if (!deciding || (!service && !owner))
    return probePod(cluster, origin.host, ip, port, onResult, podOpts(origin));
  const now = core.clock.now();
  const hook = origin.pod || deciding !== fromHost ? 'PREROUTING' : 'OUTPUT';
  const pkt: Packet = {
    src: origin.pod?.ip ?? fromHost?.ip ?? '',
    dst: ip,
    proto: 'tcp',
    dport: port,
    dstLocal: !!owner && owner.name === deciding.name,
  };
  let cancelled = false;
  const later = (r: ConnectResult, ms: number) =>
    core.clock.schedule(() => {
      if (!cancelled) onResult(r);
    }, ms);
  const t = world.up(deciding.name, now) ? tables(deciding.name) : undefined;
  const sender = origin.pod ? `pods@${origin.pod.node}` : `host@${origin.host}`;
  core.net.send(sender, kubeProxyId(deciding.name), 'tcp.syn', `curl ${ip}:${port}`, {});
  const verdict = t ? walkNat(t.nat, hook, pkt, core.rngs.net) : undefined;
  if (verdict?.dnat) {
    const at = verdict.dnat.lastIndexOf(':');
    const podIp = verdict.dnat.slice(0, at);
    const podPort = Number(verdict.dnat.slice(at + 1));
    // Bridged traffic skips iptables without br_netfilter: the DNAT'd reply path breaks (the book's 3.1.6 note).
    const remote = verdict.masquerade ? deciding.blockBase : pkt.src;
    // The kubernetes Service leads to the API server itself, which speaks only TLS there.
    if (podIp === world.master.ip && podPort === 6443) {
      if (!core.isRunning(API)) later({ ok: false, error: 'refused' }, 4);
      else later({ ok: true, body: 'Client sent an HTTP request to an HTTPS server.\n' }, 6);
      return () => {
        cancelled = true;
      };
    }
    const cancel = probePod(cluster, origin.host, podIp, podPort, onResult, {
      sender: kubeProxyId(deciding.name),
      remote,
      asked: `${ip}:${port}`,
      ...(origin.agent ? { agent: origin.agent } : {}),
    });
    return () => {
      cancelled = true;
      cancel();
    };
  }
  if (t && rejected(t.filter, pkt)) later({ ok: false, error: 'refused' }, 4);
  else if (owner && world.up(owner.name, now))
    // A node's own address with nothing listening on that port answers with a reset.
    later({ ok: false, error: 'refused' }, 4);
  else later({ ok: false, error: 'timeout' }, TCP_CONNECT_TIMEOUT_MS);
  return () => {
    cancelled = true;
  };
}

function podOpts(origin: Origin) {
  return {
    ...(origin.pod ? { sender: `pods@${origin.pod.node}`, remote: origin.pod.ip } : {}),
    ...(origin.agent ? { agent: origin.agent } : {}),
  };
}
