// What of a Frame the still picture reads (StillPicture, nodeStatus): the first paint
// carries only that, not the whole of etcd, which the inspectors read later.
import type { Frame } from '../../player';

export function posterFrame(frame: Frame): Frame {
  return {
    at: frame.at,
    components: frame.components,
    pods: frame.pods,
    // Only what the picture shows of each key: a recorded frame's keys carry etcd's values too.
    etcdKeys: frame.etcdKeys.map(({ key, createRevision, modRevision }) => ({
      key,
      createRevision,
      modRevision,
    })),
    etcdRevision: frame.etcdRevision,
    // The nodes, without who wrote which field (managedFields) and the images they hold:
    // the still picture never reads them.
    objects: frame.objects
      .filter((o) => o.kind === 'Node')
      .map((o) => {
        const { managedFields: _m, ...metadata } = o.metadata;
        const { images: _i, ...status } = o.status;
        return { ...o, metadata, status } as typeof o;
      }),
    faults: frame.faults,
    hosts: frame.hosts,
  };
}
