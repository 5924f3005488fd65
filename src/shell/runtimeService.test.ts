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
    // The main process is gone (containerd's shims, /usr/bin/containerd-shim-runc-v2, stay: below).
    expect(runAt(s, 'w2-k8s', 'ps -ef').stdout).not.toMatch(mainLine);
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
    // 255 says the unit went dead cleanly, then the stop job's end, then the CPU it used.
    expect(journal).toMatch(
      profile === '1.18'
        ? new RegExp(`w2-k8s systemd\\[1\\]: Stopped ${description}\\.$`)
        : new RegExp(
            `w2-k8s systemd\\[1\\]: ${rt}\\.service: Deactivated successfully\\.\\n.*w2-k8s systemd\\[1\\]: Stopped ${description}\\.\\n.*w2-k8s systemd\\[1\\]: ${rt}\\.service: Consumed \\d+\\.\\d+s CPU time\\.$`,
          ),
    );
    // 255's catalog (catalog/systemd.catalog.in) names the stop job.
    expect(runAt(s, 'w2-k8s', `journalctl -xu ${rt} -n ${profile === '1.18' ? 1 : 2}`).stdout).toMatch(
      profile === '1.18'
        ? `-- Unit ${rt}.service has finished shutting down.`
        : new RegExp(
            `^░░ A stop job for unit ${rt}\\.service has finished\\.\n░░ \n░░ The job identifier is \\d+ and the job result is done\\.$`,
            'm',
          ),
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

describe('containerd stopped, its shims left (1.36)', () => {
  const shimLine =
    /^root\s+(\d+)\s+1\s+.*\/usr\/bin\/containerd-shim-runc-v2 -namespace k8s\.io -id [0-9a-f]{64} /gm;

  it('the pod’s shim and processes stay, the pod answers, and containerd started again takes them back unrestarted', () => {
    const s = new Session({ profile: '1.36' });
    runAt(s, 'cp-k8s', 'kubectl run nginx-pod --image=nginx');
    wait(s, 40);
    const before = runAt(s, 'w2-k8s', 'ps -ef').stdout;
    const shims = [...before.matchAll(shimLine)].map((m) => m[1]);
    const nginx = before.split('\n').find((l) => l.endsWith('nginx: master process nginx -g daemon off;'));
    expect(shims.length).toBeGreaterThan(0);
    runAt(s, 'w2-k8s', 'systemctl stop containerd');
    const during = runAt(s, 'w2-k8s', 'ps -ef').stdout;
    expect([...during.matchAll(shimLine)].map((m) => m[1])).toEqual(shims);
    expect(during.split('\n')).toContain(nginx);
    expect(during).not.toMatch(/\s\/usr\/bin\/containerd$/m);
    const ip = runAt(s, 'cp-k8s', "kubectl get pod nginx-pod -o jsonpath='{.status.podIP}'").stdout;
    expect(runAt(s, 'cp-k8s', `curl -s ${ip} | grep title`).stdout).toBe('<title>Welcome to nginx!</title>');
    // The stopped unit keeps the shims in its cgroup; containerd's unit has TasksMax=infinity.
    const status = runAt(s, 'w2-k8s', 'systemctl status containerd').stdout;
    expect(status).toMatch(/^ {5}Active: inactive \(dead\) since /m);
    expect(status).toMatch(/^ {6}Tasks: \d+$/m);
    expect(status).toMatch(
      /^ {5}CGroup: \/system\.slice\/containerd\.service\n {13}[├└]─\d+ \/usr\/bin\/containerd-shim-runc-v2 /m,
    );
    wait(s, 60);
    runAt(s, 'w2-k8s', 'systemctl start containerd');
    wait(s, 30);
    const journal = runAt(s, 'w2-k8s', 'journalctl -u containerd').stdout;
    for (const pid of shims) {
      expect(journal).toMatch(
        new RegExp(
          `systemd\\[1\\]: containerd\\.service: Unit process ${pid} \\(containerd-shim\\) remains running after unit stopped\\.$`,
          'm',
        ),
      );
      expect(journal).toMatch(
        new RegExp(
          `systemd\\[1\\]: containerd\\.service: Found left-over process ${pid} \\(containerd-shim\\) in control group while starting unit\\. Ignoring\\.\\n.*systemd\\[1\\]: containerd\\.service: This usually indicates unclean termination of a previous run, or service implementation deficiencies\\.$`,
          'm',
        ),
      );
    }
    const after = runAt(s, 'w2-k8s', 'ps -ef').stdout;
    expect(after.split('\n')).toContain(nginx);
    expect(runAt(s, 'cp-k8s', 'kubectl get pod nginx-pod --no-headers').stdout).toMatch(
      /^nginx-pod\s+1\/1\s+Running\s+0\s/,
    );
    expect(runAt(s, 'w2-k8s', 'crictl ps').stdout).toMatch(/\s\d minutes ago\s+Running\s+nginx-pod\s+0\s/);
  });

  it('the PLEG: relist failures every second, and after 3 minutes the node and the sync loop say PLEG is not healthy', () => {
    const s = new Session({ profile: '1.36' });
    wait(s, 60);
    runAt(s, 'w2-k8s', 'systemctl stop containerd');
    wait(s, 100);
    const early = runAt(s, 'cp-k8s', 'kubectl describe node w2-k8s | grep " Ready "').stdout;
    expect(early).toMatch(/KubeletNotReady\s+container runtime is down$/);
    const journal = runAt(s, 'w2-k8s', 'journalctl -u kubelet -n 30').stdout;
    const relists = journal.match(
      /generic\.go:\d+\] "GenericPLEG: Unable to retrieve pods" err="rpc error: code = Unavailable/g,
    );
    expect(relists?.length).toBeGreaterThanOrEqual(8);
    expect(journal).toMatch(
      /"ListPodSandbox with filter from runtime service failed" err="rpc error: .*" filter="nil"$/m,
    );
    wait(s, 90);
    const late = runAt(s, 'cp-k8s', 'kubectl describe node w2-k8s | grep " Ready "').stdout;
    expect(late).toMatch(
      /KubeletNotReady\s+\[container runtime is down, PLEG is not healthy: pleg was last seen active 3m\d{1,2}\.\d{1,9}s ago; threshold is 3m0s\]$/,
    );
    expect(runAt(s, 'w2-k8s', 'journalctl -u kubelet -n 40').stdout).toMatch(
      /kubelet\.go:2525\] "Skipping pod synchronization" err="\[container runtime is down, PLEG is not healthy: pleg was last seen active 3m\d{1,2}\.\d+s ago; threshold is 3m0s\]"$/m,
    );
  });
});

describe('docker stopped (1.18): its containers go with it', () => {
  it('no shim or nginx in ps, and the pod refuses', () => {
    const s = new Session({ profile: '1.18' });
    runAt(s, 'm-k8s', 'kubectl run nginx-pod --image=nginx');
    wait(s, 40);
    runAt(s, 'w2-k8s', 'systemctl stop docker');
    const ps = runAt(s, 'w2-k8s', 'ps -ef').stdout;
    expect(ps).not.toContain('nginx: master process');
    expect(ps).not.toContain('docker-containerd-shim');
  });
});
