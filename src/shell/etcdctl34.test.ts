// etcdctl 3.4 inside the etcd pod: outputs in the forms Debian's etcdctl 3.4.23 prints them.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { etcdctl34, MEMBER_ID } from './etcdctl34';

const CERTS = [
  '--endpoints=https://127.0.0.1:2379',
  '--cacert=/etc/kubernetes/pki/etcd/ca.crt',
  '--cert=/etc/kubernetes/pki/etcd/server.crt',
  '--key=/etc/kubernetes/pki/etcd/server.key',
];

describe('etcdctl 3.4 in the etcd pod', () => {
  const cluster = createCluster({ seed: 7 });
  it("lists the one member under the ID etcd derives from its peer URL (sha1 of 'https://192.168.1.10:2380etcd-cluster')", () => {
    expect(MEMBER_ID).toBe('9754d4208fa9e54b');
    expect(etcdctl34(cluster, [...CERTS, 'member', 'list']).out).toEqual([
      '9754d4208fa9e54b, started, m-k8s, https://192.168.1.10:2380, https://192.168.1.10:2379, false',
    ]);
    expect(etcdctl34(cluster, [...CERTS, 'member', 'list', '-w', 'table']).out).toEqual([
      '+------------------+---------+-------+---------------------------+---------------------------+------------+',
      '|        ID        | STATUS  | NAME  |        PEER ADDRS         |       CLIENT ADDRS        | IS LEARNER |',
      '+------------------+---------+-------+---------------------------+---------------------------+------------+',
      '| 9754d4208fa9e54b | started | m-k8s | https://192.168.1.10:2380 | https://192.168.1.10:2379 |      false |',
      '+------------------+---------+-------+---------------------------+---------------------------+------------+',
    ]);
  });

  it('answers endpoint health and get --keys-only, and times out without the client certificates', () => {
    expect(etcdctl34(cluster, [...CERTS, 'endpoint', 'health']).out[0]).toMatch(
      /^https:\/\/127\.0\.0\.1:2379 is healthy: successfully committed proposal: took = \d+\.\d+ms$/,
    );
    const keys = etcdctl34(cluster, [
      ...CERTS,
      'get',
      '/registry/deployments',
      '--prefix',
      '--keys-only',
    ]).out;
    expect(keys).toEqual([
      '/registry/deployments/kube-system/calico-kube-controllers',
      '',
      '/registry/deployments/kube-system/coredns',
      '',
    ]);
    expect(etcdctl34(cluster, ['member', 'list'])).toMatchObject({
      err: ['Error: context deadline exceeded'],
      code: 1,
      afterMs: 5000,
    });
    expect(etcdctl34(cluster, [...CERTS, 'foo']).err).toEqual([
      'Error: unknown command "foo" for "etcdctl"',
      "Run 'etcdctl --help' for usage.",
      'Error: unknown command "foo" for "etcdctl"',
    ]);
    expect(etcdctl34(cluster, ['version']).out).toEqual(['etcdctl version: 3.4.3', 'API version: 3.4']);
  });
});
