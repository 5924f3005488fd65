// Lessons, the tour and teachers' files are written for the book's lab, whose master is
// m-k8s. In a lab whose control plane has another name (cp-k8s in the second edition's,
// src/sim/profiles) the same data names that machine: every text, host, target and check.

/** The book's master, as lessons (and teachers' files) name it. */
export const BOOK_MASTER = 'm-k8s';
const BOOK_MASTER_WORD = /\bm-k8s\b/g;

/** Every string in plain data (objects, arrays, strings, numbers) mapped by `f`. */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/** `data` with the book's master named `master` (kube-apiserver-m-k8s → kube-apiserver-cp-k8s); its `id` kept. */
export function withMaster<T extends { readonly id: string }>(data: T, master: string): T {
  if (master === BOOK_MASTER) return data;
  return { ...mapStrings(data, (s) => s.replace(BOOK_MASTER_WORD, master)), id: data.id };
}
