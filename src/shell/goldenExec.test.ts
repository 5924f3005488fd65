// kubectl exec into the book's nginx-pod: what a command run in the container sees
// (docs/FACTS-containers.md for the sources).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const NGINX = '~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';

function lab() {
  const s = new Session();
  runAt(s, 'm-k8s', `kubectl create -f ${NGINX}`);
  wait(s, 20);
  return s;
}

describe('kubectl exec nginx-pod -- CMD', () => {
  it('sees the pod as its host: hostname, /etc/hosts, and CoreDNS in /etc/resolv.conf', () => {
    const s = lab();
    expect(runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- hostname').text).toBe('nginx-pod');
    expect(runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- cat /etc/resolv.conf').text).toBe(
      'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5',
    );
    const hosts = runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- cat /etc/hosts').text.split('\n');
    expect(hosts[0]).toBe('# Kubernetes-managed hosts file.');
    expect(hosts.at(-1)).toBe('172.16.103.129\tnginx-pod');
    expect(runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- nginx -v').text).toBe('nginx version: nginx/1.19.0');
    const env = runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- env').text.split('\n');
    expect(env).toContain('HOSTNAME=nginx-pod');
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(env).toContain('NGINX_VERSION=1.19.0');
  });

  it('runs only what the image has: the nginx image has no ps', () => {
    const s = lab();
    const r = runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- ps');
    expect(r.text.split('\n').at(-1)).toBe('command terminated with exit code 126');
    expect(r.text).toContain('exec: \\"ps\\": executable file not found in $PATH');
    expect(r.code).toBe(126);
    const missing = runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- cat /nope');
    expect(missing.text).toBe('cat: /nope: No such file or directory\ncommand terminated with exit code 1');
    expect(missing.code).toBe(1);
  });

  it('refuses a container not running yet, a completed pod, a stopped kubelet and a missing command', () => {
    const s = new Session();
    runAt(s, 'm-k8s', `kubectl create -f ${NGINX}`);
    expect(runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- hostname').text).toBe(
      'error: unable to upgrade connection: container not found ("container-name")',
    );
    runAt(s, 'm-k8s', 'kubectl run once --image=busybox --restart=Never');
    wait(s, 20);
    expect(runAt(s, 'm-k8s', 'kubectl exec once -- ls').text).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Succeeded',
    );
    expect(runAt(s, 'm-k8s', 'kubectl exec nginx-pod').text).toBe(
      'error: you must specify at least one command for the container',
    );
    runAt(s, 'w2-k8s', 'systemctl stop kubelet');
    expect(runAt(s, 'm-k8s', 'kubectl exec nginx-pod -- hostname').text).toBe(
      'Error from server: error dialing backend: dial tcp 192.168.1.102:10250: connect: connection refused',
    );
  });

  it('in busybox has ps, with the container’s command as PID 1', () => {
    const s = new Session();
    runAt(s, 'm-k8s', 'kubectl run box --image=busybox -- sleep 3600');
    wait(s, 20);
    expect(runAt(s, 'm-k8s', 'kubectl exec box -- ps').text).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps',
    );
  });
});
