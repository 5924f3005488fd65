// kube-proxy 1.36's rules as the lab writes them, against what real nodes print: a
// kubeadm cluster's `iptables-save -t nat` for a three-endpoint NodePort Service
// (default/hostnames:http, a 2024 blog post in the code index, its pod CIDR made the lab's),
// the hashes a 2026 node shows for the kubernetes and kube-dns Services, and the walk of a
// connection through KUBE-NODEPORTS, KUBE-EXT-* and KUBE-SVC-*.
import { describe, expect, it } from 'vitest';
import { hostTables, walkNat } from '../sim/hostIptables';
import type { Endpoints, Service } from '../sim/objects';
import { endpointChain, externalChain, proxierTables, serviceChain } from '../sim/proxierRules';
import { Rng } from '../sim/rng';
import { saveRule } from './commands/iptables';

const meta = (name: string) => ({
  name,
  namespace: 'default',
  uid: name,
  resourceVersion: 1,
  creationTimestamp: 0 as never,
});

const hostnames: Service = {
  kind: 'Service',
  metadata: meta('hostnames'),
  spec: {
    type: 'NodePort',
    clusterIP: '10.106.188.243',
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30123 }],
    selector: { app: 'hostnames' },
  },
};
const endpoints: Endpoints = {
  kind: 'Endpoints',
  metadata: meta('hostnames'),
  subsets: [
    {
      addresses: ['192.168.1.228', '192.168.1.230', '192.168.1.231'].map((ip) => ({ ip })),
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
  ],
} as Endpoints;

const v136 = { proxier: '1.36', nfacct: true } as const;
const tables = () =>
  hostTables({
    docker: false,
    kubelet: true,
    kubeletChains: '1.28',
    proxier: proxierTables([hostnames], [endpoints], v136),
  });

describe('kube-proxy 1.36’s iptables rules', () => {
  it('names its chains as real nodes show them', () => {
    // A 2026 node's iptables-save (iptables v1.8.10, nf_tables).
    expect(serviceChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(serviceChain('kube-system/kube-dns:dns', 'udp')).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(serviceChain('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
    expect(serviceChain('kube-system/kube-dns:metrics', 'tcp')).toBe('KUBE-SVC-JD5MR3NA4I4DYORP');
    expect(endpointChain('default/kubernetes:https', 'tcp', '172.31.7.91:6443')).toBe(
      'KUBE-SEP-Z256WNARC5DJQIZM',
    );
    expect(endpointChain('kube-system/kube-dns:dns', 'udp', '10.244.0.2:53')).toBe(
      'KUBE-SEP-YIL6JZP7A3QYXJU2',
    );
    // The blog's NodePort Service: KUBE-EXT- carries the KUBE-SVC- hash.
    expect(externalChain('default/hostnames:http', 'tcp')).toBe('KUBE-EXT-AC2ON6IKLZPGXVMV');
  });

  it('writes the nat rules a real node lists for a NodePort Service with three endpoints', () => {
    const lines = tables().nat.rules.map(saveRule);
    const of = (chain: string) => lines.filter((l) => l.startsWith(`-A ${chain} `));
    expect(of('KUBE-NODEPORTS')).toEqual([
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/hostnames:http" -m tcp --dport 30123 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-AC2ON6IKLZPGXVMV',
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/hostnames:http" -m tcp --dport 30123 -j KUBE-EXT-AC2ON6IKLZPGXVMV',
    ]);
    expect(of('KUBE-EXT-AC2ON6IKLZPGXVMV')).toEqual([
      '-A KUBE-EXT-AC2ON6IKLZPGXVMV -m comment --comment "masquerade traffic for default/hostnames:http external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-AC2ON6IKLZPGXVMV -j KUBE-SVC-AC2ON6IKLZPGXVMV',
    ]);
    expect(of('KUBE-SVC-AC2ON6IKLZPGXVMV')).toEqual([
      '-A KUBE-SVC-AC2ON6IKLZPGXVMV ! -s 172.16.0.0/16 -d 10.106.188.243/32 -p tcp -m comment --comment "default/hostnames:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-AC2ON6IKLZPGXVMV -m comment --comment "default/hostnames:http -> 192.168.1.228:8080" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-QWWDGY5WUYHBTOH6',
      '-A KUBE-SVC-AC2ON6IKLZPGXVMV -m comment --comment "default/hostnames:http -> 192.168.1.230:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-NKE5SXCLKDWDGJHW',
      '-A KUBE-SVC-AC2ON6IKLZPGXVMV -m comment --comment "default/hostnames:http -> 192.168.1.231:8080" -j KUBE-SEP-C4L6HVXWO3MK3KPG',
    ]);
    expect(of('KUBE-SEP-C4L6HVXWO3MK3KPG')).toEqual([
      '-A KUBE-SEP-C4L6HVXWO3MK3KPG -s 192.168.1.231/32 -m comment --comment "default/hostnames:http" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-C4L6HVXWO3MK3KPG -p tcp -m comment --comment "default/hostnames:http" -m tcp -j DNAT --to-destination 192.168.1.231:8080',
    ]);
    expect(of('KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 10.106.188.243/32 -p tcp -m comment --comment "default/hostnames:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-AC2ON6IKLZPGXVMV',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    ]);
    // No chain of the kubelet's old ones.
    expect(tables().nat.chains).not.toContain('KUBE-MARK-DROP');
  });

  it('takes a node-port connection through KUBE-EXT to an endpoint, masqueraded; a pod’s to the cluster IP keeps its source', () => {
    const t = tables();
    const rng = new Rng(7);
    const fromOutside = walkNat(
      t.nat,
      'PREROUTING',
      { src: '192.168.1.1', dst: '192.168.1.101', proto: 'tcp', dport: 30123, dstLocal: true },
      rng,
    );
    expect(fromOutside.path.slice(0, 5)).toEqual([
      'PREROUTING',
      'KUBE-SERVICES',
      'KUBE-NODEPORTS',
      'KUBE-EXT-AC2ON6IKLZPGXVMV',
      'KUBE-MARK-MASQ',
    ]);
    expect(fromOutside.dnat).toMatch(/^192\.168\.1\.23[01]:8080$|^192\.168\.1\.228:8080$/);
    expect(fromOutside.masquerade).toBe(true);
    const fromPod = walkNat(
      t.nat,
      'PREROUTING',
      { src: '172.16.103.129', dst: '10.106.188.243', proto: 'tcp', dport: 80, dstLocal: false },
      rng,
    );
    expect(fromPod.dnat).toMatch(/:8080$/);
    expect(fromPod.masquerade).toBe(false);
  });
});
