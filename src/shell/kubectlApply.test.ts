// kubectl apply's last-applied-configuration (kubectl 1.18.4 pkg/util/apply.go,
// pkg/cmd/apply/apply.go, patcher.go; facts §16). The saved texts are those the real
// kubectl 1.20.2 sent to a stub API server for the same files (its POST bodies, kept in
// src/shell/golden/apply-1.20.2.txt); where 1.18.4's source differs, the test says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../sim/objects';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const write = (s: Session, path: string, text: string) => s.shell('m-k8s').fs.write(path, text);
const captured = readFileSync(join(__dirname, 'golden', 'apply-1.20.2.txt'), 'utf8');

const NGINX_POD = '/root/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';
const POD_SAVED =
  '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"nginx-pod","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"container-name"}]}}\n';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const DEPLOYMENT = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
`;

const deployment = (s: Session, name: string) =>
  s.cluster.objects().find((o): o is Deployment => o.kind === 'Deployment' && o.metadata.name === name);

describe('kubectl apply saves the configuration it applied', () => {
  it('as the file wrote it, with its namespace and an empty annotations map, in compact JSON', () => {
    // The real kubectl's POST body for the book's nginx-pod.yaml holds exactly this text.
    expect(captured).toContain(JSON.stringify(POD_SAVED).slice(1, -1));
    const s = new Session({ seed: 7 });
    expect(at(s, `kubectl apply -f ${NGINX_POD}`).stdout).toBe('pod/nginx-pod created');
    const pod = s.cluster.objects().find((o) => o.kind === 'Pod' && o.metadata.name === 'nginx-pod');
    expect(pod?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(POD_SAVED);
    const yaml = at(s, 'kubectl get pod nginx-pod -o yaml').stdout.split('\n');
    expect(yaml.slice(0, 7)).toEqual([
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  annotations:',
      `    cni.projectcalico.org/podIP: ${pod?.metadata.annotations?.['cni.projectcalico.org/podIP']}`,
      '    kubectl.kubernetes.io/last-applied-configuration: |',
      `      ${POD_SAVED.trimEnd()}`,
    ]);
    // kubectl's own write owns the annotation (client-side apply is an Update by "kubectl").
    expect(yaml.slice(8, 17)).toEqual([
      '  managedFields:',
      '  - apiVersion: v1',
      '    fieldsType: FieldsV1',
      '    fieldsV1:',
      '      f:metadata:',
      '        f:annotations:',
      '          .: {}',
      '          f:kubectl.kubernetes.io/last-applied-configuration: {}',
      '      f:spec:',
    ]);
    const json = at(s, 'kubectl get pod nginx-pod -o json').stdout;
    expect(json).toContain(
      `            "kubectl.kubernetes.io/last-applied-configuration": ${JSON.stringify(POD_SAVED)}`,
    );
  });

  it('with --record, the change cause inside it (apply records before it saves)', () => {
    const s = new Session({ seed: 7 });
    write(s, '/root/svc.yaml', SERVICE);
    at(s, 'kubectl apply -f svc.yaml --validate=false --record');
    const view = captured
      .split('$ kubectl apply view-last-applied svc/web\n')[1]
      ?.split(/^(?:\$ |# POST)/m)[0];
    expect(`${at(s, 'kubectl apply view-last-applied svc/web').stdout}\n`).toBe(view);
    const json = captured
      .split('$ kubectl apply view-last-applied svc/web -o json\n')[1]
      ?.split(/^(?:\$ |# POST)/m)[0];
    expect(`${at(s, 'kubectl apply view-last-applied svc/web -o json').stdout}\n`).toBe(json);
  });

  it('is unchanged when the file is, configured when it is not, and keeps what others changed', () => {
    const s = new Session({ seed: 7 });
    write(s, '/root/web.yaml', DEPLOYMENT(''));
    expect(at(s, 'kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web created');
    wait(s, 20);
    expect(at(s, 'kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web unchanged');
    // A client dry run of an object that exists computes no patch (apply.go): always configured.
    expect(at(s, 'kubectl apply -f web.yaml --dry-run=client').stdout).toBe(
      'deployment.apps/web configured (dry run)',
    );
    // Neither the file nor the last apply named replicas or this label: the patch leaves them.
    at(s, 'kubectl scale deployment web --replicas=3');
    at(s, 'kubectl label deployment web team=a');
    expect(at(s, 'kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web unchanged');
    expect(deployment(s, 'web')?.spec.replicas).toBe(3);
    // Named now: the file wins; a label the file drops is removed, one it never had stays.
    write(
      s,
      '/root/web.yaml',
      DEPLOYMENT('\n  replicas: 2').replace('    app: web\nspec', '    app: web\n    tier: x\nspec'),
    );
    expect(at(s, 'kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web configured');
    expect(deployment(s, 'web')?.spec.replicas).toBe(2);
    expect(deployment(s, 'web')?.metadata.labels).toEqual({ app: 'web', team: 'a', tier: 'x' });
    write(s, '/root/web.yaml', DEPLOYMENT('\n  replicas: 2'));
    expect(at(s, 'kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web configured');
    expect(deployment(s, 'web')?.metadata.labels).toEqual({ app: 'web', team: 'a' });
    expect(at(s, 'kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web unchanged');
    // None of this touched the template: one ReplicaSet, revision 1.
    expect(at(s, 'kubectl get rs --no-headers').stdout.split('\n')).toHaveLength(1);
  });

  it('warns, as 1.18.4 words it, when the object was made without it, and adds it', () => {
    const s = new Session({ seed: 7 });
    at(s, `kubectl create -f ${NGINX_POD}`);
    const r = at(s, `kubectl apply -f ${NGINX_POD}`);
    // 1.20.2 says "resource pods/nginx-pod is missing the … annotation"; 1.18.4's apply.go:
    expect([r.stdout, r.stderr]).toEqual([
      'pod/nginx-pod configured',
      'Warning: kubectl apply should be used on resource created by either kubectl create --save-config or kubectl apply',
    ]);
    expect(at(s, `kubectl apply -f ${NGINX_POD}`).text).toBe('pod/nginx-pod unchanged');
  });

  it('create --save-config saves it too: from a file before --record, from create deployment as the generator built it', () => {
    const s = new Session({ seed: 7 });
    at(s, `kubectl create -f ${NGINX_POD} --save-config --record`);
    expect(at(s, 'kubectl apply view-last-applied pod/nginx-pod -o json').stdout).toBe(
      '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "annotations": {},\n    "name": "nginx-pod",\n    "namespace": "default"\n  },\n  "spec": {\n    "containers": [\n      {\n        "image": "nginx",\n        "name": "container-name"\n      }\n    ]\n  }\n}',
    );
    at(s, 'kubectl create deployment x --image=nginx --save-config');
    // The typed object's struct order, as kubectl 1.20.2 prints it for the same command.
    const typed = readFileSync(join(__dirname, 'golden', 'create-deployment-save-config.yaml'), 'utf8');
    const saved = /last-applied-configuration: \|\n {6}(.*)\n/.exec(typed)?.[1];
    expect(
      deployment(s, 'x')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    ).toBe(`${saved}\n`);
    // 1.18.4 adds it only to what it sends (create.go Run): a client dry run prints none.
    expect(
      at(s, 'kubectl create deployment y --image=nginx --save-config --dry-run=client -o yaml').stdout,
    ).not.toContain('last-applied');
  });
});

describe('kubectl describe with only the last-applied annotation', () => {
  it('runs the next field into the Annotations line, as 1.18.4 does (kubernetes#91405)', () => {
    const s = new Session({ seed: 7 });
    write(s, '/root/svc.yaml', SERVICE);
    at(s, 'kubectl apply -f svc.yaml');
    const ip = at(s, "kubectl get svc web -o jsonpath='{.spec.clusterIP}'").stdout;
    expect(at(s, 'kubectl describe svc web').stdout).toBe(
      [
        'Name:              web',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       Selector:  app=web',
        'Type:              ClusterIP',
        `IP:                ${ip}`,
        'Port:              <unset>  80/TCP',
        'TargetPort:        80/TCP',
        'Endpoints:         <none>',
        'Session Affinity:  None',
        'Events:            <none>',
      ].join('\n'),
    );
  });
});

describe('kubectl apply view-last-applied', () => {
  it('prints nothing for an object without it named by type and name; a file makes it an error', () => {
    const s = new Session({ seed: 7 });
    at(s, `kubectl create -f ${NGINX_POD}`);
    expect(at(s, 'kubectl apply view-last-applied pod/nginx-pod').text).toBe('');
    const r = at(s, `kubectl apply view-last-applied -f ${NGINX_POD}`);
    expect([r.stderr, r.code]).toEqual([
      `error: error when no last-applied-configuration annotation found on resource: nginx-pod\n "${NGINX_POD}": <nil>`,
      1,
    ]);
  });

  it('has the errors and the help of the real kubectl (its file is the same in 1.18.4 and 1.20.2)', () => {
    const s = new Session({ seed: 7 });
    at(s, `kubectl apply -f ${NGINX_POD}`);
    expect(at(s, 'kubectl apply view-last-applied pod/nginx-pod -o wide').stderr).toBe(
      "error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples",
    );
    expect(at(s, 'kubectl apply view-last-applied pods').stderr).toBe(
      'error: resource(s) were provided, but no name, label selector, or --all flag specified',
    );
    expect(at(s, 'kubectl apply view-last-applied').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
    expect(at(s, 'kubectl apply view-last-applied pod/nosuch').stderr).toBe(
      'Error from server (NotFound): pods "nosuch" not found',
    );
    expect(at(s, 'kubectl apply view-last-applied pods --all').stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: {}\n  name: nginx-pod\n  namespace: default\nspec:\n  containers:\n  - image: nginx\n    name: container-name',
    );
    const help = readFileSync(
      join(__dirname, 'golden', 'help-1.20.2', 'apply-view-last-applied.txt'),
      'utf8',
    );
    expect(at(s, 'kubectl apply view-last-applied --help').stdout).toBe(help.replace(/\n$/, ''));
  });
});

describe('kubectl apply set-last-applied', () => {
  it('saves the file as its text without an annotations map, once, and only where one was saved', () => {
    const s = new Session({ seed: 7 });
    const pod = (name: string) =>
      s.cluster.objects().find((o) => o.kind === 'Pod' && o.metadata.name === name);
    const file = s.shell('m-k8s').fs.read(NGINX_POD) ?? '';
    write(s, '/root/sp.yaml', file.replace('nginx-pod', 'sp'));
    write(s, '/root/sq.yaml', file.replace('nginx-pod', 'sq'));
    write(s, '/root/sz.yaml', file.replace('nginx-pod', 'sz'));
    const patch = /^\{"metadata".*$/m.exec(captured)?.[0] ?? '';
    const sent = JSON.parse(patch).metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
    at(s, 'kubectl apply -f sp.yaml --validate=false');
    expect(at(s, 'kubectl apply set-last-applied -f sp.yaml').stdout).toBe('pod/sp configured');
    expect(pod('sp')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(sent);
    expect(at(s, 'kubectl apply set-last-applied -f sp.yaml').stdout).toBe(
      'set-last-applied sp: no changes required.',
    );
    at(s, 'kubectl create -f sq.yaml --validate=false');
    const r = at(s, 'kubectl apply set-last-applied -f sq.yaml');
    expect([r.stderr, r.code]).toEqual([
      'error: no last-applied-configuration annotation found on resource: sq, to create the annotation, run the command with --create-annotation',
      1,
    ]);
    expect(
      at(s, 'kubectl apply set-last-applied -f sq.yaml --create-annotation --dry-run=client').stdout,
    ).toBe('pod/sq configured (dry run)');
    expect(
      pod('sq')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    ).toBeUndefined();
    expect(at(s, 'kubectl apply set-last-applied -f sq.yaml --create-annotation').stdout).toBe(
      'pod/sq configured',
    );
    expect(at(s, 'kubectl apply set-last-applied -f sz.yaml').stderr).toBe(
      'Error from server (NotFound): pods "sz" not found',
    );
    // 1.18.4's help is 1.20.2's without jsonpath-as-json (the file itself is the same).
    const help = readFileSync(join(__dirname, 'golden', 'help-1.20.2', 'apply-set-last-applied.txt'), 'utf8');
    expect(at(s, 'kubectl apply set-last-applied --help').stdout).toBe(
      help.replace(/\n$/, '').replace('jsonpath|jsonpath-as-json|jsonpath-file', 'jsonpath|jsonpath-file'),
    );
  });
});

describe('kubectl apply --help', () => {
  it("is 1.20.2's with 1.18.4's --cascade (a bool), --field-manager default and -o list", () => {
    const s = new Session({ seed: 7 });
    const help = readFileSync(join(__dirname, 'golden', 'help-1.20.2', 'apply.txt'), 'utf8')
      .replace(/\n$/, '')
      .replace(
        `      --cascade='background': Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.`,
        '      --cascade=true: If true, cascade the deletion of the resources managed by this resource (e.g. Pods created by a ReplicationController).  Default true.',
      )
      .replace("--field-manager='kubectl-client-side-apply'", "--field-manager='kubectl'")
      .replace('jsonpath|jsonpath-as-json|jsonpath-file', 'jsonpath|jsonpath-file');
    expect(at(s, 'kubectl apply --help').stdout).toBe(help);
  });
});
