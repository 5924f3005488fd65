// kubectl rollout pause|resume (kubectl 1.18.4 rollout_pause.go, rollout_resume.go,
// polymorphichelpers objectpauser/objectresumer/objectrestarter/rollback) and the
// deployment controller holding a paused Deployment's rollout.
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../sim/objects';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const replicaSets = (s: Session) =>
  s.cluster
    .objects()
    .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && o.metadata.namespace === 'default');

describe('kubectl rollout pause and resume', () => {
  it('holds a changed template until resumed, then rolls it out', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl create deployment web --image=nginx');
    wait(s, 10);
    expect(at(s, 'kubectl rollout pause deployment/web').stdout).toBe('deployment.apps/web paused');
    expect(at(s, 'kubectl rollout pause deployment web').stderr).toBe(
      'error: deployments.apps "web" is already paused',
    );
    at(s, 'kubectl set image deployment/web nginx=nginx:1.19');
    at(s, 'kubectl scale deployment web --replicas=2');
    wait(s, 15);
    // No new ReplicaSet while paused; the one there follows the new size.
    expect(replicaSets(s).map((r) => [r.spec.template.containers[0]?.image, r.spec.replicas])).toEqual([
      ['nginx', 2],
    ]);
    expect(at(s, 'kubectl rollout status deployment/web --watch=false').stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...',
    );
    expect(at(s, 'kubectl rollout undo deployment/web').stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again",
    );
    expect(at(s, 'kubectl rollout restart deployment/web').stderr).toBe(
      'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)',
    );
    expect(at(s, 'kubectl rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed');
    expect(at(s, 'kubectl rollout resume deployment/web').stderr).toBe(
      'error: deployments.apps "web" is not paused',
    );
    wait(s, 60);
    expect(at(s, 'kubectl rollout status deployment/web --watch=false').stdout).toBe(
      'deployment "web" successfully rolled out',
    );
    expect(
      replicaSets(s)
        .map((r) => [r.spec.template.containers[0]?.image, r.spec.replicas])
        .sort(),
    ).toEqual([
      ['nginx', 0],
      ['nginx:1.19', 2],
    ]);
  });

  it('pauses only Deployments, and needs a resource', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl rollout pause ds/kube-proxy -n kube-system').stderr).toBe(
      'error: daemonsets.apps "kube-proxy" pausing is not supported',
    );
    expect(at(s, 'kubectl rollout resume ds/kube-proxy -n kube-system').stderr).toBe(
      'error: daemonsets.apps "kube-proxy" resuming is not supported',
    );
    expect(at(s, 'kubectl rollout pause').stderr).toBe('error: required resource not specified');
    expect(at(s, 'kubectl rollout pause deployment/nosuch').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nosuch" not found',
    );
  });
});
