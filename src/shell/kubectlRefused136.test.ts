// kubectl refused under 1.36: discovery's memcache.go lines come first while the disk cache holds
// nothing fresh for the server (the counts per verb are the real kubectl 1.33's with a cold cache),
// and only the refusal is printed once kubectl has had an answer from it (seen with kubectl 1.33
// against `npm run api -- --profile 1.36`). The book's 1.18 lab prints the refusal alone.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const refusedLocal =
  'The connection to the server localhost:8080 was refused - did you specify the right host or port?';
const memcache = (url: string, dial: string) =>
  new RegExp(
    `^E0508 \\d\\d:\\d\\d:\\d\\d\\.\\d{6} {4}\\d+ memcache\\.go:381\\] "Couldn't get current server API group list" err="Get \\\\"${url.replaceAll('/', '\\/').replace('?', '\\?')}\\\\": ${dial}"$`,
  );

describe('kubectl refused under 1.36', () => {
  it('logs discovery’s line as many times as each verb asks while the cache is cold (w3-k8s, no kubeconfig)', () => {
    const s = new Session({ profile: '1.36' });
    const line = memcache(
      'http://localhost:8080/api?timeout=32s',
      'dial tcp 127\\.0\\.0\\.1:8080: connect: connection refused',
    );
    for (const [command, times] of [
      ['kubectl get pods', 5],
      ['kubectl describe pod x', 5],
      ['kubectl logs x', 4],
      ['kubectl run x --image=nginx', 1],
    ] as const) {
      const r = runAt(s, 'w3-k8s', command);
      const lines = r.stderr.split('\n');
      expect(lines, command).toHaveLength(times + 1);
      for (const l of lines.slice(0, times)) expect(l, command).toMatch(line);
      expect(lines.at(-1), command).toBe(refusedLocal);
      expect(r.code).toBe(1);
    }
    // version reads no discovery: the client's lines, then the refusal alone.
    expect(runAt(s, 'w3-k8s', 'kubectl version').stderr).toBe(refusedLocal);
  });

  it('prints the refusal alone once kubectl has had an answer from the server, as on cp-k8s after the setup', () => {
    const s = new Session({ profile: '1.36' });
    const conf = '--kubeconfig /etc/kubernetes/kubelet.conf';
    expect(runAt(s, 'w3-k8s', `kubectl ${conf} get nodes -o name`).code).toBe(0);
    runAt(s, 'cp-k8s', 'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/');
    wait(s, 40);
    const refused =
      'The connection to the server 192.168.1.10:6443 was refused - did you specify the right host or port?';
    expect(runAt(s, 'cp-k8s', 'kubectl get pods').stderr).toBe(refused);
    expect(runAt(s, 'w3-k8s', `kubectl ${conf} get pods`).stderr).toBe(refused);
    // The other workers' kubectl never reached it: cold.
    const w1 = runAt(s, 'w1-k8s', `kubectl ${conf} get pods`).stderr.split('\n');
    expect(w1).toHaveLength(6);
    expect(w1[0]).toMatch(
      memcache(
        'https://192.168.1.10:6443/api?timeout=32s',
        'dial tcp 192\\.168\\.1\\.10:6443: connect: connection refused',
      ),
    );
  });

  it('leaves the book’s 1.18 lab with the refusal alone', () => {
    const s = new Session({ profile: '1.18' });
    expect(runAt(s, 'w3-k8s', 'kubectl get pods').stderr).toBe(refusedLocal);
  });
});
