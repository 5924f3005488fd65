// The objects in the API's own shape (k8s.io/api 1.18 JSON), as the API server serves
// them: what the lab keeps in a handier form (a Deployment's flat template, a selector
// as a plain map) goes back to its real place, and the fields the lab does not model
// but the API server would fill in take their 1.18 defaults. Times stay cluster
// milliseconds here; kubectl's printer writes them as RFC 3339.
import { defaultPullPolicy } from '../images';
import type { Container, KubeObject, ObjectMeta, PodTemplate } from '../objects';
import { resourceOfKind } from '../objects';
import { apiVersionOf, kindOf } from '../resourceKinds';
import type { WireValue } from './fieldSet';

type Obj = { [k: string]: WireValue };

function plain(v: unknown): WireValue | undefined {
  if (v === undefined || typeof v === 'function') return undefined;
  if (v === null || typeof v !== 'object') return v as WireValue;
  if (Array.isArray(v)) return v.map((x) => plain(x) ?? null);
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const p = plain(x);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

export function selfLink(o: KubeObject): string {
  const k = kindOf(resourceOfKind[o.kind]);
  const root = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const ns = k.namespaced ? `/namespaces/${o.metadata.namespace ?? 'default'}` : '';
  return `${root}${ns}/${k.resource}/${o.metadata.name}`;
}

/** metadata without the lab's bookkeeping; owner references as controllers write them. */
function metaShape(m: ObjectMeta, link: string | undefined, withManaged: boolean): Obj {
  const { ownerReferences, managedFields, ...rest } = m;
  return {
    ...(plain(rest) as Obj),
    ...(withManaged && managedFields && managedFields.length > 0
      ? { managedFields: plain(managedFields) as WireValue }
      : {}),
    ...(ownerReferences
      ? {
          ownerReferences: ownerReferences.map(
            (r): Obj =>
              // The kubelet's node lease names its Node as owner, not as controller (nodelease/controller.go).
              r.kind === 'Node'
                ? { apiVersion: 'v1', kind: r.kind, name: r.name, uid: r.uid }
                : {
                    apiVersion:
                      r.kind === 'Deployment' || r.kind === 'ReplicaSet' || r.kind === 'DaemonSet'
                        ? 'apps/v1'
                        : 'v1',
                    blockOwnerDeletion: true,
                    controller: true,
                    kind: r.kind,
                    name: r.name,
                    uid: r.uid,
                  },
          ),
        }
      : {}),
    ...(link ? { selfLink: link } : {}),
  };
}

function containerShape(c: Container): Obj {
  const body = plain(c) as Obj;
  if (c.ports) body.ports = c.ports.map((p) => ({ ...(plain(p) as Obj), protocol: p.protocol ?? 'TCP' }));
  return {
    ...body,
    imagePullPolicy: body.imagePullPolicy ?? defaultPullPolicy(c.image),
    resources: body.resources ?? {},
    terminationMessagePath: body.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: body.terminationMessagePolicy ?? 'File',
  };
}

/** A pod template as the API holds it: SetDefaults_PodSpec applies, SetDefaults_Pod does not. */
export function templateShape(t: PodTemplate): Obj {
  return {
    metadata: {
      creationTimestamp: null,
      ...(t.annotations && Object.keys(t.annotations).length > 0
        ? { annotations: { ...t.annotations } }
        : {}),
      labels: { ...t.labels },
    },
    spec: {
      containers: t.containers.map(containerShape),
      dnsPolicy: 'ClusterFirst',
      ...(t.hostNetwork ? { hostNetwork: true } : {}),
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      ...(t.tolerations && t.tolerations.length > 0
        ? { tolerations: plain(t.tolerations) as WireValue }
        : {}),
    },
  };
}

const matchLabels = (s: Readonly<Record<string, string>>): Obj => ({ matchLabels: { ...s } });

/** The object as GET returns it (without apiVersion/kind ordering: kubectl sorts keys). */
/** `forCompare`: without managedFields and selfLink, which the field manager never looks at. */
export function wireShape(o: KubeObject, forCompare = false): Obj {
  const head = { apiVersion: apiVersionOf(resourceOfKind[o.kind]), kind: o.kind };
  const metadata = metaShape(o.metadata, forCompare ? undefined : selfLink(o), !forCompare);
  switch (o.kind) {
    case 'Pod': {
      const spec: Obj = { ...(plain(o.spec) as Obj), containers: o.spec.containers.map(containerShape) };
      // The lab keeps an empty list where the API has none (omitempty).
      if (o.spec.tolerations.length === 0) delete spec.tolerations;
      return {
        ...head,
        metadata,
        spec,
        status: {
          ...(plain(o.status) as Obj),
          containerStatuses: o.status.containerStatuses.map((s) => ({
            imageID: '',
            lastState: {},
            started: false,
            ...(plain(s) as Obj),
          })),
        },
      };
    }
    case 'Deployment': {
      const { template, selector, ...spec } = o.spec;
      return {
        ...head,
        metadata,
        spec: {
          progressDeadlineSeconds: 600,
          ...(plain(spec) as Obj),
          revisionHistoryLimit: 10,
          selector: matchLabels(selector),
          strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
          template: templateShape(template),
        },
        status: plain(o.status) as Obj,
      };
    }
    case 'ReplicaSet': {
      const { template, selector, ...spec } = o.spec;
      return {
        ...head,
        metadata,
        spec: { ...(plain(spec) as Obj), selector: matchLabels(selector), template: templateShape(template) },
        status: plain(o.status) as Obj,
      };
    }
    case 'DaemonSet':
      return {
        ...head,
        metadata,
        spec: {
          revisionHistoryLimit: 10,
          selector: matchLabels(o.spec.selector),
          template: templateShape(o.spec.template),
          updateStrategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
        },
        status: plain(o.status) as Obj,
      };
    case 'Service': {
      const type = o.spec.type ?? 'ClusterIP';
      return {
        ...head,
        metadata,
        spec: {
          ...(plain(o.spec) as Obj),
          ports: o.spec.ports.map((p) => ({ ...(plain(p) as Obj), targetPort: p.targetPort ?? p.port })),
          sessionAffinity: o.spec.sessionAffinity ?? 'None',
          type,
          ...(type !== 'ClusterIP'
            ? { externalTrafficPolicy: o.spec.externalTrafficPolicy ?? 'Cluster' }
            : {}),
        },
        status: { loadBalancer: {} },
      };
    }
    case 'Event':
      return {
        ...(plain(o) as Obj),
        ...head,
        metadata,
        eventTime: null,
        reportingComponent: '',
        reportingInstance: '',
      };
    case 'Node': {
      const spec = plain(o.spec) as Obj;
      if (o.spec.taints.length === 0) delete spec.taints;
      return { ...(plain(o) as Obj), ...head, metadata, spec };
    }
    default:
      return { ...(plain(o) as Obj), ...head, metadata };
  }
}

/**
 * The object a Go client starts from on create (scheme.New, converted to unstructured):
 * the non-omitempty fields are there, null or zero; the rest are absent. An Update's
 * compare against it gives the created fields, each map or list added whole marked `.`.
 */
export function zeroShape(kind: KubeObject['kind']): Obj {
  const meta = { creationTimestamp: null };
  const template = { metadata: { creationTimestamp: null }, spec: { containers: null } };
  switch (kind) {
    case 'Pod':
      return { metadata: meta, spec: { containers: null }, status: {} };
    case 'Deployment':
      return { metadata: meta, spec: { selector: null, strategy: {}, template }, status: {} };
    case 'ReplicaSet':
      return { metadata: meta, spec: { selector: null, template }, status: { replicas: 0 } };
    case 'DaemonSet':
      return {
        metadata: meta,
        spec: { selector: null, template, updateStrategy: {} },
        status: {
          currentNumberScheduled: 0,
          desiredNumberScheduled: 0,
          numberMisscheduled: 0,
          numberReady: 0,
        },
      };
    case 'Service':
      return { metadata: meta, spec: {}, status: { loadBalancer: {} } };
    case 'Node':
      return {
        metadata: meta,
        spec: {},
        status: {
          daemonEndpoints: { kubeletEndpoint: { Port: 0 } },
          nodeInfo: {
            architecture: '',
            bootID: '',
            containerRuntimeVersion: '',
            kernelVersion: '',
            kubeProxyVersion: '',
            kubeletVersion: '',
            machineID: '',
            operatingSystem: '',
            osImage: '',
            systemUUID: '',
          },
        },
      };
    case 'Lease':
      return { metadata: meta, spec: {} };
    case 'Event':
      return {
        metadata: meta,
        involvedObject: {},
        reportingComponent: '',
        reportingInstance: '',
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        eventTime: null,
      };
    default:
      return { metadata: meta };
  }
}
