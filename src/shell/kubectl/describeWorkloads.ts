// kubectl describe deployment|replicaset|daemonset, as kubectl 1.18.4 lays them out
// (pkg/describe/describe.go describeDeployment, describeReplicaSet, describeDaemonSet).
import { templateMatches } from '../../sim/controllers/rollout';
import type { DaemonSet, Deployment, KubeEvent, Pod, ReplicaSet } from '../../sim/objects';
import type { DescribeVersion } from '../../sim/profiles';
import { describeOptions, tabwrite } from '../tabwriter';
import { LAB_EPOCH_MS, rfc1123z } from '../wallClock';
import { eventLines } from './describe';
import {
  annotationsMultiline,
  BOOK_DESCRIBE,
  describeText,
  labelsMultiline,
  podTemplateLines,
} from './describeParts';

/** labels.Selector.String(): sorted `k=v` joined by commas. */
const selectorText = (sel: Readonly<Record<string, string>>) =>
  Object.entries(sel)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** getPodStatusForController: the controller's pods by phase. */
function podsStatus(pods: readonly Pod[], uid: string): string {
  const mine = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid));
  const n = (phase: Pod['status']['phase']) => mine.filter((p) => p.status.phase === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

const rsList = (rss: readonly ReplicaSet[]) =>
  rss
    .map((rs) => `${rs.metadata.name} (${rs.status.replicas}/${rs.spec.replicas} replicas created)`)
    .join(', ') || '<none>';

/** describeDeployment's Conditions table: the stored conditions, in their order. */
function conditions(d: Deployment): string[] {
  const conds = d.status.conditions ?? [];
  if (conds.length === 0) return [];
  return [
    'Conditions:',
    '  Type\tStatus\tReason',
    '  ----\t------\t------',
    ...conds.map((c) => `  ${c.type} \t${c.status}\t${c.reason}`),
  ];
}

export function describeDeployment(
  d: Deployment,
  rss: readonly ReplicaSet[],
  events: readonly KubeEvent[],
  now: number,
  epochMs = LAB_EPOCH_MS,
  v: DescribeVersion = BOOK_DESCRIBE,
): string {
  const owned = rss.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid));
  const newRs = owned.find((rs) => templateMatches(rs, d));
  const old = owned.filter((rs) => rs !== newRs && rs.spec.replicas !== 0);
  const s = d.status;
  const lines = [
    `Name:\t${d.metadata.name}`,
    `Namespace:\t${d.metadata.namespace ?? 'default'}`,
    `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp, epochMs)}`,
    ...labelsMultiline('Labels', d.metadata.labels),
    ...annotationsMultiline('Annotations', d.metadata.annotations),
    `Selector:\t${selectorText(d.spec.selector)}`,
    `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas} updated | ${s.replicas} total | ${s.availableReplicas} available | ${Math.max(0, d.spec.replicas - s.availableReplicas)} unavailable`,
    'StrategyType:\tRollingUpdate',
    'MinReadySeconds:\t0',
    'RollingUpdateStrategy:\t25% max unavailable, 25% max surge',
    ...podTemplateLines(d.spec.template, v),
    ...conditions(d),
    `OldReplicaSets:\t${rsList(old)}`,
    `NewReplicaSet:\t${rsList(newRs ? [newRs] : [])}`,
    ...eventLines(events, now),
  ];
  return tabwrite(describeText(lines), describeOptions);
}

export function describeReplicaSet(
  rs: ReplicaSet,
  pods: readonly Pod[],
  events: readonly KubeEvent[],
  now: number,
  epochMs = LAB_EPOCH_MS,
  v: DescribeVersion = BOOK_DESCRIBE,
): string {
  const owner = rs.metadata.ownerReferences?.[0];
  const lines = [
    `Name:\t${rs.metadata.name}`,
    `Namespace:\t${rs.metadata.namespace ?? 'default'}`,
    `Selector:\t${selectorText(rs.spec.selector)}`,
    ...labelsMultiline('Labels', rs.metadata.labels),
    ...annotationsMultiline('Annotations', rs.metadata.annotations),
    ...(owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : []),
    `Replicas:\t${rs.status.replicas} current / ${rs.spec.replicas} desired`,
    `Pods Status:\t${podsStatus(pods, rs.metadata.uid)}`,
    ...podTemplateLines(rs.spec.template, v),
    ...eventLines(events, now),
  ];
  return tabwrite(describeText(lines), describeOptions);
}

export function describeDaemonSet(
  ds: DaemonSet,
  pods: readonly Pod[],
  events: readonly KubeEvent[],
  now: number,
  epochMs = LAB_EPOCH_MS,
  v: DescribeVersion = BOOK_DESCRIBE,
): string {
  const mine = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid));
  const lines = [
    `Name:\t${ds.metadata.name}`,
    `Selector:\t${selectorText(ds.spec.selector)}`,
    'Node-Selector:\t<none>',
    ...labelsMultiline('Labels', ds.metadata.labels),
    ...annotationsMultiline('Annotations', ds.metadata.annotations),
    `Desired Number of Nodes Scheduled: ${ds.status.desiredNumberScheduled}`,
    `Current Number of Nodes Scheduled: ${mine.length}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${mine.length}`,
    `Number of Nodes Scheduled with Available Pods: ${ds.status.numberReady}`,
    'Number of Nodes Misscheduled: 0',
    `Pods Status:\t${podsStatus(pods, ds.metadata.uid)}`,
    ...podTemplateLines(ds.spec.template, v),
    ...eventLines(events, now),
  ];
  return tabwrite(describeText(lines), describeOptions);
}
