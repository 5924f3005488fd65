// kubectl run, create and their dry runs as the 1.36 lab's kubectl prints them: each whole
// output is what real kubectl 1.33 printed against `npm run api -- --profile 1.36`, less
// `creationTimestamp: null` (kubectl 1.34+ writes none: differences.ts no-null-creation-timestamp)
// and with 1.36's klog lines (helpers.go:719/733/736). The generator's fields also hold for 1.18
// (kubectl 1.20.2 printed the same objects, with `creationTimestamp: null`).
import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../sim/profiles';
import { profiles } from '../sim/profiles';
import { Session } from './session';
import { typeAndWait } from './transcript';

const run = (s: Session, line: string) => {
  const job = typeAndWait(s, line);
  const pick = (stream: string) =>
    job.output
      .filter((l) => l.stream === stream)
      .map((l) => l.text)
      .join('\n');
  return { out: pick('stdout'), err: pick('stderr'), code: job.exitCode };
};
const lab = (profile: ProfileId = '1.36') => new Session({ seed: 7, profile });

const podYaml = (container: string, restart = 'Always') => `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx2
  name: nginx2
spec:
  containers:
${container}
  dnsPolicy: ClusterFirst
  restartPolicy: ${restart}
status: {}`;

describe('kubectl run under 1.36', () => {
  it('warns of a deprecated --dry-run from 1.36’s helpers.go lines, once, and still takes it', () => {
    const s = lab();
    const bare = run(s, 'kubectl run nginx2 --image=nginx --dry-run');
    expect(bare.err).toMatch(
      /^W0508 \d\d:\d\d:\d\d\.\d{6} +4242 helpers\.go:719\] --dry-run is deprecated and can be replaced with --dry-run=client\.$/,
    );
    expect(bare.out).toBe('pod/nginx2 created (dry run)');
    expect(run(s, 'kubectl run nginx2 --image=nginx --dry-run=true').err).toMatch(
      /helpers\.go:733\] --dry-run=true is deprecated \(boolean value\) and can be replaced with --dry-run=client\.$/,
    );
    const none = run(s, 'kubectl run nginx2 --image=nginx --dry-run=false');
    expect(none.err.split('\n')).toHaveLength(1);
    expect(none.err).toMatch(
      /helpers\.go:736\] --dry-run=false is deprecated \(boolean value\) and can be replaced with --dry-run=none\.$/,
    );
    expect(none.out).toBe('pod/nginx2 created');
  });

  it('prints the pod with the flags’ fields, and no creationTimestamp', () => {
    const s = lab();
    expect(run(s, 'kubectl run nginx2 --image=nginx --dry-run=client -o yaml').out).toBe(
      podYaml('  - image: nginx\n    name: nginx2\n    resources: {}'),
    );
    expect(run(s, 'kubectl run nginx2 --image=nginx --restart=Never --dry-run=client -o yaml').out).toBe(
      podYaml('  - image: nginx\n    name: nginx2\n    resources: {}', 'Never'),
    );
    expect(run(s, 'kubectl run nginx2 --image=nginx --port=80 --dry-run=client -o yaml').out).toBe(
      podYaml('  - image: nginx\n    name: nginx2\n    ports:\n    - containerPort: 80\n    resources: {}'),
    );
    expect(run(s, 'kubectl run nginx2 --image=nginx --env=A=1 --env=B=2 --dry-run=client -o yaml').out).toBe(
      podYaml(
        '  - env:\n    - name: A\n      value: "1"\n    - name: B\n      value: "2"\n    image: nginx\n    name: nginx2\n    resources: {}',
      ),
    );
    expect(run(s, 'kubectl run nginx2 --image=nginx --dry-run=client -o yaml -- sleep 3600').out).toBe(
      podYaml('  - args:\n    - sleep\n    - "3600"\n    image: nginx\n    name: nginx2\n    resources: {}'),
    );
    expect(
      run(s, 'kubectl run nginx2 --image=nginx --dry-run=client -o yaml --command -- sleep 3600').out,
    ).toBe(
      podYaml(
        '  - command:\n    - sleep\n    - "3600"\n    image: nginx\n    name: nginx2\n    resources: {}',
      ),
    );
    expect(
      run(s, 'kubectl run nginx2 --image=nginx --image-pull-policy=IfNotPresent --dry-run=client -o yaml')
        .out,
    ).toBe(
      podYaml('  - image: nginx\n    imagePullPolicy: IfNotPresent\n    name: nginx2\n    resources: {}'),
    );
    const recorded = run(s, 'kubectl run nginx2 --image=nginx --record --dry-run=client -o yaml');
    expect(recorded.err).toBe('Flag --record has been deprecated, --record will be removed in the future');
    expect(recorded.out).toContain(
      'metadata:\n  annotations:\n    kubernetes.io/change-cause: kubectl run nginx2 --image=nginx --record=true --dry-run=client\n      --output=yaml\n  labels:',
    );
  });

  it('refuses a line without --image in cobra’s lower-case words, before it looks for a NAME', () => {
    const s = lab();
    expect(run(s, 'kubectl run nginx2')).toEqual({
      out: '',
      err: 'error: required flag(s) "image" not set',
      code: 1,
    });
    expect(run(s, 'kubectl run').err).toBe('error: required flag(s) "image" not set');
    expect(run(s, 'kubectl run x --image=').err).toBe('error: --image is required');
    expect(run(s, 'kubectl run --image=nginx').err).toBe(
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
    );
    expect(run(s, 'kubectl create deployment web').err).toBe('error: required flag(s) "image" not set');
    expect(run(s, 'kubectl scale deploy x').err).toBe('error: required flag(s) "replicas" not set');
  });

  it('knows no --generator or --replicas, and -r is no shorthand', () => {
    const s = lab();
    for (const [line, error] of [
      ['kubectl run nginx2 --image=nginx --generator=run-pod/v1', 'unknown flag: --generator'],
      ['kubectl run nginx2 --image=nginx --replicas=3', 'unknown flag: --replicas'],
      ['kubectl run pod4 --image=nginx -r 2', "unknown shorthand flag: 'r' in -r"],
    ])
      expect(run(s, line as string)).toEqual({
        out: '',
        err: `error: ${error}\nSee 'kubectl run --help' for usage.`,
        code: 1,
      });
    expect(run(s, 'kubectl run nginx2 --image=nginx --dry-run=client -o wide').err).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    );
  });

  it('--expose makes a ClusterIP Service in front of the pod, printed first', () => {
    const s = lab();
    expect(run(s, 'kubectl run pe --image=nginx --expose')).toEqual({
      out: '',
      err: "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples",
      code: 1,
    });
    expect(
      run(s, 'kubectl run pe --image=nginx --port=80 --expose --dry-run=client -o yaml').out,
    ).toBe(`apiVersion: v1
kind: Service
metadata:
  name: pe
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: pe
status:
  loadBalancer: {}
---
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    run: pe
  name: pe
spec:
  containers:
  - image: nginx
    name: pe
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}`);
    expect(run(s, 'kubectl run pe --image=nginx --port=80 --expose --dry-run=client').out).toBe(
      'service/pe created (dry run)\npod/pe created (dry run)',
    );
    expect(
      run(s, 'kubectl run pe --image=nginx --port=80 --expose --labels=a=b,c=d --dry-run=client -o yaml').out,
    ).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n {2}labels:\n {4}a: b\n {4}c: d\n {2}name: pe\n/);
    expect(run(s, 'kubectl run pe --image=nginx --port=80 --expose --dry-run=server').out).toBe(
      'service/pe created (server dry run)\npod/pe created (server dry run)',
    );
    expect(run(s, 'kubectl run pe --image=nginx --port=80 --expose')).toEqual({
      out: 'service/pe created\npod/pe created',
      err: '',
      code: 0,
    });
    expect(run(s, 'kubectl get svc pe -o jsonpath={.spec.ports[0].targetPort}').out).toBe('80');
    expect(run(s, 'kubectl run pe --image=nginx --port=80 --expose')).toEqual({
      out: '',
      err: 'Error from server (AlreadyExists): pods "pe" already exists',
      code: 1,
    });
    run(s, 'kubectl delete pod pe');
    // The pod is made, the Service's error said after it (run.go's allErrs).
    expect(run(s, 'kubectl run pe --image=nginx --port=80 --expose')).toEqual({
      out: 'pod/pe created',
      err: 'Error from server (AlreadyExists): services "pe" already exists',
      code: 1,
    });
  });
});

describe('kubectl create under 1.36', () => {
  it('create deployment takes --replicas, --port and a command', () => {
    const s = lab();
    expect(
      run(s, 'kubectl create deployment web3 --image=nginx --port=80 --replicas=2 --dry-run=client -o json')
        .out,
    ).toBe(`{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web3",
        "labels": {
            "app": "web3"
        }
    },
    "spec": {
        "replicas": 2,
        "selector": {
            "matchLabels": {
                "app": "web3"
            }
        },
        "template": {
            "metadata": {
                "labels": {
                    "app": "web3"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "ports": [
                            {
                                "containerPort": 80
                            }
                        ],
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}`);
    expect(run(s, 'kubectl create deployment web --image=nginx --image=busybox -- sleep 10')).toEqual({
      out: '',
      err: 'error: cannot specify multiple --image options and command',
      code: 1,
    });
    expect(run(s, 'kubectl create deployment web3 --image=nginx --replicas=x').err).toBe(
      'error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl create deployment --help\' for usage.',
    );
    expect(run(s, 'kubectl create deployment web --image=busybox --replicas=2 -- sleep 3600').out).toBe(
      'deployment.apps/web created',
    );
    s.advanceTo((s.now() + 10_000) as never);
    expect(run(s, 'kubectl get deployment web -o jsonpath={.spec.replicas}').out).toBe('2');
    expect(
      run(s, 'kubectl get deployment web -o jsonpath={.spec.template.spec.containers[0].command}').out,
    ).toBe('["sleep","3600"]');
  });

  it('create deployment and create service wrap the server’s error', () => {
    const s = lab();
    run(s, 'kubectl create deployment web2 --image=nginx');
    expect(run(s, 'kubectl create deployment web2 --image=nginx')).toEqual({
      out: '',
      err: 'error: failed to create deployment: deployments.apps "web2" already exists',
      code: 1,
    });
    run(s, 'kubectl create service clusterip svc2 --tcp=80');
    expect(run(s, 'kubectl create service clusterip svc2 --tcp=80')).toEqual({
      out: '',
      err: 'error: failed to create ClusterIP service: services "svc2" already exists',
      code: 1,
    });
    // create namespace and run are not wrapped (the generic create path).
    run(s, 'kubectl create namespace ns2');
    expect(run(s, 'kubectl create namespace ns2').err).toBe(
      'Error from server (AlreadyExists): namespaces "ns2" already exists',
    );
  });

  it('create service and expose print the Service of a client dry run', () => {
    const s = lab();
    expect(
      run(s, 'kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml').out,
    ).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}`);
    expect(
      run(s, 'kubectl create service clusterip web --clusterip=None --dry-run=client -o yaml').out,
    ).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  clusterIP: None
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}`);
    expect(run(s, 'kubectl create service clusterip svc2 --tcp=80 -o yaml --dry-run=client').out).toContain(
      '  ports:\n  - name: "80"\n    port: 80\n',
    );
    expect(run(s, 'kubectl create namespace foo --dry-run=client -o yaml').out).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\nspec: {}\nstatus: {}',
    );
    run(s, 'kubectl run pod2 --image=nginx');
    expect(run(s, 'kubectl expose pod pod2 --port=80 --dry-run=client -o yaml').out).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    run: pod2
  name: pod2
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    run: pod2
status:
  loadBalancer: {}`);
  });
});

describe('the same generators under the book’s 1.18', () => {
  it('prints the flags’ fields in the generator’s order (kubectl 1.20.2’s output)', () => {
    const s = lab('1.18');
    expect(
      run(
        s,
        'kubectl run x --image=nginx --port=80 --restart=Never --env=A=1 --image-pull-policy=IfNotPresent --dry-run=client -o json -- sleep 1',
      ).out,
    ).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "x",
        "creationTimestamp": null,
        "labels": {
            "run": "x"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "x",
                "image": "nginx",
                "args": [
                    "sleep",
                    "1"
                ],
                "ports": [
                    {
                        "containerPort": 80
                    }
                ],
                "env": [
                    {
                        "name": "A",
                        "value": "1"
                    }
                ],
                "resources": {},
                "imagePullPolicy": "IfNotPresent"
            }
        ],
        "restartPolicy": "Never",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}`);
    expect(
      run(s, 'kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml').out,
    ).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}`);
    const none = run(s, 'kubectl run y --image=nginx --dry-run=false');
    expect(none.err).toMatch(
      /^W0706 [\d:. ]+ +4242 helpers\.go:552\] --dry-run=false is deprecated \(boolean value\) and can be replaced with --dry-run=none\.$/,
    );
    expect(none.out).toBe('pod/y created');
  });
});

describe('create -f --dry-run=client -o yaml|json, under both profiles', () => {
  it('prints the file’s own objects, keys sorted, with the namespace they would go to', () => {
    for (const profile of ['1.18', '1.36'] as const) {
      const s = lab(profile);
      const file = '~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';
      expect(run(s, `kubectl create -f ${file} --dry-run=client -o yaml -n foo`).out, profile).toBe(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx-pod\n  namespace: foo\nspec:\n  containers:\n  - image: nginx\n    name: container-name',
      );
      expect(run(s, `kubectl create -f ${file} --dry-run=client -o jsonpath={.metadata.namespace}`).out).toBe(
        'default',
      );
      s.shell(profiles[profile].master.name).fs.write(
        '/root/two.yaml',
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: zz\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p2\n  namespace: zz\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
      );
      expect(run(s, 'kubectl create -f two.yaml --dry-run=client -o yaml').out, profile).toBe(
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: zz\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p2\n  namespace: zz\nspec:\n  containers:\n  - image: nginx\n    name: c',
      );
      expect(run(s, 'kubectl create -f two.yaml --dry-run=client -o name').out).toBe('namespace/zz\npod/p2');
      expect(s.cluster.objects().filter((o) => o.metadata.name === 'p2' || o.metadata.name === 'zz')).toEqual(
        [],
      );
    }
  });
});
