// kubectl describe deployment|replicaset|daemonset in kubectl 1.18.4's layout
// (pkg/describe/describe.go), during the book's stuck rollout of 3.2.10.
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../sim/objects';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);

describe('kubectl describe of workloads', () => {
  it('shows a Deployment mid-rollout: replicas, strategy, template, Old/NewReplicaSet, events', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl create deployment dpy --image=nginx:1.16.0');
    at(s, 'kubectl scale deployment dpy --replicas=3');
    wait(s, 30);
    at(s, 'kubectl set image deployment dpy nginx=nginx:1.17.23 --record');
    wait(s, 10);
    const rss = s.cluster
      .objects()
      .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && o.metadata.namespace === 'default');
    const oldRs = rss.find((r) => r.spec.template.containers[0]?.image === 'nginx:1.16.0')?.metadata.name;
    const newRs = rss.find((r) => r.spec.template.containers[0]?.image === 'nginx:1.17.23')?.metadata.name;
    const out = at(s, 'kubectl describe deploy dpy').stdout;
    const head = out.split('\nEvents:')[0];
    expect(head).toBe(
      [
        'Name:                   dpy',
        'Namespace:              default',
        'CreationTimestamp:      Mon, 06 Jul 2020 01:00:00 +0000',
        'Labels:                 app=dpy',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        '                        kubernetes.io/change-cause: kubectl set image deployment dpy nginx=nginx:1.17.23 --record=true',
        'Selector:               app=dpy',
        'Replicas:               3 desired | 1 updated | 4 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=dpy',
        '  Containers:',
        '   nginx:',
        '    Image:        nginx:1.17.23',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        '  Volumes:        <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    ReplicaSetUpdated',
        `OldReplicaSets:  ${oldRs} (3/3 replicas created)`,
        `NewReplicaSet:   ${newRs} (1/1 replicas created)`,
      ].join('\n'),
    );
    expect(out.split('\n').slice(-2)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^  Normal  ScalingReplicaSet  \\d+s   deployment-controller  Scaled up replica set ${oldRs} to 3$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^  Normal  ScalingReplicaSet  \\d+s   deployment-controller  Scaled up replica set ${newRs} to 1$`,
        ),
      ),
    ]);
    const rs = at(s, `kubectl describe rs ${newRs}`).stdout.split('\n');
    expect(rs.slice(0, 11)).toEqual([
      `Name:           ${newRs}`,
      'Namespace:      default',
      `Selector:       app=dpy,pod-template-hash=${newRs?.slice(4)}`,
      'Labels:         app=dpy',
      `                pod-template-hash=${newRs?.slice(4)}`,
      'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
      '                deployment.kubernetes.io/max-replicas: 4',
      '                deployment.kubernetes.io/revision: 2',
      '                kubernetes.io/change-cause: kubectl set image deployment dpy nginx=nginx:1.17.23 --record=true',
      'Controlled By:  Deployment/dpy',
      'Replicas:       1 current / 1 desired',
    ]);
    expect(rs[11]).toBe('Pods Status:    0 Running / 1 Waiting / 0 Succeeded / 0 Failed');
  });

  it("shows a DaemonSet's counts, whose untabbed lines break the alignment as 1.18's do", () => {
    const s = new Session({ seed: 7 });
    const out = at(s, 'kubectl describe ds kube-proxy -n kube-system').stdout.split('\n');
    expect(out.slice(0, 13)).toEqual([
      'Name:           kube-proxy',
      'Selector:       k8s-app=kube-proxy',
      'Node-Selector:  <none>',
      'Labels:         k8s-app=kube-proxy',
      'Annotations:    <none>',
      'Desired Number of Nodes Scheduled: 4',
      'Current Number of Nodes Scheduled: 4',
      'Number of Nodes Scheduled with Up-to-date Pods: 4',
      'Number of Nodes Scheduled with Available Pods: 4',
      'Number of Nodes Misscheduled: 0',
      'Pods Status:  4 Running / 0 Waiting / 0 Succeeded / 0 Failed',
      'Pod Template:',
      '  Labels:  k8s-app=kube-proxy',
    ]);
  });

  it('prints annotations as key: value', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run web --image=nginx');
    at(s, 'kubectl annotate pod web note=hello');
    const lines = at(s, 'kubectl describe pod web').stdout.split('\n');
    const at0 = lines.findIndex((l) => l.startsWith('Annotations:'));
    // Sorted: Calico's podIP annotation, then the one kubectl wrote.
    expect(lines.slice(at0, at0 + 2)).toEqual([
      'Annotations:  cni.projectcalico.org/podIP: 172.16.132.1/32',
      '              note: hello',
    ]);
  });
});
