// kubectl's discovery disk cache (cli-runtime config_flags.go: ~/.kube/cache/discovery/<host_port>,
// kept 6 h) and what a refused command prints while it holds nothing fresh: before the refusal,
// newer kubectl logs memcache.go's line each time discovery asks (the profile's
// kubectl.refusedDiscovery). With a fresh cache only the refusal is printed (seen with the real
// kubectl 1.33 against `npm run api -- --profile 1.36`: docs/FACTS-profiles.md).
import type { CommandIO, HostShell } from '../command';
import { klog } from '../host/logFormats';
import { labProfile } from '../labProfile';
import { labEpoch } from '../wallClock';
import { LAB_SERVER, refused } from './client';

const CACHE_TTL_MS = 6 * 3_600_000;

/**
 * How many times each verb asks discovery before it gives up, as the real kubectl 1.33 did with
 * a cold cache (its RESTMapper and the verb's own lookups). Verbs not listed ask five times.
 */
const ASKS: Readonly<Record<string, number>> = {
  logs: 4,
  exec: 4,
  cordon: 4,
  uncordon: 4,
  drain: 4,
  'port-forward': 4,
  taint: 2,
  explain: 2,
  run: 1,
  'api-resources': 1,
  version: 0,
  top: 0,
  'top node': 0,
  'top pod': 0,
};

/** When kubectl on each host last had an answer from each server. */
const answered = new WeakMap<HostShell, Map<string, number>>();

/** kubectl on this host reached `server` (any answer from the API server fills the cache). */
export function noteAnswer(shell: HostShell, server: string): void {
  const seen = answered.get(shell) ?? new Map<string, number>();
  answered.set(shell, seen);
  seen.set(server, shell.world.now());
}

function cacheFresh(shell: HostShell, server: string): boolean {
  const now = shell.world.now();
  const at = answered.get(shell)?.get(server);
  if (at !== undefined && now - at < CACHE_TTL_MS) return true;
  // The ready lab's provisioning ran kubectl on the master (kubectl apply of the network plugin).
  const cluster = shell.world.cluster;
  const host = cluster.host(shell.host);
  return (
    cluster.options.lab !== 'fresh' &&
    host?.role === 'master' &&
    server === LAB_SERVER &&
    now - host.bootedAt < CACHE_TTL_MS
  );
}

/**
 * The io a verb writes through: a refusal it prints is preceded by discovery's lines when the
 * profile has them and the cache is cold.
 */
export function withDiscoveryLog(io: CommandIO, verb: string, server: string): CommandIO {
  const log = labProfile(io.shell).kubectl.refusedDiscovery;
  if (!log) return io;
  const times = ASKS[verb] ?? ASKS[verb.split(' ')[0] as string] ?? 5;
  const line = refused(server);
  // A copy, not a child of io: a verb that spreads its io (exec's container io) keeps every stream.
  const wrapped: CommandIO = { ...io };
  wrapped.err = (text: string) => {
    if (times > 0 && text.endsWith(line) && !cacheFresh(io.shell, server)) {
      const url = `${server === 'localhost:8080' ? 'http' : 'https'}://${server}/api?timeout=32s`;
      // The lab's /etc/hosts names localhost 127.0.0.1 alone (IPv6 is off).
      const dial = `dial tcp ${server.replace(/^localhost:/, '127.0.0.1:')}: connect: connection refused`;
      const now = io.shell.world.now();
      const pid = 4100 + io.shell.history.length * 7;
      for (let i = 0; i < times; i++)
        io.err(
          `${klog('E', now + i, pid, log.where, 31 + i, labEpoch(io.shell.world.cluster))}${log.message(url, dial)}`,
        );
    }
    io.err(text);
  };
  return wrapped;
}
