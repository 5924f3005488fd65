// etcdctl inside the etcd static pod (k8s.gcr.io/etcd:3.4.3-0). The book's scripts install
// kubeadm, kubelet, kubectl and docker on the hosts, never etcdctl: in a kubeadm cluster the
// client lives in the etcd image, reached with `kubectl exec -n kube-system etcd-m-k8s --
// etcdctl …`. 3.4 speaks the v3 API by default, so ETCDCTL_API=3 is no longer needed.
// What the member answers is etcdctl34.ts; snapshots are kept here (k8s-facts §5.2).
import type { CommandEntry, CommandIO } from '../command';
import { ok } from '../command';
import { etcdctl34 } from '../etcdctl34';
import { containerOf } from './containerShell';

/** A snapshot file holds a reference to a copy of etcd's data kept outside the text files. */
const SNAPSHOT = /^etcd-snapshot (\d+)\n$/;
const snapshots = new WeakMap<object, unknown[]>();
const CERTS = ['--cacert', '--cert', '--key'];

function words(argv: readonly string[]): { words: string[]; certs: boolean } {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
      seen.add(name);
      if (
        !a.includes('=') &&
        /^--(endpoints|cacert|cert|key|data-dir|name|dial-timeout|command-timeout)$/.test(a)
      )
        i++;
    } else if (!a.startsWith('-')) out.push(a);
  }
  return { words: out, certs: CERTS.every((c) => seen.has(c)) };
}

function print(io: CommandIO, out: readonly string[], err: readonly string[], code: number) {
  if (out.length > 0) io.out(out.join('\n'));
  for (const e of err) io.err(e);
  io.exit(code);
}

/** After `ms` of cluster time (etcdctl's dial and 5 s command timeouts), unless interrupted. */
function later(io: CommandIO, ms: number, fn: () => void) {
  if (ms <= 0) return fn();
  io.onInterrupt(io.shell.world.after(ms, fn));
}

function snapshot(io: CommandIO, argv: readonly string[]) {
  const { words: w, certs } = words(argv);
  const [, action, file] = w;
  const cluster = io.shell.world.cluster;
  if (action !== 'save' && action !== 'restore') return false;
  if (!file) {
    print(io, [], [`Error: snapshot ${action} expects one argument`], 1);
    return true;
  }
  const store = snapshots.get(cluster) ?? [];
  snapshots.set(cluster, store);
  const fs = io.shell.fs;
  const path = io.shell.resolve(file);
  if (action === 'save') {
    const snap = cluster.etcdSnapshot();
    // Without the client certificates the TLS handshake never succeeds: 5 s, then the deadline.
    if (!certs || snap === undefined) {
      later(io, 5000, () => print(io, [], ['Error: context deadline exceeded'], 1));
      return true;
    }
    store.push(snap);
    fs.write(path, `etcd-snapshot ${store.length - 1}\n`);
    later(io, 20, () => print(io, [`Snapshot saved at ${file}`], [], 0));
    return true;
  }
  // restore reads the file only, and needs no certificate: it talks to no member.
  const text = fs.read(path);
  if (text === undefined) {
    print(io, [], [`Error: stat ${file}: no such file or directory`], 1);
    return true;
  }
  const m = SNAPSHOT.exec(text);
  const snap = m ? store[Number(m[1])] : undefined;
  if (snap === undefined || !cluster.etcdRestore(snap)) {
    print(io, [], ['Error: snapshot file integrity check failed'], 1);
    return true;
  }
  io.exit(0);
  return true;
}

export const etcdctl: CommandEntry = {
  name: 'etcdctl',
  parse: (args) => ok(args),
  run(args, io) {
    const argv = args as readonly string[];
    if (!containerOf(io.shell)) {
      io.err('etcdctl: not in a container');
      return io.exit(1);
    }
    if (words(argv).words[0] === 'snapshot' && snapshot(io, argv)) return;
    const r = etcdctl34(io.shell.world.cluster, argv);
    later(io, r.afterMs, () => print(io, r.out, r.err, r.code));
  },
};
