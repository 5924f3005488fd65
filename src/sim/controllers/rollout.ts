// The deployment controller's RollingUpdate strategy (kubernetes
// pkg/controller/deployment/rolling.go, 1.18 defaults maxSurge 25 % rounded up,
// maxUnavailable 25 % rounded down): one step per sync, as the real controller
// returns after each scale. Revisions live in the ReplicaSets' annotations.
import type { Deployment, PodTemplate, ReplicaSet } from '../objects';
import type { SimMs } from '../units';
import { deploymentConditions } from './deploymentConditions';

export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const HASH_LABEL = 'pod-template-hash';

export function revisionOf(o: {
  readonly metadata: { readonly annotations?: Readonly<Record<string, string>> };
}) {
  const v = Number(o.metadata.annotations?.[REVISION] ?? '0');
  return Number.isFinite(v) ? v : 0;
}

/** maxSurge and maxUnavailable of 25 %; if both came to 0, one pod may be unavailable (ResolveFenceposts). */
export function fenceposts(replicas: number): { surge: number; unavailable: number } {
  const surge = Math.ceil(replicas * 0.25);
  const unavailable = Math.floor(replicas * 0.25);
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

function withoutHash(labels: Readonly<Record<string, string>>): Record<string, string> {
  const { [HASH_LABEL]: _, ...rest } = labels;
  return rest;
}

/**
 * A template as equalIgnoreHash compares it, kept per template: templates are immutable
 * and a status write keeps its object's spec, so each is written out once (issue 14).
 */
const templateTexts = new WeakMap<PodTemplate, string>();

function templateText(t: PodTemplate): string {
  let text = templateTexts.get(t);
  if (text === undefined) {
    text = JSON.stringify({ ...t, labels: withoutHash(t.labels) });
    templateTexts.set(t, text);
  }
  return text;
}

/** equalIgnoreHash: the ReplicaSet runs this Deployment's pod template. */
export function templateMatches(rs: ReplicaSet, d: Deployment): boolean {
  return templateText(rs.spec.template) === templateText(d.spec.template);
}

/** The Deployment's annotations a new or adopted ReplicaSet carries (change-cause among them). */
export function copiedAnnotations(d: Deployment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (k !== REVISION && k !== 'kubectl.kubernetes.io/last-applied-configuration') out[k] = v;
  return out;
}

export function replicaAnnotations(d: Deployment): Record<string, string> {
  return {
    [DESIRED_REPLICAS]: String(d.spec.replicas),
    [MAX_REPLICAS]: String(d.spec.replicas + fenceposts(d.spec.replicas).surge),
  };
}

export type RolloutStep =
  | { readonly kind: 'create'; readonly replicas: number; readonly revision: number }
  | { readonly kind: 'adopt'; readonly rs: ReplicaSet; readonly revision: number }
  | { readonly kind: 'scale'; readonly rs: ReplicaSet; readonly replicas: number }
  | { readonly kind: 'none' };

const sum = (rss: readonly ReplicaSet[], f: (rs: ReplicaSet) => number) =>
  rss.reduce((n, rs) => n + f(rs), 0);

/** Oldest first, as the controller scales old ReplicaSets down (ReplicaSetsByCreationTimestamp). */
function oldestFirst(rss: readonly ReplicaSet[]): ReplicaSet[] {
  return [...rss].sort(
    (a, b) =>
      a.metadata.creationTimestamp - b.metadata.creationTimestamp ||
      (a.metadata.name < b.metadata.name ? -1 : 1),
  );
}

/** The next thing the controller does for a Deployment, given the ReplicaSets it owns. */
export function planRollout(d: Deployment, owned: readonly ReplicaSet[]): RolloutStep {
  if (d.spec.paused) return pausedStep(d, owned);
  const replicas = d.spec.replicas;
  const { surge, unavailable } = fenceposts(replicas);
  const current = owned.find((rs) => templateMatches(rs, d));
  const old = owned.filter((rs) => rs !== current);
  const maxRevision = Math.max(0, ...owned.map(revisionOf));
  const maxOld = Math.max(0, ...old.map(revisionOf));
  const total = sum(owned, (rs) => rs.spec.replicas);
  const oldActive = old.filter((rs) => rs.spec.replicas > 0);
  if (!current) {
    // A new ReplicaSet starts at what the surge allows, or at full size when nothing old runs.
    const start =
      oldActive.length === 0 ? replicas : Math.max(0, Math.min(replicas, replicas + surge - total));
    return { kind: 'create', replicas: start, revision: maxRevision + 1 };
  }
  // The current ReplicaSet's revision is one past the old ones': an older ReplicaSet whose
  // template came back (rollout undo) becomes the newest revision.
  if (revisionOf(current) <= maxOld) return { kind: 'adopt', rs: current, revision: maxOld + 1 };
  if (oldActive.length === 0) {
    if (current.spec.replicas !== replicas) return { kind: 'scale', rs: current, replicas };
    return { kind: 'none' };
  }
  if (current.spec.replicas > replicas) return { kind: 'scale', rs: current, replicas };
  if (current.spec.replicas < replicas) {
    const up = Math.min(replicas, current.spec.replicas + Math.max(0, replicas + surge - total));
    if (up > current.spec.replicas) return { kind: 'scale', rs: current, replicas: up };
  }
  // Scale old ReplicaSets down as far as availability allows: first their pods that are not
  // ready (they serve nothing), then ready ones while minAvailable stays met.
  const minAvailable = replicas - unavailable;
  const newUnavailable = current.spec.replicas - current.status.readyReplicas;
  let budget = total - minAvailable - newUnavailable;
  if (budget <= 0) return { kind: 'none' };
  let available = sum(owned, (rs) => Math.min(rs.spec.replicas, rs.status.readyReplicas));
  for (const rs of oldestFirst(oldActive)) {
    const unhealthy = Math.max(0, rs.spec.replicas - rs.status.readyReplicas);
    const fromReady = Math.max(0, Math.min(rs.spec.replicas - unhealthy, available - minAvailable));
    const down = Math.min(budget, unhealthy + fromReady);
    if (down > 0) return { kind: 'scale', rs, replicas: rs.spec.replicas - down };
    budget -= down;
    available -= fromReady;
  }
  return { kind: 'none' };
}

/**
 * A paused Deployment (syncDeployment → dc.sync with createIfNotExisted=false): no new
 * ReplicaSet for a changed template and no rolling; a lone active ReplicaSet still follows
 * the Deployment's replicas. The proportional scaling of several active ReplicaSets (a
 * rollout paused half-way, then scaled) is not modelled: they keep their sizes.
 */
function pausedStep(d: Deployment, owned: readonly ReplicaSet[]): RolloutStep {
  const active = owned.filter((rs) => rs.spec.replicas > 0);
  const lone =
    active.length === 1
      ? active[0]
      : active.length === 0
        ? owned.find((rs) => templateMatches(rs, d))
        : undefined;
  if (lone && lone.spec.replicas !== d.spec.replicas)
    return { kind: 'scale', rs: lone, replicas: d.spec.replicas };
  return { kind: 'none' };
}

/** The Deployment's status from its ReplicaSets (calculateStatus), with its conditions. */
export function rolloutStatus(
  d: Deployment,
  owned: readonly ReplicaSet[],
  at: { readonly created: (rsName: string) => boolean; readonly now: SimMs },
): Deployment['status'] {
  const current = owned.find((rs) => templateMatches(rs, d));
  const ready = sum(owned, (rs) => rs.status.readyReplicas);
  const counts = {
    replicas: sum(owned, (rs) => rs.status.replicas),
    readyReplicas: ready,
    availableReplicas: ready,
    updatedReplicas: current ? current.status.replicas : 0,
    observedGeneration: d.metadata.generation ?? 1,
  };
  const newRs = current?.metadata.name;
  const conditions = deploymentConditions(d, counts, {
    newRs,
    created: newRs !== undefined && at.created(newRs),
    rolling: !d.spec.paused,
    now: at.now,
  });
  return { ...counts, conditions };
}
