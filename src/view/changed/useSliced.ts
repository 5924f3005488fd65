// Runs one of the view's comparisons (a generator that yields between slices of cluster
// time) a few milliseconds at a time, so the page keeps painting and answering while it
// runs. Results are kept for the page's life: a difference opened again shows at once.
import { useEffect, useState } from 'react';

/** How long one slice may run before the page gets its turn (DESIGN: no task over 50 ms). */
const SLICE_MS = 8;

const done = new Map<string, unknown>();

export function useSliced<T>(key: string | undefined, make: () => Generator<void, T>): T | undefined {
  const [value, setValue] = useState<{ key: string; value: T } | undefined>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names what `make` computes
  useEffect(() => {
    if (key === undefined || done.has(key)) return;
    const g = make();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const start = performance.now();
      while (performance.now() - start < SLICE_MS) {
        const r = g.next();
        if (r.done) {
          done.set(key, r.value);
          setValue({ key, value: r.value });
          return;
        }
      }
      timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [key]);
  if (key === undefined) return undefined;
  if (done.has(key)) return done.get(key) as T;
  return value?.key === key ? value.value : undefined;
}
