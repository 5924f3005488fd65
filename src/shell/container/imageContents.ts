// What is inside an image, as far as a person exec'd into it can see: its programs,
// its root directory, its own environment and the prompt its shell prints. A data
// table per kind of image (a second profile swaps it). Sources: the images' own
// Dockerfiles (docs/FACTS-containers.md, kubectl exec).
import type { ImageInfo } from '../../sim/images';

export interface ImageContents {
  /** Programs on the image's PATH, by their base name. */
  readonly programs: readonly string[];
  /** Shells the image has, and which of them `sh` is (dash on Debian, ash in busybox). */
  readonly shells: readonly string[];
  /** Entries of `/`. */
  readonly root: readonly string[];
  /** The image's ENV lines (docker puts them after the container's own). */
  readonly env: readonly string[];
  readonly osRelease?: string;
  /** busybox applets print their own usage and messages; Debian's are GNU coreutils. */
  readonly userland: 'gnu' | 'busybox';
  /**
   * busybox's nslookup: up to 1.28 it asks the libc resolver (search list, reverse names);
   * 1.29 rewrote it to send its own queries and print as BIND's nslookup does.
   */
  readonly nslookup?: 'libc' | 'own';
  /**
   * Directories of the node the lab's one pod of this image mounts (hostPath) with what
   * they hold when the container starts, and directories of its own data inside them.
   */
  readonly hostDirs?: readonly string[];
  readonly dataDirs?: readonly string[];
}

/** busybox tags whose nslookup is the libc one (the Kubernetes docs' DNS debugging image is 1.28). */
const LIBC_NSLOOKUP_TAGS = ['1.28'];

const DEBIAN_ROOT = [
  'bin',
  'boot',
  'dev',
  'docker-entrypoint.d',
  'docker-entrypoint.sh',
  'etc',
  'home',
  'lib',
  'lib64',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];

/** njs shipped with each nginx image (nginxinc/docker-nginx Dockerfiles). */
const njs: Record<string, string> = { '1.19.0': '0.4.1', '1.18.0': '0.4.0' };

const BASICS = [
  'cat',
  'ls',
  'env',
  'echo',
  'hostname',
  'true',
  'false',
  'pwd',
  'id',
  'whoami',
  'sleep',
  'grep',
  'head',
  'tail',
  'wc',
  'date',
  'printenv',
  'clear',
];

/** What `image` holds; undefined for the control plane's images, which have only their binary. */
export function contentsOf(image: ImageInfo | undefined): ImageContents | undefined {
  if (!image) return undefined;
  if (image.kind === 'busybox')
    return {
      programs: [...BASICS, 'sh', 'ps', 'wget', 'nslookup', 'ping', 'uname'],
      shells: ['sh'],
      root: ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'],
      env: [],
      userland: 'busybox',
      nslookup: LIBC_NSLOOKUP_TAGS.includes(image.tag) ? 'libc' : 'own',
    };
  // kubeadm's etcd image, k8s.gcr.io's (1.18) or registry.k8s.io's (1.36). The 1.36 lab keeps
  // 3.4's contents and etcdctl: etcd 3.6's image is distroless (no sh, no ls) and its etcdctl
  // left snapshot restore to etcdutl (docs/FACTS-profiles.md, not done).
  if (/^(k8s\.gcr\.io|registry\.k8s\.io)\/etcd$/.test(image.repository))
    // Built FROM busybox with etcd's own binaries in /usr/local/bin (cluster/images/etcd; the
    // base of 3.4.3-0 exactly: UNVERIFIED). The book's lab has etcdctl only here.
    return {
      programs: [...BASICS, 'sh', 'ps', 'etcd', 'etcdctl'],
      shells: ['sh'],
      root: ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'],
      env: [],
      userland: 'busybox',
      // kubeadm's etcd.yaml mounts etcd-certs and etcd-data from m-k8s; etcd keeps its
      // data under member/ (snap/ and wal/).
      hostDirs: ['/etc/kubernetes/pki/etcd', '/var/lib/etcd'],
      dataDirs: ['/var/lib/etcd/member/snap', '/var/lib/etcd/member/wal'],
    };
  if (image.kind === 'nginx' && image.tag.includes('alpine')) {
    const v = image.nginxVersion ?? '';
    // Alpine: busybox's applets and ash, no bash and no curl (UNVERIFIED beyond the base image).
    return {
      programs: [...BASICS, 'sh', 'ps', 'wget', 'nslookup', 'ping', 'uname', 'nginx'],
      shells: ['sh'],
      root: DEBIAN_ROOT.filter((d) => d !== 'boot' && d !== 'lib64'),
      env: [`NGINX_VERSION=${v}`, `NJS_VERSION=${njs[v] ?? '0.4.1'}`, 'PKG_RELEASE=1'],
      userland: 'busybox',
      nslookup: 'own',
    };
  }
  if (image.kind === 'nginx' || image.kind === 'echo-hname') {
    const v = image.nginxVersion ?? '';
    return {
      // Debian buster slim with nginx and curl; the Dockerfile installs no procps, so no ps.
      programs: [...BASICS, 'sh', 'bash', 'nginx', 'curl', 'uname'],
      shells: ['sh', 'bash'],
      root: DEBIAN_ROOT,
      env: [`NGINX_VERSION=${v}`, `NJS_VERSION=${njs[v] ?? '0.4.1'}`, 'PKG_RELEASE=1~buster'],
      osRelease: [
        'PRETTY_NAME="Debian GNU/Linux 10 (buster)"',
        'NAME="Debian GNU/Linux"',
        'VERSION_ID="10"',
        'VERSION="10 (buster)"',
        'VERSION_CODENAME=buster',
        'ID=debian',
        'HOME_URL="https://www.debian.org/"',
        'SUPPORT_URL="https://www.debian.org/support"',
        'BUG_REPORT_URL="https://bugs.debian.org/"',
      ].join('\n'),
      userland: 'gnu',
    };
  }
  return undefined;
}

/**
 * The prompt of an interactive shell: Debian's bash reads /etc/bash.bashrc
 * (`\u@\h:\w\$ `); dash and busybox's ash print their own (`# `, and ash's `\w \$ `).
 */
export function shellPrompt(
  shell: string,
  userland: 'gnu' | 'busybox',
  hostname: string,
  cwd: string,
): string {
  if (userland === 'busybox') return `${cwd} # `;
  if (shell === 'bash') return `root@${hostname}:${cwd}# `;
  return '# ';
}
