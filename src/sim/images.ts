// The registry the lab pulls from (Docker Hub, k8s.gcr.io): the images the book
// and its students use, with their tags, sizes, entrypoints and commands. An image
// not listed here does not exist, and the pull fails as docker 1.13.1 says so.
// Sources and what could not be checked: docs/FACTS-containers.md.

import { sha256 } from './sha256';

export interface ImageRef {
  /** As written in the pod spec ("nginx", "nginx:1.16.0"). */
  readonly text: string;
  /** Repository without registry for Docker Hub ("nginx", "sysnet4admin/echo-hname", "k8s.gcr.io/pause"). */
  readonly repository: string;
  readonly tag: string;
}

/** What the image's main process does when it runs with its own command. */
export type ImageKind = 'nginx' | 'echo-hname' | 'busybox' | 'system';

export interface ImageInfo {
  readonly repository: string;
  readonly tag: string;
  /** docker images' IMAGE ID. */
  readonly id: string;
  readonly sizeMB: number;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly kind: ImageKind;
  /** nginx's version inside the image (`nginx -v`). */
  readonly nginxVersion?: string;
}

interface Repo {
  readonly kind: ImageKind;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** tag → [image id, size in MB, nginx version]. Tags that are aliases share an id. */
  readonly tags: Readonly<Record<string, readonly [string, number, string?]>>;
}

const NGINX_ENTRY = ['/docker-entrypoint.sh'];
const NGINX_CMD = ['nginx', '-g', 'daemon off;'];
// nginx before 1.19.0 had no entrypoint script (nginxinc/docker-nginx e36b4f5, 2020-05-26).
const OLD_NGINX: Omit<Repo, 'tags'> = { kind: 'nginx', entrypoint: [], cmd: NGINX_CMD };

// The lab's clock is July 2020: nginx:latest is then 1.19.0 (1.19.1 came out on 7 July).
const nginx1190: readonly [string, number, string] = ['2622e6cca7eb', 132, '1.19.0'];
const nginx1180: readonly [string, number, string] = ['8cf1bfb43ff5', 132, '1.18.0'];

const repos: Readonly<Record<string, Repo>> = {
  nginx: {
    kind: 'nginx',
    entrypoint: NGINX_ENTRY,
    cmd: NGINX_CMD,
    tags: {
      latest: nginx1190,
      mainline: nginx1190,
      '1.19': nginx1190,
      '1.19.0': nginx1190,
      stable: nginx1180,
      '1.18': nginx1180,
      '1.18.0': nginx1180,
      alpine: ['7d0cdcc60a96', 21.8, '1.19.0'],
    },
  },
  'nginx@old': {
    ...OLD_NGINX,
    tags: {
      '1.17.10': ['9beeba249f3e', 127, '1.17.10'],
      '1.17': ['9beeba249f3e', 127, '1.17.10'],
      '1.17.2': ['e445ab08b2be', 126, '1.17.2'],
      '1.16.1': ['dfcfd8e9a5d3', 127, '1.16.1'],
      '1.16.0': ['ae893c58d83f', 109, '1.16.0'],
      '1.15.12': ['53f3fd8007f7', 109, '1.15.12'],
    },
  },
  busybox: {
    kind: 'busybox',
    entrypoint: [],
    cmd: ['sh'],
    tags: {
      latest: ['6858809bf669', 1.23],
      '1.32': ['6858809bf669', 1.23],
      '1.32.0': ['6858809bf669', 1.23],
      '1.31': ['1c35c4412082', 1.22],
      '1.31.1': ['1c35c4412082', 1.22],
      '1.28': ['8c811b4aec35', 1.15],
    },
  },
  'sysnet4admin/echo-hname': {
    kind: 'echo-hname',
    entrypoint: NGINX_ENTRY,
    cmd: NGINX_CMD,
    tags: { latest: ['f5b8e9d2a1c7', 132, '1.19.0'] },
  },
};

/** The control plane, kube-proxy, CoreDNS and Calico: long-running, each its own binary. */
const system: Readonly<Record<string, readonly [string, number, readonly string[]]>> = {
  'k8s.gcr.io/kube-apiserver:v1.18.4': ['408913fc1831', 173, ['kube-apiserver']],
  'k8s.gcr.io/kube-controller-manager:v1.18.4': ['c4b18ac1b2e4', 162, ['kube-controller-manager']],
  'k8s.gcr.io/kube-scheduler:v1.18.4': ['76c7bba4be39', 95.3, ['kube-scheduler']],
  'k8s.gcr.io/kube-proxy:v1.18.4': ['718fa77019f2', 117, ['/usr/local/bin/kube-proxy']],
  'k8s.gcr.io/etcd:3.4.3-0': ['303ce5db0e90', 288, ['etcd']],
  'k8s.gcr.io/coredns:1.6.7': ['67da37a9a360', 43.8, ['/coredns']],
  'k8s.gcr.io/pause:3.2': ['80d28bedfe5d', 0.683, ['/pause']],
  'calico/node:v3.9.4': ['1d6ce1a1ff4f', 195, ['start_runit']],
  'calico/cni:v3.9.4': ['fa0e8bdd5c7b', 160, ['/install-cni.sh']],
  'calico/kube-controllers:v3.9.4': ['a3c1d2b4e5f6', 50.6, ['/usr/bin/kube-controllers']],
  'calico/pod2daemon-flexvol:v3.9.4': ['b7e2c9a0d1f3', 9.78, ['/usr/local/bin/flexvol.sh']],
  // The second edition's (kubeadm 1.36, Calico 3.31.2 from quay.io). Their IDs and sizes were
  // not read from a registry: the IDs are stand-ins, the sizes about what containerd reports
  // for amd64 (unverified; docs/FACTS-profiles.md).
  'registry.k8s.io/kube-apiserver:v1.36.0': ['8d1b6e7f53a2', 30.1, ['kube-apiserver']],
  'registry.k8s.io/kube-controller-manager:v1.36.0': ['4c0e2a9d71b8', 27.4, ['kube-controller-manager']],
  'registry.k8s.io/kube-scheduler:v1.36.0': ['e5a7c3f19d40', 21.6, ['kube-scheduler']],
  'registry.k8s.io/kube-proxy:v1.36.0': ['2b9f4d8e6a17', 31.2, ['/usr/local/bin/kube-proxy']],
  'registry.k8s.io/etcd:3.6.8-0': ['a9c81f5e3b72', 23.3, ['etcd']],
  'registry.k8s.io/coredns/coredns:v1.14.2': ['f3d62b0a8c15', 22.4, ['/coredns']],
  'registry.k8s.io/pause:3.10.2': ['7e4a0c9b2d61', 0.32, ['/pause']],
  'quay.io/calico/node:v3.31.2': ['c18e5b7a4f93', 152, ['start_runit']],
  'quay.io/calico/cni:v3.31.2': ['5f2d9a3c7e08', 71.6, ['/opt/cni/bin/install']],
  'quay.io/calico/kube-controllers:v3.31.2': ['9a6b1e4d2c57', 35.8, ['/usr/bin/kube-controllers']],
};

/** Splits "repo[:tag]" as docker does: a colon after the last slash starts the tag. */
export function parseImageRef(text: string): ImageRef {
  const at = text.indexOf('@');
  const name = at >= 0 ? text.slice(0, at) : text;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  let repository = hasTag ? name.slice(0, colon) : name;
  repository = repository.replace(/^(docker\.io\/)?(library\/)?/, '');
  return { text, repository, tag: hasTag ? name.slice(colon + 1) : 'latest' };
}

/** How docker keys an image it holds: "nginx" and "nginx:latest" are one image. */
export function imageKey(text: string): string {
  const r = parseImageRef(text);
  return `${r.repository}:${r.tag}`;
}

/** A tag written or left out: `latest` (written or not) means the registry is asked every time. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return parseImageRef(image).tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export type Lookup =
  | { readonly ok: true; readonly image: ImageInfo }
  | { readonly ok: false; readonly reason: 'InvalidImageName' | 'ErrImagePull'; readonly message: string };

/** Docker's own name check: lower case, no spaces, no empty parts. */
function validName(text: string): boolean {
  return /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?$/.test(
    text.replace(/^[a-z0-9.-]+(:\d+)?\/(?=.*\/)/, ''),
  );
}

/** The kubelet's own check before any pull (1.18 applyDefaultImageTag). */
export function imageNameError(text: string): string | undefined {
  if (validName(text)) return undefined;
  return `Failed to apply default image tag "${text}": couldn't parse image reference "${text}": invalid reference format`;
}

/** What the registry answers to a pull of `text`. */
export function lookupImage(text: string): Lookup {
  const invalid = imageNameError(text);
  if (invalid) return { ok: false, reason: 'InvalidImageName', message: invalid };
  const ref = parseImageRef(text);
  const sys = system[`${ref.repository}:${ref.tag}`];
  if (sys) {
    const [id, sizeMB, entrypoint] = sys;
    return {
      ok: true,
      image: { repository: ref.repository, tag: ref.tag, id, sizeMB, entrypoint, cmd: [], kind: 'system' },
    };
  }
  const repo = repos[ref.repository];
  const entry =
    repo?.tags[ref.tag] ?? (ref.repository === 'nginx' ? repos['nginx@old']?.tags[ref.tag] : undefined);
  // CentOS's docker 1.13.1 names Docker Hub repositories docker.io/<name> in its messages.
  const hub = ref.repository.includes('.') ? ref.repository : `docker.io/${ref.repository}`;
  const known = !!repo || Object.keys(system).some((k) => k.startsWith(`${ref.repository}:`));
  if (!known)
    return {
      ok: false,
      reason: 'ErrImagePull',
      message: `rpc error: code = Unknown desc = repository ${hub} not found: does not exist or no pull access`,
    };
  if (!repo || !entry)
    return {
      ok: false,
      reason: 'ErrImagePull',
      message: `rpc error: code = Unknown desc = manifest for ${hub}:${ref.tag} not found`,
    };
  const old = !repo.tags[ref.tag];
  const [id, sizeMB, nginxVersion] = entry;
  return {
    ok: true,
    image: {
      repository: ref.repository,
      tag: ref.tag,
      id,
      sizeMB,
      entrypoint: old ? [] : repo.entrypoint,
      cmd: repo.cmd,
      kind: repo.kind,
      ...(nginxVersion ? { nginxVersion } : {}),
    },
  };
}

/**
 * Time to pull an image not on the machine: `nginxMs` is what nginx (132 MB) takes on
 * the lab's line this time; other images take time in proportion to their size, and at
 * least the registry's round trips.
 */
export function pullMs(sizeMB: number, nginxMs: number): number {
  return Math.max(800, Math.round((nginxMs * sizeMB) / 132));
}

/**
 * The runtime's RepoDigest of a pulled image, as the kubelet reports it in imageID. CentOS's
 * docker 1.13.1 names Docker Hub images docker.io/<name> behind `docker-pullable://`;
 * containerd's CRI plugin names them in full, docker.io/library/<name> for the official ones,
 * with no scheme. The real digests are not in the lab's sources: the digest is derived from
 * the image's name and tag (stable, 64 hex digits, not the registry's).
 */
export function imageIdOf(text: string, runtime: 'docker' | 'containerd' = 'docker'): string {
  const r = parseImageRef(text);
  const digest = Array.from(sha256(`${r.repository}:${r.tag}`), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
  return `${runtime === 'docker' ? 'docker-pullable://' : ''}${repositoryOf(r.repository, runtime)}@sha256:${digest}`;
}

/**
 * The image a container status names: the pod spec's text under docker (as the lab's 1.18
 * has it), containerd's normalized reference with its tag (docker.io/library/nginx:latest),
 * as real containerd pods report it.
 */
export function statusImageOf(text: string, runtime: 'docker' | 'containerd' = 'docker'): string {
  if (runtime === 'docker') return text;
  const r = parseImageRef(text);
  return `${repositoryOf(r.repository, runtime)}:${r.tag}`;
}

/** The repository as the runtime names it: a registry's host first, Docker Hub's as docker.io/…. */
function repositoryOf(repository: string, runtime: 'docker' | 'containerd'): string {
  if (repository.includes('.') && repository.includes('/')) return repository;
  if (runtime === 'containerd' && !repository.includes('/')) return `docker.io/library/${repository}`;
  return `docker.io/${repository}`;
}

export interface NodeImage {
  readonly names: readonly string[];
  readonly sizeBytes: number;
}

/** The kubelet's nodeStatusMaxImages and MaxNamesPerImageInNodeStatus. */
const MAX_NODE_IMAGES = 50;
const MAX_NAMES_PER_IMAGE = 5;

/**
 * A node's status.images from the images its docker holds (keys as imageKey gives them):
 * one entry per image ID, its RepoDigests then its RepoTags (at most five names), the
 * largest first, at most 50 (setters.go Images over the image manager's list, sorted by
 * size). sizeBytes is the size `docker images` prints here, in bytes: the lab knows sizes
 * only to the digits docker shows, not the registry's byte counts.
 */
export function nodeImages(keys: Iterable<string>, runtime: 'docker' | 'containerd' = 'docker'): NodeImage[] {
  const list = [...keys];
  const text = `${runtime}\n${list.join('\n')}`;
  const cached = nodeImagesCache.get(text);
  if (cached) return cached;
  const images = imagesOf(list, runtime);
  // The kubelet asks every 10 s for what rarely changes: one answer per list of images.
  if (nodeImagesCache.size > 256) nodeImagesCache.clear();
  nodeImagesCache.set(text, images);
  return images;
}

const nodeImagesCache = new Map<string, NodeImage[]>();

function imagesOf(keys: readonly string[], runtime: 'docker' | 'containerd'): NodeImage[] {
  const byId = new Map<string, { digests: string[]; tags: string[]; sizeBytes: number }>();
  for (const key of keys) {
    const found = lookupImage(key);
    if (!found.ok) continue;
    const { id, sizeMB } = found.image;
    const entry = byId.get(id) ?? { digests: [], tags: [], sizeBytes: Math.round(sizeMB * 1_000_000) };
    byId.set(id, entry);
    const digest = imageIdOf(key, runtime).replace('docker-pullable://', '');
    const repo = digest.slice(0, digest.indexOf('@'));
    if (!entry.digests.some((d) => d.startsWith(`${repo}@`))) entry.digests.push(digest);
    entry.tags.push(`${repo}:${parseImageRef(key).tag}`);
  }
  return [...byId.values()]
    .map((e) => ({ names: [...e.digests, ...e.tags].slice(0, MAX_NAMES_PER_IMAGE), sizeBytes: e.sizeBytes }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes)
    .slice(0, MAX_NODE_IMAGES);
}
