// What etcd held at every recorded revision, for the inspectors and the story. A full
// copy of etcd per revision was most of a long recording's memory (issue 14: 2.2 million
// key views in an hour of 100 pods), so a copy is kept every CHECKPOINT_EVERY revisions
// and, between them, only the keys that changed; the revision on screen is rebuilt from
// the copy before it (STYLE 4: checkpoints, then a short replay).
import type { EtcdEntry, KubeObject } from '../sim';

/** A full copy of etcd is kept once in this many recorded revisions. */
export const CHECKPOINT_EVERY = 32;

/** How many rebuilt revisions are kept at hand (the moment on screen, and those beside it). */
const CACHED = 16;

interface Delta {
  /** Entries new or changed since the revision recorded before, in key order. */
  readonly put: readonly EtcdEntry[];
  readonly deleted: readonly string[];
}

export interface StoreAt {
  readonly entries: readonly EtcdEntry[];
  readonly objects: readonly KubeObject[];
}

export class StoreHistory {
  private readonly revisions: number[] = [];
  private readonly checkpoints: (readonly EtcdEntry[])[] = [];
  private readonly deltas: Delta[] = [];
  /** The last recorded revision in full, to tell what the next one changed. */
  private latest: readonly EtcdEntry[] = [];
  private readonly cache = new Map<number, StoreAt>();

  get length(): number {
    return this.revisions.length;
  }

  /** The index of `revision` among the recorded ones, recording it when it is new (entries in key order). */
  add(revision: number, entries: () => readonly EtcdEntry[]): number {
    const last = this.revisions.length - 1;
    if (last >= 0 && this.revisions[last] === revision) return last;
    const now = entries();
    const index = this.revisions.length;
    this.revisions.push(revision);
    this.deltas.push(diff(this.latest, now));
    if (index % CHECKPOINT_EVERY === 0) this.checkpoints.push(now);
    this.latest = now;
    return index;
  }

  /** etcd as it was at the index'th recorded revision; the same arrays while it stays at hand. */
  at(index: number): StoreAt {
    const hit = this.cache.get(index);
    if (hit) return hit;
    const previous = this.cache.get(index - 1);
    const entries =
      previous && index % CHECKPOINT_EVERY !== 0
        ? apply(previous.entries, this.deltas[index] as Delta)
        : this.rebuild(index);
    const value: StoreAt = { entries, objects: entries.map((e) => e.value) };
    this.cache.set(index, value);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value as number);
    return value;
  }

  /** The revisions up to the index'th, as a new history (a fork keeps them). */
  upTo(index: number): StoreHistory {
    const kept = new StoreHistory();
    const n = index + 1;
    kept.revisions.push(...this.revisions.slice(0, n));
    kept.deltas.push(...this.deltas.slice(0, n));
    kept.checkpoints.push(...this.checkpoints.slice(0, Math.ceil(n / CHECKPOINT_EVERY)));
    if (n > 0) kept.latest = this.at(index).entries;
    return kept;
  }

  private rebuild(index: number): readonly EtcdEntry[] {
    const from = Math.floor(index / CHECKPOINT_EVERY);
    let entries = this.checkpoints[from] as readonly EtcdEntry[];
    for (let i = from * CHECKPOINT_EVERY + 1; i <= index; i++)
      entries = apply(entries, this.deltas[i] as Delta);
    return entries;
  }
}

/** What changed between two copies of etcd, both in key order. Entries are immutable: a changed key has a new entry. */
function diff(before: readonly EtcdEntry[], after: readonly EtcdEntry[]): Delta {
  const put: EtcdEntry[] = [];
  const deleted: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = before[i];
    const b = after[j];
    if (b && (!a || b.key < a.key)) {
      put.push(b);
      j++;
    } else if (a && (!b || a.key < b.key)) {
      deleted.push(a.key);
      i++;
    } else if (a && b) {
      if (a !== b) put.push(b);
      i++;
      j++;
    }
  }
  return { put, deleted };
}

/** A copy of etcd with a delta applied, still in key order. */
function apply(entries: readonly EtcdEntry[], delta: Delta): readonly EtcdEntry[] {
  if (delta.put.length === 0 && delta.deleted.length === 0) return entries;
  const deleted = new Set(delta.deleted);
  const out: EtcdEntry[] = [];
  let j = 0;
  for (const e of entries) {
    while (j < delta.put.length && (delta.put[j] as EtcdEntry).key < e.key)
      out.push(delta.put[j++] as EtcdEntry);
    const p = delta.put[j];
    if (p && p.key === e.key) {
      out.push(p);
      j++;
    } else if (!deleted.has(e.key)) out.push(e);
  }
  while (j < delta.put.length) out.push(delta.put[j++] as EtcdEntry);
  return out;
}
