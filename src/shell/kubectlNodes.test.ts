// kubectl cordon, uncordon, taint and drain against the lab: kubectl 1.18.4's words
// (pkg/cmd/drain, pkg/drain/filters.go, pkg/cmd/taint) and the scheduler and the
// taint manager acting on what the API server stores.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../sim/objects';
import { Session } from './session';
import { runAt, wait } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const node = (s: Session, name: string) =>
  s.cluster.objects().find((o): o is Node => o.kind === 'Node' && o.metadata.name === name);
const defaultPods = (s: Session) =>
  s.cluster.objects().filter((o): o is Pod => o.kind === 'Pod' && o.metadata.namespace === 'default');

describe('kubectl cordon and uncordon', () => {
  it('marks the node unschedulable, and the scheduler then places pods elsewhere', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl cordon w1-k8s').stdout).toBe('node/w1-k8s cordoned');
    expect(at(s, 'kubectl cordon w1-k8s').stdout).toBe('node/w1-k8s already cordoned');
    expect(at(s, 'kubectl cordon w2-k8s --dry-run=client').stdout).toBe('node/w2-k8s cordoned (dry run)');
    expect(node(s, 'w2-k8s')?.spec.unschedulable).toBeUndefined();
    expect(at(s, 'kubectl get nodes w1-k8s --no-headers').stdout).toMatch(
      /^w1-k8s +Ready,SchedulingDisabled /,
    );
    at(s, 'kubectl create deployment d --image=nginx');
    at(s, 'kubectl scale deployment d --replicas=6');
    wait(s, 30);
    expect(
      defaultPods(s)
        .map((p) => p.spec.nodeName)
        .filter((n) => n === 'w1-k8s'),
    ).toEqual([]);
    expect(at(s, 'kubectl uncordon w1-k8s').stdout).toBe('node/w1-k8s uncordoned');
    expect(at(s, 'kubectl uncordon w1-k8s').stdout).toBe('node/w1-k8s already uncordoned');
    expect(node(s, 'w1-k8s')?.spec.unschedulable).toBeUndefined();
    expect(at(s, 'kubectl cordon').stderr).toBe(
      "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples",
    );
  });
});

describe('kubectl taint', () => {
  it('adds first, removes by key or key:effect, and NoExecute evicts what does not tolerate it', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl taint nodes w1-k8s a=1:NoSchedule').stdout).toBe('node/w1-k8s tainted');
    expect(at(s, 'kubectl taint node w1-k8s b:PreferNoSchedule').stdout).toBe('node/w1-k8s tainted');
    expect(node(s, 'w1-k8s')?.spec.taints).toEqual([
      { key: 'b', effect: 'PreferNoSchedule' },
      { key: 'a', value: '1', effect: 'NoSchedule' },
    ]);
    expect(at(s, 'kubectl taint nodes w1-k8s a=2:NoSchedule').stderr).toBe(
      'error: node w1-k8s already has a taint(s) with same effect(s) and --overwrite is false',
    );
    expect(at(s, 'kubectl taint nodes w1-k8s a=2:NoSchedule --overwrite').stdout).toBe(
      'node/w1-k8s modified',
    );
    expect(at(s, 'kubectl taint nodes w1-k8s a:NoSchedule-').stdout).toBe('node/w1-k8s untainted');
    expect(at(s, 'kubectl taint nodes w1-k8s b-').stdout).toBe('node/w1-k8s untainted');
    expect(at(s, 'kubectl taint nodes w1-k8s b-').stderr).toBe('error: taint "b" not found');
    expect(node(s, 'w1-k8s')?.spec.taints).toEqual([]);

    at(s, 'kubectl run web --image=nginx');
    wait(s, 20);
    const where = defaultPods(s)[0]?.spec.nodeName as string;
    expect(at(s, `kubectl taint nodes ${where} out=now:NoExecute`).stdout).toBe(`node/${where} tainted`);
    wait(s, 40);
    expect(defaultPods(s)).toEqual([]);
  });

  it("words taint's errors", () => {
    const s = new Session({ seed: 7 });
    const err = (line: string) => at(s, line).stderr;
    expect(err('kubectl taint nodes w1-k8s a=1:Never')).toBe(
      "error: invalid taint effect: Never, unsupported taint effect\nSee 'kubectl taint -h' for help and examples",
    );
    // Without ':' the whole word is the key (parseTaint), and 'a=1' is no qualified name.
    expect(err('kubectl taint nodes w1-k8s a=1')).toBe(
      "error: invalid taint spec: a=1, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples",
    );
    // A word with no '=', ':' or final '-' is one more resource, so no taint is given.
    expect(err('kubectl taint nodes w1-k8s a')).toBe('error: at least one taint update is required');
    expect(err('kubectl taint pods x a=1:NoSchedule')).toBe(
      'error: invalid resource type pods, only ["node" "nodes"] are supported',
    );
    expect(err('kubectl taint nodes a=1:NoSchedule')).toBe(
      "error: at least one resource name must be specified since 'all' parameter is not set",
    );
    expect(err('kubectl taint nodes w1-k8s')).toBe('error: at least one taint update is required');
    expect(err('kubectl taint nodes w1-k8s a=1:NoSchedule a-')).toBe(
      'error: can not both modify and remove the following taint(s) in the same command: {"a":""}',
    );
    expect(err('kubectl taint nodes nope a=1:NoSchedule')).toBe(
      'Error from server (NotFound): nodes "nope" not found',
    );
  });
});

describe('kubectl drain', () => {
  it('cordons, then refuses DaemonSet pods and bare pods as 1.18 does', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run bare --image=nginx');
    wait(s, 20);
    const where = defaultPods(s)[0]?.spec.nodeName as string;
    const ds = s.cluster
      .objects()
      .filter(
        (o): o is Pod =>
          o.kind === 'Pod' && o.spec.nodeName === where && o.metadata.namespace === 'kube-system',
      )
      .map((p) => `kube-system/${p.metadata.name}`)
      .sort();
    const r = at(s, `kubectl drain ${where}`);
    expect(r.stdout).toBe(`node/${where} cordoned`);
    expect(r.stderr).toBe(
      [
        `error: unable to drain node "${where}", aborting command...`,
        '',
        'There are pending nodes to be drained:',
        ` ${where}`,
        `error: [cannot delete Pods not managed by ReplicationController, ReplicaSet, Job, DaemonSet or StatefulSet (use --force to override): default/bare, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds.join(', ')}]`,
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    expect(defaultPods(s)).toHaveLength(1);
  });

  it('evicts what may go, waits for each, and says the node is drained', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run bare --image=nginx');
    wait(s, 20);
    const where = defaultPods(s)[0]?.spec.nodeName as string;
    const ds = s.cluster
      .objects()
      .filter(
        (o): o is Pod =>
          o.kind === 'Pod' && o.spec.nodeName === where && o.metadata.namespace === 'kube-system',
      )
      .map((p) => `kube-system/${p.metadata.name}`)
      .sort();
    const r = at(s, `kubectl drain ${where} --ignore-daemonsets --force`);
    expect(r.stdout).toBe(
      [
        `node/${where} cordoned`,
        'evicting pod default/bare',
        'pod/bare evicted',
        `node/${where} drained`,
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      `WARNING: deleting Pods not managed by ReplicationController, ReplicaSet, Job, DaemonSet or StatefulSet: default/bare; ignoring DaemonSet-managed Pods: ${ds.join(', ')}`,
    );
    expect(defaultPods(s)).toEqual([]);
    expect(node(s, where)?.spec.unschedulable).toBe(true);
  });
});
