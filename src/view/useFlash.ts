// D3 moves what React leaves alone (STYLE 6): React renders the halo and never sets its
// opacity; this transition fades it each time `key` changes, and is interrupted on cleanup.
import { select } from 'd3-selection';
import 'd3-transition';
import type { RefObject } from 'react';
import { useEffect } from 'react';

export function useFlash(ref: RefObject<SVGElement | null>, key: string, enabled: boolean): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled || key === '') return;
    const s = select(el);
    s.interrupt().style('opacity', '0.85').transition().duration(900).style('opacity', '0');
    return () => {
      s.interrupt().style('opacity', '0');
    };
  }, [ref, key, enabled]);
}
