// Deployment status.conditions as the 1.18.4 deployment controller writes them
// (pkg/controller/deployment: sync.go getNewReplicaSet/calculateStatus, progress.go
// syncRolloutStatus, util SetDeploymentCondition), read back by get -o jsonpath and describe.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const conds = (s: Session) =>
  at(
    s,
    `kubectl get deploy dpy -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason} {.lastTransitionTime} {.lastUpdateTime} {.message}{"\\n"}{end}'`,
  ).stdout;

describe('Deployment conditions', () => {
  it('are stored as the controller sets them: created, available, scaled, rolled out', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl create deployment dpy --image=nginx');
    wait(s, 10);
    expect(conds(s)).toBe(
      [
        'Available True MinimumReplicasAvailable 2020-07-06T01:00:04Z 2020-07-06T01:00:04Z Deployment has minimum availability.',
        'Progressing True NewReplicaSetAvailable 2020-07-06T01:00:00Z 2020-07-06T01:00:04Z ReplicaSet "dpy-67987f95f9" has successfully progressed.',
        '',
      ].join('\n'),
    );
    // 2 replicas allow 0 unavailable (25 % rounded down): the scale-up makes it unavailable.
    at(s, 'kubectl scale deployment dpy --replicas=2');
    wait(s, 1);
    expect(conds(s)).toBe(
      [
        // A finished rollout is not estimated again (progress.go isCompleteDeployment).
        'Progressing True NewReplicaSetAvailable 2020-07-06T01:00:00Z 2020-07-06T01:00:04Z ReplicaSet "dpy-67987f95f9" has successfully progressed.',
        // SetDeploymentCondition puts the condition it changes last.
        'Available False MinimumReplicasUnavailable 2020-07-06T01:00:12Z 2020-07-06T01:00:12Z Deployment does not have minimum availability.',
        '',
      ].join('\n'),
    );
    wait(s, 10);
    at(s, 'kubectl set image deployment dpy nginx=nginx:1.19.0');
    wait(s, 1);
    // NewReplicaSetCreated is written with the new ReplicaSet and replaced within the second
    // by ReplicaSetUpdated; the transition time stays the first one (status stayed True).
    const rolling = conds(s).split('\n')[1];
    expect(rolling).toBe(
      'Progressing True ReplicaSetUpdated 2020-07-06T01:00:00Z 2020-07-06T01:00:25Z ReplicaSet "dpy-5dbf58c866" is progressing.',
    );
    wait(s, 60);
    const done = conds(s).split('\n');
    expect(done[0]).toMatch(/^Available True MinimumReplicasAvailable /);
    expect(done[1]).toMatch(
      /^Progressing True NewReplicaSetAvailable 2020-07-06T01:00:00Z \S+ ReplicaSet "dpy-\w+" has successfully progressed\.$/,
    );
    const describe = at(s, 'kubectl describe deploy dpy').stdout.split('\n');
    const i = describe.indexOf('Conditions:');
    expect(describe.slice(i, i + 5)).toEqual([
      'Conditions:',
      '  Type           Status  Reason',
      '  ----           ------  ------',
      '  Available      True    MinimumReplicasAvailable',
      '  Progressing    True    NewReplicaSetAvailable',
    ]);
  });
});
