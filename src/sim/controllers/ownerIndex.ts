// The controller manager's index of live pods by their controlling owner, with each
// owner's ready count, kept up to date on every change of the pod informer's cache (as
// client-go's indexers are), so a ReplicaSet's sync costs what its own pods cost, not a
// scan of every pod in the cluster.
import type { Pod } from '../objects';
import { isReady, live } from './workloads';

interface Entry {
  readonly owner: string;
  readonly pod: Pod;
  readonly ready: boolean;
}

export class OwnerIndex {
  /** Cache key → what it adds to the index (only live pods with an owner are in it). */
  private readonly byKey = new Map<string, Entry>();
  private readonly byOwner = new Map<string, Map<string, Pod>>();
  private readonly readyByOwner = new Map<string, number>();

  /** The informer's cache now holds `pod` at `key` (undefined: nothing). */
  set(key: string, pod: Pod | undefined): void {
    const before = this.byKey.get(key);
    if (before) {
      this.byKey.delete(key);
      const pods = this.byOwner.get(before.owner);
      pods?.delete(key);
      if (pods?.size === 0) this.byOwner.delete(before.owner);
      if (before.ready) this.readyByOwner.set(before.owner, (this.readyByOwner.get(before.owner) ?? 1) - 1);
    }
    const owner = pod?.metadata.ownerReferences?.[0]?.uid;
    if (!pod || !owner || !live(pod)) return;
    const ready = isReady(pod);
    this.byKey.set(key, { owner, pod, ready });
    const pods = this.byOwner.get(owner);
    if (pods) pods.set(key, pod);
    else this.byOwner.set(owner, new Map([[key, pod]]));
    if (ready) this.readyByOwner.set(owner, (this.readyByOwner.get(owner) ?? 0) + 1);
  }

  clear(): void {
    this.byKey.clear();
    this.byOwner.clear();
    this.readyByOwner.clear();
  }

  /** How many live pods `owner` has. */
  count(owner: string): number {
    return this.byOwner.get(owner)?.size ?? 0;
  }

  /** How many of them are Ready. */
  ready(owner: string): number {
    return this.readyByOwner.get(owner) ?? 0;
  }

  pods(owner: string): Pod[] {
    return [...(this.byOwner.get(owner)?.values() ?? [])];
  }
}
