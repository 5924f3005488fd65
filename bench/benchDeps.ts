// What the benchmarks take from the app, in one place.

export type { SimMs } from '../src/sim';
export { createCluster } from '../src/sim';
export { deployment } from '../src/sim/labs/addons';
export { simHourCluster } from '../src/sim/scenarios/simHour';
