// The page's lists and watches of the six resources, fed to one LiveObserver; the view
// is told once a frame at most that something changed.
import { useEffect, useMemo, useState } from 'react';
import type { Resource } from './apiShapes';
import { RESOURCES } from './apiShapes';
import { LiveObserver } from './observer';
import { Lane, listAndWatch } from './watchStream';

/** Watched all the time; the others take turns on one connection (watchStream's Lane says why). */
const BUSY: readonly Resource[] = ['pods', 'events', 'nodes'];
const SLICE_MS = 1500;

export interface LiveCluster {
  readonly obs: LiveObserver;
  /** ms since the page started watching: the clock the inferred messages fly on. */
  readonly clock: () => number;
  readonly version: number;
  readonly watching: number;
  readonly lost: { readonly resource: Resource; readonly why: string } | undefined;
}

export function useLiveCluster(base: string): LiveCluster {
  const [obs] = useState(() => new LiveObserver());
  const [t0] = useState(() => performance.now());
  const clock = useMemo(() => () => performance.now() - t0, [t0]);
  const [version, setVersion] = useState(0);
  const [states, setStates] = useState<Readonly<Partial<Record<Resource, string>>>>({});
  useEffect(() => {
    const stop = new AbortController();
    let queued = 0;
    const changed = () => {
      if (queued) return;
      queued = requestAnimationFrame(() => {
        queued = 0;
        setVersion(obs.version);
      });
    };
    const shared = new Lane();
    for (const resource of RESOURCES)
      void listAndWatch({
        base,
        resource,
        ...(BUSY.includes(resource) ? {} : { lane: shared, sliceMs: SLICE_MS }),
        fetch: (input, init) => fetch(input, init),
        signal: stop.signal,
        wait: (ms) => new Promise((done) => setTimeout(done, ms)),
        sink: {
          list: (r, items, again) => {
            obs.list(r, items, clock(), again);
            changed();
          },
          line: (r, line) => {
            obs.watch(r, line, clock());
            changed();
          },
          state: (r, s, why) => setStates((all) => ({ ...all, [r]: s === 'lost' ? `lost:${why ?? ''}` : s })),
        },
      });
    return () => {
      stop.abort();
      cancelAnimationFrame(queued);
    };
  }, [base, obs, clock]);
  const entries = Object.entries(states) as [Resource, string][];
  const lostEntry = entries.find(([, s]) => s.startsWith('lost:'));
  return {
    obs,
    clock,
    version,
    watching: entries.filter(([, s]) => s === 'watching').length,
    lost: lostEntry ? { resource: lostEntry[0], why: lostEntry[1].slice(5) } : undefined,
  };
}
