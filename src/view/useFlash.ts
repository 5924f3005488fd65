// D3 moves what React leaves alone (STYLE 6): React renders the halo and never sets its
// opacity; this transition fades it each time `key` changes, and is interrupted on cleanup.
// D3 comes with the first flash (flashFade.ts), not with the page's first paint.
import type { RefObject } from 'react';
import { useEffect } from 'react';

let fade: Promise<typeof import('./flashFade')> | undefined;

export function useFlash(ref: RefObject<SVGElement | null>, key: string, enabled: boolean): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled || key === '') return;
    let live = true;
    let stop: (() => void) | undefined;
    fade ??= import('./flashFade');
    void fade.then((m) => {
      if (live) stop = m.flash(el);
    });
    return () => {
      live = false;
      if (stop) stop();
      else el.style.opacity = '0';
    };
  }, [ref, key, enabled]);
}
