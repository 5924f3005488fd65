// One virtual hour of the ready lab with a 100-replica Deployment and a worker
// that dies and has its pods evicted (the scenario: src/sim/scenarios/simHour.ts).

import { simHourCluster } from './benchDeps';

export interface SimHourResult {
  readonly wallMs: number;
  readonly messages: number;
  readonly running: number;
}

export function simHour(seed = 1): SimHourResult {
  const start = performance.now();
  const c = simHourCluster(seed);
  const wallMs = performance.now() - start;
  const running = c.pods().filter((p) => p.namespace === 'default' && p.status === 'Running').length;
  return { wallMs, messages: c.trace.length, running };
}
