// A pod's libc resolver (glibc in Debian's images, uClibc in busybox's): with
// /etc/resolv.conf's `options ndots:5`, a name with fewer than five dots is tried
// with each search domain first, then as it is; the first answer wins. Each try is
// one query to CoreDNS (10.96.0.10), drawn on the trace.
import type { SimCluster } from '../../sim/api';
import type { HostName } from '../../sim/inputs';

const NDOTS = 5;

/** The names the resolver asks, in order. */
export function candidates(name: string, search: readonly string[]): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = search.map((d) => `${name}.${d}`);
  return dots >= NDOTS ? [name, ...searched] : [...searched, name];
}

/** The search domains of a pod in `namespace` (the kubelet's ClusterFirst resolv.conf). */
export function podSearch(namespace: string): string[] {
  return [`${namespace}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'];
}

/** Resolves `name` as the pod's libc does; `undefined` with `timeout` when CoreDNS does not answer. */
export function resolveFromPod(
  cluster: SimCluster,
  from: HostName,
  name: string,
  search: readonly string[],
  onResult: (ip: string | undefined, error?: 'timeout' | 'nxdomain') => void,
): () => void {
  const names = candidates(name, search);
  let cancel = () => {};
  const next = (i: number) => {
    const n = names[i];
    if (n === undefined) return onResult(undefined, 'nxdomain');
    cancel = cluster.resolve(from, n, (ip, error) => {
      if (ip) onResult(ip);
      else if (error === 'timeout') onResult(undefined, 'timeout');
      else next(i + 1);
    });
  };
  next(0);
  return () => cancel();
}
