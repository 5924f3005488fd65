// kubectl get -w / --watch-only against the lab's API server watch (kubectl 1.18.4
// pkg/cmd/get/get.go watch; cli-runtime 1.18.4 printers/tableprinter.go and
// tabwriter.go, which uses github.com/liggitt/tabwriter with RememberWidths): the
// table first, then a row per change with no header, each column as wide as the
// widest cell it has printed so far; Ctrl+C closes the watch.
import { describe, expect, it } from 'vitest';
import type { Job } from './job';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
/** A second terminal on m-k8s, where the watch runs while the first one types. */
const watchIn = (s: Session, line: string): Job => {
  const job = s.run('m-k8s', line, 'second');
  wait(s, 1);
  return job;
};
const toKubectl = (s: Session, from: number) =>
  s.cluster.trace
    .all()
    .slice(from)
    .filter((e) => e.to === 'kubectl@m-k8s' && e.kind.startsWith('watch.'));

describe('kubectl get -w', () => {
  it('streams Pending, ContainerCreating and Running rows of a pod made in another terminal', () => {
    const s = new Session({ seed: 7 });
    const w = watchIn(s, 'kubectl get pods -w');
    expect(w.text()).toBe('');
    at(s, 'kubectl run nginx --image=nginx');
    wait(s, 10);
    w.interrupt();
    expect(w.text()).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE',
        'nginx   0/1     Pending   0          0s',
        'nginx   0/1     Pending   0          0s',
        // The kubelet's first status, Calico's podIP annotation, the kubelet's status with the pod's IP.
        'nginx   0/1     ContainerCreating   0          0s',
        'nginx   0/1     ContainerCreating   0          0s',
        'nginx   0/1     ContainerCreating   0          0s',
        'nginx   1/1     Running             0          4s',
        '^C',
      ].join('\n'),
    );
    expect(w.exitCode).toBe(130);
  });

  it("is the API server's watch on the trace, and Ctrl+C closes it", () => {
    const s = new Session({ seed: 7 });
    const before = s.cluster.trace.length;
    const w = watchIn(s, 'kubectl get pods -w');
    const sent = s.cluster.trace.all().slice(before);
    expect(sent.find((e) => e.from === 'kubectl@m-k8s')?.summary).toBe('WATCH pods');
    at(s, 'kubectl run nginx --image=nginx');
    wait(s, 10);
    expect(toKubectl(s, before).map((e) => e.kind)).toContain('watch.pods.added');
    w.interrupt();
    const after = s.cluster.trace.length;
    at(s, 'kubectl run other --image=nginx');
    wait(s, 10);
    expect(toKubectl(s, after)).toEqual([]);
  });

  it('prints the table first, then changes, the columns only growing', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run web --image=nginx');
    wait(s, 10);
    const w = watchIn(s, 'kubectl get pods --watch');
    at(s, 'kubectl create deployment dpy --image=nginx');
    wait(s, 8);
    at(s, 'kubectl label pod web tier=front');
    w.interrupt();
    expect(w.text()).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          11s',
        'dpy-67987f95f9-q5qf9   0/1     Pending   0          0s',
        'dpy-67987f95f9-q5qf9   0/1     Pending   0          0s',
        'dpy-67987f95f9-q5qf9   0/1     ContainerCreating   0          0s',
        'dpy-67987f95f9-q5qf9   0/1     ContainerCreating   0          0s',
        'dpy-67987f95f9-q5qf9   0/1     ContainerCreating   0          0s',
        'dpy-67987f95f9-q5qf9   1/1     Running             0          4s',
        'web                    1/1     Running             0          21s',
        '^C',
      ].join('\n'),
    );
  });

  it('--watch-only prints no table, and its first row comes with the header', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl create deployment dpy --image=nginx');
    wait(s, 10);
    const w = watchIn(s, 'kubectl get deploy --watch-only');
    at(s, 'kubectl scale deployment dpy --replicas=2');
    wait(s, 8);
    w.interrupt();
    expect(w.text()).toBe(
      [
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'dpy    1/2     1            1           12s',
        'dpy    1/2     1            1           12s',
        'dpy    1/2     2            1           12s',
        'dpy    2/2     2            2           16s',
        '^C',
      ].join('\n'),
    );
  });

  it('watches one object by name, and prints -o name and -o yaml per change', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run web --image=nginx');
    wait(s, 10);
    const names = watchIn(s, 'kubectl get pod web -w -o name');
    at(s, 'kubectl run other --image=nginx');
    at(s, 'kubectl label pod web tier=front');
    names.interrupt();
    expect(names.text()).toBe('pod/web\npod/web\n^C');
    const yaml = watchIn(s, 'kubectl get po web -w -o yaml');
    at(s, 'kubectl label pod web tier=back --overwrite');
    yaml.interrupt();
    const docs = yaml.text().split('\n---\n');
    expect(docs).toHaveLength(2);
    expect(docs[0]).toContain('    tier: front\n');
    expect(docs[1]?.startsWith('apiVersion: v1\nkind: Pod\n')).toBe(true);
    expect(docs[1]).toContain('    tier: back\n');
  });

  it('streams into a pipe: head prints its lines at once, and the watch dies of SIGPIPE after', () => {
    const s = new Session({ seed: 7 });
    const w = watchIn(s, 'kubectl get pods -w | head -2');
    at(s, 'kubectl run nginx --image=nginx');
    wait(s, 10);
    expect(w.text()).toBe(
      ['NAME    READY   STATUS    RESTARTS   AGE', 'nginx   0/1     Pending   0          0s'].join('\n'),
    );
    expect(w.done).toBe(true);
    expect(w.exitCode).toBe(0);
  });

  it('--output-watch-events puts the event first, padded as 1.18 pads it', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run web --image=nginx');
    wait(s, 10);
    const w = watchIn(s, 'kubectl get pods --watch --output-watch-events');
    at(s, 'kubectl label pod web tier=front');
    w.interrupt();
    expect(w.text()).toBe(
      [
        'EVENT      NAME   READY   STATUS    RESTARTS   AGE',
        'ADDED      web    1/1     Running   0          11s',
        'MODIFIED   web    1/1     Running   0          12s',
        '^C',
      ].join('\n'),
    );
    // Captured from kubectl 1.20.2 (the same check is in 1.18.4's get.go Validate).
    expect(at(s, 'kubectl get pods --output-watch-events').stderr).toBe(
      "error: --output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples",
    );
  });

  it('refuses what cannot be one watch, as 1.18 words it', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl get pods,svc -w').stderr).toBe(
      'error: you may only specify a single resource type',
    );
    expect(at(s, 'kubectl get pod a b -w').stderr).toBe(
      'error: you may only watch a single resource or type of resource at a time',
    );
    const missing = at(s, 'kubectl get pod nosuch -w');
    expect(missing.stderr).toBe('Error from server (NotFound): pods "nosuch" not found');
    expect(missing.code).toBe(1);
    expect(at(s, 'kubectl get deploy nosuch -w').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nosuch" not found',
    );
  });

  it('ends quietly when the API server goes away', () => {
    const s = new Session({ seed: 7 });
    const w = watchIn(s, 'kubectl get nodes -w');
    at(s, 'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/');
    wait(s, 30);
    expect(w.done).toBe(true);
    expect(w.exitCode).toBe(0);
    expect(w.text().split('\n')[0]).toBe('NAME     STATUS   ROLES    AGE   VERSION');
  });
});
