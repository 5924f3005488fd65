// etcdctl where the book's lab has it: not on the hosts (its scripts install kubeadm,
// kubelet, kubectl and docker only), but in the etcd static pod, etcd 3.4.3's client with
// the v3 API by default. Formats from Debian's etcdctl 3.4.23 (docs/FACTS-containers.md).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';
import { runScript } from './transcript';

const CERTS = [
  '--endpoints=https://127.0.0.1:2379',
  '--cacert=/etc/kubernetes/pki/etcd/ca.crt',
  '--cert=/etc/kubernetes/pki/etcd/server.crt',
  '--key=/etc/kubernetes/pki/etcd/server.key',
].join(' ');
const ETCDCTL = `kubectl exec -n kube-system etcd-m-k8s -- etcdctl ${CERTS}`;

function transcript(s: Session, lines: readonly string[]): string {
  const out: string[] = [];
  runScript(s, lines, (t) => out.push(t));
  return out.join('\n');
}

describe('etcdctl in the lab', () => {
  it('is not on any host', () => {
    const s = new Session({ seed: 7 });
    for (const host of ['m-k8s', 'w1-k8s', 'w3-k8s'] as const)
      expect(runAt(s, host, 'ETCDCTL_API=3 etcdctl member list')).toMatchObject({
        text: '-bash: etcdctl: command not found',
        code: 127,
      });
  });

  it('answers in the etcd pod with the client certificates', () => {
    const s = new Session({ seed: 7 });
    expect(
      transcript(s, [
        `${ETCDCTL} member list`,
        `${ETCDCTL} endpoint health`,
        `${ETCDCTL} get /registry/deployments --prefix --keys-only`,
        `${ETCDCTL} snapshot save /var/lib/etcd/snap.db`,
        'kubectl exec -n kube-system etcd-m-k8s -- ls /var/lib/etcd',
        'kubectl exec -n kube-system etcd-m-k8s -- ls /etc/kubernetes/pki/etcd',
      ]),
    ).toBe(
      [
        `[root@m-k8s ~]# ${ETCDCTL} member list`,
        '9754d4208fa9e54b, started, m-k8s, https://192.168.1.10:2380, https://192.168.1.10:2379, false',
        `[root@m-k8s ~]# ${ETCDCTL} endpoint health`,
        'https://127.0.0.1:2379 is healthy: successfully committed proposal: took = 9.482316ms',
        `[root@m-k8s ~]# ${ETCDCTL} get /registry/deployments --prefix --keys-only`,
        '/registry/deployments/kube-system/calico-kube-controllers',
        '',
        '/registry/deployments/kube-system/coredns',
        '',
        `[root@m-k8s ~]# ${ETCDCTL} snapshot save /var/lib/etcd/snap.db`,
        'Snapshot saved at /var/lib/etcd/snap.db',
        '[root@m-k8s ~]# kubectl exec -n kube-system etcd-m-k8s -- ls /var/lib/etcd',
        'member',
        'snap.db',
        '[root@m-k8s ~]# kubectl exec -n kube-system etcd-m-k8s -- ls /etc/kubernetes/pki/etcd',
        'ca.crt',
        'server.crt',
        'server.key',
      ].join('\n'),
    );
  });

  it('in the 1.36 lab: the member is cp-k8s, and a snapshot is saved after kubectl’s discovery ran cold', () => {
    const s = new Session({ seed: 7, profile: '1.36' });
    const etcdctl = ETCDCTL.replace('etcd-m-k8s', 'etcd-cp-k8s');
    expect(runAt(s, 'cp-k8s', `${etcdctl} member list`).text).toBe(
      '9754d4208fa9e54b, started, cp-k8s, https://192.168.1.10:2380, https://192.168.1.10:2379, false',
    );
    expect(runAt(s, 'cp-k8s', 'kubectl exec -n kube-system etcd-cp-k8s -- etcdctl version').text).toBe(
      'etcdctl version: 3.6.8\nAPI version: 3.6',
    );
    // The 5 s/20 ms answers come after exec has returned to the shell's io (which once lost stdout).
    expect(runAt(s, 'cp-k8s', `${etcdctl} snapshot save /var/lib/etcd/snapshot.db`)).toMatchObject({
      text: 'Snapshot saved at /var/lib/etcd/snapshot.db',
      code: 0,
    });
  });

  it('waits 5 s for the TLS handshake that never succeeds without the certificates', () => {
    const s = new Session({ seed: 7 });
    const t0 = s.now();
    const r = runAt(s, 'm-k8s', 'kubectl exec -n kube-system etcd-m-k8s -- etcdctl member list');
    expect(r.text).toBe('Error: context deadline exceeded\ncommand terminated with exit code 1');
    expect(r.code).toBe(1);
    expect(r.job.finishedAt ?? 0).toBeGreaterThanOrEqual(t0 + 5000);
    expect(
      runAt(s, 'm-k8s', 'kubectl exec -n kube-system etcd-m-k8s -- etcdctl snapshot save /var/lib/etcd/a.db')
        .text,
    ).toBe('Error: context deadline exceeded\ncommand terminated with exit code 1');
  });

  it('runs from the pod’s own shell too (kubectl exec -it … -- sh)', () => {
    const s = new Session({ seed: 7 });
    expect(
      transcript(s, [
        'kubectl exec -it -n kube-system etcd-m-k8s -- sh',
        `etcdctl ${CERTS} member list -w table`,
        'etcdctl version',
        'etcdctl foo',
        'exit',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it -n kube-system etcd-m-k8s -- sh',
        `/ # etcdctl ${CERTS} member list -w table`,
        '+------------------+---------+-------+---------------------------+---------------------------+------------+',
        '|        ID        | STATUS  | NAME  |        PEER ADDRS         |       CLIENT ADDRS        | IS LEARNER |',
        '+------------------+---------+-------+---------------------------+---------------------------+------------+',
        '| 9754d4208fa9e54b | started | m-k8s | https://192.168.1.10:2380 | https://192.168.1.10:2379 |      false |',
        '+------------------+---------+-------+---------------------------+---------------------------+------------+',
        '/ # etcdctl version',
        'etcdctl version: 3.4.3',
        'API version: 3.4',
        '/ # etcdctl foo',
        'Error: unknown command "foo" for "etcdctl"',
        "Run 'etcdctl --help' for usage.",
        'Error: unknown command "foo" for "etcdctl"',
        '/ # exit',
        'command terminated with exit code 1',
      ].join('\n'),
    );
  });

  it('brings a deleted pod back with snapshot restore, as the etcd lesson tells it', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', `${ETCDCTL} snapshot save /var/lib/etcd/snap.db`).code).toBe(0);
    runAt(s, 'm-k8s', 'kubectl run web --image=nginx');
    wait(s, 30);
    const restore =
      'kubectl exec -n kube-system etcd-m-k8s -- etcdctl snapshot restore /var/lib/etcd/snap.db';
    expect(runAt(s, 'm-k8s', restore)).toMatchObject({ text: '', code: 0 });
    expect(runAt(s, 'm-k8s', 'kubectl get pods').stderr).toBe('No resources found in default namespace.');
    expect(
      runAt(
        s,
        'm-k8s',
        'kubectl exec -n kube-system etcd-m-k8s -- etcdctl snapshot restore /var/lib/etcd/none.db',
      ),
    ).toMatchObject({
      text: 'Error: stat /var/lib/etcd/none.db: no such file or directory\ncommand terminated with exit code 1',
      code: 1,
    });
  });
});
