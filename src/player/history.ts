// The cheap read models the view draws, kept for every moment something changed. The
// trace is append-only history already, so going back in time is a lookup here, never a
// re-simulation (STYLE 4). What etcd held is kept as checkpoints and deltas
// (storeHistory.ts); the rest is shared with the frame before whenever it did not change.
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
import { StoreHistory } from './storeHistory';

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

/** A recorded moment; what etcd held is rebuilt from the store's history when asked for. */
class RecordedFrame implements Frame {
  constructor(
    readonly at: SimMs,
    readonly components: readonly ComponentView[],
    readonly pods: readonly PodView[],
    readonly etcdRevision: number,
    readonly faults: readonly FaultRef[],
    readonly hosts: readonly HostState[],
    private readonly store: StoreHistory,
    private readonly storeIndex: number,
  ) {}

  get etcdKeys(): readonly EtcdKeyView[] {
    return this.store.at(this.storeIndex).entries;
  }

  get objects(): readonly KubeObject[] {
    return this.store.at(this.storeIndex).objects;
  }

  storeIndexOf(): number {
    return this.storeIndex;
  }

  /** The same moment, reading etcd from another store history (a fork's copy). */
  in(store: StoreHistory): RecordedFrame {
    return new RecordedFrame(
      this.at,
      this.components,
      this.pods,
      this.etcdRevision,
      this.faults,
      this.hosts,
      store,
      this.storeIndex,
    );
  }
}

/** The pods now, or the previous frame's array when every pod's view is the same object (the cluster makes one per stored pod). */
function sharePods(prev: readonly PodView[] | undefined, now: readonly PodView[]): readonly PodView[] {
  if (!prev || prev.length !== now.length) return now;
  for (let i = 0; i < now.length; i++) if (prev[i] !== now[i]) return now;
  return prev;
}

/** Whether two read models hold the same plain data (arrays, objects, primitives): cheaper than comparing their JSON. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

export class History {
  private frames: Frame[] = [];
  private store = new StoreHistory();

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
    const etcdRevision = cluster.etcdRevision();
    // Pods are read from etcd: an unchanged revision means they are unchanged.
    const sameStore = !!prev && prev.etcdRevision === etcdRevision;
    const components = cluster.components();
    const pods = sameStore && prev ? prev.pods : sharePods(prev?.pods, cluster.pods());
    const faults = cluster.faults().map((f) => ({ ...f }) as FaultRef);
    const hosts = cluster.hosts();
    const sameWorld = !!prev && sameData(prev.faults, faults) && sameData(prev.hosts, hosts);
    const frame = new RecordedFrame(
      cluster.now,
      prev && sameData(prev.components, components) ? prev.components : components,
      pods,
      etcdRevision,
      sameWorld && prev ? prev.faults : faults,
      sameWorld && prev ? prev.hosts : hosts,
      this.store,
      this.store.add(etcdRevision, () => cluster.etcdEntries()),
    );
    if (prev && prev.at === frame.at) this.frames[this.frames.length - 1] = frame;
    else this.frames.push(frame);
    return frame;
  }

  /**
   * The frames up to and including `t`, as a new history: what a fork at `t` keeps, since
   * the same seed and the same earlier inputs make the same past (STYLE 3).
   */
  upTo(t: number): History {
    const kept = new History();
    const end = this.indexAfter(t);
    const last = this.frames[end - 1];
    if (!last) return kept;
    kept.store = this.store.upTo((last as RecordedFrame).storeIndexOf());
    for (let i = 0; i < end; i++) {
      const f = this.frames[i] as RecordedFrame;
      kept.frames.push(f.in(kept.store));
    }
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
