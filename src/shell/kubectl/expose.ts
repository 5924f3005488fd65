// kubectl expose (1.18, generator service/v2) and kubectl create service
// clusterip|nodeport: a Service built on the client and sent to the API server,
// which allocates its ClusterIP (and nodePort). Texts are kubectl 1.18's
// (pkg/cmd/expose/expose.go, pkg/cmd/create/create_service.go, generate/versioned/service*.go).
import type { KubeObject, Service, ServicePort } from '../../sim/objects';
import { labProfile } from '../labProfile';
import { newMeta } from '../manifest';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, outputFlag } from './context';
import { dryRunFlag, printClientObject, readDryRun, zeroTimestamp } from './dryRun';
import { flagString } from './flags';
import type { Plain } from './objectPrinter';
import { noResources, readTargets } from './resources';

function parseLabels(spec: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2 || !kv[0]) return `unexpected label spec: ${part}`;
    out[kv[0]] = kv[1] as string;
  }
  return out;
}

/**
 * The Service as kubectl's generator builds it, for -o yaml|json of a client dry run: the
 * type only where it was asked for (expose leaves it to the server; create service sets it).
 */
export function serviceWire(ctx: KubectlContext, svc: Service, withType: boolean): Plain {
  const { name, namespace, labels } = svc.metadata;
  const explicitNs = flagString(ctx.flags, 'namespace');
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(explicitNs && namespace ? { namespace } : {}),
      ...zeroTimestamp(ctx),
      ...(labels ? { labels: { ...labels } } : {}),
    },
    spec: {
      ...(svc.spec.ports.length > 0 ? { ports: svc.spec.ports.map((p) => ({ ...p })) } : {}),
      ...(svc.spec.selector ? { selector: { ...svc.spec.selector } } : {}),
      ...(svc.spec.clusterIP ? { clusterIP: svc.spec.clusterIP } : {}),
      ...(withType ? { type: svc.spec.type } : {}),
    },
    status: { loadBalancer: {} },
  };
}

/** Sends the Service and prints `service/<name> <word>`, or the API server's error. */
function createService(ctx: KubectlContext, svc: Service, word: string, withType: boolean) {
  const d = readDryRun(ctx);
  if (!d.ok) return failWith(ctx, d.error);
  const suffix = d.dryRun === 'none' ? '' : d.dryRun === 'client' ? ' (dry run)' : ' (server dry run)';
  if (d.dryRun === 'client') {
    if (flagString(ctx.flags, 'output') === undefined) {
      ctx.io.out(`service/${svc.metadata.name} ${word}${suffix}`);
      return ctx.io.exit(0);
    }
    const printed = printClientObject(ctx, serviceWire(ctx, svc, withType), `service/${svc.metadata.name}`);
    return printed.ok ? ctx.io.exit(0) : failWith(ctx, printed.error);
  }
  send(
    ctx.io,
    ctx.server,
    {
      verb: 'create',
      resource: 'services',
      namespace: svc.metadata.namespace ?? 'default',
      body: svc,
      ...(d.dryRun === 'server' ? { dryRun: true } : {}),
    },
    (res) => {
      // create service (1.19+) wraps the typed client's error: `failed to create ClusterIP service: …`.
      if (
        !res.ok &&
        word === 'created' &&
        res.reason !== 'ConnectionRefused' &&
        labProfile(ctx.io.shell).kubectl.createSubcommandErrors
      )
        return failWith(ctx, `error: failed to create ${svc.spec.type} service: ${res.message}`);
      if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
      ctx.io.out(`service/${svc.metadata.name} ${word}${suffix}`);
      ctx.io.exit(0);
    },
  );
}

export function service(
  ctx: KubectlContext,
  name: string,
  type: Service['spec']['type'],
  ports: ServicePort[],
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
  clusterIP = '',
): Service {
  return {
    kind: 'Service',
    metadata: newMeta(name, ctx.namespace, labels && Object.keys(labels).length > 0 ? { labels } : {}),
    spec: {
      type: type ?? 'ClusterIP',
      clusterIP,
      ports,
      ...(Object.keys(selector).length > 0 ? { selector } : {}),
    },
  };
}

/** The selector expose reads off the object (polymorphichelpers.MapBasedSelectorForObject). */
function selectorOf(obj: KubeObject): Record<string, string> | string {
  switch (obj.kind) {
    case 'Pod':
      return obj.metadata.labels && Object.keys(obj.metadata.labels).length > 0
        ? { ...obj.metadata.labels }
        : 'the pod has no labels and cannot be exposed';
    case 'Deployment':
    case 'ReplicaSet':
      return { ...obj.spec.selector };
    case 'Service':
      return obj.spec.selector ? { ...obj.spec.selector } : 'the service has no pod selector set';
    default:
      return `cannot extract pod selector from ${obj.kind}`;
  }
}

/** The ports expose reads off the object when --port is not given (PortsForObject). */
function portsOf(obj: KubeObject): { port: number; protocol: 'TCP' | 'UDP'; name?: string }[] {
  const containers =
    obj.kind === 'Pod'
      ? obj.spec.containers
      : obj.kind === 'Deployment' || obj.kind === 'ReplicaSet'
        ? obj.spec.template.containers
        : [];
  if (obj.kind === 'Service')
    return obj.spec.ports.map((p) => ({
      port: p.port,
      protocol: p.protocol,
      ...(p.name ? { name: p.name } : {}),
    }));
  return containers.flatMap((c) =>
    (c.ports ?? []).map((p) => ({
      port: p.containerPort,
      protocol: p.protocol ?? 'TCP',
      ...(p.name ? { name: p.name } : {}),
    })),
  );
}

export const exposeVerb: Verb = {
  name: 'expose',
  flags: [
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'generator', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    dryRunFlag,
    outputFlag,
  ],
  run(ctx) {
    const parsed = readTargets(ctx.args);
    if ('error' in parsed) return failWith(ctx, parsed.error);
    const t = parsed.targets[0];
    const targetName = t?.names[0];
    if (!t || !targetName) return failWith(ctx, noResources);
    if (!['pods', 'services', 'deployments', 'replicasets'].includes(t.resource)) {
      const kind = { nodes: 'Node', daemonsets: 'DaemonSet', events: 'Event', endpoints: 'Endpoints' }[
        t.resource as string
      ];
      return failWith(ctx, `error: cannot expose a ${kind ?? t.resource}`);
    }
    const type = flagString(ctx.flags, 'type') ?? 'ClusterIP';
    send(
      ctx.io,
      ctx.server,
      { verb: 'get', resource: t.resource, namespace: ctx.namespace, name: targetName },
      (res) => {
        if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
        const obj = res.object as KubeObject;
        const selectorFlag = flagString(ctx.flags, 'selector');
        const selector = selectorFlag ? parseLabels(selectorFlag) : selectorOf(obj);
        if (typeof selector === 'string')
          return failWith(
            ctx,
            `error: couldn't retrieve selectors via --selector flag or introspection: ${selector}`,
          );
        const portFlag = flagString(ctx.flags, 'port');
        const found: { port: number; protocol: 'TCP' | 'UDP'; name?: string }[] = portFlag
          ? portFlag.split(',').map((p) => ({ port: Number.parseInt(p, 10), protocol: 'TCP' as const }))
          : portsOf(obj);
        if (found.length === 0 || found.some((p) => Number.isNaN(p.port)))
          return failWith(
            ctx,
            "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples",
          );
        const protocolFlag = flagString(ctx.flags, 'protocol');
        const target = flagString(ctx.flags, 'target-port');
        // One port gets no name; several are named port-1, port-2 … (generator service/v2).
        const ports: ServicePort[] = found.map((p, i) => {
          const tp = target === undefined ? p.port : /^\d+$/.test(target) ? Number(target) : target;
          return {
            ...(found.length > 1 ? { name: p.name ?? `port-${i + 1}` } : {}),
            protocol: (protocolFlag === 'UDP' ? 'UDP' : protocolFlag ? protocolFlag : p.protocol) as 'TCP',
            port: p.port,
            targetPort: tp,
          };
        });
        const labelFlag = flagString(ctx.flags, 'labels');
        const labels = labelFlag
          ? parseLabels(labelFlag)
          : obj.metadata.labels
            ? { ...obj.metadata.labels }
            : undefined;
        if (typeof labels === 'string') return failWith(ctx, `error: ${labels}`);
        const name = flagString(ctx.flags, 'name') ?? obj.metadata.name;
        const svc = service(
          ctx,
          name,
          type as Service['spec']['type'],
          ports,
          selector,
          labels,
          flagString(ctx.flags, 'cluster-ip') ?? '',
        );
        createService(ctx, svc, 'exposed', flagString(ctx.flags, 'type') !== undefined);
      },
    );
  },
};

/** `kubectl create service clusterip|nodeport NAME --tcp=port:targetPort`. */
export function createServiceVerb(kind: 'clusterip' | 'nodeport'): Verb {
  const verb: Verb = {
    name: `create service ${kind}`,
    flags: [
      { name: 'tcp', type: 'strings' },
      ...(kind === 'clusterip'
        ? [{ name: 'clusterip', type: 'string' as const }]
        : [{ name: 'node-port', type: 'int' as const }]),
      dryRunFlag,
      outputFlag,
      { name: 'save-config', type: 'bool' },
      { name: 'validate', type: 'bool', noOptDefault: 'true' },
    ],
    run(ctx) {
      const name = ctx.args[0];
      if (!name || ctx.args.length !== 1)
        return failWith(
          ctx,
          `error: exactly one NAME is required, got ${ctx.args.length}\nSee 'kubectl create service ${kind} -h' for help and examples`,
        );
      const clusterIP = flagString(ctx.flags, 'clusterip') ?? '';
      const tcp = (ctx.flags.values.get('tcp') ?? []).flatMap((v) => v.split(','));
      if (tcp.length === 0 && clusterIP !== 'None')
        return failWith(ctx, 'error: at least one tcp port specifier must be provided');
      const nodePortText = flagString(ctx.flags, 'node-port');
      const nodePort = nodePortText ? Number(nodePortText) : 0;
      const ports: ServicePort[] = [];
      for (const pair of tcp) {
        const [port = '', target = port] = pair.split(':');
        if (!/^\d+$/.test(port))
          return failWith(ctx, `error: strconv.Atoi: parsing "${port}": invalid syntax`);
        ports.push({
          // The port's name is the specifier with its colons made dashes (createService: `80` or `80-8080`).
          name: pair.replaceAll(':', '-'),
          protocol: 'TCP',
          port: Number(port),
          targetPort: /^\d+$/.test(target) ? Number(target) : target,
          ...(nodePort > 0 ? { nodePort } : {}),
        });
      }
      const labels = { app: name };
      const svc = service(
        ctx,
        name,
        kind === 'nodeport' ? 'NodePort' : 'ClusterIP',
        ports,
        labels,
        labels,
        clusterIP,
      );
      createService(ctx, svc, 'created', true);
    },
  };
  return verb;
}
