// What the 1.18 API server adds to a pod before storing it: the defaulting functions
// of pkg/apis/core/v1 (SetDefaults_PodSpec, _Container), then the admission plugins
// kubeadm enables by default: ServiceAccount (the account, its token volume and mount),
// Priority (priority 0 without a class) and DefaultTolerationSeconds (300 s for
// not-ready and unreachable). A mirror pod gets the defaults but no token (the
// ServiceAccount plugin skips mirror pods). Sources: docs/FACTS-kubectl.md §13.
import { defaultPullPolicy } from './images';
import type { Container, Pod, PodVolume, ProjectedVolume, Toleration } from './objects';
import { isMirrorPod } from './objects';

const defaultTolerations: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/** The two classes the API server creates itself (scheduling.SystemCriticalPriority + 1000 for node-critical). */
const priorityOfClass: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

export const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The namespace's `default` service account token secret. The token controller names it
 * with 5 random characters when the namespace is made; the lab derives them from the
 * namespace, so every seed shows the same name.
 */
export function tokenSecretName(namespace: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 0x811c9dc5;
  for (const c of namespace) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + i * 7919;
  }
  return `default-token-${suffix}`;
}

/**
 * The projected volume the ServiceAccount plugin adds since BoundServiceAccountTokenVolume
 * (GA 1.22): plugin/pkg/admission/serviceaccount/admission.go TokenVolumeSource, a bound token
 * of 3607 s (WarnOnlyBoundTokenExpirationSeconds), the cluster's CA from kube-root-ca.crt and
 * the pod's namespace, with its default mode written out (#104464).
 */
const TOKEN_PROJECTION: ProjectedVolume = {
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    {
      downwardAPI: {
        items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
      },
    },
  ],
};

/** What the ServiceAccount plugin mounts at TOKEN_MOUNT: the namespace's token Secret, or a projected volume. */
export type TokenVolumeKind = 'secret' | 'projected';

/**
 * The projected volume's name: `kube-api-access-` and five characters the plugin draws
 * (names.SimpleNameGenerator). The lab derives them from the pod's uid, itself drawn, so that
 * adding the volume draws nothing more from the lab's random names.
 */
function projectedTokenName(podUid: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 0x811c9dc5;
  for (const c of podUid) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += alphabet[h % alphabet.length];
    h = Math.imul(h ^ i, 0x01000193) >>> 0;
  }
  return `kube-api-access-${suffix}`;
}

function defaultContainer(c: Container, token: string | undefined): Container {
  const mounts = c.volumeMounts ?? [];
  return {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
    ...(token && !mounts.some((m) => m.mountPath === TOKEN_MOUNT)
      ? { volumeMounts: [...mounts, { name: token, mountPath: TOKEN_MOUNT, readOnly: true }] }
      : mounts.length > 0
        ? { volumeMounts: mounts }
        : {}),
  };
}

/** SetDefaults_Pod and SetDefaults_PodSpec: what decoding the request fills in. */
export function podSpecDefaults(pod: Pod): Pod {
  return {
    ...pod,
    spec: {
      ...pod.spec,
      containers: pod.spec.containers.map((c) => defaultContainer(c, undefined)),
      dnsPolicy: pod.spec.dnsPolicy ?? 'ClusterFirst',
      enableServiceLinks: pod.spec.enableServiceLinks ?? true,
      restartPolicy: pod.spec.restartPolicy ?? 'Always',
      schedulerName: pod.spec.schedulerName ?? 'default-scheduler',
      securityContext: pod.spec.securityContext ?? {},
      terminationGracePeriodSeconds: pod.spec.terminationGracePeriodSeconds ?? 30,
    },
  };
}

/** The admission plugins, after the field manager has seen the request (so their fields have no manager). */
export function podAdmission(pod: Pod, namespace: string, tokenVolume: TokenVolumeKind = 'secret'): Pod {
  const mirror = isMirrorPod(pod);
  const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default';
  const token = mirror
    ? undefined
    : tokenVolume === 'projected'
      ? projectedTokenName(pod.metadata.uid)
      : tokenSecretName(namespace);
  const volume: PodVolume | undefined = !token
    ? undefined
    : tokenVolume === 'projected'
      ? { name: token, projected: TOKEN_PROJECTION }
      : { name: token, secret: { defaultMode: 420, secretName: token } };
  const volumes = pod.spec.volumes ?? [];
  const has = (t: Toleration) => pod.spec.tolerations.some((x) => x.key === t.key && x.effect === t.effect);
  return {
    ...pod,
    spec: {
      ...pod.spec,
      containers: pod.spec.containers.map((c) => defaultContainer(c, token)),
      priority: pod.spec.priority ?? priorityOfClass[pod.spec.priorityClassName ?? ''] ?? 0,
      ...(mirror ? {} : { serviceAccount: account, serviceAccountName: account }),
      tolerations: mirror
        ? pod.spec.tolerations
        : [...pod.spec.tolerations, ...defaultTolerations.filter((t) => !has(t))],
      ...(volume && !volumes.some((v) => v.name === volume.name)
        ? { volumes: [...volumes, volume] }
        : volumes.length > 0
          ? { volumes }
          : {}),
    },
  };
}

export function defaultPod(pod: Pod, namespace: string, tokenVolume: TokenVolumeKind = 'secret'): Pod {
  return podAdmission(podSpecDefaults(pod), namespace, tokenVolume);
}

/** The API server sets status.qosClass when it creates a pod (qos.GetPodQOS). */
export function qosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const cs = pod.spec.containers;
  const any = cs.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0,
  );
  if (!any) return 'BestEffort';
  const guaranteed = cs.every((c) =>
    ['cpu', 'memory'].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && request === limit;
    }),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
