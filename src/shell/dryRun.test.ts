// --dry-run as kubectl 1.18 does it: client dry runs print what would be sent and
// send nothing; server dry runs travel to the API server, which writes nothing.
// Golden files come from the real kubectl (see golden/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

const golden = (name: string) => readFileSync(join(__dirname, 'golden', name), 'utf8').replace(/\n$/, '');
const run = (s: Session, line: string) => {
  const job = typeAndWait(s, line);
  const pick = (stream: string) =>
    job.output
      .filter((l) => l.stream === stream)
      .map((l) => l.text)
      .join('\n');
  return { out: pick('stdout'), err: pick('stderr'), code: job.exitCode };
};
const defaultObjects = (s: Session) =>
  s.cluster
    .objects()
    .filter((o) => o.metadata.namespace === 'default' && o.kind !== 'Event')
    .map((o) => `${o.kind}/${o.metadata.name}`);

describe('kubectl --dry-run', () => {
  it("prints the generators' objects as the real kubectl does, and creates nothing", () => {
    const s = new Session({ seed: 7 });
    const before = defaultObjects(s);
    const sent = s.cluster.trace.all().length;
    expect(run(s, 'kubectl run nginx --image=nginx --dry-run=client -o yaml').out).toBe(
      golden('run-dry-run-client.yaml'),
    );
    expect(run(s, 'kubectl run nginx --image=nginx --dry-run=client -o json').out).toBe(
      golden('run-dry-run-client.json'),
    );
    expect(run(s, 'kubectl create deployment dpy-nginx --image=nginx --dry-run=client -o yaml').out).toBe(
      golden('create-deployment-dry-run-client.yaml'),
    );
    expect(
      run(s, 'kubectl create deployment d --image=nginx --image=busybox:1.28 -n foo --dry-run=client -o json')
        .out,
    ).toBe(golden('create-deployment-two-images-ns.json'));
    expect(run(s, 'kubectl run nginx --image=nginx --dry-run=client').out).toBe(
      'pod/nginx created (dry run)',
    );
    expect(run(s, 'kubectl run nginx --image=nginx --dry-run=client -o name').out).toBe('pod/nginx');
    s.advanceTo((s.now() + 30_000) as never);
    expect(defaultObjects(s)).toEqual(before);
    // A client dry run of a generator never reaches the API server.
    expect(
      s.cluster.trace
        .all()
        .slice(sent)
        .filter((e) => e.kind.startsWith('api.create')),
    ).toEqual([]);
  });

  it('reads the deprecated and the bad spellings as kubectl does', () => {
    const s = new Session({ seed: 7 });
    const bare = run(s, 'kubectl run nginx --image=nginx --dry-run');
    expect(bare.err).toMatch(
      /^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:535\] --dry-run is deprecated and can be replaced with --dry-run=client\.$/,
    );
    expect(bare.out).toBe('pod/nginx created (dry run)');
    expect(run(s, 'kubectl run nginx --image=nginx --dry-run=true').err).toMatch(
      /helpers\.go:549\] --dry-run=true is deprecated \(boolean value\) and can be replaced with --dry-run=client\.$/,
    );
    const bad = run(s, 'kubectl run nginx --image=nginx --dry-run=bad');
    expect(bad.err).toBe('error: Invalid dry-run value (bad). Must be "none", "server", or "client".');
    expect(bad.code).toBe(1);
    expect(defaultObjects(s)).toEqual(['Endpoints/kubernetes', 'Service/kubernetes']);
  });

  it('sends a server dry run to the API server, which admits it and stores nothing', () => {
    const s = new Session({ seed: 7 });
    const sent = s.cluster.trace.all().length;
    expect(run(s, 'kubectl run nginx --image=nginx --dry-run=server').out).toBe(
      'pod/nginx created (server dry run)',
    );
    const yaml = run(
      s,
      'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml --dry-run=server -o yaml',
    ).out;
    expect(yaml).toContain('tolerationSeconds: 300');
    expect(
      s.cluster.trace
        .all()
        .slice(sent)
        .map((e) => e.summary),
    ).toContain('POST pods/nginx?dryRun=All');
    s.advanceTo((s.now() + 30_000) as never);
    expect(defaultObjects(s)).toEqual(['Endpoints/kubernetes', 'Service/kubernetes']);
    run(s, 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
    expect(run(s, 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml --dry-run=server').err).toBe(
      'Error from server (AlreadyExists): error when creating "/root/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml": pods "nginx-pod" already exists',
    );
  });

  it('dry-runs apply and delete without changing anything', () => {
    const s = new Session({ seed: 7 });
    const file = '~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';
    expect(run(s, `kubectl apply -f ${file} --dry-run=client`).out).toBe('pod/nginx-pod created (dry run)');
    expect(defaultObjects(s)).toEqual(['Endpoints/kubernetes', 'Service/kubernetes']);
    run(s, `kubectl apply -f ${file}`);
    expect(run(s, `kubectl apply -f ${file} --dry-run=server`).out).toBe(
      'pod/nginx-pod unchanged (server dry run)',
    );
    expect(run(s, 'kubectl delete pod nginx-pod --dry-run=client').out).toBe(
      'pod "nginx-pod" deleted (dry run)',
    );
    expect(run(s, 'kubectl delete pod nginx-pod --dry-run=server').out).toBe(
      'pod "nginx-pod" deleted (server dry run)',
    );
    expect(run(s, 'kubectl delete pod nope --dry-run=client').err).toBe(
      'Error from server (NotFound): pods "nope" not found',
    );
    s.advanceTo((s.now() + 60_000) as never);
    const pod = s.cluster.pod('default', 'nginx-pod');
    expect(pod?.metadata.deletionTimestamp).toBeUndefined();
    expect(pod?.status.phase).toBe('Running');
  });

  it('warns that run --replicas is deprecated and runs the pod; --record writes the change cause', () => {
    const s = new Session({ seed: 7 });
    const r = run(s, 'kubectl run web --image=nginx --replicas=3');
    expect(r.err).toBe(
      'Flag --replicas has been deprecated, has no effect and will be removed in the future.',
    );
    expect(r.out).toBe('pod/web created');
    run(s, 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml --record');
    expect(s.cluster.pod('default', 'nginx-pod')?.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'kubectl create --filename=/root/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml --record=true',
    );
  });
});
