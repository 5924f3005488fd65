// ping on the lab answers ICMP, as the real hosts do: nodes and pods reply, a
// Service's ClusterIP never does (kube-proxy rewrites only its TCP/UDP ports).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const REPLY = (ip: string, seq: number, ttl: number) =>
  new RegExp(`^64 bytes from ${ip.replace(/\./g, '\\.')}: icmp_seq=${seq} ttl=${ttl} time=\\d\\.\\d{3} ms$`);

describe('ping', () => {
  it('gets answers from a worker node and from a pod', () => {
    const s = new Session();
    const node = runAt(s, 'm-k8s', 'ping -c 2 192.168.1.101').text.split('\n');
    expect(node[0]).toBe('PING 192.168.1.101 (192.168.1.101) 56(84) bytes of data.');
    expect(node[1]).toMatch(REPLY('192.168.1.101', 1, 64));
    expect(node[2]).toMatch(REPLY('192.168.1.101', 2, 64));
    expect(node.slice(3, 6)).toEqual([
      '',
      '--- 192.168.1.101 ping statistics ---',
      expect.stringMatching(/^2 packets transmitted, 2 received, 0% packet loss, time \d+ms$/),
    ]);
    runAt(s, 'm-k8s', 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
    wait(s, 20);
    const pod = runAt(s, 'm-k8s', 'ping -c 1 172.16.103.129');
    expect(pod.text.split('\n')[1]).toMatch(REPLY('172.16.103.129', 1, 63));
    expect(pod.code).toBe(0);
  });

  it('gets no answer from the kubernetes Service ClusterIP', () => {
    const s = new Session();
    const r = runAt(s, 'm-k8s', 'ping -c 2 10.96.0.1');
    expect(r.text.split('\n')).toEqual([
      'PING 10.96.0.1 (10.96.0.1) 56(84) bytes of data.',
      '',
      '--- 10.96.0.1 ping statistics ---',
      expect.stringMatching(/^2 packets transmitted, 0 received, 100% packet loss, time \d+ms$/),
    ]);
    expect(r.code).toBe(1);
  });

  it('gets no answer from a node that is off', () => {
    const s = new Session();
    expect(s.cluster.dispatch({ type: 'host.poweroff', host: 'w3-k8s' })).toBe(true);
    expect(runAt(s, 'm-k8s', 'ping -c 1 w3-k8s').text).toContain(
      '1 packets transmitted, 0 received, 100% packet loss',
    );
  });
});
