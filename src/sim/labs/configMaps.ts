// The ConfigMaps of the ready lab, each as the component that wrote it left it: kubeadm's
// (coredns, kube-proxy, kubeadm-config, the kubelet's, cluster-info), the API server's
// (extension-apiserver-authentication and, 1.28+, its legacy token tracking), the controller
// manager's root-ca-cert-publisher (kube-root-ca.crt in every namespace, 1.20+) and the
// book's Calico manifest (calico-config). What differs by version is the profile's
// (profile.configMaps); the texts and their sources are in src/sim/profiles/configMaps*.ts.
import { uidFromText } from '../components/namespaceLifecycle';
import type { ConfigMap } from '../objects';
import type { Profile } from '../profiles';
import { sha256 } from '../sha256';
import type { SimMs } from '../units';
import { CLUSTER_CA_PEM, FRONT_PROXY_CA_PEM } from './clusterCa';

const API_ENDPOINT = 'https://192.168.1.10:6443';

/** kubeadm's kube-proxy kubeconfig.conf (addons/proxy/manifests.go KubeProxyConfigMap19): the pod's own token and CA. */
const kubeProxyKubeconfig = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: ${API_ENDPOINT}
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;

/** kube-public/cluster-info's kubeconfig: admin.conf's cluster alone, as clientcmd.Write prints it. */
export const clusterInfoKubeconfig = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${btoa(CLUSTER_CA_PEM)}
    server: ${API_ENDPOINT}
  name: ""
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null
`;

/**
 * The bootstrap signer's detached JWS of that kubeconfig for the book's token 123456.1234567890123456:
 * header {"alg":"HS256","kid":"123456"}, HMAC-SHA256 with the token's secret (configMaps.test.ts recomputes it).
 */
export const CLUSTER_INFO_JWS =
  'eyJhbGciOiJIUzI1NiIsImtpZCI6IjEyMzQ1NiJ9..ucDg-b3A0uqEwlHYgSe8JawUV5LSyf-G_GdFH3gVOcU';

/** kubeadm's ChecksumForConfigMap: sha256 over the values in key order (componentconfigs/checksums.go). */
export function componentConfigHash(data: Readonly<Record<string, string>>): string {
  const bytes = sha256(
    Object.keys(data)
      .sort()
      .map((k) => data[k])
      .join(''),
  );
  return `sha256:${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** root-ca-cert-publisher's description of kube-root-ca.crt (pkg/controller/certificates/rootcacertpublisher). */
const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export interface LabConfigMap {
  readonly object: ConfigMap;
  /** The manager its managedFields name. */
  readonly manager: string;
  /** A later writer's keys: the bootstrap signer's JWS in cluster-info. */
  readonly laterWrite?: {
    readonly manager: string;
    readonly at: SimMs;
    readonly data: Readonly<Record<string, string>>;
  };
}

/**
 * The lab's ConfigMaps, in the order they were written: `masterAt` when the API server first
 * ran, `addonsAt` when kubeadm applied its add-ons (and the book applied Calico).
 */
export function labConfigMaps(
  profile: Profile,
  master: string,
  namespaces: readonly string[],
  masterAt: SimMs,
  addonsAt: SimMs,
): LabConfigMap[] {
  const cms = profile.configMaps;
  const made = (
    namespace: string,
    name: string,
    at: SimMs,
    manager: string,
    data: Readonly<Record<string, string>>,
    meta: { labels?: Record<string, string>; annotations?: Record<string, string> } = {},
  ): LabConfigMap => ({
    manager,
    object: {
      kind: 'ConfigMap',
      metadata: {
        name,
        namespace,
        // From its name, not the seed: drawing it would shift every name drawn after.
        uid: uidFromText(`configmap/${namespace}/${name}`),
        resourceVersion: 0,
        creationTimestamp: at,
        ...meta,
      },
      data,
    },
  });
  const signed = (data: Readonly<Record<string, string>>) =>
    cms.componentConfigHash
      ? { annotations: { 'kubeadm.kubernetes.io/component-config.hash': componentConfigHash(data) } }
      : {};
  const proxyData = { 'config.conf': cms.kubeProxyConf, 'kubeconfig.conf': kubeProxyKubeconfig };
  const kubeletData = { kubelet: cms.kubeletConfig };
  const kubeadmData: Record<string, string> = { ClusterConfiguration: cms.clusterConfiguration };
  if (cms.clusterStatus) kubeadmData.ClusterStatus = cms.clusterStatus.replaceAll('{master}', master);
  const uploadAt = (masterAt + 2_000) as SimMs;
  const out: LabConfigMap[] = [
    made('kube-system', 'extension-apiserver-authentication', masterAt, 'kube-apiserver', {
      'client-ca-file': CLUSTER_CA_PEM,
      'requestheader-allowed-names': '["front-proxy-client"]',
      'requestheader-client-ca-file': FRONT_PROXY_CA_PEM,
      'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
      'requestheader-group-headers': '["X-Remote-Group"]',
      'requestheader-username-headers': '["X-Remote-User"]',
    }),
  ];
  if (cms.legacyTokenTrackingSince)
    out.push(
      made(
        'kube-system',
        'kube-apiserver-legacy-service-account-token-tracking',
        masterAt,
        'kube-apiserver',
        {
          since: cms.legacyTokenTrackingSince,
        },
      ),
    );
  out.push(
    made('kube-system', 'kubeadm-config', uploadAt, 'kubeadm', kubeadmData),
    made('kube-system', cms.kubeletConfigName, uploadAt, 'kubeadm', kubeletData, signed(kubeletData)),
    {
      // kubeadm writes the kubeconfig; the controller manager's bootstrap signer adds a signature per token.
      ...made('kube-public', 'cluster-info', (addonsAt - 1_000) as SimMs, 'kubeadm', {
        kubeconfig: clusterInfoKubeconfig,
      }),
      laterWrite: {
        manager: 'kube-controller-manager',
        at: addonsAt,
        data: { 'jws-kubeconfig-123456': CLUSTER_INFO_JWS, kubeconfig: clusterInfoKubeconfig },
      },
    },
    made('kube-system', 'coredns', addonsAt, 'kubeadm', { Corefile: cms.corefile }),
    made('kube-system', 'kube-proxy', addonsAt, 'kubeadm', proxyData, {
      labels: { app: 'kube-proxy' },
      ...signed(proxyData),
    }),
    made('kube-system', 'calico-config', (addonsAt + 1_000) as SimMs, 'kubectl', cms.calicoConfig),
  );
  if (cms.rootCaPublisher)
    for (const ns of namespaces)
      out.push(
        made(
          ns,
          'kube-root-ca.crt',
          masterAt,
          'kube-controller-manager',
          { 'ca.crt': CLUSTER_CA_PEM },
          {
            annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION },
          },
        ),
      );
  return out;
}
