// kubectl 1.18.4 pkg/cmd/get/get.go: `all` expands to its category (pods, services,
// daemonsets, deployments, replicasets here), each type its own block, names with
// their kind because several kinds were asked for; -L adds label columns headed by
// the key's last segment in capitals (cli-runtime printers/tableprinter.go); a
// cluster-scoped kind gets no NAMESPACE column under -A.
import { describe, expect, it } from 'vitest';
import type { SimMs } from '../sim/units';
import { Session } from './session';
import { typeAndWait } from './transcript';

const out = (s: Session, line: string) =>
  typeAndWait(s, line)
    .output.map((l) => l.text)
    .join('\n');

describe('kubectl get all, -L, and -A on nodes', () => {
  it('prints only the service on the fresh default namespace, still with its kind', () => {
    const s = new Session({ seed: 7 });
    expect(out(s, 'kubectl get all')).toBe(
      [
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   28m',
      ].join('\n'),
    );
  });

  it("prints a Deployment's objects in the category's order", () => {
    const s = new Session({ seed: 7 });
    out(s, 'kubectl create deployment dpy-nginx --image=nginx');
    s.advanceTo((s.now() + 20_000) as SimMs);
    const blocks = out(s, 'kubectl get all').split('\n\n');
    expect(blocks.map((b) => b.split('\n')[1]?.split('/')[0])).toEqual([
      'pod',
      'service',
      'deployment.apps',
      'replicaset.apps',
    ]);
    expect(out(s, 'kubectl get all -l app=dpy-nginx -o name').split('\n')).toEqual([
      expect.stringMatching(/^pod\/dpy-nginx-\w+-\w{5}$/),
      'deployment.apps/dpy-nginx',
      expect.stringMatching(/^replicaset\.apps\/dpy-nginx-\w+$/),
    ]);
  });

  it('adds a column per -L key and no NAMESPACE column for nodes', () => {
    const s = new Session({ seed: 7 });
    const lines = out(s, 'kubectl get pods -n kube-system -L k8s-app -L node-role.kubernetes.io/x').split(
      '\n',
    );
    expect(lines[0]).toMatch(/AGE +K8S-APP +X$/);
    expect(lines.find((l) => l.startsWith('coredns-'))).toMatch(/ kube-dns +$/);
    expect(out(s, 'kubectl get nodes -A').split('\n')[0]).toBe('NAME     STATUS   ROLES    AGE   VERSION');
  });
});
