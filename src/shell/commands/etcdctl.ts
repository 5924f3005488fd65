// etcdctl snapshot save|restore (k8s-facts §5.2): a copy of etcd's data kept in
// a file of this host, and put back into the running etcd.
import { defineCommand, fail, ok } from '../command';

/** Snapshots live outside the text files; the file holds a reference to one. */
const SNAPSHOT = /^etcd-snapshot (\d+)\n$/;
const snapshots = new WeakMap<object, unknown[]>();

interface Etcdctl {
  readonly action: 'save' | 'restore';
  readonly file: string;
}

export const etcdctl = defineCommand<Etcdctl>({
  name: 'etcdctl',
  parse(args) {
    const words: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (/^--(endpoints|cacert|cert|key|data-dir|name|initial-cluster|initial-advertise-peer-urls)$/.test(a))
        i++;
      else if (!a.startsWith('-')) words.push(a);
    }
    const [group, action, file] = words;
    if (group !== 'snapshot' || (action !== 'save' && action !== 'restore')) {
      return fail(
        group
          ? `Error: unknown command "${group}" for "etcdctl"`
          : 'NAME:\n\tetcdctl - A simple command line client for etcd3.',
        group ? 1 : 0,
      );
    }
    if (!file) return fail(`Error: snapshot ${action} expects one argument`);
    return ok({ action, file });
  },
  run({ action, file }, io) {
    const cluster = io.shell.world.cluster;
    const fs = io.shell.fs;
    const path = io.shell.resolve(file);
    const store = snapshots.get(cluster) ?? [];
    snapshots.set(cluster, store);
    if (action === 'save') {
      const snap = cluster.etcdSnapshot();
      if (snap === undefined) {
        // etcdctl's default command timeout is 5 s.
        io.onInterrupt(
          io.shell.world.after(5000, () => {
            io.err('Error: context deadline exceeded');
            io.exit(1);
          }),
        );
        return;
      }
      store.push(snap);
      fs.write(path, `etcd-snapshot ${store.length - 1}\n`);
      io.out(`Snapshot saved at ${file}`);
      return io.exit(0);
    }
    const text = fs.read(path);
    if (text === undefined) {
      io.err(`Error: stat ${file}: no such file or directory`);
      return io.exit(1);
    }
    const m = SNAPSHOT.exec(text);
    const snap = m ? store[Number(m[1])] : undefined;
    if (snap === undefined || !cluster.etcdRestore(snap)) {
      io.err('Error: snapshot file integrity check failed');
      return io.exit(1);
    }
    io.exit(0);
  },
});
