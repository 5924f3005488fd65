// From a manifest's YAML to the objects kubectl sends to the API server, with the
// client-side errors kubectl prints for files it cannot use.
import type { Container, KubeObject, ObjectMeta, PodTemplate, Toleration } from '../sim/objects';
import type { SimMs } from '../sim/units';
import type { TextLimits } from './inputLimits';
import { checkTextLimits } from './inputLimits';
import { validateManifest } from './manifestSchema';
import type { JsonValue } from './manifestYaml';
import { decodeManifest } from './manifestYaml';

type YamlValue = JsonValue;

export type Manifest =
  | {
      readonly ok: true;
      /** The objects the lab models, in file order. */
      readonly objects: readonly KubeObject[];
      /** Every document in file order: a modelled object, or the name kubectl prints for one the lab does not model. */
      readonly entries: readonly (KubeObject | string)[];
      /** Each entry's document as the file wrote it (kubectl apply's last-applied configuration starts from it). */
      readonly docs: readonly { readonly [key: string]: YamlValue }[];
    }
  | { readonly ok: false; readonly error: string };

import { NAMESPACE_FINALIZER } from '../sim/components/namespaceLifecycle';

type Map = { [key: string]: YamlValue };

const apiVersionOf: Record<string, string> = {
  Pod: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Namespace: 'v1',
};

/**
 * Kinds of the book's files that a 1.18 API server serves but the lab does not model
 * (metallb.yaml, metrics-server.yaml, ingress-config.yaml): kubectl names them
 * `<resource>.<group>/<name>` (the core group has no suffix); nothing else of them exists.
 */
const unmodelled: Record<string, { readonly versions: readonly string[]; readonly resource: string }> = {
  ServiceAccount: { versions: ['v1'], resource: 'serviceaccount' },
  ConfigMap: { versions: ['v1'], resource: 'configmap' },
  Secret: { versions: ['v1'], resource: 'secret' },
  ...Object.fromEntries(
    ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'].map((k) => [
      k,
      {
        versions: ['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1'],
        resource: `${k.toLowerCase()}.rbac.authorization.k8s.io`,
      },
    ]),
  ),
  PodSecurityPolicy: { versions: ['policy/v1beta1', 'extensions/v1beta1'], resource: 'podsecuritypolicy' },
  Ingress: { versions: ['networking.k8s.io/v1beta1', 'extensions/v1beta1'], resource: 'ingress' },
  APIService: {
    versions: ['apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1'],
    resource: 'apiservice.apiregistration.k8s.io',
  },
};

/** kubectl's name printer for a kind the lab does not model, or undefined if 1.18 has no such kind. */
function unmodelledName(kind: string, apiVersion: string, name: string): string | undefined {
  const u = Object.hasOwn(unmodelled, kind) ? unmodelled[kind] : undefined;
  if (!u?.versions.includes(apiVersion)) return undefined;
  // PodSecurityPolicy and Ingress take the group of the version the file names.
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const resource = u.resource.includes('.') || group === '' ? u.resource : `${u.resource}.${group}`;
  return `${resource}/${name}`;
}

function isMap(v: YamlValue | undefined): v is Map {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: YamlValue | undefined): string | undefined {
  return v === null || v === undefined || typeof v === 'object' ? undefined : String(v);
}

function labels(v: YamlValue | undefined): Record<string, string> | undefined {
  if (!isMap(v)) return undefined;
  // fromEntries defines each key as its own property: a `__proto__` key stays a key.
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x) ?? '']));
}

/** Fields the API server fills in (uid, resourceVersion, creation time) start empty. */
export function newMeta(
  name: string,
  namespace: string | undefined,
  extra: Partial<ObjectMeta> = {},
): ObjectMeta {
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    uid: '',
    resourceVersion: 0,
    creationTimestamp: 0 as SimMs,
    ...extra,
  };
}

function words(v: YamlValue | undefined): string[] | undefined {
  return Array.isArray(v) ? v.map((x) => str(x) ?? '') : undefined;
}

const pullPolicies = ['Always', 'IfNotPresent', 'Never'] as const;

function containers(v: YamlValue | undefined): Container[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isMap).map((c) => {
    const command = words(c.command);
    const args = words(c.args);
    const pull = pullPolicies.find((p) => p === str(c.imagePullPolicy));
    const ports = Array.isArray(c.ports)
      ? c.ports.filter(isMap).map((p) => ({
          containerPort: typeof p.containerPort === 'number' ? p.containerPort : 0,
          ...(str(p.protocol) === 'UDP' ? { protocol: 'UDP' as const } : {}),
          ...(str(p.name) ? { name: str(p.name) } : {}),
        }))
      : undefined;
    return {
      name: str(c.name) ?? '',
      image: str(c.image) ?? '',
      ...(command ? { command } : {}),
      ...(args ? { args } : {}),
      ...(pull ? { imagePullPolicy: pull } : {}),
      ...(ports ? { ports } : {}),
      ...(c.stdin === true ? { stdin: true } : {}),
      ...(c.stdinOnce === true ? { stdinOnce: true } : {}),
      ...(c.tty === true ? { tty: true } : {}),
    };
  });
}

const restartPolicies = ['Always', 'OnFailure', 'Never'] as const;

function tolerations(v: YamlValue | undefined): Toleration[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isMap).map((t) => {
    const key = str(t.key);
    const effect = str(t.effect) as Toleration['effect'];
    const seconds = typeof t.tolerationSeconds === 'number' ? t.tolerationSeconds : undefined;
    return {
      ...(key ? { key } : {}),
      operator: str(t.operator) === 'Exists' ? 'Exists' : 'Equal',
      ...(effect ? { effect } : {}),
      ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
    };
  });
}

function template(v: YamlValue | undefined): PodTemplate {
  const t = isMap(v) ? v : {};
  const meta = isMap(t.metadata) ? t.metadata : {};
  const spec = isMap(t.spec) ? t.spec : {};
  return {
    labels: labels(meta.labels) ?? {},
    containers: containers(spec.containers),
    tolerations: tolerations(spec.tolerations),
    ...(spec.hostNetwork === true ? { hostNetwork: true } : {}),
  };
}

function restartPolicy(v: YamlValue | undefined): { restartPolicy?: (typeof restartPolicies)[number] } {
  const p = restartPolicies.find((x) => x === str(v));
  return p ? { restartPolicy: p } : {};
}

/** A pod as the API server receives it from kubectl (status empty, defaults unset). */
export function podObject(meta: ObjectMeta, spec: Map): KubeObject {
  return {
    kind: 'Pod',
    metadata: meta,
    spec: {
      containers: containers(spec.containers),
      tolerations: tolerations(spec.tolerations),
      terminationGracePeriodSeconds:
        typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30,
      ...(str(spec.nodeName) ? { nodeName: str(spec.nodeName) } : {}),
      ...(spec.hostNetwork === true ? { hostNetwork: true } : {}),
      ...restartPolicy(spec.restartPolicy),
    },
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
}

export function deploymentObject(meta: ObjectMeta, replicas: number, tpl: PodTemplate): KubeObject {
  return {
    kind: 'Deployment',
    metadata: meta,
    spec: { replicas, selector: tpl.labels, template: tpl },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0 },
  };
}

/** A document of a modelled kind as the object kubectl sends, or the error for a kind the lab does not serve. */
export function toObject(doc: Map, file: string): KubeObject | string {
  const kind = str(doc.kind);
  const apiVersion = str(doc.apiVersion);
  // readManifest has checked `kind`; a missing apiVersion is an empty version to the RESTMapper.
  if (!kind || apiVersionOf[kind] !== apiVersion) {
    return `error: unable to recognize "${file}": no matches for kind "${kind}" in version "${apiVersion ?? ''}"`;
  }
  const m = isMap(doc.metadata) ? doc.metadata : {};
  const name = str(m.name) ?? '';
  const lbl = labels(m.labels);
  const ann = labels(m.annotations);
  const meta = newMeta(name, str(m.namespace) ?? 'default', {
    ...(lbl ? { labels: lbl } : {}),
    ...(ann && Object.keys(ann).length > 0 ? { annotations: ann } : {}),
  });
  const spec = isMap(doc.spec) ? doc.spec : {};
  switch (kind) {
    case 'Pod':
      return podObject(meta, spec);
    case 'Namespace': {
      // The namespace storage's PrepareForCreate sets the kubernetes finalizer and Active.
      const { namespace: _, ...clusterMeta } = meta;
      return {
        kind,
        metadata: clusterMeta,
        spec: { finalizers: [NAMESPACE_FINALIZER] },
        status: { phase: 'Active' },
      };
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const tpl = template(spec.template);
      const sel = isMap(spec.selector) ? labels(spec.selector.matchLabels) : undefined;
      const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
      if (kind === 'Deployment') {
        const d = deploymentObject(meta, replicas, tpl);
        return d.kind === 'Deployment' ? { ...d, spec: { ...d.spec, selector: sel ?? tpl.labels } } : d;
      }
      return {
        kind,
        metadata: meta,
        spec: { replicas, selector: sel ?? tpl.labels, template: tpl },
        status: { replicas: 0, readyReplicas: 0 },
      };
    }
    case 'DaemonSet': {
      const tpl = template(spec.template);
      const sel = isMap(spec.selector) ? labels(spec.selector.matchLabels) : undefined;
      return {
        kind,
        metadata: meta,
        spec: { selector: sel ?? tpl.labels, template: tpl },
        status: { desiredNumberScheduled: 0, numberReady: 0 },
      };
    }
    default: {
      const ports = Array.isArray(spec.ports) ? spec.ports.filter(isMap) : [];
      return {
        kind: 'Service',
        metadata: meta,
        spec: {
          ...(str(spec.type) ? { type: str(spec.type) as 'ClusterIP' } : {}),
          clusterIP: str(spec.clusterIP) ?? '',
          ports: ports.map((p) => ({
            ...(str(p.name) ? { name: str(p.name) } : {}),
            protocol: str(p.protocol) === 'UDP' ? 'UDP' : 'TCP',
            port: typeof p.port === 'number' ? p.port : 0,
            ...(typeof p.targetPort === 'number' || typeof p.targetPort === 'string'
              ? { targetPort: p.targetPort }
              : {}),
            ...(typeof p.nodePort === 'number' ? { nodePort: p.nodePort } : {}),
          })),
          ...(labels(spec.selector) ? { selector: labels(spec.selector) } : {}),
        },
      };
    }
  }
}

/**
 * Limits checked before any parser sees a file (issue 16), so any file, however built,
 * gets its answer within 100 ms: the \`yaml\` package takes ~40 ms for 1,000 entries on a
 * quiet 2-core machine (as for lesson files), and the book's largest manifest
 * (metallb.yaml) is 5.6 KB and 358 entries (the reliability test checks that every
 * book file fits in half of these). Size counts too: 250 KB of `*x, {` on one line is one
 * entry to the limits but ~100 ms to the parser's error recovery. A real kubectl has no such limits, so the message
 * says they are the lab's.
 */
export const MANIFEST_LIMITS: TextLimits = {
  maxChars: 64_000,
  maxDepth: 64,
  maxAliases: 100,
  maxProperties: 200,
  maxEntries: 800,
};

/** Go's encoding/json type names, as `json: cannot unmarshal <type> into …` prints them. */
function goJsonType(v: YamlValue): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

/** Go's json.Marshal of a map: keys sorted, no spaces. */
function goJson(v: YamlValue): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isMap(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(v[k] as YamlValue)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * Reads a manifest file's text as kubectl 1.18 does (cli-runtime StreamVisitor): parse
 * each document, validate it unless --validate=false, then decode it. `file` is the path
 * as kubectl shows it in errors.
 */
export function readManifest(text: string, file: string, validate = true): Manifest {
  const breach = checkTextLimits(text, MANIFEST_LIMITS);
  if (breach)
    return {
      ok: false,
      error: `error: error parsing ${file}: podscope: ${breach.message}${breach.line > 0 ? ` (line ${breach.line})` : ''}; the lab reads manifests up to ${MANIFEST_LIMITS.maxChars.toLocaleString('en-US')} characters, ${MANIFEST_LIMITS.maxDepth} levels deep, ${MANIFEST_LIMITS.maxAliases} aliases`,
    };
  const decoded = decodeManifest(text);
  if (!decoded.ok) return { ok: false, error: `error: error parsing ${file}: ${decoded.error}` };
  const objects: KubeObject[] = [];
  const entries: (KubeObject | string)[] = [];
  const docs: Map[] = [];
  for (const doc of decoded.docs) {
    if (!isMap(doc)) {
      return {
        ok: false,
        error: validate
          ? `error: error validating "${file}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`
          : `error: unable to decode "${file}": json: cannot unmarshal ${goJsonType(doc)} into Go value of type unstructured.detector`,
      };
    }
    if (validate) {
      const invalid = validateManifest(doc);
      if (invalid)
        return {
          ok: false,
          error: `error: error validating "${file}": error validating data: ${invalid}; if you choose to ignore these errors, turn validation off with --validate=false`,
        };
    }
    if (typeof doc.kind !== 'string' || doc.kind === '')
      return {
        ok: false,
        error: `error: unable to decode "${file}": Object 'Kind' is missing in '${goJson(doc)}'`,
      };
    const meta = isMap(doc.metadata) ? doc.metadata : {};
    const other = unmodelledName(doc.kind, str(doc.apiVersion) ?? '', str(meta.name) ?? '');
    if (other !== undefined) {
      entries.push(other);
      docs.push(doc);
      continue;
    }
    const o = toObject(doc, file);
    if (typeof o === 'string') return { ok: false, error: o };
    objects.push(o);
    entries.push(o);
    docs.push(doc);
  }
  if (entries.length === 0) return { ok: false, error: 'error: no objects passed to create' };
  return { ok: true, objects, entries, docs };
}
