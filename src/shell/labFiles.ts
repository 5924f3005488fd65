// The files of the book's lab as they sit on each host. Only files whose contents
// are known are here: the book repository's ch3 files (bookFiles.ts, byte for byte),
// /etc files from the Vagrant provisioning (k8s-facts §1.1).

import type { Profile } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import { BOOK_FILES } from './bookFiles';
import type { FileSystem } from './fs';

export { BOOK_FILES };

export const HOME = '/root';
export const BOOK_REPO = `${HOME}/_Book_k8sInfra`;
export const ADMIN_CONF = '/etc/kubernetes/admin.conf';
export const MANIFESTS_DIR = '/etc/kubernetes/manifests';
export const CALICO_URL =
  'https://raw.githubusercontent.com/sysnet4admin/IaC/master/manifests/172.16_net_calico.yaml';

/** ch3/3.1.6/nginx-pod.yaml [BK-N], exact bytes. */
export const NGINX_POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
spec:
  containers:
  - name: container-name
    image: nginx
`;

const RESOLV_CONF = `nameserver 1.1.1.1 #cloudflare DNS
nameserver 8.8.8.8 #Google DNS
`;

const K8S_SYSCTL = `net.bridge.bridge-nf-call-ip6tables = 1
net.bridge.bridge-nf-call-iptables = 1
`;

/** A kubeconfig whose user is `name`, pointing at the lab's API server. */
export function kubeconfig(user: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://192.168.1.10:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${user}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
kind: Config
preferences: {}
users:
- name: ${user}
  user:
    client-certificate-data: REDACTED
    client-key-data: REDACTED
`;
}

/** What `kubeadm init` leaves on the master. */
export function writeControlPlaneFiles(fs: FileSystem, master = 'm-k8s'): void {
  fs.write(ADMIN_CONF, kubeconfig('kubernetes-admin'));
  fs.write('/etc/kubernetes/kubelet.conf', kubeconfig(`system:node:${master}`));
  for (const m of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    fs.write(
      `${MANIFESTS_DIR}/${m}.yaml`,
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${m}\n  namespace: kube-system\n`,
    );
  }
  for (const f of ['ca.crt', 'ca.key', 'etcd/ca.crt', 'etcd/server.crt', 'etcd/server.key']) {
    fs.write(`/etc/kubernetes/pki/${f}`, '-----BEGIN-----\n-----END-----\n');
  }
}

/** What `kubeadm join` leaves on a worker. */
export function writeWorkerFiles(fs: FileSystem, host: string): void {
  fs.write('/etc/kubernetes/kubelet.conf', kubeconfig(`system:node:${host}`));
  fs.write('/etc/kubernetes/pki/ca.crt', '-----BEGIN-----\n-----END-----\n');
  fs.mkdirs(MANIFESTS_DIR);
}

/** The files every host has after the Vagrant provisioning (before kubeadm). */
export function writeBaseFiles(
  fs: FileSystem,
  host: string,
  master: boolean,
  profile: Profile = profileOf(undefined),
): void {
  fs.mkdirs(HOME);
  fs.mkdirs('/tmp');
  fs.write('/etc/hosts', profile.baseFiles['/etc/hosts'] ?? '');
  fs.write('/etc/resolv.conf', RESOLV_CONF);
  fs.write('/etc/sysctl.d/k8s.conf', K8S_SYSCTL);
  fs.write('/etc/hostname', `${host}\n`);
  for (const [path, text] of Object.entries(profile.baseFiles))
    if (path !== '/etc/hosts') fs.write(path, text);
  if (master) {
    for (const f of BOOK_FILES) fs.write(`${BOOK_REPO}/ch3/${f.path}`, f.text);
    for (const [path, text] of Object.entries(profile.bookRepoFiles)) fs.write(`${BOOK_REPO}/${path}`, text);
  }
}
