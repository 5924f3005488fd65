// kubectl get's tables (the 1.18 columns), one pure function per resource. Cells
// are joined with tabs and aligned by the tabwriter, as kubectl's printer does.
import type {
  ComponentStatus,
  DaemonSet,
  Deployment,
  Endpoints,
  KubeEvent,
  KubeObject,
  Lease,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Resource,
  Service,
} from '../../sim/objects';
import { podReadyText, podRestarts, podStatusText } from '../../sim/podStatus';
import { age } from '../humanDuration';
import { table } from '../tabwriter';

export interface PrintOptions {
  readonly now: number;
  readonly wide: boolean;
  /** -A: a NAMESPACE column first. */
  readonly withNamespace: boolean;
  /** --no-headers: the header is not printed, so it does not widen the columns either. */
  readonly noHeaders?: boolean;
  /** --show-labels: a LABELS column last. */
  readonly showLabels?: boolean;
  /** -L key: one column per key, headed by the key's last path segment in capitals. */
  readonly labelColumns?: readonly string[];
}

type Row = string[];
type Columns<T> = {
  header: Row;
  wideHeader: Row;
  row(o: T, now: number): Row;
  wideRow(o: T): Row;
  /** A kind whose wide columns sit between its own (events) prints this table instead. */
  wide?: { header: Row; row(o: T, now: number): Row };
};

const none = '<none>';

function selectorText(sel: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(sel ?? {});
  return entries.length === 0 ? none : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

function labelsText(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0 ? none : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

function containersOf(o: Deployment | ReplicaSet | DaemonSet): Row {
  const cs = o.spec.template.containers;
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

export function nodeStatus(n: Node): string {
  const ready = n.status.conditions.find((c) => c.type === 'Ready');
  const status = ready?.status === 'True' ? 'Ready' : 'NotReady';
  return n.spec.unschedulable ? `${status},SchedulingDisabled` : status;
}

export function nodeRoles(n: Node): string {
  const prefix = 'node-role.kubernetes.io/';
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
    .sort();
  return roles.length === 0 ? none : roles.join(',');
}

const pods: Columns<Pod> = {
  header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeader: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (p, now) => [
    p.metadata.name,
    podReadyText(p),
    podStatusText(p),
    String(podRestarts(p)),
    age(now, p.metadata.creationTimestamp),
  ],
  wideRow: (p) => [p.status.podIP ?? none, p.spec.nodeName ?? none, none, none],
};

const nodes: Columns<Node> = {
  header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeader: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (n, now) => [
    n.metadata.name,
    nodeStatus(n),
    nodeRoles(n),
    age(now, n.metadata.creationTimestamp),
    n.status.nodeInfo.kubeletVersion,
  ],
  wideRow: (n) => [
    n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? none,
    none,
    n.status.nodeInfo.osImage,
    n.status.nodeInfo.kernelVersion,
    n.status.nodeInfo.containerRuntimeVersion,
  ],
};

const deployments: Columns<Deployment> = {
  header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => [
    d.metadata.name,
    `${d.status.readyReplicas}/${d.spec.replicas}`,
    String(d.status.updatedReplicas),
    String(d.status.availableReplicas),
    age(now, d.metadata.creationTimestamp),
  ],
  wideRow: (d) => [...containersOf(d), selectorText(d.spec.selector)],
};

const replicasets: Columns<ReplicaSet> = {
  header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (r, now) => [
    r.metadata.name,
    String(r.spec.replicas),
    String(r.status.replicas),
    String(r.status.readyReplicas),
    age(now, r.metadata.creationTimestamp),
  ],
  wideRow: (r) => [...containersOf(r), selectorText(r.spec.selector)],
};

const daemonsets: Columns<DaemonSet> = {
  header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => {
    const desired = String(d.status.desiredNumberScheduled);
    const ready = String(d.status.numberReady);
    return [
      d.metadata.name,
      desired,
      desired,
      ready,
      desired,
      ready,
      'kubernetes.io/os=linux',
      age(now, d.metadata.creationTimestamp),
    ];
  },
  wideRow: (d) => [...containersOf(d), selectorText(d.spec.selector)],
};

/** `80/TCP`, `80:31234/TCP` (kubectl's makePortString). */
export function servicePorts(s: Service): string {
  return (
    s.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',') || none
  );
}

const services: Columns<Service> = {
  header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeader: ['SELECTOR'],
  row: (s, now) => [
    s.metadata.name,
    s.spec.type ?? 'ClusterIP',
    s.spec.clusterIP || none,
    s.spec.type === 'LoadBalancer' ? '<pending>' : none,
    servicePorts(s),
    age(now, s.metadata.creationTimestamp),
  ],
  wideRow: (s) => [selectorText(s.spec.selector)],
};

/**
 * kubectl's formatEndpoints: `ip:port` for every port of every subset and every Ready
 * address, the first three shown and then ` + N more...`; no subsets is `<none>`, and
 * subsets with only not-ready addresses print an empty cell.
 */
export function endpointsText(e: Endpoints): string {
  if (e.subsets.length === 0) return none;
  const list: string[] = [];
  let count = 0;
  for (const ss of e.subsets) {
    const addrs = ss.addresses ?? [];
    const ports = ss.ports.length === 0 ? [undefined] : ss.ports;
    for (const port of ports)
      for (const a of addrs) {
        if (list.length < 3) list.push(port ? `${a.ip}:${port.port}` : a.ip);
        count++;
      }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

const endpoints: Columns<Endpoints> = {
  header: ['NAME', 'ENDPOINTS', 'AGE'],
  wideHeader: [],
  row: (e, now) => [e.metadata.name, endpointsText(e), age(now, e.metadata.creationTimestamp)],
  wideRow: () => [],
};

// The 1.18 API server's printEvent: LAST SEEN is the last time alone (describe's Age
// column is the one that says "x3 over 5m"); -o wide adds SUBOBJECT (involvedObject.fieldPath:
// `spec.containers{nginx}` for the kubelet's container events), SOURCE, FIRST SEEN, COUNT and NAME.
const eventTarget = (e: KubeEvent) => `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
const events: Columns<KubeEvent> = {
  header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeader: [],
  row: (e, now) => [age(now, e.lastTimestamp), e.type, e.reason, eventTarget(e), e.message.trim()],
  wideRow: () => [],
  wide: {
    header: [
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'SUBOBJECT',
      'SOURCE',
      'MESSAGE',
      'FIRST SEEN',
      'COUNT',
      'NAME',
    ],
    row: (e, now) => [
      age(now, e.lastTimestamp),
      e.type,
      e.reason,
      eventTarget(e),
      e.involvedObject.fieldPath ?? '',
      e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component,
      e.message.trim(),
      age(now, e.firstTimestamp),
      String(e.count),
      e.metadata.name,
    ],
  },
};

const namespaces: Columns<Namespace> = {
  header: ['NAME', 'STATUS', 'AGE'],
  wideHeader: [],
  row: (n, now) => [n.metadata.name, n.status.phase, age(now, n.metadata.creationTimestamp)],
  wideRow: () => [],
};

/** pkg/printers/internalversion printComponentStatus: the Healthy condition, else Unknown. */
const componentstatuses: Columns<ComponentStatus> = {
  header: ['NAME', 'STATUS', 'MESSAGE', 'ERROR'],
  wideHeader: [],
  row: (c) => {
    const healthy = c.conditions.find((x) => x.type === 'Healthy');
    const status = !healthy ? 'Unknown' : healthy.status === 'True' ? 'Healthy' : 'Unhealthy';
    return [c.metadata.name, status, healthy?.message ?? '', healthy?.error ?? ''];
  },
  wideRow: () => [],
};

/** printLease: NAME, HOLDER (spec.holderIdentity, empty when unset), AGE; no wide columns. */
const leases: Columns<Lease> = {
  header: ['NAME', 'HOLDER', 'AGE'],
  wideHeader: [],
  row: (l, now) => [l.metadata.name, l.spec.holderIdentity ?? '', age(now, l.metadata.creationTimestamp)],
  wideRow: () => [],
};

const columnsOf: Record<Resource, Columns<never>> = {
  pods,
  nodes,
  deployments,
  replicasets,
  daemonsets,
  services,
  endpoints,
  events,
  namespaces,
  componentstatuses,
  leases,
};

/** Rows as kubectl lists them: by namespace, then name (etcd's key order). */
export function sortForList(items: readonly KubeObject[]): KubeObject[] {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.kind === 'Event' ? '' : o.metadata.name}`;
  // Events in time order (numerically: the ready lab's setup events are before time 0).
  const time = (o: KubeObject) => (o.kind === 'Event' ? o.lastTimestamp : 0);
  return [...items].sort((a, b) =>
    key(a) < key(b)
      ? -1
      : key(a) > key(b)
        ? 1
        : time(a) - time(b) || (a.metadata.name < b.metadata.name ? -1 : 1),
  );
}

/** The header and the rows' cells, not yet aligned. `items` are all of `resource`'s kind. */
export function tableCells(
  resource: Resource,
  items: readonly KubeObject[],
  opts: PrintOptions,
): { header: string[]; rows: string[][] } {
  const cols = columnsOf[resource] as unknown as Columns<KubeObject>;
  const ns = opts.withNamespace && resource !== 'nodes';
  const wide = opts.wide ? cols.wide : undefined;
  const header = [
    ...(ns ? ['NAMESPACE'] : []),
    ...(wide ? wide.header : cols.header),
    ...(opts.wide ? cols.wideHeader : []),
    ...(opts.labelColumns ?? []).map((l) => (l.split('/').pop() ?? l).toUpperCase()),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
  const rows = items.map((o) => [
    ...(ns ? [o.metadata.namespace ?? ''] : []),
    ...(wide ? wide.row(o, opts.now) : cols.row(o, opts.now)),
    ...(opts.wide ? cols.wideRow(o) : []),
    ...(opts.labelColumns ?? []).map((l) => o.metadata.labels?.[l] ?? ''),
    ...(opts.showLabels ? [labelsText(o.metadata.labels)] : []),
  ]);
  return { header, rows };
}

/** The whole table, header included, aligned. `items` are all of `resource`'s kind. */
export function printTable(resource: Resource, items: readonly KubeObject[], opts: PrintOptions): string {
  const { header, rows } = tableCells(resource, items, opts);
  return table(opts.noHeaders ? rows : [header, ...rows]);
}

/** `-o name`: `pod/nginx-pod`. */
export function printNames(kind: string, items: readonly KubeObject[]): string {
  return items.map((o) => `${kind}/${o.metadata.name}`).join('\n');
}
