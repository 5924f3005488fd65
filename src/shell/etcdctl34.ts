// etcdctl 3.4 as the etcd image kubeadm 1.18 runs (k8s.gcr.io/etcd:3.4.3-0) has it: the v3
// API is the default, the member listens on https://127.0.0.1:2379 with client certificates
// required (--client-cert-auth=true), so a command without --cacert/--cert/--key gets no
// answer before its 5 s timeout. The book never installs etcdctl on the hosts; this runs
// inside the etcd pod (kubectl exec -n kube-system etcd-m-k8s -- etcdctl …).
// Formats checked against Debian's etcdctl 3.4.23 (docs/FACTS-containers.md, "Hosts").
import type { SimCluster } from '../sim/api';
import { profileOf } from '../sim/profiles';

export interface EtcdctlResult {
  readonly out: readonly string[];
  readonly err: readonly string[];
  readonly code: number;
  /** How long etcdctl takes before it prints (a missing certificate waits for the timeout). */
  readonly afterMs: number;
}

/** The member's ID: etcd hashes its peer URLs and the cluster token (sha1, first 8 bytes). */
export const MEMBER_ID = '9754d4208fa9e54b';
const PEER = 'https://192.168.1.10:2380';
const CLIENT = 'https://192.168.1.10:2379';
const CERTS = ['--cacert', '--cert', '--key'] as const;

function flags(argv: readonly string[]): { words: string[]; opts: Map<string, string | true> } {
  const words: string[] = [];
  const opts = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--') && !(a.startsWith('-') && a.length === 2)) {
      words.push(a);
      continue;
    }
    const [name, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const takesValue = [
      '--endpoints',
      '--cacert',
      '--cert',
      '--key',
      '-w',
      '--write-out',
      '--dial-timeout',
      '--command-timeout',
    ];
    if (inline !== undefined) opts.set(name, inline);
    else if (takesValue.includes(name)) opts.set(name, argv[++i] ?? '');
    else opts.set(name, true);
  }
  return { words, opts };
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  // tablewriter centres the header and right-aligns numbers and booleans.
  const centre = (t: string, w: number) => {
    const left = Math.floor((w - t.length) / 2);
    return `${' '.repeat(left)}${t}${' '.repeat(w - t.length - left)}`;
  };
  const line = (cells: readonly string[], head: boolean) =>
    `|${cells.map((c, i) => ` ${head ? centre(c, widths[i] as number) : right.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)} `).join('|')}|`;
  return [rule, line(header, true), rule, ...rows.map((r) => line(r, false)), rule];
}

const usage = [
  'NAME:',
  '\tetcdctl - A simple command line client for etcd3.',
  '',
  'USAGE:',
  '\tetcdctl [flags]',
];

export function etcdctl34(cluster: SimCluster, argv: readonly string[]): EtcdctlResult {
  const { words, opts } = flags(argv);
  const [group, action, ...rest] = words;
  const done = (out: string[], err: string[] = [], code = 0, afterMs = 20): EtcdctlResult => ({
    out,
    err,
    code,
    afterMs,
  });
  if (!group) return done(usage);
  const etcdVersion = profileOf(cluster.options.profile).addons.etcdVersion;
  if (group === 'version')
    return done([
      `etcdctl version: ${etcdVersion}`,
      `API version: ${etcdVersion.split('.').slice(0, 2).join('.')}`,
    ]);
  const known = [
    'member',
    'endpoint',
    'get',
    'put',
    'del',
    'snapshot',
    'version',
    'watch',
    'alarm',
    'defrag',
  ];
  if (!known.includes(group))
    return done(
      [],
      [
        `Error: unknown command "${group}" for "etcdctl"`,
        "Run 'etcdctl --help' for usage.",
        `Error: unknown command "${group}" for "etcdctl"`,
      ],
      1,
      0,
    );
  if (CERTS.some((c) => !opts.has(c))) {
    // The TLS handshake fails without a client certificate; etcdctl retries until its timeout.
    return done([], ['Error: context deadline exceeded'], 1, 5_000);
  }
  const out = (opts.get('-w') ?? opts.get('--write-out') ?? 'simple') as string;
  if (group === 'member' && action === 'list') {
    // kubeadm names the member after the control-plane node (--name=<node>).
    const member = profileOf(cluster.options.profile).master.name;
    if (out === 'table')
      return done(
        table(
          ['ID', 'STATUS', 'NAME', 'PEER ADDRS', 'CLIENT ADDRS', 'IS LEARNER'],
          [[MEMBER_ID, 'started', member, PEER, CLIENT, 'false']],
          new Set([5]),
        ),
      );
    return done([`${MEMBER_ID}, started, ${member}, ${PEER}, ${CLIENT}, false`]);
  }
  const endpoint = String(opts.get('--endpoints') ?? '127.0.0.1:2379');
  if (group === 'endpoint' && action === 'health')
    return done([`${endpoint} is healthy: successfully committed proposal: took = 9.482316ms`]);
  if (group === 'endpoint' && action === 'status') {
    const rev = cluster.etcdRevision();
    const row = [
      endpoint,
      MEMBER_ID,
      etcdVersion,
      '3.1 MB',
      'true',
      'false',
      '2',
      String(rev + 412),
      String(rev + 412),
      '',
    ];
    if (out === 'table')
      return done(
        table(
          [
            'ENDPOINT',
            'ID',
            'VERSION',
            'DB SIZE',
            'IS LEADER',
            'IS LEARNER',
            'RAFT TERM',
            'RAFT INDEX',
            'RAFT APPLIED INDEX',
            'ERRORS',
          ],
          [row],
          new Set([2, 3, 4, 5, 6, 7, 8]),
        ),
      );
    return done([row.slice(0, 9).join(', ') + ', ']);
  }
  if (group === 'get' && action) {
    const prefix = opts.has('--prefix');
    const keys = cluster
      .etcdKeys()
      .map((k) => k.key)
      .filter((k) => (prefix ? k.startsWith(action) : k === action))
      .sort();
    if (opts.has('--keys-only')) return done(keys.flatMap((k) => [k, '']));
    return done(keys.flatMap((k) => [k, storedValue(cluster, k)]));
  }
  return done(
    [],
    [
      `Error: podscope: etcdctl ${[group, action, ...rest].filter(Boolean).join(' ')} is not simulated in this lab`,
    ],
    1,
  );
}

/** Kubernetes keeps its objects in etcd as protobuf; shown here as the object's JSON (see FACTS). */
function storedValue(cluster: SimCluster, key: string): string {
  const parts = key.split('/');
  const name = parts.at(-1);
  const ns = parts.length > 4 ? parts.at(-2) : undefined;
  const o = cluster
    .objects()
    .find((x) => x.metadata.name === name && (ns === undefined || x.metadata.namespace === ns));
  return o ? JSON.stringify(o) : '';
}
