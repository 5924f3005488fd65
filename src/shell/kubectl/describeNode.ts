// kubectl describe node, as kubectl 1.18.4 writes it (pkg/describe/describe.go
// describeNode and describeNodeResource): the lines in that order, the conditions'
// cells with the trailing space 1.18's format string leaves, resources sorted by name,
// the pods table's empty column after Name, percentages truncated toward zero.

import type { KubeEvent, Lease, Node, Pod } from '../../sim/objects';
import type { DescribeVersion } from '../../sim/profiles';
import { bytes, cpuMillis } from '../../sim/quantity';
import { age } from '../humanDuration';
import { describeOptions, tabwrite } from '../tabwriter';
import { LAB_EPOCH_MS, rfc1123z } from '../wallClock';
import {
  annotationsMultiline,
  BOOK_DESCRIBE,
  describeText,
  eventLines,
  labelsMultiline,
} from './describeParts';
import { taintString } from './nodeVerbs';
import { nodeRoles } from './printers';

/** resource.Quantity's String() of a CPU sum: whole cores plainly, else millicores. */
export function cpuString(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** resource.Quantity's String() of a byte sum in the binary format: the largest exact suffix. */
export function bytesString(n: number): string {
  if (n === 0) return '0';
  for (const [suffix, size] of [
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const)
    if (n % size === 0) return `${n / size}${suffix}`;
  return String(n);
}

interface Usage {
  readonly cpuReq: number;
  readonly cpuLim: number;
  readonly memReq: number;
  readonly memLim: number;
}

/** resourcehelper.PodRequestsAndLimits: the containers' sums (a limit alone counts as the request). */
function podUsage(p: Pod): Usage {
  let cpuReq = 0;
  let cpuLim = 0;
  let memReq = 0;
  let memLim = 0;
  for (const c of p.spec.containers) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    cpuReq += cpuMillis(r.cpu ?? l.cpu);
    cpuLim += cpuMillis(l.cpu);
    memReq += bytes(r.memory ?? l.memory);
    memLim += bytes(l.memory);
  }
  return { cpuReq, cpuLim, memReq, memLim };
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * A quantity as describe prints it: decoded into a resource.Quantity, whose String() is
 * the canonical form (apimachinery quantity.go CanonicalizeBytes): a binary amount in the
 * largest suffix that divides it, so the kubelet's `2459648Ki` reads `2402Mi`. Found by
 * comparing with real kubectl 1.20.2 over `npm run api` (docs/FACTS-api.md).
 */
export function canonicalQuantity(q: string): string {
  const m = /^(\d+)(Ki|Mi|Gi|Ti|Pi|Ei)$/.exec(q);
  if (!m) return q;
  let n = BigInt(m[1] as string) * 1024n ** BigInt(binarySuffixes.indexOf(m[2] as string));
  if (n < 1024n) return String(n);
  let e = 0;
  while (n % 1024n === 0n && e < binarySuffixes.length - 1) {
    n /= 1024n;
    e++;
  }
  return `${n}${binarySuffixes[e]}`;
}

function resourceLines(title: string, list: Readonly<Record<string, string>>): string[] {
  const keys = Object.keys(list).sort();
  return keys.length === 0
    ? []
    : [`${title}:`, ...keys.map((k) => `  ${k}:\t${canonicalQuantity(list[k] ?? '')}`)];
}

function podsTable(n: Node, pods: readonly Pod[], now: number, v: DescribeVersion): string[] {
  const alloc = Object.keys(n.status.allocatable).length > 0 ? n.status.allocatable : n.status.capacity;
  const cpu = cpuMillis(alloc.cpu);
  const mem = bytes(alloc.memory);
  const lines = [
    `Non-terminated Pods:\t(${pods.length} in total)`,
    `  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\t${v.nodePodsAge}`,
    '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---',
  ];
  const total = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const u = podUsage(p);
    total.cpuReq += u.cpuReq;
    total.cpuLim += u.cpuLim;
    total.memReq += u.memReq;
    total.memLim += u.memLim;
    lines.push(
      `  ${p.metadata.namespace ?? 'default'}\t${p.metadata.name}\t\t${cpuString(u.cpuReq)} (${pct(u.cpuReq, cpu)}%)\t${cpuString(u.cpuLim)} (${pct(u.cpuLim, cpu)}%)\t${bytesString(u.memReq)} (${pct(u.memReq, mem)}%)\t${bytesString(u.memLim)} (${pct(u.memLim, mem)}%)\t${age(now, p.metadata.creationTimestamp)}`,
    );
  }
  lines.push(
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
    `  cpu\t${cpuString(total.cpuReq)} (${pct(total.cpuReq, cpu)}%)\t${cpuString(total.cpuLim)} (${pct(total.cpuLim, cpu)}%)`,
    `  memory\t${bytesString(total.memReq)} (${pct(total.memReq, mem)}%)\t${bytesString(total.memLim)} (${pct(total.memLim, mem)}%)`,
    // No pod of the lab asks for ephemeral storage or huge pages.
    '  ephemeral-storage\t0 (0%)\t0 (0%)',
    ...Object.keys(alloc)
      .filter((k) => k.startsWith('hugepages-'))
      .sort()
      .map((k) => `  ${k}\t0 (0%)\t0 (0%)`),
  );
  return lines;
}

/**
 * `lease` is the kubelet's Lease in kube-node-lease, or undefined when there is none (then
 * each of its lines says `<unset>`); 1.18's kubelet sets no acquireTime.
 */
export function describeNode(
  n: Node,
  lease: Lease | undefined,
  pods: readonly Pod[],
  events: readonly KubeEvent[],
  now: number,
  epochMs = LAB_EPOCH_MS,
  v: DescribeVersion = BOOK_DESCRIBE,
): string {
  const taints = [...n.spec.taints]
    .sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1))
    .map(taintString);
  const leaseTime = (t: number | undefined) => (t === undefined ? '<unset>' : rfc1123z(t, epochMs));
  const info = n.status.nodeInfo;
  const time = (t: number | undefined) => (t === undefined ? '' : rfc1123z(t, epochMs));
  const live = pods.filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  const lines = [
    `Name:\t${n.metadata.name}`,
    `Roles:\t${nodeRoles(n)}`,
    ...labelsMultiline('Labels', n.metadata.labels),
    ...annotationsMultiline('Annotations', n.metadata.annotations),
    `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp, epochMs)}`,
    ...(taints.length === 0
      ? ['Taints:\t<none>']
      : taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t}`)),
    `Unschedulable:\t${n.spec.unschedulable ? 'true' : 'false'}`,
    'Lease:',
    `  HolderIdentity:\t${lease?.spec.holderIdentity ?? '<unset>'}`,
    `  AcquireTime:\t${leaseTime(lease?.spec.acquireTime)}`,
    `  RenewTime:\t${leaseTime(lease?.spec.renewTime)}`,
    ...(n.status.conditions.length === 0
      ? []
      : [
          'Conditions:',
          '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
          '  ----\t------\t-----------------\t------------------\t------\t-------',
          ...n.status.conditions.map(
            (c) =>
              `  ${c.type} \t${c.status} \t${time(c.lastHeartbeatTime)} \t${time(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`,
          ),
        ]),
    'Addresses:',
    ...n.status.addresses.map((a) => `  ${a.type}:\t${a.address}`),
    ...resourceLines('Capacity', n.status.capacity),
    ...resourceLines('Allocatable', n.status.allocatable),
    'System Info:',
    `  Machine ID:\t${info.machineID}`,
    `  System UUID:\t${info.systemUUID}`,
    `  Boot ID:\t${info.bootID}`,
    `  Kernel Version:\t${info.kernelVersion}`,
    `  OS Image:\t${info.osImage}`,
    `  Operating System:\t${info.operatingSystem}`,
    `  Architecture:\t${info.architecture}`,
    `  Container Runtime Version:\t${info.containerRuntimeVersion}`,
    `  Kubelet Version:\t${info.kubeletVersion}`,
    `  Kube-Proxy Version:\t${info.kubeProxyVersion}`,
    ...(n.spec.podCIDR ? [`PodCIDR:\t${n.spec.podCIDR}`] : []),
    ...(n.spec.podCIDRs && n.spec.podCIDRs.length > 0 ? [`PodCIDRs:\t${n.spec.podCIDRs.join(',')}`] : []),
    ...podsTable(n, live, now, v),
    ...eventLines(events, now),
  ];
  return tabwrite(describeText(lines), describeOptions);
}
