// The Available and Progressing conditions the deployment controller writes into a
// Deployment's status (kubernetes 1.18.4 pkg/controller/deployment/util/deployment_util.go
// NewDeploymentCondition / SetDeploymentCondition / DeploymentComplete / DeploymentProgressing,
// sync.go calculateStatus + getNewReplicaSet, progress.go syncRolloutStatus).
// Not modelled: the paused reasons (DeploymentPaused / DeploymentResumed) and the
// progress deadline (ProgressDeadlineExceeded): the lab's rollouts never sit 600 s.
import type { Deployment, DeploymentCondition } from '../objects';
import { type SimMs, seconds } from '../units';
import { fenceposts } from './rollout';

type Conds = readonly DeploymentCondition[];

function newCondition(
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: SimMs,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** SetDeploymentCondition: same status and reason change nothing; same status keeps the transition time; the set one goes last. */
export function setCondition(conds: Conds, c: DeploymentCondition): Conds {
  const cur = conds.find((x) => x.type === c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return conds;
  const next = cur && cur.status === c.status ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
  return [...conds.filter((x) => x.type !== c.type), next];
}

type Status = Deployment['status'];

/** DeploymentComplete. */
const complete = (d: Deployment, s: Status) =>
  s.updatedReplicas === d.spec.replicas &&
  s.replicas === d.spec.replicas &&
  s.availableReplicas === d.spec.replicas &&
  (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);

/** DeploymentProgressing: the new status shows progress over the stored one. */
function progressed(old: Status, s: Status): boolean {
  return (
    s.updatedReplicas > old.updatedReplicas ||
    s.replicas - s.updatedReplicas < old.replicas - old.updatedReplicas ||
    s.readyReplicas > old.readyReplicas ||
    s.availableReplicas > old.availableReplicas
  );
}

export interface ConditionInputs {
  /** The name of the ReplicaSet whose template matches the Deployment, if any. */
  readonly newRs?: string;
  /** True when this controller created newRs (getNewReplicaSet's create branch). */
  readonly created: boolean;
  /** rolloutRolling calls syncRolloutStatus; a paused Deployment only syncs its status. */
  readonly rolling: boolean;
  readonly now: SimMs;
}

/** The conditions for `next` (the counts calculateStatus computed) of Deployment `d`. */
export function deploymentConditions(d: Deployment, next: Status, at: ConditionInputs): Conds {
  const { newRs } = at;
  // metav1.Time goes to etcd as RFC 3339 in whole seconds: a second sync in the same
  // second (its status write still in flight) writes the same condition, so nothing.
  const now = seconds(Math.floor(at.now / 1000));
  let conds: Conds = d.status.conditions ?? [];
  const progressing = () => conds.find((c) => c.type === 'Progressing');
  // getNewReplicaSet
  if (newRs && at.created)
    conds = setCondition(
      conds,
      newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${newRs}"`, now),
    );
  else if (newRs && !progressing())
    conds = setCondition(
      conds,
      newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRs}"`, now),
    );
  // calculateStatus
  const minAvailable = d.spec.replicas - fenceposts(d.spec.replicas).unavailable;
  conds = setCondition(
    conds,
    next.availableReplicas >= minAvailable
      ? newCondition(
          'Available',
          'True',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
          now,
        )
      : newCondition(
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          now,
        ),
  );
  if (!at.rolling) return conds;
  // syncRolloutStatus: a finished rollout (all pods updated, stored reason
  // NewReplicaSetAvailable) is not estimated again, so a scale keeps Progressing as it is.
  const stored = d.status.conditions?.find((c) => c.type === 'Progressing');
  if (next.replicas === next.updatedReplicas && stored?.reason === 'NewReplicaSetAvailable') return conds;
  const withNext = { ...next, conditions: conds };
  if (complete(d, withNext)) {
    const msg = newRs
      ? `ReplicaSet "${newRs}" has successfully progressed.`
      : `Deployment "${d.metadata.name}" has successfully progressed.`;
    return setCondition(conds, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', msg, now));
  }
  if (progressed(d.status, withNext)) {
    const msg = newRs
      ? `ReplicaSet "${newRs}" is progressing.`
      : `Deployment "${d.metadata.name}" is progressing.`;
    const cur = progressing();
    const c = newCondition('Progressing', 'True', 'ReplicaSetUpdated', msg, now);
    const kept = cur?.status === 'True' ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
    return [...conds.filter((x) => x.type !== 'Progressing'), kept];
  }
  return conds;
}
