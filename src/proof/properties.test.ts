// Properties that must hold whatever a student types or breaks (issue 8):
// the shell never throws, the same seed and inputs give the same trace, and the
// cluster's invariants hold after every step of a random lesson.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Session } from '../shell/session';
import { faultCatalog } from '../sim/faults';
import type { SimMs } from '../sim/units';

const hosts = ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'] as const;

const bookLines = [
  'kubectl get nodes',
  'kubectl get pods -o wide',
  'kubectl get pods --all-namespaces | grep kube-proxy',
  'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml',
  'kubectl delete pod nginx-pod',
  'kubectl create deployment dpy-nginx --image=nginx',
  'kubectl scale deployment dpy-nginx --replicas=3',
  'kubectl delete deployment dpy-nginx',
  'systemctl stop kubelet',
  'systemctl start kubelet',
  'modprobe -r br_netfilter',
  'systemctl restart network',
  'curl 172.16.103.129',
  'kubectl get pod -o -wide',
];

const anyLine = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(...bookLines),
  fc
    .array(
      fc.constantFrom(
        'kubectl',
        'get',
        'pods',
        '-o',
        'wide',
        '|',
        'grep',
        '"',
        "'",
        '~',
        '$HOME',
        '-n',
        '--',
        '&&',
        ';',
        'x',
      ),
      { maxLength: 8 },
    )
    .map((w) => w.join(' ')),
);

describe('any input', () => {
  it('typed into any shell returns a job and never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...hosts), anyLine), { minLength: 1, maxLength: 6 }),
        (lines) => {
          const s = new Session();
          let t = 0;
          for (const [host, line] of lines) {
            const job = s.run(host, line);
            expect(typeof job.done).toBe('boolean');
            t += 2000;
            s.advanceTo(t as SimMs);
            if (!job.done) s.interrupt(host);
            for (const o of job.output) expect(typeof o.text).toBe('string');
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

const step = fc.oneof(
  fc.record({
    kind: fc.constant('line' as const),
    host: fc.constantFrom(...hosts),
    line: fc.constantFrom(...bookLines),
  }),
  fc.record({
    kind: fc.constant('fault' as const),
    fault: fc.constantFrom(...faultCatalog.map((f) => f.id)),
    node: fc.constantFrom('w1-k8s', 'w2-k8s', 'w3-k8s'),
    heal: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
);

type Step = { readonly kind: string } & Readonly<Record<string, unknown>>;

function play(steps: readonly Step[], seed: number, check?: (s: Session) => void): string {
  const s = new Session({ seed });
  let t = 0;
  for (const st of steps) {
    if (st.kind === 'line') s.run(st.host as string, st.line as string);
    else if (st.kind === 'fault') {
      const spec = faultCatalog.find((f) => f.id === st.fault);
      const target = spec?.scope === 'node' ? (st.node as string) : undefined;
      if (spec) s.cluster.dispatch(st.heal ? spec.heal(target) : spec.inject(target));
    }
    t += st.kind === 'wait' ? (st.seconds as number) * 1000 : 1000;
    s.advanceTo(t as SimMs);
    check?.(s);
  }
  return JSON.stringify(s.cluster.trace.all());
}

describe('random lessons', () => {
  it('give the same trace for the same seed and inputs', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 10 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        expect(play(steps, seed)).toBe(play(steps, seed));
      }),
      { numRuns: 15 },
    );
  });

  it('keep the cluster invariants after every step', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let revision = 0;
        play(steps, 1, (s) => {
          const c = s.cluster;
          // etcd's revision only grows.
          expect(c.etcdRevision()).toBeGreaterThanOrEqual(revision);
          revision = c.etcdRevision();
          // A pod shows Running only if its own node's kubelet reported it so.
          const trace = c.trace.all();
          for (const p of c.pods()) {
            if (p.namespace !== 'default' || p.status !== 'Running') continue;
            const reported = trace.some(
              (e) =>
                e.from === `kubelet@${p.node}` &&
                e.kind === 'api.updateStatus.pods' &&
                e.subject === `pods/${p.name}`,
            );
            expect(reported, `${p.name} on ${p.node}`).toBe(true);
          }
          // Every message goes from a sender to a receiver that exist in the lab.
          const hostNames = new Set(c.hosts().map((h) => h.name));
          for (const e of trace.slice(-200)) {
            for (const id of [e.from, e.to]) {
              const at = id.indexOf('@');
              if (at >= 0) expect(hostNames.has(id.slice(at + 1)) || /^pods@\d/.test(id), id).toBe(true);
              else
                expect(
                  ['apiserver', 'etcd', 'scheduler', 'controller-manager', 'cni', 'coredns'],
                  id,
                ).toContain(id);
            }
          }
        });
      }),
      { numRuns: 12 },
    );
  });
});
