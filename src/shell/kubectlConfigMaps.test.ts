// Issue 18: the ConfigMaps kubeadm, the API server, the controller manager and the book's Calico
// manifest leave in the ready lab, as kubectl prints them under each profile: get (NAME DATA AGE,
// -A, -o yaml), describe (Data under ====, each key under ----), delete, and the etcd keys. Whole
// outputs, seed 7; sources in docs/FACTS-kubectl.md and docs/FACTS-profiles.md (ConfigMaps).
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUSTER_INFO_JWS, clusterInfoKubeconfig } from '../sim/labs/configMaps';
import { profiles } from '../sim/profiles';
import { Session } from './session';
import { runAt } from './testing/drive';

const golden = (name: string) =>
  readFileSync(join(__dirname, 'golden', 'objects', name), 'utf8').replace(/\n$/, '');

describe('kubectl get configmaps (printConfigMap: NAME, DATA, AGE)', () => {
  it('1.18: what kubeadm 1.18, the API server and the Calico manifest wrote, and none in default', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl get cm -A').text).toBe(
      [
        'NAMESPACE     NAME                                 DATA   AGE',
        'kube-public   cluster-info                         2      28m',
        'kube-system   calico-config                        4      28m',
        'kube-system   coredns                              1      28m',
        'kube-system   extension-apiserver-authentication   6      29m',
        'kube-system   kube-proxy                           2      28m',
        'kube-system   kubeadm-config                       2      28m',
        'kube-system   kubelet-config-1.18                  1      28m',
      ].join('\n'),
    );
    expect(runAt(s, 'm-k8s', 'kubectl get configmaps').text).toBe('No resources found in default namespace.');
    expect(runAt(s, 'm-k8s', 'kubectl get configmap coredns -n kube-system').text).toBe(
      ['NAME      DATA   AGE', 'coredns   1      28m'].join('\n'),
    );
  });

  it('1.36: kube-root-ca.crt in every namespace, the token tracking, kubelet-config without its version', () => {
    const s = new Session({ seed: 7, profile: '1.36' });
    expect(runAt(s, 'cp-k8s', 'kubectl get cm -A').text).toBe(
      [
        'NAMESPACE         NAME                                                   DATA   AGE',
        'default           kube-root-ca.crt                                       1      29m',
        'kube-node-lease   kube-root-ca.crt                                       1      29m',
        'kube-public       cluster-info                                           2      28m',
        'kube-public       kube-root-ca.crt                                       1      29m',
        'kube-system       calico-config                                          4      28m',
        'kube-system       coredns                                                1      28m',
        'kube-system       extension-apiserver-authentication                     6      29m',
        'kube-system       kube-apiserver-legacy-service-account-token-tracking   1      29m',
        'kube-system       kube-proxy                                             2      28m',
        'kube-system       kube-root-ca.crt                                       1      29m',
        'kube-system       kubeadm-config                                         1      28m',
        'kube-system       kubelet-config                                         1      28m',
      ].join('\n'),
    );
    expect(runAt(s, 'cp-k8s', 'kubectl get configmaps').text).toBe(
      ['NAME               DATA   AGE', 'kube-root-ca.crt   1      29m'].join('\n'),
    );
  });

  it('-o yaml: kube-proxy’s config.conf (mode "", iptables) and kubeconfig.conf, as kubeadm wrote them', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl get cm kube-proxy -n kube-system -o yaml').text).toBe(
      golden('get-cm-kube-proxy-yaml.txt'),
    );
    const t = new Session({ seed: 7, profile: '1.36' });
    expect(runAt(t, 'cp-k8s', 'kubectl get cm kube-proxy -n kube-system -o yaml').text).toBe(
      golden('get-cm-kube-proxy-yaml-136.txt'),
    );
  });

  it('the component-config hash is kubeadm’s ChecksumForConfigMap: sha256 of the values in key order', () => {
    const s = new Session({ seed: 7, profile: '1.36' });
    for (const name of ['kube-proxy', 'kubelet-config']) {
      const cm = JSON.parse(runAt(s, 'cp-k8s', `kubectl get cm ${name} -n kube-system -o json`).stdout) as {
        data: Record<string, string>;
        metadata: { annotations: Record<string, string> };
      };
      const hash = createHash('sha256');
      for (const k of Object.keys(cm.data).sort()) hash.update(cm.data[k] as string);
      expect(cm.metadata.annotations['kubeadm.kubernetes.io/component-config.hash']).toBe(
        `sha256:${hash.digest('hex')}`,
      );
    }
    expect(profiles['1.18'].configMaps.componentConfigHash).toBe(false);
  });

  it('cluster-info’s jws-kubeconfig-123456 is the kubeconfig signed with the book’s token (HS256, kid 123456)', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: '123456' })).toString('base64url');
    const payload = Buffer.from(clusterInfoKubeconfig).toString('base64url');
    const sig = createHmac('sha256', '1234567890123456').update(`${header}.${payload}`).digest('base64url');
    expect(CLUSTER_INFO_JWS).toBe(`${header}..${sig}`);
    const s = new Session({ seed: 7 });
    expect(
      runAt(
        s,
        'm-k8s',
        "kubectl get cm cluster-info -n kube-public -o jsonpath='{.data.jws-kubeconfig-123456}'",
      ).stdout,
    ).toBe(CLUSTER_INFO_JWS);
  });
});

describe('kubectl describe configmap (ConfigMapDescriber)', () => {
  const corefile118 = [
    '.:53 {',
    '    errors',
    '    health {',
    '       lameduck 5s',
    '    }',
    '    ready',
    '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
    '       pods insecure',
    '       fallthrough in-addr.arpa ip6.arpa',
    '       ttl 30',
    '    }',
    '    prometheus :9153',
    '    forward . /etc/resolv.conf',
    '    cache 30',
    '    loop',
    '    reload',
    '    loadbalance',
    '}',
  ];

  it('1.18: Data, ====, the Corefile under ----, then Events', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl describe cm coredns -n kube-system').text).toBe(
      [
        'Name:         coredns',
        'Namespace:    kube-system',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'Corefile:',
        '----',
        ...corefile118,
        '',
        'Events:  <none>',
      ].join('\n'),
    );
  });

  it('1.36: a blank line after each value and a BinaryData section; labels and the hash annotation', () => {
    const s = new Session({ seed: 7, profile: '1.36' });
    const text = runAt(s, 'cp-k8s', 'kubectl describe configmap kube-proxy -n kube-system').text;
    expect(text.split('\n').slice(0, 9)).toEqual([
      'Name:         kube-proxy',
      'Namespace:    kube-system',
      'Labels:       app=kube-proxy',
      expect.stringMatching(
        /^Annotations: {2}kubeadm\.kubernetes\.io\/component-config\.hash: sha256:[0-9a-f]{64}$/,
      ),
      '',
      'Data',
      '====',
      'config.conf:',
      '----',
    ]);
    expect(text).toContain('  sourceVip: ""\n\nkubeconfig.conf:\n----\napiVersion: v1\n');
    expect(text).toMatch(
      / {4}tokenFile: \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/token\n\n\nBinaryData\n====\n\nEvents: {2}<none>$/,
    );
  });

  it('names a ConfigMap that is not there as the API server does', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl describe cm kube-root-ca.crt')).toMatchObject({
      stderr: 'Error from server (NotFound): configmaps "kube-root-ca.crt" not found',
      code: 1,
    });
  });
});

describe('etcd', () => {
  it('keeps them under /registry/configmaps/NAMESPACE/NAME', () => {
    const s = new Session({ seed: 7 });
    const certs =
      '--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';
    const keys = runAt(
      s,
      'm-k8s',
      `kubectl exec -n kube-system etcd-m-k8s -- etcdctl ${certs} get /registry/configmaps --prefix --keys-only`,
    ).stdout;
    expect(keys.split('\n').filter((l) => l !== '')).toEqual([
      '/registry/configmaps/kube-public/cluster-info',
      '/registry/configmaps/kube-system/calico-config',
      '/registry/configmaps/kube-system/coredns',
      '/registry/configmaps/kube-system/extension-apiserver-authentication',
      '/registry/configmaps/kube-system/kube-proxy',
      '/registry/configmaps/kube-system/kubeadm-config',
      '/registry/configmaps/kube-system/kubelet-config-1.18',
    ]);
  });
});

describe('kubectl delete configmap', () => {
  it('removes it from etcd: get no longer finds it, and the rest stay', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl delete cm calico-config -n kube-system').text).toBe(
      'configmap "calico-config" deleted',
    );
    expect(runAt(s, 'm-k8s', 'kubectl get cm calico-config -n kube-system').text).toBe(
      'Error from server (NotFound): configmaps "calico-config" not found',
    );
    expect(runAt(s, 'm-k8s', 'kubectl get cm -n kube-system -o name').text).toBe(
      [
        'configmap/coredns',
        'configmap/extension-apiserver-authentication',
        'configmap/kube-proxy',
        'configmap/kubeadm-config',
        'configmap/kubelet-config-1.18',
      ].join('\n'),
    );
    const t = new Session({ seed: 7, profile: '1.36' });
    expect(runAt(t, 'cp-k8s', 'kubectl delete configmap kube-root-ca.crt').text).toBe(
      'configmap "kube-root-ca.crt" deleted from default namespace',
    );
  });
});
