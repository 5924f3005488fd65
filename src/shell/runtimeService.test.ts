// Issue 18: the container runtime's service as each profile's machines have it — docker
// in the book's 1.18 lab, containerd in the second edition's 1.36 — typed as a person
// types it (systemctl, ps -ef, journalctl, docker), and what the kubelet and the node say
// while it is down. Sources: docs/FACTS-profiles.md, "The runtime's service".
import { describe, expect, it } from 'vitest';
import { faultLabel } from '../sim';
import type { ProfileId } from '../sim/profiles';
import { profiles } from '../sim/profiles';
import type { SimMs } from '../sim/units';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const runtimes = { '1.18': 'docker', '1.36': 'containerd' } as const;
const other = { '1.18': 'containerd', '1.36': 'docker' } as const;

describe.each(['1.18', '1.36'] as const)('the runtime’s service under %s', (profile: ProfileId) => {
  const rt = runtimes[profile];

  it('systemctl knows the runtime by its name and not the other', () => {
    const s = new Session({ profile });
    const status = runAt(s, 'w2-k8s', `systemctl status ${rt}`);
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n')[0]).toBe(
      profile === '1.18'
        ? '● docker.service - Docker Application Container Engine'
        : '● containerd.service - containerd container runtime',
    );
    expect(status.stdout).toMatch(new RegExp(`CGroup: /system\\.slice/${rt}\\.service`));
    const none = runAt(s, 'w2-k8s', `systemctl status ${other[profile]}`);
    expect(none.text).toBe(`Unit ${other[profile]}.service could not be found.`);
    expect(none.code).toBe(4);
    expect(runAt(s, 'w2-k8s', `systemctl stop ${other[profile]}`).text).toBe(
      `Failed to stop ${other[profile]}.service: Unit ${other[profile]}.service not loaded.`,
    );
  });

  it('stop and start: is-active, ps -ef and the journal follow', () => {
    const s = new Session({ profile });
    const main = profile === '1.18' ? '/usr/bin/dockerd-current' : '/usr/bin/containerd';
    const mainLine = new RegExp(`^root\\s+1019\\s+1\\s+.*\\s${main.replaceAll('/', '\\/')}(\\s|$)`, 'm');
    expect(runAt(s, 'w2-k8s', 'ps -ef').stdout).toMatch(mainLine);
    expect(runAt(s, 'w2-k8s', `systemctl stop ${rt}`).code).toBe(0);
    expect(runAt(s, 'w2-k8s', `systemctl is-active ${rt}`).text).toBe('inactive');
    expect(runAt(s, 'w2-k8s', 'ps -ef').stdout).not.toContain(main);
    const status = runAt(s, 'w2-k8s', `systemctl status ${rt}.service`);
    expect(status.code).toBe(3);
    // systemd 219 ends its labels in column 10, 255 (Ubuntu 24.04) in 12.
    expect(status.stdout).toMatch(
      profile === '1.18'
        ? /^ {3}Active: inactive \(dead\) since /m
        : /^ {5}Active: inactive \(dead\) since /m,
    );
    expect(status.stdout).toContain(
      profile === '1.18'
        ? ' Main PID: 1019 (code=exited, status=0/SUCCESS)'
        : '    Process: 1019 ExecStart=/usr/bin/containerd (code=exited, status=0/SUCCESS)',
    );
    // systemd 250+ names the unit beside its description.
    const description =
      profile === '1.18'
        ? 'Docker Application Container Engine'
        : 'containerd\\.service - containerd container runtime';
    const journal = runAt(s, 'w2-k8s', `journalctl -u ${rt} -n 3`).stdout;
    expect(journal).toMatch(new RegExp(`w2-k8s systemd\\[1\\]: Stopped ${description}\\.$`));
    expect(runAt(s, 'w2-k8s', `journalctl -xu ${rt} -n 1`).stdout).toContain(
      `-- Unit ${rt}.service has finished shutting down.`,
    );
    runAt(s, 'w2-k8s', `systemctl start ${rt}`);
    expect(runAt(s, 'w2-k8s', `systemctl is-active ${rt}`).text).toBe('active');
    // A process started again has a new PID, later than those before it.
    const again = runAt(s, 'w2-k8s', `ps -ef`)
      .stdout.split('\n')
      .find((l) => l.endsWith(main) || l.includes(`${main} `));
    expect(Number(again?.split(/\s+/)[1])).toBeGreaterThan(1036);
  });

  it('the kubelet’s journal while the runtime is down', () => {
    const s = new Session({ profile });
    runAt(s, 'w2-k8s', `systemctl stop ${rt}`);
    wait(s, 40);
    const lines = runAt(s, 'w2-k8s', 'journalctl -u kubelet -n 20').stdout;
    if (profile === '1.18')
      expect(lines).toMatch(
        /kubelet\[1034\]: E0706 \S+ +1034 kubelet\.go:2187\] Container runtime not ready: RuntimeReady=false reason:DockerDaemonNotReady message:docker: failed to get docker version: Cannot connect to the Docker daemon at unix:\/\/\/var\/run\/docker\.sock\. Is the docker daemon running\?$/m,
      );
    else {
      expect(lines).toMatch(
        /kubelet\[1034\]: E\d{4} \S+ +1034 kubelet\.go:3115\] "Container runtime sanity check failed" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix \/run\/containerd\/containerd\.sock: connect: no such file or directory\\""$/m,
      );
      expect(lines).toMatch(
        /log\.go:32\] "Status from runtime service failed" err="rpc error: code = Unavailable/,
      );
      expect(lines).toMatch(
        /kubelet\.go:2525\] "Skipping pod synchronization" err="container runtime is down"$/m,
      );
      expect(lines).not.toContain('docker');
    }
  });

  it('the node turns NotReady with "container runtime is down": at the next status (1.18), 30 s on (1.36)', () => {
    const s = new Session({ profile });
    wait(s, 60);
    const master = profiles[profile].master.name;
    runAt(s, 'w2-k8s', `systemctl stop ${rt}`);
    const stoppedAt = s.now() - 1000;
    let notReadyAt: number | undefined;
    while (notReadyAt === undefined && s.now() - stoppedAt < 90_000) {
      if (/\sNotReady\s/.test(runAt(s, master, 'kubectl get node w2-k8s --no-headers').stdout))
        notReadyAt = s.now();
      else s.advanceTo((s.now() + 100) as SimMs);
    }
    expect(notReadyAt).toBeDefined();
    const after = (notReadyAt ?? 0) - stoppedAt;
    // The kubelet posts every 10 s; each kubectl line here takes a second more.
    const floor = profiles[profile].runtime.downAfterMs;
    expect(after).toBeGreaterThan(floor);
    expect(after).toBeLessThanOrEqual(floor + 12_000);
    const ready = runAt(s, master, 'kubectl describe node w2-k8s | grep " Ready "').stdout;
    expect(ready).toMatch(/Ready\s+False\s+.*KubeletNotReady\s+container runtime is down$/);
  });

  it('the fault palette names the runtime', () => {
    expect(faultLabel('docker', profile)).toEqual({
      en: `Stop the container runtime (${rt})`,
      ko: `컨테이너 런타임(${rt}) 중지`,
    });
  });
});

describe('containerd’s processes (1.36)', () => {
  it('one runc v2 shim per pod sandbox, a child of systemd, with the pod’s processes under it', () => {
    const s = new Session({ profile: '1.36' });
    runAt(s, 'cp-k8s', 'kubectl run nginx-pod --image=nginx');
    wait(s, 40);
    const ps = runAt(s, 'w2-k8s', 'ps -ef').stdout.split('\n');
    const shims = ps.filter((l) => l.includes('/usr/bin/containerd-shim-runc-v2'));
    expect(shims.length).toBeGreaterThan(0);
    for (const l of shims)
      expect(l).toMatch(
        /^root\s+\d+\s+1\s+.*\/usr\/bin\/containerd-shim-runc-v2 -namespace k8s\.io -id [0-9a-f]{64} -address \/run\/containerd\/containerd\.sock$/,
      );
    const pid = (l: string | undefined) => l?.split(/\s+/)[1];
    const ppid = (l: string | undefined) => l?.split(/\s+/)[2];
    const shimPids = new Set(shims.map(pid));
    const master = ps.find((l) => l.endsWith('nginx: master process nginx -g daemon off;'));
    expect(shimPids.has(ppid(master))).toBe(true);
    // Its sandbox's pause is under the same shim.
    expect(ps.some((l) => l.endsWith('/pause') && ppid(l) === ppid(master))).toBe(true);
    expect(ps.some((l) => l.includes('docker'))).toBe(false);
    // systemctl status shows the shims in containerd.service's cgroup.
    const status = runAt(s, 'w2-k8s', 'systemctl status containerd').stdout;
    // systemd 255's tree is indented to its labels' 13 columns.
    expect(status).toMatch(/^ {13}├─1019 \/usr\/bin\/containerd$/m);
    expect(status).toMatch(
      /^ {13}[├└]─\d+ \/usr\/bin\/containerd-shim-runc-v2 -namespace k8s\.io -id [0-9a-f]+…/m,
    );
  });
});
