// A frame read as the cluster at that moment, for whatever tells the story (the
// narration, the fault stories, "why is it stuck?").
import type { ClusterMoment } from '../lessons/moment';
import type { Lease, Node, Pod, SimMs } from '../sim';
import type { Frame } from './history';

export function momentOf(frame: Frame): ClusterMoment {
  const nodes = frame.objects.filter((o): o is Node => o.kind === 'Node');
  const leases = frame.objects.filter((o): o is Lease => o.kind === 'Lease');
  return {
    now: frame.at as SimMs,
    components: () => frame.components,
    pods: () => frame.pods,
    nodes: () => nodes,
    leases: () => leases,
    pod: (namespace, name) =>
      frame.objects.find(
        (o): o is Pod => o.kind === 'Pod' && o.metadata.name === name && o.metadata.namespace === namespace,
      ),
    host: (name) => frame.hosts.find((h) => h.name === name),
  };
}
