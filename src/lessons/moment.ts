// What the story reads of the cluster: the state at one moment, whether the live
// cluster now or a frame of the past. The narration, the fault stories and "why is it
// stuck?" take this, never the live edge, so they tell what the screen shows.
import type { SimCluster } from '../sim';

export type ClusterMoment = Pick<
  SimCluster,
  'now' | 'components' | 'pods' | 'pod' | 'host' | 'nodes' | 'leases'
>;
