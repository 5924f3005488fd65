// A node holds 110 pods (the kubelet's --max-pods) and a Calico block 63 addresses: a
// node whose block is full claims another block of 172.16.0.0/16, as Calico's IPAM
// does (autoAllocateBlocks), so the 64th pod on a node starts instead of failing its
// sandbox for ever, and every host routes the new block.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

describe('a crowded node', () => {
  const session = new Session({ workers: 1 });
  runAt(session, 'm-k8s', 'kubectl create deployment crowd --image=nginx');
  runAt(session, 'm-k8s', 'kubectl scale deployment crowd --replicas=120');
  wait(session, 240);

  it('runs pods up to the 110 the node allows, each with its own address', () => {
    const pods = runAt(session, 'm-k8s', 'kubectl get pods -o wide --no-headers').stdout.split('\n');
    const running = pods.filter((l) => /\sRunning\s/.test(l));
    // The worker also runs calico-node and kube-proxy (and the add-ons the lab schedules there).
    const system = runAt(
      session,
      'm-k8s',
      'kubectl get pods -A -o wide --no-headers --field-selector spec.nodeName=w1-k8s',
    )
      .stdout.split('\n')
      .filter((l) => !l.startsWith('default'));
    expect(running.length + system.length).toBe(110);
    expect(pods.filter((l) => /\sPending\s/.test(l))).toHaveLength(120 - running.length);
    const ips = running.map((l) => l.split(/\s+/)[5]);
    expect(new Set(ips).size).toBe(running.length);
    expect(ips.every((ip) => ip?.startsWith('172.16.'))).toBe(true);
  });

  it('routes the block it claimed on the worker and on the master', () => {
    const own = runAt(session, 'w1-k8s', 'ip route').stdout;
    const blackholes = own.split('\n').filter((l) => l.startsWith('blackhole 172.16.'));
    expect(blackholes).toHaveLength(2);
    const claimed = blackholes.map((l) => l.split(' ')[1]).find((b) => b !== '172.16.221.128/26');
    expect(claimed).toMatch(/^172\.16\.\d+\.(0|64|128|192)\/26$/);
    const master = runAt(session, 'm-k8s', 'ip route').stdout;
    expect(master).toContain(`${claimed} via 192.168.1.101 dev tunl0 proto bird onlink`);
  });
});
