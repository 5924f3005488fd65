// The shell inside a container (kubectl exec -it POD -- sh|bash): the terminal's
// host runs kubectl, whose stream carries every line to a process in the
// container. What that process finds is the container's own world: the pod's
// hostname, the kubelet's /etc/hosts and /etc/resolv.conf, the image's files and
// programs, the environment docker and the kubelet gave the container.
import type { ImageInfo } from '../../sim/images';
import type { Pod } from '../../sim/objects';
import type { CommandIO, HostShell, ShellWorld } from '../command';
import { FileSystem } from '../fs';
import type { InnerShell, Job } from '../job';
import { Shell } from '../shell';
import { containerCommands } from './containerCommands';
import { containerEnv } from './containerEnv';
import type { ImageContents } from './imageContents';
import { shellPrompt } from './imageContents';

/** Which container a shell is in, and the process kubectl started there. */
export interface ContainerTarget {
  readonly pod: Pod;
  readonly container: string;
  readonly image: ImageInfo;
  readonly contents: ImageContents;
  /** The program kubectl ran (`sh`, `bash`); undefined for a one-shot command. */
  readonly shell?: string;
  /** kubectl -t: the process has a terminal (prompt, TERM, ls in columns). */
  readonly tty: boolean;
  /** The shell kubectl started at the terminal: its exit status is kubectl's to report. */
  readonly top?: boolean;
  /**
   * kubectl run -it: the terminal is attached to the container's own process (PID 1), and
   * kubectl has more to do when it ends (attach's resume hint, --rm's delete).
   */
  readonly attached?: { readonly onEnd: (io: CommandIO) => void };
}

/** A pod on the host's network (static pods, kube-proxy, calico-node) is named as its node. */
export function podHostname(pod: Pod): string {
  return pod.spec.hostNetwork ? (pod.spec.nodeName ?? pod.metadata.name) : pod.metadata.name;
}

/**
 * The files the kubelet gives a pod: its own /etc/hosts and, for dnsPolicy ClusterFirst,
 * /etc/resolv.conf on CoreDNS. A pod on the host's network gets the node's files instead
 * (ClusterFirst falls back to Default there).
 */
function podFiles(pod: Pod, world: ShellWorld): Record<string, string> {
  const name = pod.metadata.name;
  if (pod.spec.hostNetwork) {
    const node = world.shellOf(pod.spec.nodeName ?? '');
    return {
      '/etc/hostname': podHostname(pod),
      '/etc/resolv.conf': (node?.fs.read('/etc/resolv.conf') ?? '').replace(/\n$/, ''),
      '/etc/hosts': (node?.fs.read('/etc/hosts') ?? '').replace(/\n$/, ''),
    };
  }
  return {
    '/etc/hostname': name,
    '/etc/resolv.conf': [
      'nameserver 10.96.0.10',
      `search ${pod.metadata.namespace ?? 'default'}.svc.cluster.local svc.cluster.local cluster.local`,
      'options ndots:5',
    ].join('\n'),
    '/etc/hosts': [
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
      `${pod.status.podIP ?? ''}\t${name}`,
    ].join('\n'),
  };
}

/**
 * A hostPath volume shows the node's files. Copied when the container's files are first
 * made: what either side writes later stays on that side (the lab keeps no shared mount).
 */
function mountHostDirs(fs: FileSystem, node: FileSystem | undefined, contents: ImageContents) {
  for (const dir of contents.hostDirs ?? []) {
    fs.mkdirs(dir);
    for (const name of node?.list(dir) ?? []) {
      const text = node?.read(`${dir}/${name}`);
      if (text !== undefined) fs.write(`${dir}/${name}`, text);
    }
  }
  for (const dir of contents.dataDirs ?? []) fs.mkdirs(dir);
}

const byShell = new WeakMap<HostShell, ContainerShell>();

/** Each container's files, kept across exec sessions as docker keeps its writable layer. */
const layers = new WeakMap<object, Map<string, FileSystem>>();

function layerOf(world: ShellWorld, target: ContainerTarget): { fs: FileSystem; fresh: boolean } {
  const st = target.pod.status.containerStatuses.find((c) => c.name === target.container);
  const key = `${target.pod.metadata.uid}/${st?.containerID ?? target.container}`;
  const all = layers.get(world.cluster) ?? new Map<string, FileSystem>();
  layers.set(world.cluster, all);
  const had = all.get(key);
  if (had) return { fs: had, fresh: false };
  const fs = new FileSystem();
  all.set(key, fs);
  return { fs, fresh: true };
}

/** The container a command runs in, if its shell is a container's. */
export function containerOf(shell: HostShell): ContainerShell | undefined {
  return byShell.get(shell);
}

export class ContainerShell implements InnerShell {
  /** The runner (pipes, &&, redirections), with the container's programs and files. */
  readonly shell: Shell;

  constructor(
    host: string,
    readonly world: ShellWorld,
    readonly target: ContainerTarget,
  ) {
    const layer = layerOf(world, target);
    this.shell = new Shell(host, world, containerCommands, {
      prompt: () => this.prompt(),
      program: (name, io) => this.program(name, io),
      fs: layer.fs,
    });
    byShell.set(this.shell, this);
    const sh = this.shell;
    sh.cwd = '/';
    sh.vars.clear();
    for (const line of containerEnv(world.cluster, target)) {
      const i = line.indexOf('=');
      sh.vars.set(line.slice(0, i), line.slice(i + 1));
    }
    if (layer.fresh) {
      for (const d of target.contents.root) sh.fs.mkdirs(`/${d}`);
      for (const [path, text] of Object.entries(podFiles(target.pod, world))) sh.fs.write(path, text);
      if (target.contents.osRelease) sh.fs.write('/etc/os-release', target.contents.osRelease);
      mountHostDirs(sh.fs, world.shellOf(target.pod.spec.nodeName ?? '')?.fs, target.contents);
    }
  }

  /** The image's programs and the shell's builtins, for Tab. */
  get programs(): readonly string[] {
    return [...this.target.contents.programs, 'cd', 'exit'];
  }

  get host(): string {
    return this.shell.host;
  }

  get pod(): Pod {
    return this.target.pod;
  }

  /** The name this shell reports itself by in its messages (`bash: x: command not found`). */
  get shellName(): string {
    return this.target.shell ?? 'sh';
  }

  run(line: string): Job {
    return this.shell.run(line);
  }

  exec(words: readonly string[], io: CommandIO): void {
    this.shell.exec(words, io);
  }

  prompt(): string {
    if (!this.target.tty) return '';
    const home = this.shell.vars.get('HOME') ?? '/root';
    const cwd = this.shell.cwd;
    const dir = cwd === home ? '~' : cwd;
    return shellPrompt(this.shellName, this.target.contents.userland, podHostname(this.pod), dir);
  }

  /**
   * Whether the container kubectl's stream reaches is still the one it entered: deleting
   * the pod or restarting the container kills every process in it, the exec'd shell too;
   * and whether the stream itself still runs.
   */
  status(): 'alive' | 'killed' | 'dropped' {
    const { pod, container } = this.target;
    const cluster = this.world.cluster;
    const now = cluster.pod(pod.metadata.namespace ?? 'default', pod.metadata.name);
    if (!now || now.metadata.uid !== pod.metadata.uid) return 'killed';
    const was = pod.status.containerStatuses.find((c) => c.name === container);
    const is = now.status.containerStatuses.find((c) => c.name === container);
    if (!is || !('running' in is.state) || is.containerID !== was?.containerID) return 'killed';
    // dockershim's streaming server lives in the kubelet: stopping it breaks the session.
    const node = cluster.host(pod.spec.nodeName ?? '');
    return node?.powered && node.services.kubelet === 'active' ? 'alive' : 'dropped';
  }

  /** /bin/ls is ls; a program the image lacks is refused as this shell says it. */
  private program(name: string, io: CommandIO): string | undefined {
    const base = name.replace(/^\/(usr\/)?s?bin\//, '');
    if (this.target.contents.programs.includes(base) || ['cd', 'exit'].includes(name)) return base;
    const sh = this.shellName;
    if (this.target.contents.userland === 'busybox') io.err(`${sh}: ${name}: not found`);
    else if (sh === 'bash') io.err(`bash: ${name}: command not found`);
    else io.err(`sh: 1: ${name}: not found`);
    io.exit(127);
    return undefined;
  }
}
