// The environment a container's processes get. docker puts PATH and HOSTNAME
// first, then the variables the kubelet passed, then the image's ENV, then HOME.
// The kubelet (enableServiceLinks, the default) passes docker-links variables for
// every Service of the pod's namespace that exists when the container is created,
// and for the master Service `kubernetes`; a Service made later is not seen until
// the container is replaced. The shape follows pkg/kubelet/envvars/envvars.go.
import type { SimCluster } from '../../sim/api';
import type { Service } from '../../sim/objects';
import type { ContainerTarget } from './containerShell';
import { podHostname } from './containerShell';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Service names are DNS labels: upper case with `-` as `_` (makeEnvVariableName). */
const varName = (name: string) => name.toUpperCase().replaceAll('-', '_');

/** envvars.FromServices for one Service (a Service without a ClusterIP gets none). */
export function serviceEnv(svc: Service): string[] {
  const ip = svc.spec.clusterIP;
  const first = svc.spec.ports[0];
  if (!ip || ip === 'None' || !first) return [];
  const prefix = varName(svc.metadata.name);
  const out = [`${prefix}_SERVICE_HOST=${ip}`, `${prefix}_SERVICE_PORT=${first.port}`];
  for (const p of svc.spec.ports) if (p.name) out.push(`${prefix}_SERVICE_PORT_${varName(p.name)}=${p.port}`);
  svc.spec.ports.forEach((p, i) => {
    const proto = p.protocol ?? 'TCP';
    const url = `${proto.toLowerCase()}://${ip}:${p.port}`;
    // Docker's links special-case the first port.
    if (i === 0) out.push(`${prefix}_PORT=${url}`);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push(
      `${pp}=${url}`,
      `${pp}_PROTO=${proto.toLowerCase()}`,
      `${pp}_PORT=${p.port}`,
      `${pp}_ADDR=${ip}`,
    );
  });
  return out;
}

/** Services the kubelet saw when it created the container: its namespace's, and `kubernetes`. */
function servicesAtStart(cluster: SimCluster, t: ContainerTarget): Service[] {
  const ns = t.pod.metadata.namespace ?? 'default';
  const st = t.pod.status.containerStatuses.find((c) => c.name === t.container);
  const started = st && 'running' in st.state ? st.state.running.startedAt : cluster.now;
  const all = cluster
    .objects()
    .filter((o): o is Service => o.kind === 'Service' && o.metadata.creationTimestamp <= started);
  const own = all.filter((s) => (s.metadata.namespace ?? 'default') === ns);
  const master = all.find((s) => s.metadata.name === 'kubernetes' && s.metadata.namespace === 'default');
  const list = master && !own.includes(master) ? [...own, master] : own;
  // The kubelet builds a map, and Go ranges over maps in no fixed order: the lab sorts by name.
  return list.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** `env` in the container: docker's, the kubelet's, the image's. */
export function containerEnv(cluster: SimCluster, t: ContainerTarget): string[] {
  const kubelet = servicesAtStart(cluster, t).flatMap(serviceEnv);
  return [
    PATH,
    `HOSTNAME=${podHostname(t.pod)}`,
    ...(t.tty ? ['TERM=xterm'] : []),
    ...kubelet,
    ...t.contents.env,
    'HOME=/root',
  ];
}
