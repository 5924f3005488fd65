// Runs one of the view's comparisons without holding the page: in a worker
// (changed.worker.ts), so the page keeps painting and answering while a lab is made and
// typed in; where the page can start no worker, a few milliseconds at a time on its own
// thread, between its frames. Results are kept for the page's life: a difference opened
// again shows at once.
import { useEffect, useState } from 'react';
import { sessionDriver } from '../../lessons/sessionDriver';
import type { RunAnswer, RunAsked } from './changed.worker';
import type { Line, RunRequest } from './runs';
import { requestRun } from './runs';

/** How long one slice on the page's thread may run before the page gets its turn. */
const SLICE_MS = 8;

const done = new Map<string, readonly Line[]>();

/** The view's one worker, started on its first run; undefined once it could not be. */
let worker: Worker | undefined | null = null;
const waiting = new Map<number, (answer: RunAnswer) => void>();
let nextId = 0;

function theWorker(): Worker | undefined {
  if (worker !== null) return worker;
  try {
    worker = new Worker(new URL('./changed.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<RunAnswer>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    // The script did not load (an old cache, a policy): the runs go to the page's thread.
    worker.onerror = () => {
      worker?.terminate();
      worker = undefined;
      for (const [id, answer] of waiting) answer({ id, error: 'worker' });
      waiting.clear();
    };
  } catch {
    worker = undefined;
  }
  return worker;
}

/** Runs `request` on the page's thread in slices; `stop` ends it early. */
function sliced(request: RunRequest, finish: (lines: readonly Line[]) => void): () => void {
  const g = requestRun(sessionDriver, request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const start = performance.now();
    while (performance.now() - start < SLICE_MS) {
      const r = g.next();
      if (r.done) return finish(r.value);
    }
    timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => clearTimeout(timer);
}

export function useRun(key: string | undefined, request: () => RunRequest): readonly Line[] | undefined {
  const [value, setValue] = useState<{ key: string; value: readonly Line[] }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names what `request` asks
  useEffect(() => {
    if (key === undefined || done.has(key)) return;
    let stopped = false;
    let stop = () => {};
    const finish = (lines: readonly Line[]) => {
      done.set(key, lines);
      if (!stopped) setValue({ key, value: lines });
    };
    const asked = request();
    const w = theWorker();
    if (w) {
      const id = nextId++;
      waiting.set(id, (answer) => {
        if ('lines' in answer) finish(answer.lines);
        else if (!stopped) stop = sliced(asked, finish);
      });
      w.postMessage({ id, request: asked } satisfies RunAsked);
    } else stop = sliced(asked, finish);
    return () => {
      stopped = true;
      stop();
    };
  }, [key]);
  if (key === undefined) return undefined;
  return done.get(key) ?? (value?.key === key ? value.value : undefined);
}
