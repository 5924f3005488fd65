// The cheap read models the view draws, kept for every moment something changed. The
// trace is append-only history already, so going back in time is a lookup here, never a
// re-simulation (STYLE 4).
import type {
  ComponentView,
  EtcdKeyView,
  FaultRef,
  HostState,
  KubeObject,
  PodView,
  SimCluster,
  SimMs,
} from '../sim';

export interface Frame {
  readonly at: SimMs;
  readonly components: readonly ComponentView[];
  readonly pods: readonly PodView[];
  readonly etcdKeys: readonly EtcdKeyView[];
  readonly etcdRevision: number;
  /** Every stored object (what etcd holds), for the inspectors. */
  readonly objects: readonly KubeObject[];
  /** The faults in force, whatever caused them (a menu, a typed `systemctl stop kubelet`, a lesson). */
  readonly faults: readonly FaultRef[];
  /** The machines: powered, booting, their services and modules. */
  readonly hosts: readonly HostState[];
}

export class History {
  private readonly frames: Frame[] = [];
  /**
   * What the last frame was made of, as text, to tell whether the next one changed. Only
   * the last is kept: one per frame was most of a long recording's memory (issue 14).
   */
  private lastKeys: { components: string; pods: string; world: string } | undefined;

  get length(): number {
    return this.frames.length;
  }

  /** Every frame, in time order. */
  list(): readonly Frame[] {
    return this.frames;
  }

  /** Reads the cluster now. Unchanged parts reuse the previous frame's arrays, so a view memoised on them does not redraw. */
  record(cluster: SimCluster): Frame {
    const prev = this.frames[this.frames.length - 1];
    const prevKeys = this.lastKeys;
    const etcdRevision = cluster.etcdRevision();
    // Pods, keys and objects are read from etcd: an unchanged revision means they are unchanged.
    const sameStore = !!prev && prev.etcdRevision === etcdRevision;
    const components = cluster.components();
    const pods = sameStore && prev ? prev.pods : cluster.pods();
    const faults = cluster.faults().map((f) => ({ ...f }) as FaultRef);
    const hosts = cluster.hosts();
    const keys = {
      components: JSON.stringify(components),
      pods: sameStore && prevKeys ? prevKeys.pods : JSON.stringify(pods),
      world: JSON.stringify([faults, hosts]),
    };
    const sameWorld = !!prev && prevKeys?.world === keys.world;
    const frame: Frame = {
      at: cluster.now,
      components: prev && prevKeys?.components === keys.components ? prev.components : components,
      pods: prev && prevKeys?.pods === keys.pods ? prev.pods : pods,
      etcdKeys: sameStore && prev ? prev.etcdKeys : cluster.etcdKeys(),
      etcdRevision,
      // Objects are immutable, so the previous array still holds exactly what is stored.
      objects: sameStore && prev ? prev.objects : cluster.objects(),
      faults: sameWorld && prev ? prev.faults : faults,
      hosts: sameWorld && prev ? prev.hosts : hosts,
    };
    if (prev && prev.at === frame.at) this.frames[this.frames.length - 1] = frame;
    else this.frames.push(frame);
    this.lastKeys = keys;
    return frame;
  }

  /**
   * The frames up to and including `t`, as a new history: what a fork at `t` keeps, since
   * the same seed and the same earlier inputs make the same past (STYLE 3).
   */
  upTo(t: number): History {
    const kept = new History();
    const end = this.indexAfter(t);
    for (let i = 0; i < end; i++) kept.frames.push(this.frames[i] as Frame);
    return kept;
  }

  /** The frame in force at `t`: the last one recorded at or before it (the first when `t` is earlier). */
  at(t: number): Frame | undefined {
    return this.frames[Math.max(0, this.indexAfter(t) - 1)];
  }

  /** The index of the first frame after `t`. */
  private indexAfter(t: number): number {
    let lo = 0;
    let hi = this.frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.frames[mid] as Frame).at <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
