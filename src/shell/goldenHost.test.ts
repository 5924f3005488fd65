// The lab's hosts: uname, /etc/redhat-release, kubelet --version (the book's CentOS 7.8, and Ubuntu 24.04 under 1.36).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';

describe('the hosts', () => {
  it('say which CentOS, kernel and kubelet they run', () => {
    const s = new Session();
    expect(runAt(s, 'w2-k8s', 'cat /etc/redhat-release').text).toBe('CentOS Linux release 7.8.2003 (Core)');
    expect(runAt(s, 'w2-k8s', 'uname -r').text).toBe('3.10.0-1127.19.1.el7.x86_64');
    expect(runAt(s, 'w2-k8s', 'uname').text).toBe('Linux');
    expect(runAt(s, 'w2-k8s', 'uname -a').text).toMatch(
      /^Linux w2-k8s 3\.10\.0-1127\.19\.1\.el7\.x86_64 #1 SMP .+ x86_64 x86_64 x86_64 GNU\/Linux$/,
    );
    expect(runAt(s, 'm-k8s', 'kubelet --version').text).toBe('Kubernetes v1.18.4');
    // The same kernel as the node's status says (kubectl get nodes -o wide).
    const wide = runAt(s, 'm-k8s', 'kubectl get nodes -o wide').text;
    expect(wide).toContain('3.10.0-1127.19.1.el7.x86_64');
  });

  it('under 1.36 say Ubuntu’s kernel, the one the nodes report', () => {
    const s = new Session({ profile: '1.36' });
    expect(runAt(s, 'w2-k8s', 'uname -r').text).toBe('6.8.0-107-generic');
    expect(runAt(s, 'w2-k8s', 'uname -a').text).toMatch(
      /^Linux w2-k8s 6\.8\.0-107-generic #107-Ubuntu SMP PREEMPT_DYNAMIC .+ x86_64 x86_64 x86_64 GNU\/Linux$/,
    );
    expect(runAt(s, 'cp-k8s', 'kubectl get nodes -o wide').text).toContain('6.8.0-107-generic');
  });

  it('under 1.36 have no docker: no docker0 bridge, no DOCKER chains', () => {
    const s = new Session({ profile: '1.36' });
    expect(runAt(s, 'w1-k8s', 'ip addr').text).not.toContain('docker0');
    expect(runAt(s, 'w1-k8s', 'ip route').text).not.toContain('docker0');
    expect(runAt(s, 'w1-k8s', 'iptables -t nat -S').text).not.toMatch(/DOCKER/);
    // The book's lab has them.
    const book = new Session();
    expect(runAt(book, 'w1-k8s', 'ip addr').text).toContain('4: docker0: ');
    expect(runAt(book, 'w1-k8s', 'iptables -t nat -S').text).toContain('-N DOCKER');
  });
});

describe('docker ps', () => {
  it("shows each container's own command, not /bin/sh -c", () => {
    const s = new Session();
    const ps = runAt(s, 'm-k8s', 'docker ps').text;
    for (const cmd of [
      '"kube-apiserver --ad…"',
      '"kube-controller-man…"',
      '"kube-scheduler --au…"',
      '"etcd --advertise-cl…"',
      '"/coredns -conf /etc…"',
      '"/usr/local/bin/kube…"',
      '"start_runit"',
      '"/pause"',
    ])
      expect(ps).toContain(cmd);
    expect(ps).not.toContain('/bin/sh -c');
    runAt(s, 'm-k8s', 'kubectl run box --image=busybox -- sleep 3600');
    runAt(s, 'm-k8s', 'sleep 20');
    expect(runAt(s, 'w2-k8s', 'docker ps').text).toContain('"sleep 3600"');
  });
});

describe('the kubelet’s journal at start', () => {
  for (const profile of ['1.18', '1.36'] as const) {
    it(`is its version’s, each klog time later than the one before (${profile})`, () => {
      const s = new Session({ seed: 1, profile });
      const host = profile === '1.18' ? 'm-k8s' : 'cp-k8s';
      const lines = runAt(s, host, 'journalctl -u kubelet').text.split('\n');
      const times = lines
        .map((l) => / [IEF]\d{4} (\d\d:\d\d:\d\d\.\d{6}) /.exec(l)?.[1])
        .filter((t): t is string => t !== undefined);
      expect(times.length).toBeGreaterThan(9);
      for (let i = 1; i < times.length; i++)
        expect((times[i] as string) >= (times[i - 1] as string), lines.join('\n')).toBe(true);
      expect(lines.join('\n')).toContain(
        profile === '1.18'
          ? 'server.go:417] Version: v1.18.4'
          : `server.go:529] "Kubelet version" kubeletVersion="v1.36.0"`,
      );
      if (profile === '1.36') expect(lines.join('\n')).not.toContain('docker_service.go');
    });
  }
});

describe('systemctl status under 1.36', () => {
  it('is laid out as systemd 255 does, and the journal names the unit', () => {
    const s = new Session({ seed: 1, profile: '1.36' });
    const lines = runAt(s, 'cp-k8s', 'systemctl status kubelet').text.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '● kubelet.service - kubelet: The Kubernetes Node Agent',
      '     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)',
      '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
      '             └─10-kubeadm.conf',
      '     Active: active (running) since Fri 2026-05-08 00:30:00 UTC; 30min ago',
      '       Docs: https://kubernetes.io/docs/',
    ]);
    expect(lines[6]).toMatch(/^ {3}Main PID: \d+ \(kubelet\)$/);
    expect(lines[7]).toMatch(/^ {6}Tasks: \d+ \(limit: \d+\)$/);
    // systemctl-show.c at v255 adds the cgroup's memory.peak.
    expect(lines[8]).toMatch(/^ {5}Memory: \d+\.\dM \(peak: \d+\.\dM\)$/);
    expect(lines[9]).toMatch(/^ {8}CPU: \d+(\.\d+)?s$/);
    expect(lines[10]).toBe('     CGroup: /system.slice/kubelet.service');
    expect(lines[11]).toMatch(/^ {13}└─\d+ \/usr\/bin\/kubelet /);
    runAt(s, 'cp-k8s', 'systemctl stop kubelet');
    // unit_log_success, the stop job's end, then unit_log_resources (the run used over 1 s of CPU).
    expect(runAt(s, 'cp-k8s', 'journalctl -u kubelet | tail -3').text).toMatch(
      /systemd\[1\]: kubelet\.service: Deactivated successfully\.\n.*systemd\[1\]: Stopped kubelet\.service - kubelet: The Kubernetes Node Agent\.\n.*systemd\[1\]: kubelet\.service: Consumed \d+\.\d+s CPU time\.$/,
    );
    // Stopped: ○, how long the run lasted, and the CPU it used (not the 0 of a unit never run).
    const stopped = runAt(s, 'cp-k8s', 'systemctl status kubelet').text.split('\n');
    expect(stopped[0]).toBe('○ kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(stopped[4]).toMatch(/^ {5}Active: inactive \(dead\) since Fri 2026-05-08 01:00:0\d UTC; /);
    expect(stopped[5]).toBe('   Duration: 30min 1s');
    expect(stopped[9]).toMatch(/^ {8}CPU: [1-9]\d*\.\d+s$/);
  });
});
