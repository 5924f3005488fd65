// Issue 18: `kubeadm init` and `join` in the fresh lab as each profile's release prints
// them — the book's 1.18.4 on m-k8s, the second edition's 1.36.0 on cp-k8s (the phases of
// kubeadm 1.33–1.35 runs, super-admin.conf, instance-config.yaml, control-plane-check).
import { describe, expect, it } from 'vitest';
import { profiles } from '../sim/profiles';
import { Session } from './session';
import { runAt } from './testing/drive';

const INIT =
  'kubeadm init --token 123456.1234567890123456 --token-ttl 0 --pod-network-cidr=172.16.0.0/16 --apiserver-advertise-address=192.168.1.10';
const JOIN =
  'kubeadm join --token 123456.1234567890123456 --discovery-token-unsafe-skip-ca-verification 192.168.1.10:6443';

describe.each(['1.18', '1.36'] as const)('kubeadm under %s', (profile) => {
  const master = profiles[profile].master.name;

  it('CoreDNS’s and Calico’s ReplicaSets take the hashes a real cluster of the version gives them', () => {
    const s = new Session({ lab: 'fresh', profile });
    for (const line of [
      INIT,
      'mkdir -p $HOME/.kube',
      'cp -i /etc/kubernetes/admin.conf $HOME/.kube/config',
      'kubectl apply -f https://raw.githubusercontent.com/sysnet4admin/IaC/master/manifests/172.16_net_calico.yaml',
    ])
      expect(runAt(s, master, line).code, line).toBe(0);
    const { corednsHash, calicoKubeControllersHash } = profiles[profile].addons;
    const rs = runAt(s, master, 'kubectl get rs -n kube-system -o name').text;
    expect(rs.split('\n').sort()).toEqual([
      `replicaset.apps/calico-kube-controllers-${calicoKubeControllersHash}`,
      `replicaset.apps/coredns-${corednsHash}`,
    ]);
    // A template changed by hand is the lab's own to hash.
    runAt(
      s,
      master,
      'kubectl set image deployment/coredns -n kube-system coredns=registry.k8s.io/coredns/coredns:v1.11.1',
    );
    const after = runAt(s, master, 'kubectl get rs -n kube-system -o name').text.split('\n');
    expect(after).toHaveLength(3);
  });

  it('init names its version, the master and the taint it adds, then join', () => {
    const s = new Session({ lab: 'fresh', profile });
    const init = runAt(s, master, INIT);
    expect(init.code).toBe(0);
    const lines = init.text.split('\n');
    expect(lines[0]).toBe(`[init] Using Kubernetes version: ${profiles[profile].kubernetesVersion}`);
    expect(init.text).toContain(
      `[certs] apiserver serving cert is signed for DNS names [${master} kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local] and IPs [10.96.0.1 192.168.1.10]`,
    );
    if (profile === '1.18') {
      expect(lines[2]).toContain('[WARNING IsDockerSystemdCheck]');
      expect(init.text).toContain(
        '[mark-control-plane] Marking the node m-k8s as control-plane by adding the label "node-role.kubernetes.io/master=\'\'"',
      );
      expect(init.text).toMatch(
        /^\[apiclient\] All control plane components are healthy after \d+\.\d{6} seconds$/m,
      );
    } else {
      expect(init.text).not.toContain('WARNING');
      expect(init.text).toContain('[kubeconfig] Writing "super-admin.conf" kubeconfig file');
      expect(init.text).toContain(
        '[mark-control-plane] Marking the node cp-k8s as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]',
      );
      expect(init.text).toContain(
        '[mark-control-plane] Marking the node cp-k8s as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]',
      );
      // The API server is healthy last, when the lab's API server first answered.
      const healthy = [
        ...init.text.matchAll(/^\[control-plane-check\] (\S+) is healthy after ([\d.]+)(m?s)$/gm),
      ];
      expect(healthy.map((m) => m[1])).toEqual([
        'kube-controller-manager',
        'kube-scheduler',
        'kube-apiserver',
      ]);
      const secs = healthy.map((m) => Number(m[2]) / (m[3] === 'ms' ? 1000 : 1));
      expect([...secs].sort((a, b) => a - b)).toEqual(secs);
      expect(init.text).toContain('  export KUBECONFIG=/etc/kubernetes/admin.conf');
    }
    expect(lines.slice(-2)).toEqual([
      'kubeadm join 192.168.1.10:6443 --token 123456.1234567890123456 \\',
      `    --discovery-token-ca-cert-hash sha256:0c8c5ee5e9b4a3c8e5c3f2f31aebd0ca1e2e3e7bbfc94f5e2a2c1a9ad4b7ab6f${profile === '1.18' ? ' ' : ''}`,
    ]);
    const join = runAt(s, 'w1-k8s', JOIN);
    expect(join.code).toBe(0);
    expect(join.text.includes('instance-config.yaml')).toBe(profile === '1.36');
    expect(join.text.split('\n').at(-1)).toBe(
      "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.",
    );
    // A second init on the master fails its preflight, naming the version.
    expect(runAt(s, master, 'kubeadm init').text.split('\n')[0]).toBe(
      `[init] Using Kubernetes version: ${profiles[profile].kubernetesVersion}`,
    );
  });
});
