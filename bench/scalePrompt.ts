// `kubectl scale deployment big --replicas=100000` on the ready lab (issue 14): wall time
// from the line typed to its prompt back, with the cluster run as the shell runs it (to
// each next event). Then how long the next 10 s of cluster time take, while the
// ReplicaSet controller creates its pods in bursts of 500.

import { typeAndSettle } from '../src/lessons/guided/walk';
import { Session } from '../src/shell/session';
import type { SimMs } from './benchDeps';

export interface ScalePromptResult {
  readonly promptMs: number;
  readonly output: string;
  readonly next10sMs: number;
  readonly podsAfter: number;
}

export function scalePrompt(seed = 1): ScalePromptResult {
  const s = new Session({ seed });
  s.advanceTo(1000 as SimMs);
  typeAndSettle(s, 'm-k8s', 'kubectl create deployment big --image=nginx');
  const start = performance.now();
  const job = s.run('m-k8s', 'kubectl scale deployment big --replicas=100000');
  while (!job.done) {
    const due = s.nextEventAt();
    s.advanceTo(Math.max(s.now() + 1, Math.min(due ?? s.now() + 1000, s.now() + 1000)) as SimMs);
  }
  const promptMs = performance.now() - start;
  const then = performance.now();
  s.advanceTo((s.now() + 10_000) as SimMs);
  return {
    promptMs,
    output: job.text(),
    next10sMs: performance.now() - then,
    podsAfter: s.cluster.pods().filter((p) => p.namespace === 'default').length,
  };
}
