// kubectl apply -f: create what is missing, patch what differs, leave the rest
// ("unchanged"), one object at a time in file order.

import { defaultPullPolicy } from '../../sim/images';
import type { Container, KubeObject } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { templateShape } from '../../sim/wire/shape';
import type { JsonValue } from '../manifestYaml';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import { createError, createRequest, inOrder, labelOf, recorded } from './create';
import type { DryRun } from './dryRun';
import { dryRunFlag, dryRunSuffix, readDryRun, recordFlag } from './dryRun';
import type { FileObject } from './files';
import { loadFiles, validating, withStdin } from './files';
import { flagBool } from './flags';
import {
  applyPatch,
  LAST_APPLIED,
  lastAppliedOf,
  originalOf,
  threeWayPatch,
  withLastApplied,
} from './lastApplied';
import { wireObject } from './objectPrinter';
import { resourceOfKindName } from './resources';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** What apply compares: the fields a manifest sets, not what the cluster filled in. */
function desired(o: KubeObject): string {
  switch (o.kind) {
    case 'Pod':
      return JSON.stringify(o.spec.containers.map((c) => [c.name, c.image]));
    case 'Deployment':
    case 'ReplicaSet':
      return JSON.stringify([
        o.spec.replicas,
        o.spec.template.labels,
        o.spec.template.containers.map((c) => [c.name, c.image]),
      ]);
    case 'DaemonSet':
      return JSON.stringify(o.spec.template.containers.map((c) => [c.name, c.image]));
    case 'Service':
      return JSON.stringify([
        o.metadata.labels ?? {},
        o.spec.type ?? 'ClusterIP',
        o.spec.selector ?? {},
        o.spec.ports.map((p) => [p.name ?? '', p.port, p.targetPort ?? p.port]),
      ]);
    default:
      return JSON.stringify(o.metadata.labels ?? {});
  }
}

function merged(current: KubeObject, wanted: KubeObject): KubeObject {
  // A Service keeps the ClusterIP and node ports it was given unless the manifest names them.
  if (current.kind === 'Service' && wanted.kind === 'Service') {
    const ports = wanted.spec.ports.map((p) => {
      const had = current.spec.ports.find((c) => c.port === p.port && c.protocol === p.protocol);
      return {
        ...p,
        targetPort: p.targetPort ?? p.port,
        ...(p.nodePort === undefined && had?.nodePort && wanted.spec.type !== 'ClusterIP'
          ? { nodePort: had.nodePort }
          : {}),
      };
    });
    return {
      ...current,
      metadata: {
        ...current.metadata,
        ...(wanted.metadata.labels ? { labels: wanted.metadata.labels } : {}),
      },
      spec: {
        ...current.spec,
        ...wanted.spec,
        clusterIP: wanted.spec.clusterIP || current.spec.clusterIP,
        ports,
      },
    };
  }
  if (!('spec' in current) || !('spec' in wanted)) return current;
  return { ...current, spec: { ...current.spec, ...wanted.spec } } as KubeObject;
}

const WARN_NO_LAST_APPLIED =
  'Warning: kubectl apply should be used on resource created by either kubectl create --save-config or kubectl apply';

function withAnnotation(o: KubeObject, key: string, value: string): KubeObject {
  return {
    ...o,
    metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, [key]: value } },
  } as KubeObject;
}

type Doc = { [key: string]: JsonValue };

function strings(v: JsonValue | undefined): Record<string, string> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : String(x)]));
}

/** Container fields a manifest's reader does not carry over, kept from the object on the server. */
function keptContainerFields(c: Container): Partial<Container> {
  const { resources, volumeMounts, terminationMessagePath, terminationMessagePolicy } = c;
  return {
    ...(resources ? { resources } : {}),
    ...(volumeMounts ? { volumeMounts } : {}),
    ...(terminationMessagePath ? { terminationMessagePath } : {}),
    ...(terminationMessagePolicy ? { terminationMessagePolicy } : {}),
  };
}

/**
 * The containers the file names, with what the lab keeps beside them on the server (a
 * mount, requests). A pull policy the file spells out as the default the server would have
 * given is left implicit, as on the stored object, so an unchanged template keeps its hash.
 */
function withKept(current: readonly Container[], wanted: readonly Container[]): Container[] {
  return wanted.map((w) => {
    const had = current.find((c) => c.name === w.name);
    if (!had) return w;
    const { imagePullPolicy, ...rest } = w;
    const implicit = had.imagePullPolicy === undefined && imagePullPolicy === defaultPullPolicy(w.image);
    return { ...keptContainerFields(had), ...(implicit ? rest : w) };
  });
}

const mapOf = (v: JsonValue | undefined): Doc => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/**
 * The API server's side of apply's patch. The spec is the file's (as the lab reads a
 * manifest) over what the lab keeps beside it; what the patch leaves alone stays as the
 * server has it: labels and annotations (the patch applied to the stored ones), the
 * replicas a `kubectl scale` set when neither the file nor the last apply named them,
 * a template's annotations (`rollout restart`).
 */
function patched(current: KubeObject, patch: Doc, wanted: KubeObject): KubeObject {
  const wire = applyPatch(wireObject(current) as Doc, patch);
  const meta = mapOf(wire.metadata);
  const labels = strings(meta.labels);
  const annotations = strings(meta.annotations);
  let next = merged(current, wanted);
  const { labels: _l, annotations: _a, ...rest } = current.metadata;
  next = {
    ...next,
    metadata: {
      ...rest,
      ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
      ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
  } as KubeObject;
  if (next.kind === 'Pod' && current.kind === 'Pod')
    return {
      ...next,
      spec: { ...next.spec, containers: withKept(current.spec.containers, next.spec.containers) },
    };
  if (
    (next.kind === 'Deployment' || next.kind === 'ReplicaSet' || next.kind === 'DaemonSet') &&
    next.kind === current.kind
  ) {
    const spec = mapOf(patch.spec);
    const replicas =
      'replicas' in next.spec && 'replicas' in current.spec && !Object.hasOwn(spec, 'replicas')
        ? { replicas: current.spec.replicas }
        : {};
    const tplAnnotations = strings(mapOf(mapOf(mapOf(wire.spec).template).metadata).annotations);
    const { annotations: _t, ...tpl } = next.spec.template;
    // Key order as the lab builds a template, so an unchanged one keeps its pod-template-hash.
    const template = {
      ...tpl,
      containers: withKept(current.spec.template.containers, next.spec.template.containers),
      ...(tplAnnotations && Object.keys(tplAnnotations).length > 0 ? { annotations: tplAnnotations } : {}),
    };
    // The same template as the API shows it is the stored one, however the file spelled it.
    const unchanged =
      JSON.stringify(templateShape(template)) === JSON.stringify(templateShape(current.spec.template));
    return {
      ...next,
      spec: { ...next.spec, ...replicas, template: unchanged ? current.spec.template : template },
    } as KubeObject;
  }
  return next;
}

/** Applies each object in file order: create what is missing, patch what differs. */
function applyAll(ctx: KubectlContext, objects: readonly FileObject[], dryRun: DryRun): void {
  const d = { dryRun };
  const suffix = dryRunSuffix(dryRun);
  inOrder(ctx, objects, (sent, source, done, raw) => {
    // apply records the change cause before it takes the configuration, so the cause is part of it.
    const withCause = recorded(ctx, sent, applyVerb.flags);
    const resource = resourceOfKindName[withCause.kind] ?? 'pods';
    const { name, namespace } = withCause.metadata;
    const ns = namespaced[resource] ? namespace : undefined;
    const cause = withCause.metadata.annotations?.[CHANGE_CAUSE];
    const extra: Record<string, string> =
      flagBool(ctx.flags, 'record') && cause !== undefined ? { [CHANGE_CAUSE]: cause } : {};
    const obj = raw ? withAnnotation(withCause, LAST_APPLIED, lastAppliedOf(raw, ns, extra)) : withCause;
    const where = { resource, name, ...(namespace ? { namespace } : {}) };
    const label = labelOf(obj);
    send(ctx.io, ctx.server, { verb: 'get', ...where }, (res) => {
      if (!res.ok && res.reason === 'ConnectionRefused') return done({ refused: apiError(res, ctx.server) });
      if (!res.ok || !res.object) {
        if (d.dryRun === 'client') return done({ word: `created${suffix}`, label });
        return send(ctx.io, ctx.server, createRequest(obj, source, d.dryRun), (created) => {
          done(
            created.ok ? { word: `created${suffix}`, label } : { error: createError(ctx, created, source) },
          );
        });
      }
      // A client dry run of an object that exists computes no patch: it is always "configured".
      if (d.dryRun === 'client') return done({ word: `configured${suffix}`, label });
      const current = res.object;
      let patch: Doc | undefined;
      if (raw) {
        if (current.metadata.annotations?.[LAST_APPLIED] === undefined) ctx.io.err(WARN_NO_LAST_APPLIED);
        const modified = withLastApplied(raw, ns, extra);
        patch = threeWayPatch(originalOf(current.metadata.annotations), modified, wireObject(current) as Doc);
        if (Object.keys(patch).length === 0) return done({ word: `unchanged${suffix}`, label });
      } else if (desired(current) === desired(obj)) return done({ word: `unchanged${suffix}`, label });
      // The server's dry run of a patch is not modelled past the read.
      if (d.dryRun !== 'none') return done({ word: `configured${suffix}`, label });
      const by = patch;
      const req: ApiRequest = {
        verb: 'patch',
        ...where,
        patch: (cur) => (by ? patched(cur, by, obj) : merged(cur, obj)),
      };
      send(ctx.io, ctx.server, req, (p) => {
        done(p.ok ? { word: 'configured', label } : { error: apiError(p, ctx.server) });
      });
    });
  });
}

export const applyVerb: Verb = {
  name: 'apply',
  flags: [filenameFlag, outputFlag, { name: 'validate', type: 'bool' }, dryRunFlag, recordFlag],
  run(ctx) {
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    const files = ctx.flags.values.get('filename');
    if (!files || files.length === 0)
      return failWith(
        ctx,
        "error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples",
      );
    withStdin(ctx.io, files, (stdin) => {
      const loaded = loadFiles(ctx.io, files, validating(ctx.flags.values), stdin);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      applyAll(ctx, loaded.objects, d.dryRun);
    });
  },
};
