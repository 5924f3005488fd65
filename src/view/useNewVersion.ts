// Whether a newer build of Podscope than the one running is on the server. The page is
// the newest build whenever it loads online (the offline worker asks the network first
// for pages), so this is for a page that stayed open, or opened offline, while a
// teacher deployed a new build: version.json names the new build's entry script, and
// a page running another one offers to reload.
import { useEffect, useState } from 'react';

/** How often an open page asks again; also on coming back online or to the tab. */
const RECHECK_MS = 10 * 60_000;

/** The path of the page's own module script, as version.json's `entry` names it. */
function ownEntry(doc: Document): string | undefined {
  const src = doc.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
  return src ? new URL(src).pathname : undefined;
}

/** True when `entry` (from version.json) is not the script this page runs. */
export function isNewer(entry: unknown, running: string | undefined): boolean {
  return typeof entry === 'string' && running !== undefined && !running.endsWith(`/${entry}`);
}

export function useNewVersion(enabled: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!enabled || !import.meta.env.PROD || typeof fetch !== 'function') return;
    const running = ownEntry(document);
    let stopped = false;
    const check = () => {
      fetch('./version.json', { cache: 'no-store' })
        .then((r) => (r.ok ? r.json() : undefined))
        .then((v: { entry?: unknown } | undefined) => {
          if (stopped || !isNewer(v?.entry, running)) return;
          setReady(true);
          // Let the new build's worker install now, so the reload gets all of it.
          navigator.serviceWorker
            ?.getRegistration()
            .then((r) => r?.update())
            .catch(() => undefined);
        })
        // Offline or a server without version.json: nothing to say.
        .catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    check();
    const timer = setInterval(check, RECHECK_MS);
    addEventListener('online', check);
    document.addEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.addEventListener('controllerchange', check);
    return () => {
      stopped = true;
      clearInterval(timer);
      removeEventListener('online', check);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('controllerchange', check);
    };
  }, [enabled]);
  return ready;
}
