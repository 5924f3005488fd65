// The scheduler's bookkeeping, kept up to date on each watch event instead of rebuilt
// on every pass (issue 14): the pods waiting for a node in the order the informer's
// cache holds them, which of them may be tried now (never tried, or their back-off
// has passed: kube-scheduler's activeQ and backoffQ), and what each node has been
// given (bound pods, and those assumed while their binding is in flight).
import type { Pod } from '../objects';
import type { NodeLoad } from './scoreNodes';
import { podCpuRequest } from './scoreNodes';

interface Load {
  pods: number;
  cpuMillis: number;
}

function cpuOf(pod: Pod): number {
  return podCpuRequest(pod);
}

interface Waiting {
  readonly pod: Pod;
  readonly key: string;
}

export class SchedulingQueue {
  /** Unbound, not deleting pods by uid. */
  private readonly waiting = new Map<string, Waiting>();
  /**
   * Each cache key's place in the cache's order (a Map keeps a key where it was first
   * set until it is deleted): pods are tried in that order, as a scan of the cache did.
   */
  private readonly place = new Map<string, number>();
  private places = 0;
  /** uids that may be tried at any time: no back-off, or one that has passed. */
  private readonly ready = new Set<string>();
  /** Back-offs not yet passed, as a min-heap of [due, uid]; stale entries are skipped. */
  private readonly backoffs: [number, string][] = [];
  private readonly retryAt = new Map<string, { at: number; backoff: number }>();
  /** Cache key → the node and CPU a pod there counts for. */
  private readonly counted = new Map<string, { node: string; cpu: number }>();
  private readonly loads = new Map<string, Load>();
  private readonly keyOf = new Map<string, string>();

  constructor(private readonly assumed: ReadonlyMap<string, string>) {}

  /** The informer's cache now holds `pod` at `key` (undefined: nothing there). */
  set(key: string, before: Pod | undefined, pod: Pod | undefined): void {
    if (before && before.metadata.uid !== pod?.metadata.uid) this.forget(before.metadata.uid);
    if (!pod) this.place.delete(key);
    else {
      if (!this.place.has(key)) this.place.set(key, ++this.places);
      const uid = pod.metadata.uid;
      this.keyOf.set(uid, key);
      if (pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) this.forget(uid);
      else {
        const known = this.waiting.has(uid);
        this.waiting.set(uid, { pod, key });
        if (!known && !this.retryAt.has(uid)) this.ready.add(uid);
      }
    }
    this.count(key, pod);
  }

  private forget(uid: string): void {
    this.waiting.delete(uid);
    this.ready.delete(uid);
  }

  /** Re-counts a pod's share of its node's load (after its cache entry or assumption changed). */
  private count(key: string, pod: Pod | undefined): void {
    const before = this.counted.get(key);
    if (before) {
      const l = this.loads.get(before.node);
      if (l) {
        l.pods -= 1;
        l.cpuMillis -= before.cpu;
      }
      this.counted.delete(key);
    }
    const node = pod ? (pod.spec.nodeName ?? this.assumed.get(pod.metadata.uid)) : undefined;
    if (!pod || !node) return;
    const cpu = cpuOf(pod);
    this.counted.set(key, { node, cpu });
    const l = this.loads.get(node);
    if (l) {
      l.pods += 1;
      l.cpuMillis += cpu;
    } else this.loads.set(node, { pods: 1, cpuMillis: cpu });
  }

  /**
   * The assumption for `pod` was made or dropped. An assumed pod is not tried; once its
   * binding is answered it may be tried again at once, as before it was assumed.
   */
  assumedChanged(pod: Pod, cached: Pod | undefined): void {
    const uid = pod.metadata.uid;
    if (this.assumed.has(uid)) this.ready.delete(uid);
    else if (this.waiting.has(uid)) this.ready.add(uid);
    const key = this.keyOf.get(uid);
    if (key !== undefined && cached?.metadata.uid === uid) this.count(key, cached);
  }

  load(node: string): NodeLoad {
    return this.loads.get(node) ?? { pods: 0, cpuMillis: 0 };
  }

  backoffOf(uid: string): { at: number; backoff: number } | undefined {
    return this.retryAt.get(uid);
  }

  /** Tried and did not fit: wait `backoff` before the next try. */
  backOff(uid: string, at: number, backoff: number): void {
    this.retryAt.set(uid, { at, backoff });
    this.ready.delete(uid);
    this.push([at, uid]);
  }

  /** Bound: the next failure starts its back-off afresh. */
  clearBackoff(uid: string): void {
    if (!this.retryAt.delete(uid)) return;
    if (this.waiting.has(uid)) this.ready.add(uid);
  }

  /** The pods that may be tried at `now`, in cache order. */
  due(now: number): Pod[] {
    for (;;) {
      const top = this.backoffs[0];
      if (!top || top[0] > now) break;
      this.pop();
      const [at, uid] = top;
      if (this.retryAt.get(uid)?.at === at && this.waiting.has(uid) && !this.assumed.has(uid))
        this.ready.add(uid);
    }
    const out: [number, Pod][] = [];
    for (const uid of this.ready) {
      const w = this.waiting.get(uid);
      if (w) out.push([this.place.get(w.key) ?? 0, w.pod]);
    }
    return out.sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  }

  clear(): void {
    this.waiting.clear();
    this.place.clear();
    this.ready.clear();
    this.backoffs.length = 0;
    this.retryAt.clear();
    this.counted.clear();
    this.loads.clear();
    this.keyOf.clear();
  }

  private push(e: [number, string]): void {
    const h = this.backoffs;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((h[p] as [number, string])[0] <= e[0]) break;
      h[i] = h[p] as [number, string];
      i = p;
    }
    h[i] = e;
  }

  private pop(): void {
    const h = this.backoffs;
    const last = h.pop();
    if (!last || h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let at = last[0];
      if (l < h.length && (h[l] as [number, string])[0] < at) {
        m = l;
        at = (h[l] as [number, string])[0];
      }
      if (r < h.length && (h[r] as [number, string])[0] < at) m = r;
      if (m === i) break;
      h[i] = h[m] as [number, string];
      i = m;
    }
    h[i] = last;
  }
}
