import { describe, expect, it } from 'vitest';
import type { SimMs } from '../sim/units';
import { commandTable } from './commands';
import type { CompletionContext } from './complete';
import { complete, completionContextOf, currentCommand } from './complete';
import { FileSystem } from './fs';
import { NGINX_POD_YAML } from './labFiles';
import { Session } from './session';

function fixture(): CompletionContext {
  const fs = new FileSystem();
  fs.write('/root/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml', NGINX_POD_YAML);
  fs.write('/root/_Book_k8sInfra/ch3/3.2.8/echo-hname.yaml', '');
  fs.write('/root/_Book_k8sInfra/ch2/README.md', '');
  fs.write('/root/.bashrc', '');
  fs.write('/etc/kubernetes/admin.conf', '');
  fs.mkdirs('/etc/kubernetes/manifests');
  const names: Record<string, string[]> = {
    pods: ['nginx-pod', 'dpy-nginx-abc12', 'dpy-nginx-def34'],
    nodes: ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'],
    deployments: ['dpy-nginx'],
  };
  return {
    fs,
    cwd: '/root',
    commands: [...commandTable.keys()],
    hosts: ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'],
    namespaces: ['default', 'kube-system'],
    units: ['kubelet', 'docker', 'network'],
    names: (resource, namespace) =>
      namespace === 'kube-system' && resource === 'pods' ? ['etcd-m-k8s'] : (names[resource] ?? []),
  };
}

describe('complete: one fit finishes the word', () => {
  const ctx = fixture();
  const table: [string, string][] = [
    ['kubect', 'kubectl '],
    ['systemc', 'systemctl '],
    ['sudo systemc', 'sudo systemctl '],
    ['systemctl stop kube', 'systemctl stop kubelet '],
    ['kubectl ge', 'kubectl get '],
    ['kubectl des', 'kubectl describe '],
    ['kubectl get po', 'kubectl get pods '],
    ['kubectl get no', 'kubectl get nodes '],
    ['kubectl get de', 'kubectl get deployments '],
    ['kubectl get pods -o w', 'kubectl get pods -o wide '],
    ['kubectl get pods --output=ya', 'kubectl get pods --output=yaml '],
    ['kubectl get pods --all-n', 'kubectl get pods --all-namespaces '],
    ['kubectl get pods -n kube-', 'kubectl get pods -n kube-system '],
    ['kubectl get pods -n kube-system etc', 'kubectl get pods -n kube-system etcd-m-k8s '],
    ['kubectl --kubecon', 'kubectl --kubeconfig '],
    ['kubectl --kubeconfig /etc/kubernetes/ad', 'kubectl --kubeconfig /etc/kubernetes/admin.conf '],
    ['kubectl delete pod ngi', 'kubectl delete pod nginx-pod '],
    ['kubectl describe pod/ng', 'kubectl describe pod/nginx-pod '],
    ['kubectl scale deploy', 'kubectl scale deployments '],
    ['kubectl scale deployment dpy', 'kubectl scale deployment dpy-nginx '],
    ['kubectl create deploy', 'kubectl create deployment '],
    ['kubectl create -f ~/_B', 'kubectl create -f ~/_Book_k8sInfra/'],
    ['kubectl create -f ~/_Book_k8sInfra/ch3/3.1', 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/'],
    [
      'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/',
      'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml ',
    ],
    ['kubectl apply -f _Book_k8sInfra/ch3/3.2', 'kubectl apply -f _Book_k8sInfra/ch3/3.2.8/'],
    ['cat /etc/kubernetes/ma', 'cat /etc/kubernetes/manifests/'],
    ['ssh w2', 'ssh w2-k8s '],
    ['ssh root@w3', 'ssh root@w3-k8s '],
    ['scp w1', 'scp w1-k8s:'],
    ['ls ', 'ls _Book_k8sInfra/'],
    ['kubectl get pods --sh', 'kubectl get pods --show-labels '],
    ['kubectl sc', 'kubectl scale '],
    ['kubectl rollout st', 'kubectl rollout status '],
    ['kubectl rollout status deploy', 'kubectl rollout status deployments '],
    ['kubectl set im', 'kubectl set image '],
    ['kubectl dra', 'kubectl drain '],
    ['kubectl cordon w1', 'kubectl cordon w1-k8s '],
    ['kubectl api-r', 'kubectl api-resources '],
    ['modprobe br', 'modprobe br_netfilter '],
    ['kubeadm to', 'kubeadm token '],
    ['kubectl get pods | gre', 'kubectl get pods | grep '],
    ['KUBECONFIG=/etc/kubernetes/admin.conf kubea', 'KUBECONFIG=/etc/kubernetes/admin.conf kubeadm '],
  ];
  for (const [line, want] of table) {
    it(`${JSON.stringify(line)} → ${JSON.stringify(want)}`, () => {
      expect(complete(line, ctx)).toEqual({ line: want, candidates: [] });
    });
  }
});

describe('complete: several fits grow the word to what they share and are listed', () => {
  const ctx = fixture();
  const table: [string, string, string[]][] = [
    ['ssh w', 'ssh w', ['w1-k8s', 'w2-k8s', 'w3-k8s']],
    ['kubectl get pods dpy', 'kubectl get pods dpy-nginx-', ['dpy-nginx-abc12', 'dpy-nginx-def34']],
    ['kubectl get pods -o ', 'kubectl get pods -o ', ['json', 'name', 'wide', 'yaml']],
    ['systemctl s', 'systemctl st', ['start', 'status', 'stop']],
    // `set` came with issue 12's verbs; both are kubectl's own commands.
    ['kubectl s', 'kubectl s', ['scale', 'set']],
    ['kubectl rollout ', 'kubectl rollout ', ['history', 'pause', 'restart', 'resume', 'status', 'undo']],
    ['cat ~/_Book_k8sInfra/ch', 'cat ~/_Book_k8sInfra/ch', ['ch2/', 'ch3/']],
    // The nodes have the kubelet binary too (/usr/bin/kubelet from the kubelet package).
    ['k', 'kube', ['kubeadm', 'kubectl', 'kubelet']],
    [
      'kubectl get pods --s',
      'kubectl get pods --s',
      ['--selector', '--server', '--show-labels', '--sort-by'],
    ],
  ];
  for (const [line, want, candidates] of table) {
    it(`${JSON.stringify(line)} → ${JSON.stringify(want)} ${candidates.join(' ')}`, () => {
      expect(complete(line, ctx)).toEqual({ line: want, candidates });
    });
  }
});

describe('complete: nothing fits', () => {
  const ctx = fixture();
  for (const line of [
    'zzz',
    'kubectl get pods nothere',
    'cat /nowhere/x',
    'kubectl run x --image=ngi',
    '"unclosed',
  ]) {
    it(`${JSON.stringify(line)} is left as it is`, () => {
      expect(complete(line, ctx)).toEqual({ line, candidates: [] });
    });
  }
});

describe('complete: the cursor in the middle of a line', () => {
  it('completes the word before the cursor and keeps the rest', () => {
    const line = 'kubectl ge pods';
    expect(complete(line, fixture(), 'kubectl ge'.length).line).toBe('kubectl get pods');
  });
});

describe('currentCommand', () => {
  it('splits words, honours quotes, and starts over after a pipe or a list operator', () => {
    expect(currentCommand('echo "a b" c')).toEqual({ words: ['echo', 'a b'], partial: 'c' });
    expect(currentCommand('true && kubectl get ')).toEqual({ words: ['kubectl', 'get'], partial: '' });
  });
});

describe('completionContextOf a running lab', () => {
  it('offers the names of the pods the cluster has, and the lab files of the host', () => {
    const session = new Session({ seed: 1 });
    session.type('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
    session.advanceTo(5_000 as SimMs);
    const ctx = completionContextOf(session.shell('m-k8s'));
    expect(complete('kubectl delete pod ngin', ctx).line).toBe('kubectl delete pod nginx-pod ');
    expect(complete('kubectl get node w2', ctx).line).toBe('kubectl get node w2-k8s ');
    expect(complete('kubectl get pods -n kube-system kube-sch', ctx).line).toBe(
      'kubectl get pods -n kube-system kube-scheduler-m-k8s ',
    );
    expect(complete('cat ~/_Book_k8sInfra/ch3/3.1.6/ngi', ctx).line).toBe(
      'cat ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml ',
    );
  });
});

describe('systemctl’s units come from the lab', () => {
  it.each([
    ['1.18', 'docker', 'containerd'],
    ['1.36', 'containerd', 'docker'],
  ] as const)('under %s the runtime’s unit is %s, never %s', (profile, unit, other) => {
    const session = new Session({ profile });
    const ctx = completionContextOf(session.shell('w2-k8s'));
    expect(complete('systemctl stop ', ctx).candidates).toEqual([unit, 'kubelet', 'network']);
    expect(complete(`systemctl stop ${unit.slice(0, 3)}`, ctx).line).toBe(`systemctl stop ${unit} `);
    expect(complete(`systemctl stop ${other.slice(0, 3)}`, ctx).line).toBe(
      `systemctl stop ${other.slice(0, 3)}`,
    );
  });
});
