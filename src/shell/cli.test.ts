// `npm run shell` with a script on stdin: a transcript, prompts and host changes
// included, and a command still waiting after 180 s of cluster time gets ^C.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function shell(script: string, args: string[] = []) {
  const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'cli.ts'), ...args], {
    input: script,
    encoding: 'utf8',
    cwd: root,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run shell (non-interactive)', () => {
  it('prints each command after its prompt, follows ssh and exit, and gives up after 180 s', () => {
    const r = shell(
      [
        'kubectl get nodes | grep w2',
        'ssh w2-k8s',
        'systemctl stop kubelet',
        'exit',
        'kubectl run web --image=nginx',
        'kubectl get pods',
        'kubectl delete pod web',
        'nosuch',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '[root@m-k8s ~]# kubectl get nodes | grep w2',
      'w2-k8s   Ready    <none>   19m   v1.18.4',
      '[root@m-k8s ~]# ssh w2-k8s',
      '[root@w2-k8s ~]# systemctl stop kubelet',
      '[root@w2-k8s ~]# exit',
      'logout',
      'Connection to w2-k8s closed.',
    ]);
    expect(lines).toContain('[root@m-k8s ~]# kubectl run web --image=nginx');
    const del = lines.indexOf('[root@m-k8s ~]# kubectl delete pod web');
    // The pod's node may or may not be w2; either the delete ends, or it hangs and gets ^C.
    expect(lines[del + 1]).toBe('pod "web" deleted');
    expect(lines.slice(-3)).toEqual(['[root@m-k8s ~]# nosuch', '-bash: nosuch: command not found', '']);
  });

  it('starts the fresh lab with --lab fresh, and rejects bad options', () => {
    expect(shell('kubectl get nodes', ['--lab', 'fresh', '--seed', '7']).stdout).toBe(
      '[root@m-k8s ~]# kubectl get nodes\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    );
    const bad = shell('', ['--lab', 'stale']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('shell: --lab is fresh or ready\n');
    // Two spawned shells: give them room on a busy machine.
  }, 30_000);

  it('interrupts a command still waiting after 180 s of cluster time, but lets sleep N sleep N seconds', () => {
    const r = shell('sleep 200\nkubectl run web --image=nginx\nsleep 30\nkubectl logs -f web\nhostname\n');
    const lines = r.stdout.split('\n');
    // sleep 200 is what the person asked for: it ends by itself, without ^C.
    expect(lines.slice(0, 3)).toEqual([
      '[root@m-k8s ~]# sleep 200',
      '[root@m-k8s ~]# kubectl run web --image=nginx',
      'pod/web created',
    ]);
    const follow = lines.indexOf('[root@m-k8s ~]# kubectl logs -f web');
    expect(lines.slice(follow + 8, follow + 11)).toEqual(['^C', '[root@m-k8s ~]# hostname', 'm-k8s']);
    // Two spawned shells' worth of cluster time: give it room on a busy machine.
  }, 20_000);
});
