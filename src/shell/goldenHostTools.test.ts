// free, df, date, sed and docker images|logs|inspect on the book's CentOS 7 hosts: whole
// outputs where the tool's format is the point (procps-ng 3.3.10, coreutils 8.22, docker 1.13.1).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';

describe('free, df and date', () => {
  it('print memory without swap (config.sh turns it off), the disk and docker mounts, the time', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'w2-k8s', 'free -h').text).toBe(
      [
        '              total        used        free      shared  buff/cache   available',
        'Mem:           2.4G        611M        963M        9.6M        881M        1.6G',
        'Swap:            0B          0B          0B',
      ].join('\n'),
    );
    expect(runAt(s, 'w2-k8s', 'df -h').text).toBe(
      [
        'Filesystem               Size  Used Avail Use% Mounted on',
        '/dev/mapper/centos-root   38G  3.7G   35G  10% /',
        'devtmpfs                 1.2G     0  1.2G   0% /dev',
        'tmpfs                    1.2G     0  1.2G   0% /dev/shm',
        'tmpfs                    1.2G  9.7M  1.2G   1% /run',
        'tmpfs                    1.2G     0  1.2G   0% /sys/fs/cgroup',
        '/dev/sda1               1014M  182M  832M  18% /boot',
        'tmpfs                    246M     0  246M   0% /run/user/0',
        'overlay                   38G  3.7G   35G  10% /var/lib/docker/overlay2/1c0d15c111212682ad66154a0834af0d7ac3266faff336fc71e6ccf0dacf4c36/merged',
        'overlay                   38G  3.7G   35G  10% /var/lib/docker/overlay2/d91ad46ebf77ee28f2fb7c16e1b7fc61410278fbfd7ce65acffa5dd55df2359a/merged',
        'shm                       64M     0   64M   0% /var/lib/docker/containers/88d5df538685488fb325f78e3e04555f763a01120b4da7c886f11ccfe94aa78d/shm',
        'overlay                   38G  3.7G   35G  10% /var/lib/docker/overlay2/d404244ac243b3f3f95ab25216602ecaa0020e2439e06ee4a84a26c2a0bfecca/merged',
        'overlay                   38G  3.7G   35G  10% /var/lib/docker/overlay2/7fb17798b6811028c45677c83a278e8e4306e125a0d639b18e3567052dec0d50/merged',
        'shm                       64M     0   64M   0% /var/lib/docker/containers/564b089f794a6daa0914f99642f83ba277e65bc7618068b5913becba2823774e/shm',
      ].join('\n'),
    );
    expect(runAt(s, 'w2-k8s', 'date').text).toBe('Mon Jul  6 01:00:02 UTC 2020');
    // Stopping docker takes its containers' mounts with it.
    runAt(s, 'w2-k8s', 'systemctl stop docker');
    expect(runAt(s, 'w2-k8s', 'df -h').text.split('\n')).toHaveLength(8);
  });
});

describe('sed', () => {
  it("edits the book's files in place, prints ranges and substitutes on a pipe", () => {
    const s = new Session({ seed: 7 });
    runAt(s, 'm-k8s', 'cd ~/_Book_k8sInfra/ch3/3.2.8');
    expect(runAt(s, 'm-k8s', 'sed -n 8,9p echo-hname.yaml').text).toBe('  replicas: 3\n  selector:');
    expect(runAt(s, 'm-k8s', "sed -i 's/replicas: 3/replicas: 6/' echo-hname.yaml")).toMatchObject({
      text: '',
      code: 0,
    });
    expect(runAt(s, 'm-k8s', 'grep replicas echo-hname.yaml').text).toBe('  replicas: 6');
    runAt(s, 'm-k8s', "sed -i.bak -r 's/(.+ image: .+)/#\\1/' echo-hname.yaml");
    expect(runAt(s, 'm-k8s', 'tail -1 echo-hname.yaml').text).toBe('#        image: sysnet4admin/echo-hname');
    expect(runAt(s, 'm-k8s', 'tail -1 echo-hname.yaml.bak').text).toBe(
      '        image: sysnet4admin/echo-hname',
    );
    expect(runAt(s, 'm-k8s', "echo hello world | sed 's/o/0/g'").text).toBe('hell0 w0rld');
    expect(runAt(s, 'm-k8s', "sed -e '2d' -e 's/\\(.\\)/[\\1]/' echo-hname.yaml | head -2").text).toBe(
      '[a]piVersion: apps/v1\n[m]etadata:',
    );
    expect(runAt(s, 'm-k8s', "sed -n '/kind/,/name/p' echo-hname.yaml").text).toBe(
      'kind: Deployment\nmetadata:\n  name: echo-hname',
    );
    expect(runAt(s, 'm-k8s', "sed 's/x' echo-hname.yaml")).toMatchObject({
      stderr: "sed: -e expression #1, char 3: unterminated `s' command",
      code: 1,
    });
    expect(runAt(s, 'm-k8s', 'sed p nofile')).toMatchObject({
      stderr: "sed: can't read nofile: No such file or directory",
      code: 2,
    });
  });
});

describe('docker images, logs and inspect', () => {
  it("list the node's images and show a running nginx container as docker 1.13.1 does", () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'w2-k8s', 'docker images').text).toBe(
      [
        'REPOSITORY              TAG                 IMAGE ID            CREATED             SIZE',
        'k8s.gcr.io/kube-proxy   v1.18.4             718fa77019f2        2 weeks ago         117 MB',
        'k8s.gcr.io/pause        3.2                 80d28bedfe5d        5 months ago        683 kB',
        'docker.io/calico/node   v3.9.4              1d6ce1a1ff4f        6 months ago        195 MB',
        'docker.io/calico/cni    v3.9.4              fa0e8bdd5c7b        6 months ago        160 MB',
      ].join('\n'),
    );
    runAt(s, 'm-k8s', 'kubectl run nginx-pod --image=nginx');
    runAt(s, 'm-k8s', 'sleep 30');
    expect(runAt(s, 'w3-k8s', 'docker images | grep nginx').text).toBe(
      'docker.io/nginx         latest              2622e6cca7eb        10 days ago         132 MB',
    );
    const id = runAt(s, 'w3-k8s', 'docker ps | grep k8s_nginx-pod').text.slice(0, 12);
    expect(runAt(s, 'w3-k8s', `docker logs ${id}`).text).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ].join('\n'),
    );
    const inspected = runAt(s, 'w3-k8s', `docker inspect ${id}`).text;
    // biome-ignore lint/suspicious/noExplicitAny: docker's JSON, read as a student reads it
    const [c] = JSON.parse(inspected) as [Record<string, any>];
    expect(Object.keys(c).slice(0, 6)).toEqual(['Id', 'Created', 'Path', 'Args', 'State', 'Image']);
    expect(c.Id.startsWith(id)).toBe(true);
    expect(c.Id).toHaveLength(64);
    expect([c.Path, c.Args]).toEqual(['/docker-entrypoint.sh', ['nginx', '-g', 'daemon off;']]);
    expect(c.State).toMatchObject({ Status: 'running', Running: true, Pid: 1956, ExitCode: 0 });
    expect(c.Name).toBe(`/${runAt(s, 'w3-k8s', 'docker ps | grep k8s_nginx-pod').text.split(/\s+/).at(-1)}`);
    const sandbox = c.Config.Labels['io.kubernetes.sandbox.id'];
    expect(c.HostConfig.NetworkMode).toBe(`container:${sandbox}`);
    expect(c.Config.Labels['io.kubernetes.pod.name']).toBe('nginx-pod');
    expect(c.Config.Labels['io.kubernetes.container.name']).toBe('nginx-pod');
    // Go's encoder escapes < and >, and indents by four spaces.
    expect(inspected).toContain(
      '"maintainer": "NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e"',
    );
    expect(inspected.split('\n').slice(0, 3)).toEqual(['[', '    {', `        "Id": "${c.Id}",`]);
    expect(runAt(s, 'w3-k8s', 'docker inspect nope')).toMatchObject({
      stdout: '[]',
      stderr: 'Error: No such object: nope',
      code: 1,
    });
    expect(runAt(s, 'w3-k8s', 'docker logs nope')).toMatchObject({
      stderr: 'Error: No such container: nope',
      code: 1,
    });
  });
});
