// kubectl exec -it: a shell inside the container, typed at the terminal as a student
// would (the transcript is what `npm run shell` prints). Sources in
// docs/FACTS-containers.md (kubectl exec).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';
import { runScript } from './transcript';

const NGINX = '~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';

function transcript(s: Session, lines: readonly string[]): string {
  const out: string[] = [];
  runScript(s, lines, (t) => out.push(t));
  return out.join('\n');
}

function nginxLab() {
  const s = new Session({ seed: 3 });
  runAt(s, 'm-k8s', `kubectl create -f ${NGINX}`);
  wait(s, 20);
  return s;
}

describe('kubectl exec -it POD -- bash|sh', () => {
  it('gives bash’s prompt in the nginx image (Debian), its files and programs, and exit returns to the host', () => {
    const s = nginxLab();
    expect(
      transcript(s, [
        'kubectl exec -it nginx-pod -- bash',
        'hostname',
        'ls /',
        'cd /etc',
        'pwd',
        'cat resolv.conf',
        'ps',
        'nginx -v',
        'exit',
        'hostname',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it nginx-pod -- bash',
        'root@nginx-pod:/# hostname',
        'nginx-pod',
        'root@nginx-pod:/# ls /',
        'bin   docker-entrypoint.d   home   media  proc\tsbin  tmp',
        'boot  docker-entrypoint.sh  lib    mnt\t  root\tsrv   usr',
        'dev   etc\t\t    lib64  opt\t  run\tsys   var',
        'root@nginx-pod:/# cd /etc',
        'root@nginx-pod:/etc# pwd',
        '/etc',
        'root@nginx-pod:/etc# cat resolv.conf',
        'nameserver 10.96.0.10',
        'search default.svc.cluster.local svc.cluster.local cluster.local',
        'options ndots:5',
        'root@nginx-pod:/etc# ps',
        'bash: ps: command not found',
        'root@nginx-pod:/etc# nginx -v',
        'nginx version: nginx/1.19.0',
        'root@nginx-pod:/etc# exit',
        'exit',
        '[root@m-k8s ~]# hostname',
        'm-k8s',
      ].join('\n'),
    );
  });

  it('runs dash as sh (prompt `# `); a non-zero exit is reported by kubectl; -t without -i or a piped stdin gets no terminal', () => {
    const s = nginxLab();
    expect(
      transcript(s, [
        'kubectl exec -i -t nginx-pod -- sh',
        'ls /nope',
        'exit 3',
        'echo $?',
        'kubectl exec -t nginx-pod -- sh',
        'echo hostname | kubectl exec -it nginx-pod -- sh',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -i -t nginx-pod -- sh',
        '# ls /nope',
        "ls: cannot access '/nope': No such file or directory",
        '# exit 3',
        'command terminated with exit code 3',
        '[root@m-k8s ~]# echo $?',
        '3',
        '[root@m-k8s ~]# kubectl exec -t nginx-pod -- sh',
        '[root@m-k8s ~]# echo hostname | kubectl exec -it nginx-pod -- sh',
        'Unable to use a TTY - input is not a terminal or the right kind of file',
        'nginx-pod',
      ].join('\n'),
    );
  });

  it('reports only the status of the shell kubectl started: not a nested shell’s, not twice for sh -c', () => {
    const s = nginxLab();
    expect(
      transcript(s, [
        'kubectl exec -it nginx-pod -- bash',
        'sh',
        'exit 4',
        'sh -c "exit 5"',
        'echo $?',
        'exit',
        'kubectl exec nginx-pod -- sh -c "hostname; exit 2"',
        'kubectl exec nginx-pod -- bash',
        'kubectl exec -i nginx-pod -- sh <<EOF',
        'hostname',
        'exit 3',
        'EOF',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it nginx-pod -- bash',
        'root@nginx-pod:/# sh',
        '# exit 4',
        'root@nginx-pod:/# sh -c "exit 5"',
        'root@nginx-pod:/# echo $?',
        '5',
        // exit without a number is the last command's status: echo's 0.
        'root@nginx-pod:/# exit',
        'exit',
        '[root@m-k8s ~]# kubectl exec nginx-pod -- sh -c "hostname; exit 2"',
        'nginx-pod',
        'command terminated with exit code 2',
        '[root@m-k8s ~]# kubectl exec nginx-pod -- bash',
        '[root@m-k8s ~]# kubectl exec -i nginx-pod -- sh <<EOF',
        '> hostname',
        '> exit 3',
        '> EOF',
        'nginx-pod',
        'command terminated with exit code 3',
      ].join('\n'),
    );
  });

  it('tells the lab’s time in UTC, and its own variables', () => {
    const s = nginxLab();
    expect(
      transcript(s, ['kubectl exec nginx-pod -- date', 'kubectl exec nginx-pod -- printenv HOSTNAME NOPE']),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec nginx-pod -- date',
        'Mon Jul  6 01:00:21 UTC 2020',
        '[root@m-k8s ~]# kubectl exec nginx-pod -- printenv HOSTNAME NOPE',
        'nginx-pod',
        'command terminated with exit code 1',
      ].join('\n'),
    );
  });

  it('says that kubectl run -it with a command other than a shell is not simulated, and creates nothing', () => {
    const s = new Session({ seed: 3 });
    const r = runAt(
      s,
      'm-k8s',
      'kubectl run -it --rm test --image=busybox:1.28 --restart=Never -- nslookup kubernetes.default',
    );
    expect(r.text).toBe(
      'error: podscope: kubectl run -i/-t/--rm is simulated only as -it --rm NAME --image=IMAGE -- sh (a shell of the image, --restart=Always); run the pod, then kubectl exec -it POD -- sh',
    );
    expect(r.code).toBe(1);
    expect(s.cluster.pods().some((p) => p.name === 'test')).toBe(false);
  });

  it('refuses a shell to an image without one (CoreDNS is built FROM scratch)', () => {
    const s = new Session({ seed: 3 });
    const coredns = s.cluster.pods().find((p) => p.name.startsWith('coredns-'))?.name ?? '';
    const r = runAt(s, 'm-k8s', `kubectl exec -it -n kube-system ${coredns} -- sh`);
    expect(r.text).toBe(
      [
        'rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:247: starting container process caused "exec: \\"sh\\": executable file not found in $PATH"',
        'command terminated with exit code 126',
      ].join('\n'),
    );
    expect(r.code).toBe(126);
    expect(s.terminal('main').inContainer).toBe(false);
  });

  it('enters a pod of another namespace with -n: its resolv.conf searches that namespace first', () => {
    const s = new Session({ seed: 3 });
    runAt(s, 'm-k8s', 'kubectl create namespace lab');
    runAt(s, 'm-k8s', 'kubectl run box -n lab --image=busybox -- sleep 3600');
    wait(s, 20);
    expect(
      transcript(s, [
        'kubectl exec -it box -- sh',
        'kubectl exec -it -n lab box -- sh',
        'cat /etc/resolv.conf',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it box -- sh',
        'Error from server (NotFound): pods "box" not found',
        '[root@m-k8s ~]# kubectl exec -it -n lab box -- sh',
        '/ # cat /etc/resolv.conf',
        'nameserver 10.96.0.10',
        'search lab.svc.cluster.local svc.cluster.local cluster.local',
        'options ndots:5',
      ].join('\n'),
    );
  });

  it('warns of the old form without `--`, and names the container it defaults to in a pod of two', () => {
    const s = nginxLab();
    s.shell('m-k8s').fs.write(
      '/root/two.yaml',
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: two',
        'spec:',
        '  containers:',
        '  - name: web',
        '    image: nginx',
        '  - name: box',
        '    image: busybox',
        '    args: ["sleep", "3600"]',
      ].join('\n'),
    );
    runAt(s, 'm-k8s', 'kubectl apply -f two.yaml');
    wait(s, 20);
    expect(
      transcript(s, [
        'kubectl exec nginx-pod hostname',
        'kubectl exec -it two -- sh',
        'exit',
        'kubectl exec two -c box -- ps',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec nginx-pod hostname',
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl kubectl exec [POD] -- [COMMAND] instead.',
        'nginx-pod',
        '[root@m-k8s ~]# kubectl exec -it two -- sh',
        'Defaulting container name to web.',
        "Use 'kubectl describe pod/two -n default' to see all of the containers in this pod.",
        '# exit',
        '[root@m-k8s ~]# kubectl exec two -c box -- ps',
        'PID   USER     TIME  COMMAND',
        '    1 root      0:00 sleep 3600',
        '    7 root      0:00 ps',
      ].join('\n'),
    );
  });

  it('completes with Tab what the container has: its programs and its files, not the host’s', () => {
    const s = new Session({ seed: 3 });
    runAt(s, 'm-k8s', 'kubectl run box --image=busybox -- sleep 3600');
    wait(s, 20);
    expect(s.complete('main', 'kubec', 5).line).toBe('kubectl ');
    transcript(s, ['kubectl exec -it box -- sh']);
    expect(s.complete('main', 'nsl', 3).line).toBe('nslookup ');
    expect(s.complete('main', 'kubec', 5)).toEqual({ line: 'kubec', candidates: [] });
    expect(s.complete('main', 'cat /etc/res', 12).line).toBe('cat /etc/resolv.conf ');
  });
});
