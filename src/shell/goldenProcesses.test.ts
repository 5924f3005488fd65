// ps, systemctl status and journalctl on the book's CentOS 7 hosts (procps-ng 3.3.10,
// systemd 219): whole outputs of a worker before and after `systemctl stop docker`.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const KUBELET =
  '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --cgroup-driver=systemd --network-plugin=cni --pod-infra-container-image=k8s.gcr.io/pause:3.2';

describe('ps', () => {
  it('lists the kubelet with its kubeadm flags, kube-proxy, and the grep beside it', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'w2-k8s', 'ps -ef | grep kube').text).toBe(
      [
        `root      1034     1  2 00:30 ?        00:00:37 ${KUBELET}`,
        'root      1416  1407  0 00:41 ?        00:00:01 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=w2-k8s',
        'root     20003  9316  0 01:00 pts/0    00:00:00 grep --color=auto kube',
      ].join('\n'),
    );
    const aux = runAt(s, 'w2-k8s', 'ps aux').text.split('\n');
    expect(aux[0]).toBe('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(aux[1]).toBe(
      'root         1  0.0  0.2 125000  4000 ?        Ss   00:30   0:00 /usr/lib/systemd/systemd --switched-root --system --deserialize 22',
    );
    expect(aux).toContain(`root      1034  2.1  3.7 1452000 92000 ?        Ssl  00:30   0:37 ${KUBELET}`);
    expect(aux.at(-1)).toBe('root     20004  0.0  0.1 115548  2084 pts/0    R+   01:00   0:00 ps aux');
    expect(runAt(s, 'w2-k8s', 'ps').text).toBe(
      ['  PID TTY          TIME CMD', ' 9316 pts/0    00:00:00 bash', '20007 pts/0    00:00:00 ps'].join(
        '\n',
      ),
    );
  });

  it('shows the control plane with the flags kubeadm 1.18 writes, and an nginx master and worker', () => {
    const s = new Session({ seed: 7 });
    const ef = runAt(s, 'm-k8s', 'ps -ef').text;
    expect(ef).toContain(
      ' kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf --authorization-kubeconfig=/etc/kubernetes/scheduler.conf --bind-address=127.0.0.1 --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true\n',
    );
    expect(ef).toMatch(
      / etcd --advertise-client-urls=https:\/\/192\.168\.1\.10:2379 .* --name=m-k8s .* --trusted-ca-file=\/etc\/kubernetes\/pki\/etcd\/ca\.crt\n/,
    );
    expect(ef).toMatch(
      / kube-apiserver --advertise-address=192\.168\.1\.10 .* --insecure-port=0 .* --service-cluster-ip-range=10\.96\.0\.0\/12 /,
    );
    expect(ef).toMatch(
      / kube-controller-manager --allocate-node-cidrs=true .* --cluster-cidr=172\.16\.0\.0\/16 /,
    );
    runAt(s, 'm-k8s', 'kubectl run nginx-pod --image=nginx');
    runAt(s, 'm-k8s', 'sleep 30');
    expect(runAt(s, 'w3-k8s', 'ps -ef | grep nginx').text).toBe(
      [
        'root      1956  1947  0 01:00 ?        00:00:00 nginx: master process nginx -g daemon off;',
        '101       1957  1956  0 01:00 ?        00:00:00 nginx: worker process',
        'root     20019  9316  0 01:00 pts/0    00:00:00 grep --color=auto nginx',
      ].join('\n'),
    );
    runAt(s, 'm-k8s', 'kubectl delete pod nginx-pod');
    expect(runAt(s, 'w3-k8s', 'ps -ef | grep nginx').text).toBe(
      'root     20022  9316  0 01:00 pts/0    00:00:00 grep --color=auto nginx',
    );
  });
});

const DOCKER_JOURNAL_END = [
  'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…: false"',
  'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…address"',
  'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…: done."',
  'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…ization"',
  'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…n=1.13.1',
  'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…er.sock"',
  'Jul 06 00:30:00 w2-k8s systemd[1]: Started Docker Application Container Engine.',
];

describe('systemctl status and journalctl', () => {
  it('show docker running with its cgroup, then stopped, with what systemd and the kubelet log', () => {
    const s = new Session({ seed: 7 });
    const running = runAt(s, 'w2-k8s', 'systemctl status docker');
    expect(running.code).toBe(0);
    expect(running.text.split('\n').slice(0, 10)).toEqual([
      '● docker.service - Docker Application Container Engine',
      '   Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; vendor preset: disabled)',
      '   Active: active (running) since Mon 2020-07-06 00:30:00 UTC; 30min ago',
      '     Docs: http://docs.docker.com',
      ' Main PID: 1019 (dockerd-current)',
      '    Tasks: 62',
      '   Memory: 83.8M',
      '   CGroup: /system.slice/docker.service',
      '           ├─1019 /usr/bin/dockerd-current --add-runtime docker-runc=/usr/libex…',
      '           ├─1032 /usr/bin/docker-containerd-current -l unix:///var/run/docker/…',
    ]);
    expect(running.text.split('\n').slice(13)).toEqual([
      // The shim is named by the container's full ID, the one describe pod shows as Container ID.
      '           └─1407 /usr/bin/docker-containerd-shim-current 136cd974b0a1febf14b3b…',
      '',
      'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…d: 1032"',
      'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…seconds"',
      'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00… start."',
      ...DOCKER_JOURNAL_END,
    ]);
    runAt(s, 'w2-k8s', 'systemctl stop docker');
    wait(s, 10);
    const stopped = runAt(s, 'w2-k8s', 'systemctl status docker');
    expect(stopped.code).toBe(3);
    expect(stopped.text).toBe(
      [
        '● docker.service - Docker Application Container Engine',
        '   Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; vendor preset: disabled)',
        '   Active: inactive (dead) since Mon 2020-07-06 01:00:01 UTC; 10s ago',
        '     Docs: http://docs.docker.com',
        '  Process: 1019 ExecStart=/usr/bin/dockerd-current --add-runtime docker-runc=/usr/libexec/docker/docker-runc-current --default-runtime=docker-runc --exec-opt native.cgroupdriver=systemd --userland-proxy-path=/usr/libexec/docker/docker-proxy-current --init-path=/usr/libexec/docker/docker-init-current --seccomp-profile=/etc/docker/seccomp.json $OPTIONS $DOCKER_STORAGE_OPTIONS $DOCKER_NETWORK_OPTIONS $ADD_REGISTRY $BLOCK_REGISTRY $INSECURE_REGISTRY $REGISTRIES (code=exited, status=0/SUCCESS)',
        ' Main PID: 1019 (code=exited, status=0/SUCCESS)',
        '',
        ...DOCKER_JOURNAL_END.slice(0, 0),
        'Jul 06 00:30:00 w2-k8s dockerd-current[1019]: time="2020-07-06T00:30:00…: false"',
        ...DOCKER_JOURNAL_END.slice(1),
        'Jul 06 01:00:01 w2-k8s systemd[1]: Stopping Docker Application Containe…ngine...',
        'Jul 06 01:00:01 w2-k8s dockerd-current[1019]: time="2020-07-06T01:00:01…inated\'"',
        'Jul 06 01:00:01 w2-k8s systemd[1]: Stopped Docker Application Container Engine.',
      ].join('\n'),
    );
    // Stopped services leave the process table; their containers go with docker.
    expect(runAt(s, 'w2-k8s', 'ps -ef | grep -c docker').text).toBe('1');
    expect(runAt(s, 'w2-k8s', 'journalctl -u kubelet -n 2').text).toMatch(
      /^-- Logs begin at Mon 2020-07-06 00:29:44 UTC, end at Mon 2020-07-06 01:00:14 UTC\. --\nJul 06 01:00:05 w2-k8s kubelet\[1034\]: E0706 01:00:05\.\d{6} {4}1034 kubelet\.go:2187\] Container runtime not ready: RuntimeReady=false reason:DockerDaemonNotReady message:docker: failed to get docker version: Cannot connect to the Docker daemon at unix:\/\/\/var\/run\/docker\.sock\. Is the docker daemon running\?\nJul 06 01:00:10 w2-k8s kubelet\[1034\]: E0706 01:00:10\.\d{6} {4}1034 kubelet\.go:2187\] Container runtime not ready: /,
    );
    runAt(s, 'w2-k8s', 'systemctl start docker');
    const started = runAt(s, 'w2-k8s', 'journalctl -u docker -n 3 --no-pager').text.split('\n');
    expect(started.slice(1).map((l) => l.replace(/\.\d{9}Z/, '.NNNNNNNNNZ'))).toEqual([
      'Jul 06 01:00:15 w2-k8s dockerd-current[1943]: time="2020-07-06T01:00:15.NNNNNNNNNZ" level=info msg="Docker daemon" commit="64e9980/1.13.1" graphdriver=overlay2 version=1.13.1',
      'Jul 06 01:00:15 w2-k8s dockerd-current[1943]: time="2020-07-06T01:00:15.NNNNNNNNNZ" level=info msg="API listen on /var/run/docker.sock"',
      'Jul 06 01:00:15 w2-k8s systemd[1]: Started Docker Application Container Engine.',
    ]);
    expect(runAt(s, 'w2-k8s', 'systemctl status docker').text).toContain(' Main PID: 1943 (dockerd-current)');
    expect(runAt(s, 'w2-k8s', 'ps -ef | grep dockerd-current').text.split('\n')[0]).toMatch(
      /^root {6}1943 {5}1 {2}0 01:00 \? {8}00:00:00 \/usr\/bin\/dockerd-current /,
    );
  });

  it('journalctl -x explains systemd lines, -f follows until Ctrl+C, and an unknown unit has no entries', () => {
    const s = new Session({ seed: 7 });
    runAt(s, 'w1-k8s', 'systemctl stop kubelet');
    expect(runAt(s, 'w1-k8s', 'journalctl -xeu kubelet | tail -6').text).toBe(
      [
        'Jul 06 01:00:00 w1-k8s systemd[1]: Stopped kubelet: The Kubernetes Node Agent.',
        '-- Subject: Unit kubelet.service has finished shutting down',
        '-- Defined-By: systemd',
        '-- Support: http://lists.freedesktop.org/mailman/listinfo/systemd-devel',
        '-- ',
        '-- Unit kubelet.service has finished shutting down.',
      ].join('\n'),
    );
    const follow = s.run('w1-k8s', 'journalctl -fu kubelet');
    wait(s, 3);
    expect(follow.done).toBe(false);
    runAt(s, 'm-k8s', 'true');
    s.run('w2-k8s', 'true');
    runAt(s, 'w2-k8s', 'ssh w1-k8s');
    const before = follow.output.length;
    // Another terminal starts the kubelet: the following journalctl prints systemd's line and the kubelet's.
    s.cluster.dispatch({ type: 'service.start', host: 'w1-k8s', service: 'kubelet' });
    wait(s, 3);
    const added = follow.output.slice(before).map((l) => l.text);
    expect(added[0]).toMatch(
      /^Jul 06 01:00:0\d w1-k8s systemd\[1\]: Started kubelet: The Kubernetes Node Agent\.$/,
    );
    expect(added[1]).toMatch(
      /^Jul 06 01:00:0\d w1-k8s kubelet\[\d+\]: I0706 01:00:0\d\.\d{6} +\d+ server\.go:417\] Version: v1\.18\.4$/,
    );
    s.interrupt('w1-k8s');
    expect(follow.done).toBe(true);
    expect(runAt(s, 'w1-k8s', 'journalctl -u etcd').text).toMatch(
      /^-- Logs begin at .* --\n-- No entries --$/,
    );
  });
});

describe('the kubelet before kubeadm', () => {
  it('crash-loops every 10 s without its config, stops when stopped, and runs once kubeadm init has written it', () => {
    const s = new Session({ seed: 7, lab: 'fresh' });
    const status = runAt(s, 'm-k8s', 'systemctl status kubelet');
    expect(status.code).toBe(3);
    expect(status.text.split('\n').slice(4, 8)).toEqual([
      '   Active: activating (auto-restart) (Result: exit-code) since Mon 2020-07-06 00:59:51 UTC; 8s ago',
      '     Docs: https://kubernetes.io/docs/',
      '  Process: 1091 ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=255)',
      ' Main PID: 1091 (code=exited, status=255)',
    ]);
    expect(runAt(s, 'm-k8s', 'journalctl -u kubelet | tail -7').text).toBe(
      [
        'Jul 06 00:59:51 m-k8s systemd[1]: kubelet.service holdoff time over, scheduling restart.',
        'Jul 06 00:59:51 m-k8s systemd[1]: Stopped kubelet: The Kubernetes Node Agent.',
        'Jul 06 00:59:51 m-k8s systemd[1]: Started kubelet: The Kubernetes Node Agent.',
        'Jul 06 00:59:51 m-k8s kubelet[1091]: F0706 00:59:51.420034    1091 server.go:199] failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file "/var/lib/kubelet/config.yaml", error: open /var/lib/kubelet/config.yaml: no such file or directory',
        'Jul 06 00:59:51 m-k8s systemd[1]: kubelet.service: main process exited, code=exited, status=255/n/a',
        'Jul 06 00:59:51 m-k8s systemd[1]: Unit kubelet.service entered failed state.',
        'Jul 06 00:59:51 m-k8s systemd[1]: kubelet.service failed.',
      ].join('\n'),
    );
    runAt(s, 'm-k8s', 'systemctl stop kubelet');
    expect(runAt(s, 'm-k8s', 'journalctl -u kubelet -n 1').text.split('\n')[1]).toBe(
      'Jul 06 01:00:02 m-k8s systemd[1]: Stopped kubelet: The Kubernetes Node Agent.',
    );
    expect(runAt(s, 'm-k8s', 'systemctl status kubelet').text.split('\n')[4]).toBe(
      '   Active: inactive (dead) since Mon 2020-07-06 01:00:02 UTC; 2s ago',
    );
    runAt(
      s,
      'm-k8s',
      'kubeadm init --token 123456.1234567890123456 --token-ttl 0 --pod-network-cidr=172.16.0.0/16 --apiserver-advertise-address=192.168.1.10 > /dev/null',
    );
    const running = runAt(s, 'm-k8s', 'systemctl status kubelet');
    expect(running.code).toBe(0);
    expect(running.text).toMatch(
      / {3}Active: active \(running\) since Mon 2020-07-06 01:00:0\d UTC; \d+s ago\n/,
    );
    expect(runAt(s, 'm-k8s', 'ps -ef | grep -c /usr/bin/kubelet').text).toBe('2');
  });
});

describe('the kubelet before kubeadm under 1.36 (systemd 255, kubelet 1.36)', () => {
  it('exits with status 1 and is restarted as 255 says, shows its run when stopped, and runs once kubeadm init has written its config', () => {
    const s = new Session({ seed: 7, lab: 'fresh', profile: '1.36' });
    const status = runAt(s, 'cp-k8s', 'systemctl status kubelet');
    expect(status.code).toBe(3);
    expect(status.text.split('\n').slice(0, 9)).toEqual([
      '● kubelet.service - kubelet: The Kubernetes Node Agent',
      '     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)',
      '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
      '             └─10-kubeadm.conf',
      '     Active: activating (auto-restart) (Result: exit-code) since Fri 2026-05-08 00:59:51 UTC; 8s ago',
      '       Docs: https://kubernetes.io/docs/',
      '    Process: 1091 ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=1/FAILURE)',
      '   Main PID: 1091 (code=exited, status=1/FAILURE)',
      '        CPU: 62ms',
    ]);
    expect(runAt(s, 'cp-k8s', 'journalctl -u kubelet | tail -6').text).toBe(
      [
        'May 08 00:59:51 cp-k8s systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 11.',
        'May 08 00:59:51 cp-k8s systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.',
        'May 08 00:59:51 cp-k8s (kubelet)[1091]: kubelet.service: Referenced but unset environment variable evaluates to an empty string: KUBELET_KUBEADM_ARGS',
        'May 08 00:59:51 cp-k8s kubelet[1091]: E0508 00:59:51.420034    1091 run.go:72] "command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \\"/var/lib/kubelet/config.yaml\\", error: open /var/lib/kubelet/config.yaml: no such file or directory"',
        'May 08 00:59:51 cp-k8s systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE',
        "May 08 00:59:51 cp-k8s systemd[1]: kubelet.service: Failed with result 'exit-code'.",
      ].join('\n'),
    );
    // No journal header under 252+, and none of 219's hold-off or failed-state lines.
    const all = runAt(s, 'cp-k8s', 'journalctl -u kubelet').text;
    expect(all.startsWith('May 08 00:58:00 cp-k8s systemd[1]: Started kubelet.service')).toBe(true);
    expect(all).not.toMatch(/holdoff|entered failed state|Stopped/);
    runAt(s, 'cp-k8s', 'systemctl stop kubelet');
    expect(runAt(s, 'cp-k8s', 'journalctl -u kubelet -n 1').text).toBe(
      'May 08 01:00:03 cp-k8s systemd[1]: Stopped kubelet.service - kubelet: The Kubernetes Node Agent.',
    );
    const stopped = runAt(s, 'cp-k8s', 'systemctl status kubelet').text.split('\n');
    expect(stopped[0]).toBe('○ kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(stopped.slice(4, 6)).toEqual([
      '     Active: inactive (dead) (Result: exit-code) since Fri 2026-05-08 01:00:03 UTC; 2s ago',
      '   Duration: 120ms',
    ]);
    runAt(
      s,
      'cp-k8s',
      'kubeadm init --token 123456.1234567890123456 --token-ttl 0 --pod-network-cidr=172.16.0.0/16 --apiserver-advertise-address=192.168.1.10 > /dev/null',
    );
    const running = runAt(s, 'cp-k8s', 'systemctl status kubelet');
    expect(running.code).toBe(0);
    expect(running.text).toMatch(/^● kubelet\.service/);
    expect(running.text).toMatch(
      /^ {5}Active: active \(running\) since Fri 2026-05-08 01:00:0\d UTC; \d+s ago$/m,
    );
  });
});
