// The book's setup (facts §1.1) typed into the fresh lab: kubeadm init on m-k8s,
// the kubeconfig copy, Calico, kubeadm join on each worker, then four Ready nodes.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const INIT =
  'kubeadm init --token 123456.1234567890123456 --token-ttl 0 --pod-network-cidr=172.16.0.0/16 --apiserver-advertise-address=192.168.1.10';
const CALICO =
  'kubectl apply -f https://raw.githubusercontent.com/sysnet4admin/IaC/master/manifests/172.16_net_calico.yaml';
const JOIN =
  'kubeadm join --token 123456.1234567890123456 --discovery-token-unsafe-skip-ca-verification 192.168.1.10:6443';

describe("fresh lab: the book's setup scripts", () => {
  it('builds the cluster with kubeadm init, Calico and three joins', () => {
    const s = new Session({ lab: 'fresh' });
    expect(runAt(s, 'm-k8s', 'kubectl get nodes').stderr).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    );
    expect(runAt(s, 'w1-k8s', JOIN).stderr).toContain("couldn't validate the identity of the API Server");

    const init = runAt(s, 'm-k8s', INIT);
    expect(init.code).toBe(0);
    expect(init.text.split('\n')[0]).toBe('[init] Using Kubernetes version: v1.18.4');
    expect(init.text).toContain('kubeadm join 192.168.1.10:6443 --token 123456.1234567890123456 \\');
    expect(runAt(s, 'm-k8s', 'mkdir -p $HOME/.kube').code).toBe(0);
    expect(runAt(s, 'm-k8s', 'cp -i /etc/kubernetes/admin.conf $HOME/.kube/config').text).toBe('');

    const calico = runAt(s, 'm-k8s', CALICO).text.split('\n');
    expect(calico[0]).toBe('configmap/calico-config created');
    expect(calico).toContain('daemonset.apps/calico-node created');
    expect(calico.at(-1)).toBe('serviceaccount/calico-kube-controllers created');
    expect(calico).toHaveLength(23);

    for (const w of ['w1-k8s', 'w2-k8s', 'w3-k8s']) {
      expect(runAt(s, w, JOIN).text.split('\n').at(-1)).toBe(
        "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.",
      );
    }
    wait(s, 180);
    const nodes = runAt(s, 'm-k8s', 'kubectl get nodes').text.split('\n');
    expect(nodes[0]).toMatch(/^NAME {5}STATUS {3}ROLES {4}AGE {3,}VERSION$/);
    expect(nodes.slice(1).map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['m-k8s', 'Ready', 'master'],
      ['w1-k8s', 'Ready', '<none>'],
      ['w2-k8s', 'Ready', '<none>'],
      ['w3-k8s', 'Ready', '<none>'],
    ]);
    const pods = runAt(s, 'm-k8s', 'kubectl get pods --all-namespaces').text.split('\n').slice(1);
    expect(pods).toHaveLength(15);
    expect(pods.every((l) => / 1\/1 +Running /.test(l))).toBe(true);
    expect(
      runAt(s, 'm-k8s', CALICO)
        .text.split('\n')
        .every((l) => l.endsWith(' unchanged')),
    ).toBe(true);
  });
});
