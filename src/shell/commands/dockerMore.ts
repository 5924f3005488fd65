// docker images, logs and inspect of CentOS's docker 1.13.1, over the containers docker ps
// lists and the images the node's docker holds.
import type { SimCluster } from '../../sim/api';
import { lookupImage, parseImageRef } from '../../sim/images';
import { profileOf } from '../../sim/profiles';
import { sha256 } from '../../sim/sha256';
import type { CommandIO } from '../command';
import type { NodeContainer } from '../host/nodeContainers';
import { nodeContainers } from '../host/nodeContainers';
import { IMAGE_CREATED, IMAGE_LABELS } from '../hostFacts';
import { logText } from '../kubectl/logs';
import { tabwrite } from '../tabwriter';
import { dockerDuration, labEpoch } from '../wallClock';

/** docker's units.HumanSize: four significant digits, decimal units. */
function humanSize(mb: number): string {
  const bytes = mb * 1_000_000;
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(4))} ${units[i]}`;
}

/** RHEL's docker names Docker Hub repositories with their registry, docker.io. */
function shownRepository(repo: string): string {
  const first = repo.split('/')[0] ?? '';
  return repo.includes('/') && /[.:]/.test(first) ? repo : `docker.io/${repo}`;
}

export function dockerImages(io: CommandIO): void {
  const world = io.shell.world;
  const held = world.cluster.runtime(io.shell.host)?.images ?? [];
  // The kubelet pulled the sandbox image when the node joined, before any pod.
  const joined = world.cluster.host(io.shell.host)?.joined ?? false;
  const pause = profileOf(world.cluster.options.profile).addons.images.pause;
  const images = joined && !held.includes(pause) ? [...held, pause] : held;
  const now = world.now();
  const rows = images
    .map((key) => {
      const ref = parseImageRef(key);
      const found = lookupImage(key);
      const created = IMAGE_CREATED[key] ?? IMAGE_CREATED[ref.repository] ?? -30 * 86_400_000;
      return { ref, found, created };
    })
    .filter((r) => r.found.ok)
    .sort((a, b) => b.created - a.created);
  const lines = ['REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE'];
  for (const { ref, found, created } of rows) {
    if (!found.ok) continue;
    lines.push(
      `${shownRepository(ref.repository)}\t${ref.tag}\t${found.image.id}\t${dockerDuration(now - created)} ago\t${humanSize(found.image.sizeMB)}`,
    );
  }
  io.out(tabwrite(lines.join('\n'), { minwidth: 20, padding: 3 }));
  io.exit(0);
}

function find(cluster: SimCluster, host: string, ref: string): NodeContainer | undefined {
  const all = nodeContainers(cluster, host);
  return (
    all.find((c) => c.name === ref || c.name === ref.replace(/^\//, '')) ??
    all.find((c) => ref.length >= 1 && c.fullId.startsWith(ref))
  );
}

export function dockerLogs(io: CommandIO, args: readonly string[]): void {
  const ref = args.find((a) => !a.startsWith('-'));
  if (!ref) {
    io.err(
      '"docker logs" requires exactly 1 argument(s).\nSee \'docker logs --help\'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container',
    );
    io.exit(1);
    return;
  }
  const cluster = io.shell.world.cluster;
  const c = find(cluster, io.shell.host, ref);
  if (!c) {
    io.err(`Error: No such container: ${ref}`);
    io.exit(1);
    return;
  }
  const rt = cluster.runtime(io.shell.host);
  const tailAt = args.indexOf('--tail');
  const tail = tailAt >= 0 ? Number(args[tailAt + 1]) : Number.NaN;
  const known = rt?.containers.find((x) => x.id.startsWith(c.id));
  let entries = rt && known ? [...rt.logs(known.id)] : [];
  if (Number.isInteger(tail) && tail >= 0) entries = entries.slice(Math.max(0, entries.length - tail));
  for (const e of entries)
    (e.stream === 'stderr' ? io.err : io.out)(logText(e, labEpoch(io.shell.world.cluster)));
  io.exit(0);
}

/** Go's time.RFC3339Nano as docker prints times: 2020-07-06T00:41:12.345678912Z. */
function goTime(ms: number, salt: string, epochMs: number): string {
  const d = new Date(epochMs + ms);
  const frac = `${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}${String(sha256(salt)[0] ?? 0).padStart(3, '0')}${String(sha256(salt)[1] ?? 0).padStart(3, '0')}`;
  return `${d.toISOString().slice(0, 19)}.${frac.replace(/0+$/, '') || '0'}Z`;
}

const hex = (text: string) => Array.from(sha256(text), (b) => b.toString(16).padStart(2, '0')).join('');

function inspectOne(cluster: SimCluster, host: string, c: NodeContainer, pid: number): unknown {
  const epoch = labEpoch(cluster);
  const pod = c.pod;
  const ns = pod.metadata.namespace ?? 'default';
  const spec = c.container;
  const found = lookupImage(c.image);
  const imageId = `sha256:${found.ok ? found.image.id : ''}${hex(c.image).slice(12)}`;
  const sandbox = nodeContainers(cluster, host).find((x) => x.pod === pod && !x.container);
  const hostNet = pod.spec.hostNetwork === true;
  const dir = `/var/lib/docker/containers/${c.fullId}`;
  const labels: Record<string, string> = spec
    ? {
        'annotation.io.kubernetes.container.hash': hex(`${pod.metadata.uid}/${spec.name}`).slice(0, 8),
        'annotation.io.kubernetes.container.restartCount': String(c.attempt),
        'annotation.io.kubernetes.container.terminationMessagePath': '/dev/termination-log',
        'annotation.io.kubernetes.container.terminationMessagePolicy': 'File',
        'annotation.io.kubernetes.pod.terminationGracePeriod': '30',
        'io.kubernetes.container.logpath': `/var/log/pods/${ns}_${pod.metadata.name}_${pod.metadata.uid}/${spec.name}/${c.attempt}.log`,
        'io.kubernetes.container.name': spec.name,
        'io.kubernetes.docker.type': 'container',
        'io.kubernetes.pod.name': pod.metadata.name,
        'io.kubernetes.pod.namespace': ns,
        'io.kubernetes.pod.uid': pod.metadata.uid,
        'io.kubernetes.sandbox.id': sandbox?.fullId ?? '',
        ...(IMAGE_LABELS[found.ok ? found.image.kind : ''] ?? {}),
      }
    : {
        'annotation.kubernetes.io/config.seen': new Date(epoch + c.startedAt)
          .toISOString()
          .replace('.000Z', '.000000000Z'),
        'annotation.kubernetes.io/config.source': 'api',
        'io.kubernetes.container.name': 'POD',
        'io.kubernetes.docker.type': 'podsandbox',
        'io.kubernetes.pod.name': pod.metadata.name,
        'io.kubernetes.pod.namespace': ns,
        'io.kubernetes.pod.uid': pod.metadata.uid,
      };
  const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
  const [path, ...args] = c.argv;
  // The Service variables the kubelet adds (KUBERNETES_SERVICE_HOST, …) are not listed here.
  const env: string[] = [];
  const imageEnv =
    found.ok && (found.image.kind === 'nginx' || found.image.kind === 'echo-hname')
      ? [`NGINX_VERSION=${found.image.nginxVersion ?? ''}`]
      : [];
  return {
    Id: c.fullId,
    Created: goTime(c.startedAt - 300, `${c.id}/created`, epoch),
    Path: path ?? '',
    Args: args,
    State: {
      Status: 'running',
      Running: true,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: pid,
      ExitCode: 0,
      Error: '',
      StartedAt: goTime(c.startedAt, `${c.id}/started`, epoch),
      FinishedAt: '0001-01-01T00:00:00Z',
    },
    Image: imageId,
    ResolvConfPath:
      sandbox && spec ? `/var/lib/docker/containers/${sandbox.fullId}/resolv.conf` : `${dir}/resolv.conf`,
    HostnamePath:
      sandbox && spec ? `/var/lib/docker/containers/${sandbox.fullId}/hostname` : `${dir}/hostname`,
    HostsPath: spec ? `/var/lib/kubelet/pods/${pod.metadata.uid}/etc-hosts` : `${dir}/hosts`,
    LogPath: '',
    Name: `/${c.name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      // The journald log driver keeps no log file (LogPath is empty); docker logs reads the journal.
      LogConfig: { Type: 'journald', Config: {} },
      // App containers join their sandbox's network namespace; the sandbox has none of docker's (CNI sets it up).
      NetworkMode: spec ? `container:${sandbox?.fullId ?? ''}` : hostNet ? 'host' : 'none',
      RestartPolicy: { Name: '', MaximumRetryCount: 0 },
      IpcMode: spec ? `container:${sandbox?.fullId ?? ''}` : '',
      PidMode: '',
      Privileged: spec?.name === 'calico-node' || spec?.name === 'kube-proxy',
      OomScoreAdj: spec ? 1000 : -998,
      CgroupParent: `kubepods-besteffort-pod${pod.metadata.uid.replace(/-/g, '_')}.slice`,
      ShmSize: 67108864,
    },
    Config: {
      Hostname: hostNet ? host : pod.metadata.name,
      Domainname: '',
      User: '0',
      Env: [...env, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...imageEnv],
      Cmd: args.length > 0 ? args : null,
      Image: spec ? c.image : profileOf(cluster.options.profile).addons.images.pause,
      WorkingDir: '',
      Entrypoint: path ? [path] : null,
      Labels: sorted,
    },
  };
}

/** Go's json.MarshalIndent with four spaces, as docker inspect prints; <, > and & escaped. */
function goJson(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

export function dockerInspect(
  io: CommandIO,
  args: readonly string[],
  pidOf: (c: NodeContainer) => number,
): void {
  const refs = args.filter((a) => !a.startsWith('-'));
  if (refs.length === 0) {
    io.err(
      '"docker inspect" requires at least 1 argument(s).\nSee \'docker inspect --help\'.\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nReturn low-level information on Docker objects',
    );
    io.exit(1);
    return;
  }
  const cluster = io.shell.world.cluster;
  const out: unknown[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const c = find(cluster, io.shell.host, ref);
    if (c) out.push(inspectOne(cluster, io.shell.host, c, pidOf(c)));
    else missing.push(ref);
  }
  // docker prints what it found, then what it did not.
  io.out(goJson(out));
  for (const ref of missing) io.err(`Error: No such object: ${ref}`);
  io.exit(missing.length > 0 ? 1 : 0);
}
