// The lab as the table tests drive it: a Session whose cluster remembers every list
// answer and when it came, the in-page kubectl's `get` beside the Table the API server
// would have answered it with (toTable), and kubectl's own rendering of that Table.
import { sortForList } from '../../shell/kubectl/printers';
import { Session } from '../../shell/session';
import { runAt, wait } from '../../shell/testing/drive';
import type { SimCluster } from '../../sim/api';
import { createCluster } from '../../sim/cluster';
import type { KubeObject, Resource } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { renderTable } from '../renderTable';
import type { JsonObject } from '../tables';
import { toTable } from '../tables';

export interface Seen {
  readonly req: ApiRequest;
  readonly items: readonly KubeObject[];
  readonly at: number;
}

/** What a watch saw: the objects it started from, then each change, with cluster times. */
export interface SeenWatch {
  readonly req: ApiRequest;
  start?: { readonly items: readonly KubeObject[]; readonly at: number };
  readonly events: {
    readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
    readonly object: KubeObject;
    readonly at: number;
  }[];
}

/** A Session whose cluster remembers every list answer and watch event, and when each came. */
export function recordingSession(seed = 7): { s: Session; seen: Seen[]; watches: SeenWatch[] } {
  const real = createCluster({ seed });
  const seen: Seen[] = [];
  const watches: SeenWatch[] = [];
  const cluster = new Proxy(real, {
    get(target, key) {
      if (key === 'watch')
        return ((host, req, onEvent, onEnd) => {
          const w: SeenWatch = { req, events: [] };
          watches.push(w);
          return target.watch(
            host,
            req,
            (e) => {
              if (e.type === 'start') {
                if (e.res.ok) w.start = { items: e.res.items ?? [], at: target.now };
              } else
                w.events.push({
                  type: e.type === 'added' ? 'ADDED' : e.type === 'modified' ? 'MODIFIED' : 'DELETED',
                  object: e.object,
                  at: target.now,
                });
              onEvent(e);
            },
            onEnd,
          );
        }) satisfies SimCluster['watch'];
      if (key === 'request')
        return ((host, req, onResponse) =>
          target.request(host, req, (res) => {
            if (res.ok && req.verb === 'list') seen.push({ req, items: res.items ?? [], at: target.now });
            onResponse(res);
          })) satisfies SimCluster['request'];
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { s: new Session({ seed, cluster }), seen, watches };
}

export interface Get {
  readonly resource: Resource;
  readonly args?: string;
  readonly wide?: boolean;
  readonly all?: boolean;
  readonly showLabels?: boolean;
  readonly labelColumns?: readonly string[];
}

export function commandOf(g: Get): string {
  return [
    `kubectl get ${g.resource}`,
    g.args,
    g.wide ? '-o wide' : undefined,
    g.all ? '-A' : undefined,
    g.showLabels ? '--show-labels' : undefined,
    ...(g.labelColumns ?? []).map((l) => `-L ${l}`),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Runs the in-page kubectl and returns its output with the Table the server would have answered. */
export function getBoth(
  s: Session,
  seen: Seen[],
  g: Get,
): { inPage: string; stderr: string; table: JsonObject } {
  seen.length = 0;
  const { stdout: inPage, stderr } = runAt(s, 'm-k8s', commandOf(g));
  const answer = seen.find((x) => x.req.resource === g.resource);
  if (!answer) throw new Error(`no list of ${g.resource} was answered`);
  // The lab's list order is etcd's (sortForList); componentstatuses come as their probes answer.
  const items = g.resource === 'componentstatuses' ? answer.items : sortForList(answer.items);
  const table = toTable(g.resource, items, { now: answer.at, resourceVersion: '12345' });
  return { inPage, stderr, table };
}

export function rendered(g: Get, table: JsonObject): string {
  return renderTable(table, {
    wide: g.wide,
    withNamespace: !!g.all && namespaced[g.resource],
    showLabels: g.showLabels,
    labelColumns: g.labelColumns,
  });
}

// The ready lab as the book leaves it, then the pods of chapter 3 in their states.
export function labWithPods(): ReturnType<typeof recordingSession> {
  const lab = recordingSession();
  const { s } = lab;
  runAt(s, 'm-k8s', 'kubectl create deployment web --image=nginx');
  runAt(s, 'm-k8s', 'kubectl scale deployment web --replicas=3');
  runAt(s, 'm-k8s', 'kubectl expose deployment web --port=80 --type=NodePort');
  runAt(s, 'm-k8s', 'kubectl label deployment web tier=front');
  runAt(s, 'm-k8s', 'kubectl run bad --image=nginx:nosuchtag');
  runAt(s, 'm-k8s', 'kubectl run busy --image=busybox');
  runAt(s, 'm-k8s', 'kubectl run once --image=busybox --restart=Never');
  runAt(s, 'm-k8s', 'kubectl run fail --image=busybox --restart=Never -- sh -c "exit 2"');
  wait(s, 40);
  runAt(s, 'm-k8s', 'kubectl run late --image=nginx');
  return lab;
}

export const everyResource: readonly Get[] = [
  { resource: 'pods' },
  { resource: 'pods', all: true },
  { resource: 'nodes' },
  { resource: 'deployments' },
  { resource: 'replicasets' },
  { resource: 'daemonsets', all: true },
  { resource: 'services' },
  { resource: 'endpoints' },
  { resource: 'events' },
  { resource: 'events', all: true },
  { resource: 'namespaces' },
  { resource: 'componentstatuses' },
  { resource: 'leases', args: '-n kube-node-lease' },
  { resource: 'configmaps', all: true },
];

export const variants = (g: Get): Get[] => [g, { ...g, wide: true }];
