// From a manifest's YAML to the objects kubectl sends to the API server, with the
// client-side errors kubectl prints for files it cannot use.
import type { Container, KubeObject, ObjectMeta, PodTemplate, Toleration } from '../sim/objects';
import type { SimMs } from '../sim/units';
import type { YamlValue } from './yaml';
import { parseYamlDocuments, YamlError } from './yaml';

export type Manifest =
  | { readonly ok: true; readonly objects: readonly KubeObject[] }
  | { readonly ok: false; readonly error: string };

type Map = { [key: string]: YamlValue };

const apiVersionOf: Record<string, string> = {
  Pod: 'v1',
  Service: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  DaemonSet: 'apps/v1',
};

function isMap(v: YamlValue | undefined): v is Map {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: YamlValue | undefined): string | undefined {
  return v === null || v === undefined || typeof v === 'object' ? undefined : String(v);
}

function labels(v: YamlValue | undefined): Record<string, string> | undefined {
  if (!isMap(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = str(x) ?? '';
  return out;
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

function toObject(doc: Map, file: string): KubeObject | string {
  const kind = str(doc.kind);
  const apiVersion = str(doc.apiVersion);
  if (!kind || !apiVersion) {
    const missing = [...(!apiVersion ? ['apiVersion not set'] : []), ...(!kind ? ['kind not set'] : [])];
    return `error: error validating "${file}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`;
  }
  if (apiVersionOf[kind] !== apiVersion) {
    return `error: unable to recognize "${file}": no matches for kind "${kind}" in version "${apiVersion}"`;
  }
  const m = isMap(doc.metadata) ? doc.metadata : {};
  const name = str(m.name) ?? '';
  const lbl = labels(m.labels);
  const meta = newMeta(name, str(m.namespace) ?? 'default', lbl ? { labels: lbl } : {});
  const spec = isMap(doc.spec) ? doc.spec : {};
  switch (kind) {
    case 'Pod':
      return podObject(meta, spec);
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

/** Reads a manifest file's text; `file` is the path as kubectl shows it in errors. */
export function readManifest(text: string, file: string): Manifest {
  let docs: YamlValue[];
  try {
    docs = parseYamlDocuments(text);
  } catch (e) {
    const msg = e instanceof YamlError ? e.message : String(e);
    return { ok: false, error: `error: error parsing ${file}: error converting YAML to JSON: ${msg}` };
  }
  const objects: KubeObject[] = [];
  for (const doc of docs) {
    if (!isMap(doc)) {
      return {
        ok: false,
        error: `error: error parsing ${file}: error converting YAML to JSON: yaml: cannot unmarshal into an object`,
      };
    }
    const o = toObject(doc, file);
    if (typeof o === 'string') return { ok: false, error: o };
    objects.push(o);
  }
  if (objects.length === 0) return { ok: false, error: 'error: no objects passed to create' };
  return { ok: true, objects };
}
