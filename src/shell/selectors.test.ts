// -l and --field-selector are evaluated by the API server; whatever selector a
// student types, what it lists is the unfiltered list filtered by that selector.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

const out = (s: Session, line: string) => {
  const job = typeAndWait(s, line);
  return job.output.map((l) => l.text).join('\n');
};
const stdout = (s: Session, line: string) =>
  typeAndWait(s, line)
    .output.filter((l) => l.stream === 'stdout')
    .map((l) => l.text)
    .join('\n');

interface Row {
  readonly namespace: string;
  readonly name: string;
  readonly node: string;
  readonly labels: Record<string, string>;
}

function rows(text: string): Row[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const c = line.trim().split(/\s+/);
      const labelText = c[c.length - 1] as string;
      const labels: Record<string, string> =
        labelText === '<none>'
          ? {}
          : Object.fromEntries(labelText.split(',').map((kv) => kv.split('=') as [string, string]));
      return { namespace: c[0] as string, name: c[1] as string, node: c[7] as string, labels };
    });
}

const keys = ['app', 'k8s-app', 'tier', 'component', 'run', 'missing'];
const values = ['dpy-nginx', 'kube-proxy', 'calico-node', 'control-plane', 'web', 'solo', 'etcd', 'x'];

type Req =
  | { op: '=' | '==' | '!='; key: string; value: string }
  | { op: 'exists' | '!'; key: string }
  | { op: 'in' | 'notin'; key: string; values: string[] };

const requirement: fc.Arbitrary<Req> = fc.oneof(
  fc.record({
    op: fc.constantFrom('=' as const, '==' as const, '!=' as const),
    key: fc.constantFrom(...keys),
    value: fc.constantFrom(...values),
  }),
  fc.record({ op: fc.constantFrom('exists' as const, '!' as const), key: fc.constantFrom(...keys) }),
  fc.record({
    op: fc.constantFrom('in' as const, 'notin' as const),
    key: fc.constantFrom(...keys),
    values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }),
  }),
);

function text(r: Req): string {
  if ('values' in r) return `${r.key} ${r.op} (${r.values.join(',')})`;
  if ('value' in r) return `${r.key}${r.op}${r.value}`;
  return r.op === '!' ? `!${r.key}` : r.key;
}

function holds(r: Req, labels: Record<string, string>): boolean {
  const has = r.key in labels;
  switch (r.op) {
    case '=':
    case '==':
      return labels[r.key] === r.value;
    case '!=':
      return labels[r.key] !== r.value;
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'in':
      return has && r.values.includes(labels[r.key] as string);
    case 'notin':
      return !has || !r.values.includes(labels[r.key] as string);
  }
}

const nodes = ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'];
const field = fc.oneof(
  fc.record({ f: fc.constant('spec.nodeName'), neg: fc.boolean(), v: fc.constantFrom(...nodes) }),
  fc.record({
    f: fc.constant('metadata.namespace'),
    neg: fc.boolean(),
    v: fc.constantFrom('default', 'kube-system'),
  }),
);

describe('kubectl get -l / --field-selector', () => {
  const s = new Session({ seed: 7 });
  out(s, 'kubectl create deployment dpy-nginx --image=nginx');
  out(s, 'kubectl scale deployment dpy-nginx --replicas=3');
  out(s, 'kubectl run solo --image=nginx --labels=tier=web');
  out(s, 'sleep 40');
  const cols = '-A -o wide --show-labels --no-headers';

  it('lists exactly the unfiltered list filtered by the selectors', () => {
    const all = rows(stdout(s, `kubectl get pods ${cols}`));
    expect(all.length).toBeGreaterThan(15);
    fc.assert(
      fc.property(
        fc.array(requirement, { maxLength: 3 }),
        fc.array(field, { maxLength: 2 }),
        (reqs, fields) => {
          const label = reqs.map(text).join(',');
          const fieldText = fields.map((f) => `${f.f}${f.neg ? '!=' : '='}${f.v}`).join(',');
          const line = `kubectl get pods ${cols} -l '${label}' --field-selector '${fieldText}'`;
          const got = rows(stdout(s, line)).map((r) => `${r.namespace}/${r.name}`);
          const want = all
            .filter((r) => reqs.every((q) => holds(q, r.labels)))
            .filter((r) =>
              fields.every((f) => ((f.f === 'spec.nodeName' ? r.node : r.namespace) === f.v) !== f.neg),
            )
            .map((r) => `${r.namespace}/${r.name}`);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('sends the selectors with the list request, so the API server does the choosing', () => {
    const before = s.cluster.trace.all().length;
    out(s, 'kubectl get pods -l app=dpy-nginx');
    const sent = s.cluster.trace
      .all()
      .slice(before)
      .map((e) => e.summary);
    expect(sent).toContain('GET pods?labelSelector=app=dpy-nginx');
  });

  it("prints the server's 400 in kubectl's words", () => {
    expect(out(s, "kubectl get pods -l 'app in'")).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in", field selector "": unable to parse requirement: found \'\' expected: \'(\'',
    );
    expect(out(s, 'kubectl get pods --field-selector status.hostIP=192.168.1.102')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "status.hostIP=192.168.1.102": field label not supported: status.hostIP',
    );
    expect(out(s, 'kubectl get deploy --field-selector spec.replicas=3')).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=3": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    expect(out(s, 'kubectl get pods solo -l run=solo')).toBe(
      'error: name cannot be provided when a selector is specified',
    );
  });

  it("selects nodes by label (the book's master role label)", () => {
    expect(out(s, 'kubectl get node -l node-role.kubernetes.io/master -o name')).toBe('node/m-k8s');
    expect(out(s, 'kubectl get node --field-selector metadata.name=w2-k8s -o name')).toBe('node/w2-k8s');
  });

  it('deletes what the server selected, and nothing else', () => {
    const printed = out(s, 'kubectl delete pods -l tier=web');
    expect(printed).toBe('pod "solo" deleted');
    expect(out(s, "kubectl delete pods -l 'tier in'")).toMatch(
      /^Error from server \(BadRequest\): Unable to find/,
    );
  });
});
