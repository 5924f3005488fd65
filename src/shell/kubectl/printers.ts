// kubectl get's tables (the 1.18 columns), one pure function per resource. Cells
// are joined with tabs and aligned by the tabwriter, as kubectl's printer does.
import type {
  ComponentStatus,
  ConfigMap,
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
  /** RESTARTS as `1 (5m ago)`, as the API server prints it since 1.22 (the lab's profile). */
  readonly restartsWithAge?: boolean;
}

/**
 * One column as the 1.18 API server declares it (pkg/printers/internalversion/printers.go):
 * its name as the Table carries it (kubectl prints it in capitals), its type, `name` format
 * for the object's name, and priority 1 for the columns only `-o wide` shows. The server's
 * descriptions are in src/api/columnDocs.ts.
 */
export interface PrintColumn {
  readonly name: string;
  readonly type: 'string' | 'integer';
  readonly format?: 'name';
  readonly priority?: 1;
}

/** A cell as the server types it: Go's int64 cells are numbers, the rest strings. */
export type Cell = string | number;

interface Printer<T> {
  readonly columns: readonly PrintColumn[];
  /** Every column's cell: the server always prints wide (GenerateOptions{Wide: true}). */
  cells(o: T, now: number, opts?: CellOptions): Cell[];
}

/** What a version of the API server's printers does differently. */
export interface CellOptions {
  readonly restartsWithAge?: boolean;
}

/**
 * printers.go since 1.22: the count, then the age of the latest last termination among the
 * containers that restarted, `1 (5m ago)`.
 */
function restartsCell(p: Pod, now: number, withAge: boolean | undefined): Cell {
  const n = podRestarts(p);
  if (!withAge || n === 0) return n;
  let last: number | undefined;
  for (const c of p.status.containerStatuses) {
    const at = c.lastState && 'terminated' in c.lastState ? c.lastState.terminated.finishedAt : undefined;
    if (at !== undefined && (last === undefined || at > last)) last = at;
  }
  return last === undefined ? n : `${n} (${age(now, last)} ago)`;
}

const none = '<none>';

const nameColumn: PrintColumn = { name: 'Name', type: 'string', format: 'name' };
const ageColumn: PrintColumn = { name: 'Age', type: 'string' };
const str = (name: string, priority?: 1): PrintColumn => ({
  name,
  type: 'string',
  ...(priority ? { priority } : {}),
});
const int = (name: string): PrintColumn => ({ name, type: 'integer' });

/** metav1.FormatLabelSelector / labels.FormatLabels: `k=v` sorted by key, `<none>` when empty. */
function selectorText(sel: Readonly<Record<string, string>> | undefined): string {
  return labelsText(sel);
}

function labelsText(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0 ? none : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** layoutContainerCells: names and images, each comma-joined. */
function containersOf(o: Deployment | ReplicaSet | DaemonSet): [string, string] {
  const cs = o.spec.template.containers;
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

/** printNode's STATUS: the Ready condition (Ready/NotReady, Unknown without one), then SchedulingDisabled. */
export function nodeStatus(n: Node): string {
  const ready = n.status.conditions.find((c) => c.type === 'Ready');
  const status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
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

const pods: Printer<Pod> = {
  columns: [
    nameColumn,
    str('Ready'),
    str('Status'),
    int('Restarts'),
    ageColumn,
    str('IP', 1),
    str('Node', 1),
    str('Nominated Node', 1),
    str('Readiness Gates', 1),
  ],
  cells: (p, now, opts) => [
    p.metadata.name,
    podReadyText(p),
    podStatusText(p),
    restartsCell(p, now, opts?.restartsWithAge),
    age(now, p.metadata.creationTimestamp),
    p.status.podIP ?? none,
    p.spec.nodeName ?? none,
    none,
    none,
  ],
};

const nodes: Printer<Node> = {
  columns: [
    nameColumn,
    str('Status'),
    str('Roles'),
    ageColumn,
    str('Version'),
    str('Internal-IP', 1),
    str('External-IP', 1),
    str('OS-Image', 1),
    str('Kernel-Version', 1),
    str('Container-Runtime', 1),
  ],
  cells: (n, now) => [
    n.metadata.name,
    nodeStatus(n),
    nodeRoles(n),
    age(now, n.metadata.creationTimestamp),
    n.status.nodeInfo.kubeletVersion,
    n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? none,
    none,
    n.status.nodeInfo.osImage || '<unknown>',
    n.status.nodeInfo.kernelVersion || '<unknown>',
    n.status.nodeInfo.containerRuntimeVersion || '<unknown>',
  ],
};

const workloadWide = [str('Containers', 1), str('Images', 1), str('Selector', 1)];

// printDeployment: READY is a string, UP-TO-DATE and AVAILABLE int64 cells in columns typed "string".
const deployments: Printer<Deployment> = {
  columns: [nameColumn, str('Ready'), str('Up-to-date'), str('Available'), ageColumn, ...workloadWide],
  cells: (d, now) => [
    d.metadata.name,
    `${d.status.readyReplicas}/${d.spec.replicas}`,
    d.status.updatedReplicas,
    d.status.availableReplicas,
    age(now, d.metadata.creationTimestamp),
    ...containersOf(d),
    selectorText(d.spec.selector),
  ],
};

const replicasets: Printer<ReplicaSet> = {
  columns: [nameColumn, int('Desired'), int('Current'), int('Ready'), ageColumn, ...workloadWide],
  cells: (r, now) => [
    r.metadata.name,
    r.spec.replicas,
    r.status.replicas,
    r.status.readyReplicas,
    age(now, r.metadata.creationTimestamp),
    ...containersOf(r),
    selectorText(r.spec.selector),
  ],
};

// The lab's DaemonSet status keeps desired and ready only: current and up-to-date are
// the desired count, available the ready one (no rolling update of a DaemonSet is simulated).
// Both of its DaemonSets (calico-node, kube-proxy) select nodes by kubernetes.io/os=linux.
const daemonsets: Printer<DaemonSet> = {
  columns: [
    nameColumn,
    int('Desired'),
    int('Current'),
    int('Ready'),
    int('Up-to-date'),
    int('Available'),
    str('Node Selector'),
    ageColumn,
    ...workloadWide,
  ],
  cells: (d, now) => [
    d.metadata.name,
    d.status.desiredNumberScheduled,
    d.status.desiredNumberScheduled,
    d.status.numberReady,
    d.status.desiredNumberScheduled,
    d.status.numberReady,
    'kubernetes.io/os=linux',
    age(now, d.metadata.creationTimestamp),
    ...containersOf(d),
    selectorText(d.spec.selector),
  ],
};

/** `80/TCP`, `80:31234/TCP` (kubectl's makePortString). */
export function servicePorts(s: Service): string {
  return (
    s.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',') || none
  );
}

const services: Printer<Service> = {
  columns: [
    nameColumn,
    str('Type'),
    str('Cluster-IP'),
    str('External-IP'),
    str('Port(s)'),
    ageColumn,
    str('Selector', 1),
  ],
  cells: (s, now) => [
    s.metadata.name,
    s.spec.type ?? 'ClusterIP',
    s.spec.clusterIP || none,
    s.spec.type === 'LoadBalancer' ? '<pending>' : none,
    servicePorts(s),
    age(now, s.metadata.creationTimestamp),
    selectorText(s.spec.selector),
  ],
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

const endpoints: Printer<Endpoints> = {
  columns: [nameColumn, str('Endpoints'), ageColumn],
  cells: (e, now) => [e.metadata.name, endpointsText(e), age(now, e.metadata.creationTimestamp)],
};

// The 1.18 API server's printEvent: LAST SEEN is the last time alone (describe's Age
// column is the one that says "x3 over 5m"); -o wide adds SUBOBJECT (involvedObject.fieldPath:
// `spec.containers{nginx}` for the kubelet's container events), SOURCE, FIRST SEEN, COUNT and NAME,
// which sit between the plain columns. COUNT is an int64 cell in a column typed "string".
const eventTarget = (e: KubeEvent) => `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
const events: Printer<KubeEvent> = {
  columns: [
    str('Last Seen'),
    str('Type'),
    str('Reason'),
    str('Object'),
    str('Subobject', 1),
    str('Source', 1),
    str('Message'),
    str('First Seen', 1),
    str('Count', 1),
    { ...nameColumn, priority: 1 },
  ],
  cells: (e, now) => [
    age(now, e.lastTimestamp),
    e.type,
    e.reason,
    eventTarget(e),
    e.involvedObject.fieldPath ?? '',
    e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component,
    e.message.trim(),
    age(now, e.firstTimestamp),
    e.count,
    e.metadata.name,
  ],
};

const namespaces: Printer<Namespace> = {
  columns: [nameColumn, str('Status'), ageColumn],
  cells: (n, now) => [n.metadata.name, n.status.phase, age(now, n.metadata.creationTimestamp)],
};

/** pkg/printers/internalversion printComponentStatus: the Healthy condition, else Unknown. */
const componentstatuses: Printer<ComponentStatus> = {
  columns: [nameColumn, str('Status'), str('Message'), str('Error')],
  cells: (c) => {
    const healthy = c.conditions.find((x) => x.type === 'Healthy');
    const status = !healthy ? 'Unknown' : healthy.status === 'True' ? 'Healthy' : 'Unhealthy';
    return [c.metadata.name, status, healthy?.message ?? '', healthy?.error ?? ''];
  },
};

/** printLease: NAME, HOLDER (spec.holderIdentity, empty when unset), AGE; no wide columns. */
const leases: Printer<Lease> = {
  columns: [nameColumn, str('Holder'), ageColumn],
  cells: (l, now) => [l.metadata.name, l.spec.holderIdentity ?? '', age(now, l.metadata.creationTimestamp)],
};

/** printConfigMap: NAME, DATA (the keys of data and binaryData together, an int64 cell), AGE. */
const configmaps: Printer<ConfigMap> = {
  columns: [nameColumn, str('Data'), ageColumn],
  cells: (c, now) => [
    c.metadata.name,
    Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length,
    age(now, c.metadata.creationTimestamp),
  ],
};

const printers: Record<Resource, Printer<never>> = {
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
  configmaps,
};

/** The columns the API server declares for `resource`, wide ones included, in its order. */
export function columnsOf(resource: Resource): readonly PrintColumn[] {
  return printers[resource].columns;
}

/** One object's cells for every column of columnsOf(resource), as the server computes them at `now`. */
export function cellsOf(resource: Resource, o: KubeObject, now: number, opts?: CellOptions): Cell[] {
  return (printers[resource] as unknown as Printer<KubeObject>).cells(o, now, opts);
}

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

/**
 * The header and the rows' cells, not yet aligned, as kubectl prints the server's Table
 * (cli-runtime printTable, decorateTable): the priority-1 columns only with `-o wide`,
 * NAMESPACE first with -A, the -L columns and LABELS last. `items` are all of `resource`'s kind.
 */
export function tableCells(
  resource: Resource,
  items: readonly KubeObject[],
  opts: PrintOptions,
): { header: string[]; rows: string[][] } {
  const columns = columnsOf(resource);
  const shown = columns.map((c) => opts.wide || !c.priority);
  const ns = opts.withNamespace && resource !== 'nodes';
  const header = [
    ...(ns ? ['NAMESPACE'] : []),
    ...columns.filter((_, i) => shown[i]).map((c) => c.name.toUpperCase()),
    ...(opts.labelColumns ?? []).map((l) => (l.split('/').pop() ?? l).toUpperCase()),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
  const rows = items.map((o) => [
    ...(ns ? [o.metadata.namespace ?? ''] : []),
    ...cellsOf(resource, o, opts.now, opts)
      .filter((_, i) => shown[i])
      .map(String),
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
