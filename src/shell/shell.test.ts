import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';
import { FakeCluster } from './testing/fakeCluster';

function lab(opts: { lab?: 'fresh' | 'ready' } = {}) {
  const cluster = new FakeCluster(opts);
  return { cluster, session: new Session({ cluster }) };
}

describe('the shell', () => {
  it('shows bash prompts with ~ for /root and the directory name elsewhere', () => {
    const { session } = lab();
    const sh = session.shell('m-k8s');
    expect(sh.prompt()).toBe('[root@m-k8s ~]# ');
    runAt(session, 'm-k8s', 'cd _Book_k8sInfra/ch3');
    expect(sh.prompt()).toBe('[root@m-k8s ch3]# ');
    runAt(session, 'm-k8s', 'cd /');
    expect(sh.prompt()).toBe('[root@m-k8s /]# ');
    runAt(session, 'm-k8s', 'cd');
    expect(sh.prompt()).toBe('[root@m-k8s ~]# ');
  });

  it('prints bash errors for unknown commands and bad syntax, with their exit codes', () => {
    const { session } = lab();
    expect(runAt(session, 'm-k8s', 'foo bar')).toMatchObject({
      stderr: '-bash: foo: command not found',
      code: 127,
    });
    expect(runAt(session, 'm-k8s', './run.sh')).toMatchObject({
      stderr: '-bash: ./run.sh: No such file or directory',
      code: 127,
    });
    expect(runAt(session, 'm-k8s', '| grep x')).toMatchObject({
      stderr: "-bash: syntax error near unexpected token `|'",
      code: 2,
    });
    expect(runAt(session, 'm-k8s', 'cd nowhere')).toMatchObject({
      stderr: '-bash: cd: nowhere: No such file or directory',
      code: 1,
    });
  });

  it('never throws, whatever is typed', () => {
    const { session } = lab();
    const garbage = [
      '',
      '   ',
      '"',
      "'",
      '\\',
      '$',
      '${',
      '|||',
      '&&',
      ';',
      'kubectl',
      'kubectl -',
      'kubectl --',
      'kubectl get -o',
      'kubectl get pods -n',
      'grep',
      'cat /',
      'ls /nope /etc',
      'ssh',
      'scp a',
      'curl',
      'sleep x',
      'timeout',
      'systemctl',
      'modprobe',
      'etcdctl',
      'kubeadm',
      'docker',
      'mv',
      'cp x',
      'echo ~ ~/x ~root',
      'kubectl get pods/',
      'kubectl delete',
      'kubectl scale',
      'kubectl describe',
      'kubectl create -f',
      'kubectl apply -f /etc',
    ];
    for (const line of garbage) {
      const r = runAt(session, 'm-k8s', line);
      expect(r.job.done, line).toBe(true);
      expect(r.text, line).not.toContain('internal error');
    }
  });

  it('never throws on generated lines of shell-significant characters either', () => {
    const { session } = lab();
    const parts = [
      'kubectl',
      'get',
      'pods',
      '-o',
      '-n',
      '-A',
      '--',
      '|',
      'grep',
      '-v',
      '&&',
      '||',
      ';',
      "'",
      '"',
      '\\',
      '$',
      '~',
      '=',
      'x=1',
      'create',
      '-f',
      '/',
      '..',
      'delete',
      'scale',
      '--replicas=',
      'ssh',
      'scp',
      'mv',
      'sleep',
      'timeout',
      '1',
      '-1',
      'curl',
      'ping',
      '-c',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let i = 0; i < 300; i++) {
      const line = Array.from({ length: 1 + (next() % 7) }, () => parts[next() % parts.length]).join(
        next() % 3 ? ' ' : '',
      );
      const r = runAt(session, session.host, line, 5000);
      expect(r.job.done, line).toBe(true);
      expect(r.text, line).not.toContain('internal error');
    }
  });

  it('pipes into grep -v, -i and -c, and runs && and || lists', () => {
    const { session } = lab();
    const m = (line: string) => runAt(session, 'm-k8s', line);
    expect(m('kubectl get nodes | grep -v NAME | grep -c Ready').text).toBe('4');
    expect(m('kubectl get nodes | grep -i MASTER').text).toBe('m-k8s    Ready    master   29m   v1.18.4');
    expect(m('kubectl get nodes | grep nothing')).toMatchObject({ text: '', code: 1 });
    // GNU grep's basic expressions: `\|` is alternation, a bare `|` and `+` are themselves.
    expect(
      m('kubectl get nodes | grep "w1\\|w3"')
        .text.split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['w1-k8s', 'w3-k8s']);
    expect(m('kubectl get nodes | grep "w1|w3"')).toMatchObject({ text: '', code: 1 });
    expect(m('echo "a+b" | grep "a+b"').text).toBe('a+b');
    expect(m('false && echo no || echo yes').text).toBe('yes');
    expect(m('true; echo $?').text).toBe('0');
    expect(m('echo $HOME ~').text).toBe('/root /root');
    expect(
      m('kubectl get nodes | grep -B1 -A1 w2')
        .text.split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['w1-k8s', 'w2-k8s', 'w3-k8s']);
    expect(m('cat /etc/hosts | grep -A1 m-k8s').text).toBe('192.168.1.10 m-k8s\n192.168.1.101 w1-k8s');
    expect(m('kubectl get nodes | grep -C0 -e')).toMatchObject({ code: 2 });
  });

  it('lists, reads, copies and moves files', () => {
    const { session } = lab();
    const m = (line: string) => runAt(session, 'm-k8s', line);
    expect(m('ls ~/_Book_k8sInfra/ch3').text).toBe('3.1.6  3.2.10  3.2.8  3.3.1  3.3.2  3.3.4  3.3.5');
    expect(m('cat ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml').text).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx-pod\nspec:\n  containers:\n  - name: container-name\n    image: nginx',
    );
    expect(m('cat nope.yaml')).toMatchObject({
      stderr: 'cat: nope.yaml: No such file or directory',
      code: 1,
    });
    expect(m('mkdir /tmp/a/b')).toMatchObject({
      stderr: 'mkdir: cannot create directory ‘/tmp/a/b’: No such file or directory',
    });
    expect(
      m('mkdir -p /tmp/a/b && cp ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml /tmp/a/b && ls /tmp/a/b').text,
    ).toBe('nginx-pod.yaml');
    expect(
      m('mv /tmp/a/b/nginx-pod.yaml /tmp/x.yaml && ls /tmp/a/b && cat /tmp/x.yaml | grep image').text,
    ).toBe('    image: nginx');
    expect(m('mkdir /tmp')).toMatchObject({
      stderr: 'mkdir: cannot create directory ‘/tmp’: File exists',
      code: 1,
    });
  });

  it('keeps a numbered history', () => {
    const { session } = lab();
    runAt(session, 'w1-k8s', 'hostname');
    expect(runAt(session, 'w1-k8s', 'history').text).toBe('    1  hostname\n    2  history');
  });
});

describe('the terminal: ssh, exit and reboot', () => {
  it('moves to another host with ssh and back with exit', () => {
    const { session } = lab();
    const ssh = session.type('ssh w2-k8s');
    expect(ssh.text()).toBe('');
    expect(session.prompt()).toBe('[root@w2-k8s ~]# ');
    expect(session.type('exit').text()).toBe('logout\nConnection to w2-k8s closed.');
    expect(session.prompt()).toBe('[root@m-k8s ~]# ');
    expect(session.type('ssh nowhere').text()).toBe(
      'ssh: Could not resolve hostname nowhere: Name or service not known',
    );
    expect(session.type('ssh root@192.168.1.103').done).toBe(true);
    expect(session.host).toBe('w3-k8s');
  });

  it('ends the ssh session when the host reboots, and the host refuses ssh while it boots', () => {
    const { session, cluster } = lab();
    session.type('ssh w2-k8s');
    const reboot = session.type('reboot');
    expect(reboot.text()).toBe('Connection to w2-k8s closed by remote host.\nConnection to w2-k8s closed.');
    expect(cluster.inputs).toContainEqual({ type: 'host.reboot', host: 'w2-k8s' });
    expect(session.host).toBe('m-k8s');
    expect(session.type('ssh w2-k8s').text()).toBe('ssh: connect to host w2-k8s port 22: Connection refused');
    expect(runAt(session, 'w2-k8s', 'ls').stderr).toBe(
      'ssh: connect to host w2-k8s port 22: Connection refused',
    );
  });
});

describe('the session log', () => {
  it('records each line with its host and cluster time, and Ctrl+C, for replay', () => {
    const { session } = lab();
    runAt(session, 'm-k8s', 'sleep 5');
    const long = session.run('w1-k8s', 'sleep 100');
    session.advanceTo(8000 as never);
    session.interrupt('w1-k8s');
    expect(long.text()).toBe('^C');
    expect(long.exitCode).toBe(130);
    expect(session.log).toEqual([
      { at: 0, host: 'm-k8s', line: 'sleep 5' },
      { at: 6000, host: 'w1-k8s', line: 'sleep 100' },
      { at: 8000, host: 'w1-k8s', interrupt: true },
    ]);
    const again = Session.replay({ cluster: new FakeCluster() }, session.log);
    expect(again.log).toEqual(session.log);
  });
});
