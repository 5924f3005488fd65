// kubectl rollout and set image against the lab: the book's 3.2.10 flow (an image
// update rolled one pod at a time, a bad tag stuck at "1 out of 3", undo, history
// with CHANGE-CAUSE), whole outputs as kubectl 1.18.4 words them
// (pkg/polymorphichelpers rollout_status.go, history.go, rollback.go).
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../sim/objects';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);

function replicaSets(s: Session): ReplicaSet[] {
  return s.cluster
    .objects()
    .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && o.metadata.namespace === 'default');
}

function threeNginx(): Session {
  const s = new Session({ seed: 7 });
  at(s, 'kubectl create deployment rollout-nginx --image=nginx:1.16.0');
  at(s, 'kubectl scale deployment rollout-nginx --replicas=3');
  wait(s, 30);
  return s;
}

describe('kubectl rollout', () => {
  it('rolls a new image one pod at a time and says so as rollout status does', () => {
    const s = threeNginx();
    expect(at(s, 'kubectl rollout status deployment rollout-nginx').stdout).toBe(
      'deployment "rollout-nginx" successfully rolled out',
    );
    const set = at(s, 'kubectl set image deployment rollout-nginx nginx=nginx:1.19.0 --record');
    expect(set.stdout).toBe('deployment.apps/rollout-nginx image updated');
    const status = at(s, 'kubectl rollout status deployment/rollout-nginx');
    expect(status.code).toBe(0);
    // A line per watch event, the same text again when only the status moved: real kubectl
    // 1.20.2 prints so over `npm run api` (src/api/realKubectl.test.ts).
    const w = (n: number, text: string) =>
      Array(n).fill(`Waiting for deployment "rollout-nginx" rollout to finish: ${text}...`);
    expect(status.stdout).toBe(
      [
        ...w(3, '1 out of 3 new replicas have been updated'),
        ...w(3, '2 out of 3 new replicas have been updated'),
        ...w(2, '1 old replicas are pending termination'),
        'deployment "rollout-nginx" successfully rolled out',
      ].join('\n'),
    );
    const rss = replicaSets(s);
    expect(
      rss.map((r) => [r.metadata.annotations?.['deployment.kubernetes.io/revision'], r.spec.replicas]),
    ).toEqual(
      expect.arrayContaining([
        ['1', 0],
        ['2', 3],
      ]),
    );
    const images = s.cluster
      .objects()
      .flatMap((o) =>
        o.kind === 'Pod' && o.metadata.namespace === 'default' ? [o.spec.containers[0]?.image] : [],
      );
    expect(images).toEqual(['nginx:1.19.0', 'nginx:1.19.0', 'nginx:1.19.0']);
    expect(at(s, 'kubectl rollout history deployment rollout-nginx').stdout).toBe(
      [
        'deployment.apps/rollout-nginx ',
        'REVISION  CHANGE-CAUSE',
        '1         <none>',
        '2         kubectl set image deployment rollout-nginx nginx=nginx:1.19.0 --record=true',
        '',
      ].join('\n'),
    );
  });

  it('stops at the first new pod when its image cannot be pulled, and undo goes back', () => {
    const s = threeNginx();
    at(s, 'kubectl set image deployment rollout-nginx nginx=nginx:1.17.23 --record');
    wait(s, 20);
    expect(at(s, 'kubectl rollout status deployment rollout-nginx --watch=false').stdout).toBe(
      'Waiting for deployment "rollout-nginx" rollout to finish: 1 out of 3 new replicas have been updated...',
    );
    const pods = at(s, 'kubectl get pods').stdout.split('\n');
    expect(pods.filter((l) => / {3}Running /.test(l))).toHaveLength(3);
    expect(pods.filter((l) => /ErrImagePull|ImagePullBackOff/.test(l))).toHaveLength(1);
    expect(at(s, 'kubectl rollout undo deployment rollout-nginx').stdout).toBe(
      'deployment.apps/rollout-nginx rolled back',
    );
    const done = at(s, 'kubectl rollout status deployment rollout-nginx');
    expect(done.stdout.split('\n').at(-1)).toBe('deployment "rollout-nginx" successfully rolled out');
    // Revision 1 came back as revision 3: history lists 2 and 3.
    expect(at(s, 'kubectl rollout history deployment rollout-nginx').stdout).toBe(
      [
        'deployment.apps/rollout-nginx ',
        'REVISION  CHANGE-CAUSE',
        '2         kubectl set image deployment rollout-nginx nginx=nginx:1.17.23 --record=true',
        '3         <none>',
        '',
      ].join('\n'),
    );
    expect(at(s, 'kubectl rollout undo deployment rollout-nginx --to-revision=3').stdout).toBe(
      'deployment.apps/rollout-nginx skipped rollback (current template already matches revision 3)',
    );
    expect(at(s, 'kubectl rollout undo deployment rollout-nginx --to-revision=9').stderr).toBe(
      'error: unable to find specified revision 9 in history',
    );
    const rev = at(s, 'kubectl rollout history deployment rollout-nginx --revision=2').stdout;
    expect(rev.split('\n').slice(0, 2)).toEqual([
      'deployment.apps/rollout-nginx with revision #2',
      'Pod Template:',
    ]);
    expect(rev).toContain('    Image:        nginx:1.17.23\n');
    expect(rev).toContain(
      '  Annotations:  kubernetes.io/change-cause: kubectl set image deployment rollout-nginx nginx=nginx:1.17.23 --record=true\n',
    );
  });

  it('restarts by a new template annotation, so every pod is replaced', () => {
    const s = threeNginx();
    const before = s.cluster.objects().filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default');
    expect(at(s, 'kubectl rollout restart deployment rollout-nginx').stdout).toBe(
      'deployment.apps/rollout-nginx restarted',
    );
    expect(at(s, 'kubectl rollout status deployment rollout-nginx').code).toBe(0);
    const after = s.cluster.objects().filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default');
    expect(after).toHaveLength(3);
    expect(after.some((p) => before.some((b) => b.metadata.uid === p.metadata.uid))).toBe(false);
    expect(after[0]?.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(
      /^2020-07-06T\d\d:\d\d:\d\dZ$/,
    );
  });

  it("answers the polymorphic helpers' errors for kinds they do not handle", () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl rollout status').stderr).toBe('error: required resource not specified');
    expect(at(s, 'kubectl rollout status pod/x').stderr).toBe(
      'error: no status viewer has been implemented for Pod',
    );
    expect(at(s, 'kubectl rollout history service kube-dns -n kube-system').stderr).toBe(
      'error: no history viewer has been implemented for "Service"',
    );
    expect(at(s, 'kubectl rollout undo deployment coredns -n kube-system').stderr).toBe(
      'error: no rollout history found for deployment "coredns"',
    );
    expect(at(s, 'kubectl rollout history deployment coredns -n kube-system').stdout).toBe(
      'deployment.apps/coredns \nREVISION  CHANGE-CAUSE\n1         <none>\n',
    );
    expect(at(s, 'kubectl rollout status deployment nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found',
    );
    expect(at(s, 'kubectl rollout foo').stderr).toBe(
      'error: unknown command "foo"\nSee \'kubectl rollout -h\' for help and examples',
    );
    expect(at(s, 'kubectl set image deployment coredns nope=x -n kube-system').stderr).toBe(
      'error: unable to find container named "nope"',
    );
    expect(at(s, 'kubectl set image deployment coredns').stderr).toBe(
      'error: at least one image update is required',
    );
  });
});
