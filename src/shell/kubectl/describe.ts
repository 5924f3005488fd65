// kubectl describe pod|node: the 1.18 layout, aligned by a tabwriter with
// padding 2 (so "Name:" and its value line up with "Annotations:").
import { NODE_LEASE_NAMESPACE } from '../../sim/components/kubeletLease';
import type {
  ContainerState,
  KubeEvent,
  KubeObject,
  Lease,
  Pod,
  PodVolume,
  ReplicaSet,
} from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import { podStatusText } from '../../sim/podStatus';
import type { DescribeVersion } from '../../sim/profiles';
import { age } from '../humanDuration';
import { describeOptions, tabwrite } from '../tabwriter';
import { LAB_EPOCH_MS, labEpoch, rfc1123z } from '../wallClock';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith } from './context';
import { describeConfigMap } from './describeConfigMap';
import { describeGeneric } from './describeGeneric';
import { describeNode } from './describeNode';
import {
  annotationsMultiline,
  BOOK_DESCRIBE,
  describeText,
  eventLines,
  tolerationText,
} from './describeParts';
import { describeServices } from './describeService';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './describeWorkloads';
import { flagBool } from './flags';
import { describeNamespace } from './namespaces';

export { eventLines };

import { labProfile } from '../labProfile';
import { readTargets } from './resources';
import type { Selectors } from './selectors';
import { readSelectors, selectorError, selectorQuery } from './selectors';

function labelLines(title: string, labels: Readonly<Record<string, string>> | undefined): string[] {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return [`${title}\t<none>`];
  return entries.map(([k, v], i) => `${i === 0 ? title : ''}\t${k}=${v}`);
}

/** describeContainerPorts / HostPorts: `80/TCP`, several joined by commas (`Ports:`). */
function portLines(c: Pod['spec']['containers'][number]): string[] {
  const ports = c.ports ?? [];
  const list = ports.map((x) => `${x.containerPort}/${x.protocol ?? 'TCP'}`).join(',');
  const hosts = ports.map((x) => `0/${x.protocol ?? 'TCP'}`).join(',');
  return [
    list.includes(',') ? `    Ports:\t${list}` : `    Port:\t${list || '<none>'}`,
    hosts.includes(',') ? `    Host Ports:\t${hosts}` : `    Host Port:\t${hosts || '<none>'}`,
  ];
}

/** `epochMs`: the wall-clock time of the lab's cluster time 0 (its profile's era). */
export function describePod(
  p: Pod,
  events: readonly KubeEvent[],
  now: number,
  epochMs = LAB_EPOCH_MS,
  v: DescribeVersion = BOOK_DESCRIBE,
): string {
  const owner = p.metadata.ownerReferences?.[0];
  const node = p.spec.nodeName ? `${p.spec.nodeName}/${p.status.hostIP ?? ''}` : '<none>';
  const lines = [
    `Name:\t${p.metadata.name}`,
    `Namespace:\t${p.metadata.namespace ?? 'default'}`,
    ...(p.spec.priority !== undefined ? [`Priority:\t${p.spec.priority}`] : []),
    ...(p.spec.priorityClassName ? [`Priority Class Name:\t${p.spec.priorityClassName}`] : []),
    ...(v.serviceAccount && p.spec.serviceAccountName
      ? [`Service Account:\t${p.spec.serviceAccountName}`]
      : []),
    `Node:\t${node}`,
    ...(p.status.startTime !== undefined ? [`Start Time:\t${rfc1123z(p.status.startTime, epochMs)}`] : []),
    ...labelLines('Labels:', p.metadata.labels),
    ...annotationsMultiline('Annotations', p.metadata.annotations),
    ...(p.metadata.deletionTimestamp !== undefined
      ? [
          `Status:\tTerminating (lasts ${age(now, p.metadata.deletionTimestamp)})`,
          `Termination Grace Period:\t${p.metadata.deletionGracePeriodSeconds ?? 0}s`,
        ]
      : [`Status:\t${p.status.phase}`]),
    ...(p.status.reason ? [`Reason:\t${p.status.reason}`] : []),
    `IP:\t${p.status.podIP ?? ''}`,
    ...(p.status.podIP ? ['IPs:', `  IP:\t${p.status.podIP}`] : ['IPs:\t<none>']),
    ...(owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : []),
    'Containers:',
  ];
  for (const c of p.spec.containers) {
    const st = p.status.containerStatuses.find((s) => s.name === c.name);
    lines.push(`  ${c.name}:`);
    if (st) lines.push(`    Container ID:\t${st.containerID ?? ''}`);
    lines.push(`    Image:\t${c.image}`);
    if (st) lines.push(`    Image ID:\t${st.imageID ?? ''}`);
    lines.push(...portLines(c));
    if (c.command && c.command.length > 0) lines.push('    Command:', ...c.command.map((x) => `      ${x}`));
    if (c.args && c.args.length > 0) lines.push('    Args:', ...c.args.map((x) => `      ${x}`));
    if (!st) lines.push('    State:\tWaiting', '      Reason:\tContainerCreating');
    else {
      lines.push(...stateLines('State', st.state, epochMs));
      if (st.lastState && 'terminated' in st.lastState)
        lines.push(...stateLines('Last State', st.lastState, epochMs));
    }
    lines.push(
      `    Ready:\t${st?.ready ? 'True' : 'False'}`,
      `    Restart Count:\t${st?.restartCount ?? 0}`,
      '    Environment:\t<none>',
      ...mountLines(c),
    );
  }
  lines.push('Conditions:', '  Type\tStatus');
  for (const c of p.status.conditions) lines.push(`  ${c.type} \t${c.status} `);
  const volumes = p.spec.volumes ?? [];
  if (volumes.length === 0) lines.push('Volumes:\t<none>');
  else lines.push('Volumes:');
  for (const v of volumes) lines.push(`  ${v.name}:`, ...volumeLines(v));
  lines.push(`QoS Class:\t${p.status.qosClass ?? 'BestEffort'}`, 'Node-Selectors:\t<none>');
  const tol = p.spec.tolerations.map((t) => tolerationText(t, v));
  lines.push(
    ...(tol.length === 0
      ? ['Tolerations:\t<none>']
      : tol.map((t, i) => `${i === 0 ? 'Tolerations:' : ''}\t${t}`)),
  );
  lines.push(...eventLines(events, now));
  return tabwrite(describeText(lines), describeOptions);
}

/** describeVolumes' lines for the two kinds the lab's pods carry (printSecretVolumeSource, printProjectedVolumeSource). */
function volumeLines(v: PodVolume): string[] {
  if ('secret' in v)
    return [
      '    Type:\tSecret (a volume populated by a Secret)',
      `    SecretName:\t${v.secret.secretName}`,
      '    Optional:\tfalse',
    ];
  return [
    '    Type:\tProjected (a volume that contains injected data from multiple sources)',
    ...v.projected.sources.flatMap((s) =>
      'serviceAccountToken' in s
        ? [`    TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}`]
        : 'configMap' in s
          ? [`    ConfigMapName:\t${s.configMap.name}`, '    Optional:\tfalse']
          : ['    DownwardAPI:\ttrue'],
    ),
  ];
}

/** describeContainerVolumes: each mount with its volume, `(ro)` or `(rw)`. */
function mountLines(c: Pod['spec']['containers'][number]): string[] {
  const mounts = c.volumeMounts ?? [];
  if (mounts.length === 0) return ['    Mounts:\t<none>'];
  return [
    '    Mounts:',
    ...mounts.map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`),
  ];
}

/** kubectl 1.18 describeStatus. */
function stateLines(name: string, s: ContainerState, epochMs: number): string[] {
  if ('running' in s)
    return [`    ${name}:\tRunning`, `      Started:\t${rfc1123z(s.running.startedAt, epochMs)}`];
  if ('waiting' in s)
    return [`    ${name}:\tWaiting`, ...(s.waiting.reason ? [`      Reason:\t${s.waiting.reason}`] : [])];
  const t = s.terminated;
  return [
    `    ${name}:\tTerminated`,
    ...(t.reason ? [`      Reason:\t${t.reason}`] : []),
    `      Exit Code:\t${t.exitCode}`,
    `      Started:\t${rfc1123z(t.startedAt ?? t.finishedAt, epochMs)}`,
    `      Finished:\t${rfc1123z(t.finishedAt, epochMs)}`,
  ];
}

export const describeVerb: Verb = {
  name: 'describe',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ],
  run(ctx) {
    const parsed = readTargets(ctx.args);
    if ('error' in parsed) return failWith(ctx, parsed.error);
    const t = parsed.targets[0];
    if (!t)
      return failWith(
        ctx,
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    if (t.resource === 'services' || t.resource === 'endpoints')
      return describeServices(ctx, t.resource, t.names);
    if (!describable.includes(t.resource as Describable))
      return failWith(ctx, `error: podscope: describe ${t.resource} is not simulated`);
    const sel = readSelectors(ctx);
    if (t.names.length > 0 && sel.label)
      return failWith(ctx, 'error: name cannot be provided when a selector is specified');
    describeTarget(ctx, t.resource as Describable, t.names, sel);
  },
};

const describable = [
  'pods',
  'nodes',
  'deployments',
  'replicasets',
  'daemonsets',
  'namespaces',
  'events',
  'componentstatuses',
  'leases',
  'configmaps',
] as const;
type Describable = (typeof describable)[number];

function describeTarget(
  ctx: KubectlContext,
  resource: Describable,
  names: readonly string[],
  sel: Selectors,
): void {
  const all = flagBool(ctx.flags, 'all-namespaces');
  const version = labProfile(ctx.io.shell).kubectl.describe;
  // kubectl 1.36's DescribeEvents: From is the component alone, the message led by the container's field path.
  const eventAsDescribed = labProfile(ctx.io.shell).kubectl.describeEventsWithFieldPath
    ? (e: KubeEvent): KubeEvent => ({
        ...e,
        source: { component: e.source.component },
        message: e.involvedObject.fieldPath
          ? `${e.involvedObject.fieldPath}: ${e.message.trim()}`
          : e.message,
      })
    : (e: KubeEvent) => e;
  const ns = !namespaced[resource] ? {} : all ? { allNamespaces: true } : { namespace: ctx.namespace };
  const query = names.length === 0 ? selectorQuery({ label: sel.label, field: '' }) : {};
  send(ctx.io, ctx.server, { verb: 'list', resource, ...ns, ...query }, (res) => {
    if (!res.ok) return failWith(ctx, apiError(selectorError(res, resource, sel), ctx.server));
    const items = res.items ?? [];
    let chosen = names.length === 0 ? items : names.map((n) => items.find((o) => o.metadata.name === n) ?? n);
    // `describe TYPE NAME` with no object of that name describes every object whose
    // name starts with it, each followed by a blank line (DescribeMatchingResources).
    const prefix = ctx.args.length === 2 && names.length === 1 && typeof chosen[0] === 'string';
    if (prefix) {
      const matching = items.filter((o) => o.metadata.name.startsWith(names[0] as string));
      if (matching.length > 0) chosen = matching;
    }
    const missing = chosen.filter((c): c is string => typeof c === 'string');
    const objects = chosen.filter((c): c is KubeObject => typeof c !== 'string');
    send(ctx.io, ctx.server, { verb: 'list', resource: 'events', allNamespaces: true }, (evRes) => {
      const events = (evRes.ok ? (evRes.items ?? []) : []).filter((e): e is KubeEvent => e.kind === 'Event');
      const now = ctx.io.shell.world.now();
      const epoch = labEpoch(ctx.io.shell.world.cluster);
      const finish = (
        pods: readonly Pod[],
        rss: readonly ReplicaSet[] = [],
        leases: readonly Lease[] = [],
      ) => {
        const texts = objects.map((o) => {
          const own = events
            // kubectl matches events by the object's uid; events carry no uid here, so an
            // earlier object of the same name is told apart by its events being older.
            .filter(
              (e) =>
                e.involvedObject.name === o.metadata.name &&
                e.involvedObject.kind === o.kind &&
                e.lastTimestamp >= Math.floor(o.metadata.creationTimestamp / 1000) * 1000,
            )
            // event.SortableEvents: by last time; the API server's list order (names carry the
            // time they were made) breaks ties, which the lab's store order stands in for.
            .sort(
              (a, b) =>
                a.lastTimestamp - b.lastTimestamp || a.metadata.resourceVersion - b.metadata.resourceVersion,
            )
            .map(eventAsDescribed);
          switch (o.kind) {
            case 'Pod':
              return describePod(o, own, now, epoch, version);
            case 'Node':
              return describeNode(
                o,
                leases.find((l) => l.metadata.name === o.metadata.name),
                pods.filter((p) => p.spec.nodeName === o.metadata.name),
                own,
                now,
                epoch,
                version,
              );
            case 'Deployment':
              return describeDeployment(o, rss, own, now, epoch, version);
            case 'ReplicaSet':
              return describeReplicaSet(o, pods, own, now, epoch, version);
            case 'DaemonSet':
              return describeDaemonSet(o, pods, own, now, epoch, version);
            case 'Namespace':
              return describeNamespace(o);
            case 'ConfigMap':
              return describeConfigMap(o, eventLines(own, now), version);
            case 'Event':
            case 'ComponentStatus':
            case 'Lease':
              return describeGeneric(o, eventLines(own, now), epoch);
            default:
              return '';
          }
        });
        if (prefix && objects.length > 0) for (const t of texts) ctx.io.out(`${t}\n`);
        else if (texts.length > 0) ctx.io.out(texts.join('\n\n\n'));
        else if (missing.length === 0)
          ctx.io.err(all ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`);
        for (const m of missing) ctx.io.err(`Error from server (NotFound): ${resource} "${m}" not found`);
        ctx.io.exit(missing.length > 0 ? 1 : 0);
      };
      if (resource === 'pods') return finish([]);
      if (resource === 'deployments') {
        // GetAllReplicaSets: the Deployment's ReplicaSets, for Old/NewReplicaSet.
        const where = all ? { allNamespaces: true } : { namespace: ctx.namespace };
        send(ctx.io, ctx.server, { verb: 'list', resource: 'replicasets', ...where }, (rsRes) =>
          finish(
            [],
            (rsRes.ok ? (rsRes.items ?? []) : []).filter((r): r is ReplicaSet => r.kind === 'ReplicaSet'),
          ),
        );
        return;
      }
      const withPods = (leases: readonly Lease[]) =>
        send(ctx.io, ctx.server, { verb: 'list', resource: 'pods', allNamespaces: true }, (podRes) => {
          finish(
            (podRes.ok ? (podRes.items ?? []) : []).filter(
              (p): p is Pod => p.kind === 'Pod' && podStatusText(p) !== 'Completed',
            ),
            [],
            leases,
          );
        });
      if (resource !== 'nodes') return withPods([]);
      // NodeDescriber reads each node's Lease in kube-node-lease (the lab in one list); none: <unset>.
      send(ctx.io, ctx.server, { verb: 'list', resource: 'leases', namespace: NODE_LEASE_NAMESPACE }, (lr) =>
        withPods((lr.ok ? (lr.items ?? []) : []).filter((l): l is Lease => l.kind === 'Lease')),
      );
    });
  });
}
