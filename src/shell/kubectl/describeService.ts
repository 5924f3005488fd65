// kubectl describe service|endpoints: the 1.18 layouts (pkg/describe/versioned
// describeService, describeEndpoints), aligned by a tabwriter with padding 2.
import type { Endpoints, KubeEvent, KubeObject, Service } from '../../sim/objects';
import { describeOptions, tabwrite } from '../tabwriter';
import { apiError, send } from './client';
import type { KubectlContext } from './context';
import { failWith } from './context';
import { eventLines } from './describe';
import { annotationsMultiline, describeText } from './describeParts';

function multiline(title: string, map: Readonly<Record<string, string>> | undefined, sep: string): string[] {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return [`${title}:\t<none>`];
  return entries.map(([k, v], i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${v}`);
}

function selectorText(sel: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(sel ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** formatEndpoints restricted to one port name, as describe service prints it per port. */
function endpointsFor(ep: Endpoints | undefined, portName: string | undefined): string {
  if (!ep || ep.subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of ep.subsets)
    for (const p of ss.ports)
      if ((p.name ?? '') === (portName ?? ''))
        for (const a of ss.addresses ?? []) {
          if (list.length < 3) list.push(`${a.ip}:${p.port}`);
          count++;
        }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(
  s: Service,
  ep: Endpoints | undefined,
  events: readonly KubeEvent[],
  now: number,
): string {
  const lines = [
    `Name:\t${s.metadata.name}`,
    `Namespace:\t${s.metadata.namespace ?? 'default'}`,
    ...multiline('Labels', s.metadata.labels, '='),
    ...annotationsMultiline('Annotations', s.metadata.annotations),
    `Selector:\t${selectorText(s.spec.selector)}`,
    `Type:\t${s.spec.type ?? 'ClusterIP'}`,
    `IP:\t${s.spec.clusterIP}`,
  ];
  for (const p of s.spec.ports) {
    const name = p.name || '<unset>';
    lines.push(`Port:\t${name}\t${p.port}/${p.protocol}`);
    lines.push(`TargetPort:\t${p.targetPort ?? p.port}/${p.protocol}`);
    if (p.nodePort) lines.push(`NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    lines.push(`Endpoints:\t${endpointsFor(ep, p.name)}`);
  }
  lines.push(`Session Affinity:\t${s.spec.sessionAffinity ?? 'None'}`);
  if (s.spec.externalTrafficPolicy) lines.push(`External Traffic Policy:\t${s.spec.externalTrafficPolicy}`);
  lines.push(...eventLines(events, now));
  return tabwrite(describeText(lines), describeOptions);
}

export function describeEndpoints(e: Endpoints, events: readonly KubeEvent[], now: number): string {
  const lines = [
    `Name:\t${e.metadata.name}`,
    `Namespace:\t${e.metadata.namespace ?? 'default'}`,
    ...multiline('Labels', e.metadata.labels, '='),
    ...annotationsMultiline('Annotations', e.metadata.annotations),
    'Subsets:',
  ];
  for (const ss of e.subsets) {
    lines.push(`  Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    lines.push(
      `  NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}`,
    );
    if (ss.ports.length > 0) {
      lines.push('  Ports:', '    Name\tPort\tProtocol', '    ----\t----\t--------');
      for (const p of ss.ports) lines.push(`    ${p.name || '<unset>'}\t${p.port}\t${p.protocol}`);
    }
    lines.push('');
  }
  lines.push(...eventLines(events, now));
  return tabwrite(describeText(lines), describeOptions);
}

/** `kubectl describe svc|ep [NAME...]` in the context's namespace. */
export function describeServices(
  ctx: KubectlContext,
  resource: 'services' | 'endpoints',
  names: readonly string[],
): void {
  const ns = { namespace: ctx.namespace };
  send(ctx.io, ctx.server, { verb: 'list', resource, ...ns }, (res) => {
    if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
    const items = res.items ?? [];
    const chosen =
      names.length === 0 ? items : names.map((n) => items.find((o) => o.metadata.name === n) ?? n);
    const missing = chosen.filter((c): c is string => typeof c === 'string');
    const objects = chosen.filter((c): c is KubeObject => typeof c !== 'string');
    send(ctx.io, ctx.server, { verb: 'list', resource: 'endpoints', ...ns }, (epRes) => {
      const eps = (epRes.ok ? (epRes.items ?? []) : []).filter((e): e is Endpoints => e.kind === 'Endpoints');
      send(ctx.io, ctx.server, { verb: 'list', resource: 'events', ...ns }, (evRes) => {
        const events = (evRes.ok ? (evRes.items ?? []) : []).filter(
          (e): e is KubeEvent => e.kind === 'Event',
        );
        const now = ctx.io.shell.world.now();
        const texts = objects.map((o) => {
          const own = events.filter(
            (e) => e.involvedObject.kind === o.kind && e.involvedObject.name === o.metadata.name,
          );
          if (o.kind === 'Service')
            return describeService(
              o,
              eps.find((e) => e.metadata.name === o.metadata.name),
              own,
              now,
            );
          return o.kind === 'Endpoints' ? describeEndpoints(o, own, now) : '';
        });
        if (texts.length > 0) ctx.io.out(texts.join('\n\n\n'));
        else if (missing.length === 0) ctx.io.err(`No resources found in ${ctx.namespace} namespace.`);
        for (const m of missing) ctx.io.err(`Error from server (NotFound): ${resource} "${m}" not found`);
        ctx.io.exit(missing.length > 0 ? 1 : 0);
      });
    });
  });
}
