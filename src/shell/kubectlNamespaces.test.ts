// Namespaces and componentstatuses as the 1.18.4 API server serves them: the
// bootstrap controller's four namespaces, NamespaceLifecycle admission, the
// namespace controller emptying a Terminating namespace, and componentstatuses made
// from the API server's probes (pkg/registry/core/componentstatus).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);

describe('kubectl get ns', () => {
  it('lists the four system namespaces of the ready lab, as 1.18 prints them', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl get ns').stdout).toBe(
      [
        'NAME              STATUS   AGE',
        'default           Active   29m',
        'kube-node-lease   Active   29m',
        'kube-public       Active   29m',
        'kube-system       Active   29m',
      ].join('\n'),
    );
    expect(at(s, 'kubectl get namespace kube-system').stdout).toBe(
      ['NAME          STATUS   AGE', 'kube-system   Active   29m'].join('\n'),
    );
    expect(at(s, 'kubectl get ns default --show-labels').stdout).toBe(
      ['NAME      STATUS   AGE   LABELS', 'default   Active   29m   <none>'].join('\n'),
    );
    expect(at(s, 'kubectl get ns --field-selector status.phase=Active -o name').stdout).toBe(
      'namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system',
    );
    expect(at(s, 'kubectl get ns --field-selector status.phase=Terminating').stderr).toBe(
      'No resources found in default namespace.',
    );
    expect(at(s, 'kubectl get ns nosuch').stderr).toBe(
      'Error from server (NotFound): namespaces "nosuch" not found',
    );
  });

  it('prints a namespace as the API object with its finalizer and phase', () => {
    const s = new Session({ seed: 7 });
    const yaml = at(s, 'kubectl get ns kube-public -o yaml').stdout.split('\n');
    expect(yaml.slice(0, 3)).toEqual(['apiVersion: v1', 'kind: Namespace', 'metadata:']);
    expect(yaml).toContain('  name: kube-public');
    expect(yaml.slice(-5)).toEqual([
      'spec:',
      '  finalizers:',
      '  - kubernetes',
      'status:',
      '  phase: Active',
    ]);
  });

  it('describes a namespace as 1.18 describeNamespace does', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl describe ns default').stdout).toBe(
      [
        'Name:         default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ].join('\n'),
    );
  });
});

describe('kubectl create and delete namespace', () => {
  it('creates, refuses content in a missing namespace, and deletes with its content', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl run p --image=nginx -n lab').stderr).toBe(
      'Error from server (NotFound): namespaces "lab" not found',
    );
    expect(at(s, 'kubectl create ns lab').stdout).toBe('namespace/lab created');
    expect(at(s, 'kubectl create namespace lab').stderr).toBe(
      'Error from server (AlreadyExists): namespaces "lab" already exists',
    );
    expect(at(s, 'kubectl run p --image=nginx -n lab').stdout).toBe('pod/p created');
    expect(at(s, 'kubectl create deployment d --image=nginx -n lab').stdout).toBe(
      'deployment.apps/d created',
    );
    wait(s, 20);
    expect(at(s, 'kubectl delete ns lab --wait=false').stdout).toBe('namespace "lab" deleted');
    expect(at(s, 'kubectl get ns lab').stdout).toBe(
      ['NAME   STATUS        AGE', 'lab    Terminating   25s'].join('\n'),
    );
    expect(at(s, 'kubectl run q --image=nginx -n lab').stderr).toBe(
      'Error from server (Forbidden): pods "q" is forbidden: unable to create new content in namespace lab because it is being terminated',
    );
    // The namespace controller deletes the content; the pods take their 30 s grace period.
    wait(s, 45);
    expect(at(s, 'kubectl get ns lab').stderr).toBe(
      'Error from server (NotFound): namespaces "lab" not found',
    );
    expect(s.cluster.objects().filter((o) => o.metadata.namespace === 'lab')).toEqual([]);
  });

  it('keeps the immortal namespaces and prints the generator object for a client dry run', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl delete ns default').stderr).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    );
    // Captured from kubectl 1.20.2 (the generator is the same in 1.18).
    expect(at(s, 'kubectl create ns x --dry-run=client -o yaml').stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  creationTimestamp: null',
        '  name: x',
        'spec: {}',
        'status: {}',
      ].join('\n'),
    );
    expect(at(s, 'kubectl create ns --dry-run=client').stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples",
    );
    expect(s.cluster.objects().some((o) => o.kind === 'Namespace' && o.metadata.name === 'x')).toBe(false);
    const help = at(s, 'kubectl create ns --help').stdout;
    expect(help.split('\n').slice(0, 4)).toEqual([
      'Create a namespace with the specified name.',
      '',
      'Aliases:',
      'namespace, ns',
    ]);
    expect(help).toContain(
      '\nUsage:\n  kubectl create namespace NAME [--dry-run=server|client|none] [options]\n',
    );
    expect(help).not.toContain('--field-manager');
  });
});

describe('a Namespace in a manifest', () => {
  it("is created before the objects in it, as the book's metallb.yaml needs", () => {
    const s = new Session({ seed: 7 });
    const out = at(s, 'kubectl apply -f ~/_Book_k8sInfra/ch3/3.3.4/metallb.yaml').stdout.split('\n');
    expect(out[0]).toBe('namespace/metallb-system created');
    expect(out.slice(-2)).toEqual(['daemonset.apps/speaker created', 'deployment.apps/controller created']);
    expect(at(s, 'kubectl get ns metallb-system --no-headers').stdout).toBe('metallb-system   Active   1s');
  });
});

describe('kubectl get cs', () => {
  it('prints the probes of a healthy control plane, trailing padding included', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl get cs').stdout).toBe(
      [
        'NAME                 STATUS    MESSAGE             ERROR',
        'scheduler            Healthy   ok                  ',
        'controller-manager   Healthy   ok                  ',
        'etcd-0               Healthy   {"health":"true"}   ',
      ].join('\n'),
    );
  });

  it('says Unhealthy with the prober error as the message while the scheduler is stopped', () => {
    const s = new Session({ seed: 7 });
    at(s, 'mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/');
    wait(s, 30);
    const msg = 'Get http://127.0.0.1:10251/healthz: dial tcp 127.0.0.1:10251: connect: connection refused';
    const pad = (t: string, w: number) => t.padEnd(w);
    const w = msg.length + 3;
    expect(at(s, 'kubectl get componentstatuses').stdout).toBe(
      [
        `NAME                 STATUS      ${pad('MESSAGE', w)}ERROR`,
        `scheduler            Unhealthy   ${pad(msg, w)}`,
        `controller-manager   Healthy     ${pad('ok', w)}`,
        `etcd-0               Healthy     ${pad('{"health":"true"}', w)}`,
      ].join('\n'),
    );
  });
});
