// kubectl exec -it over time: the container's shell as the container and its node
// change under it, its files from one session to the next, and replay. Sources in
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

describe('a container’s shell while the lab goes on', () => {
  it('ends when the pod is deleted: the shell is killed with its container (exit code 137)', () => {
    const s = new Session({ seed: 3 });
    runAt(s, 'm-k8s', 'kubectl run box --image=busybox -- sleep 3600');
    wait(s, 20);
    expect(transcript(s, ['kubectl exec -it box -c box -- sh', 'ps'])).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it box -c box -- sh',
        '/ # ps',
        'PID   USER     TIME  COMMAND',
        '    1 root      0:00 sleep 3600',
        '    7 root      0:00 sh',
        '   13 root      0:00 ps',
      ].join('\n'),
    );
    // Another terminal deletes the pod; sleep ignores SIGTERM, so the kubelet kills it after 30 s.
    s.run('m-k8s', 'kubectl delete pod box');
    expect(transcript(s, ['hostname'])).toBe('/ # hostname\nbox');
    wait(s, 40);
    expect(transcript(s, ['hostname', 'hostname'])).toBe(
      ['/ # hostname', 'command terminated with exit code 137', '[root@m-k8s ~]# hostname', 'm-k8s'].join(
        '\n',
      ),
    );
  });

  it('keeps a container’s files from one exec to the next; another container has its own', () => {
    const s = nginxLab();
    expect(
      transcript(s, [
        'kubectl exec -it nginx-pod -- bash',
        'echo hello > /tmp/note',
        'exit',
        'kubectl exec nginx-pod -- cat /tmp/note',
        'kubectl exec -it -n kube-system etcd-m-k8s -- sh',
        'cat /tmp/note',
        'exit',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -it nginx-pod -- bash',
        'root@nginx-pod:/# echo hello > /tmp/note',
        'root@nginx-pod:/# exit',
        'exit',
        '[root@m-k8s ~]# kubectl exec nginx-pod -- cat /tmp/note',
        'hello',
        // etcd's image is busybox with etcd and etcdctl: its own shell, its own files.
        '[root@m-k8s ~]# kubectl exec -it -n kube-system etcd-m-k8s -- sh',
        '/ # cat /tmp/note',
        'cat: /tmp/note: No such file or directory',
        '/ # exit',
        'command terminated with exit code 1',
      ].join('\n'),
    );
  });

  it('in a pod on the host’s network (etcd) finds the node’s name and the node’s resolv.conf', () => {
    const s = new Session({ seed: 3 });
    expect(
      transcript(s, [
        'kubectl exec -n kube-system etcd-m-k8s -- hostname',
        'kubectl exec -n kube-system etcd-m-k8s -- cat /etc/resolv.conf',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl exec -n kube-system etcd-m-k8s -- hostname',
        'm-k8s',
        '[root@m-k8s ~]# kubectl exec -n kube-system etcd-m-k8s -- cat /etc/resolv.conf',
        'nameserver 1.1.1.1 #cloudflare DNS',
        'nameserver 8.8.8.8 #Google DNS',
      ].join('\n'),
    );
  });

  it('ends without a word when the node’s kubelet stops: the stream it served is gone (status 0)', () => {
    const s = new Session({ seed: 3 });
    runAt(s, 'm-k8s', 'kubectl run box --image=busybox -- sleep 3600');
    wait(s, 20);
    const node = s.cluster.pods().find((p) => p.name === 'box')?.node ?? '';
    expect(transcript(s, ['kubectl exec -it box -- sh', 'hostname'])).toBe(
      ['[root@m-k8s ~]# kubectl exec -it box -- sh', '/ # hostname', 'box'].join('\n'),
    );
    s.run(node, 'systemctl stop kubelet');
    wait(s, 2);
    expect(transcript(s, ['hostname', 'echo $?'])).toBe(
      ['/ # hostname', '[root@m-k8s ~]# echo $?', '0'].join('\n'),
    );
  });

  it('replays: the same inputs give the same container shell', () => {
    const s = nginxLab();
    transcript(s, ['kubectl exec -it nginx-pod -- bash', 'cd /usr']);
    const again = Session.replay({ seed: 3 }, s.log);
    expect(again.prompt()).toBe('root@nginx-pod:/usr# ');
    expect(transcript(again, ['exit'])).toBe('root@nginx-pod:/usr# exit\nexit');
    expect(again.prompt()).toBe('[root@m-k8s ~]# ');
  });
});
