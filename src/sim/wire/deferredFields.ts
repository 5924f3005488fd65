// metadata.managedFields computed when first read (issue 14). Working out who owns which
// field after a write (managedFields.ts) was a sixth of the simulation's time, yet the
// lists are read only when someone asks for an object's YAML or JSON; the controllers
// never look at them. So a write stores a list that is filled on its first use, from the
// previous version's list and the two versions, which are immutable: the entries are the
// ones the write would have computed at once, so traces and printed objects stay as they
// were. The list is an array behind a Proxy (Array.isArray, JSON.stringify, iteration and
// spreads all see an ordinary array), so copying an object's metadata copies the list's
// reference without filling it.
import type { KubeObject, ManagedFieldsEntry, ObjectMeta } from '../objects';

interface Cell {
  /** The version written over (undefined on create): its list must be filled first. */
  live: KubeObject | undefined;
  compute: (() => ManagedFieldsEntry[]) | undefined;
  readonly target: ManagedFieldsEntry[];
  /** Cells not filled yet in this chain, this one included. */
  readonly depth: number;
}

/**
 * A chain of unfilled lists keeps every version it follows alive: past this many, the chain
 * is filled at once, so memory stays bounded and a first read never has more to do.
 */
const MAX_DEPTH = 256;

const cellOfTarget = new WeakMap<object, Cell>();
const cellOfList = new WeakMap<object, Cell>();

function unfilled(list: unknown): Cell | undefined {
  const c = typeof list === 'object' && list !== null ? cellOfList.get(list) : undefined;
  return c?.compute ? c : undefined;
}

/** Fills the cell's list, and first those of the versions before it (oldest first, without recursion). */
function fill(cell: Cell): void {
  if (!cell.compute) return;
  const chain: Cell[] = [cell];
  for (let c = unfilled(cell.live?.metadata.managedFields); c; c = unfilled(c.live?.metadata.managedFields))
    chain.push(c);
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i] as Cell;
    const compute = c.compute;
    if (!compute) continue;
    c.compute = undefined;
    for (const e of compute()) c.target.push(e);
    c.live = undefined;
  }
}

function filled(t: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  const cell = cellOfTarget.get(t);
  if (cell) fill(cell);
  return t;
}

const handler: ProxyHandler<ManagedFieldsEntry[]> = {
  get: (t, k) => Reflect.get(filled(t), k),
  has: (t, k) => Reflect.has(filled(t), k),
  ownKeys: (t) => Reflect.ownKeys(filled(t)),
  getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(filled(t), k),
  set: (t, k, v) => Reflect.set(filled(t), k, v),
  defineProperty: (t, k, d) => Reflect.defineProperty(filled(t), k, d),
  deleteProperty: (t, k) => Reflect.deleteProperty(filled(t), k),
};

/**
 * `{ ...meta, managedFields: compute() }`, with compute() run when the list is first used.
 * `live` is the version written over, whose own list `compute` reads.
 */
export function deferManagedFields<M extends ObjectMeta>(
  meta: M,
  live: KubeObject | undefined,
  compute: () => ManagedFieldsEntry[],
): M {
  const before = unfilled(live?.metadata.managedFields);
  const target: ManagedFieldsEntry[] = [];
  const cell: Cell = { live, compute, target, depth: (before?.depth ?? 0) + 1 };
  const list = new Proxy(target, handler);
  cellOfTarget.set(target, cell);
  cellOfList.set(list, cell);
  if (cell.depth > MAX_DEPTH) fill(cell);
  return { ...meta, managedFields: list };
}
