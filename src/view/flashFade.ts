// The halo's fade itself, with D3 (STYLE 6: D3 moves what React leaves alone). A chunk of
// its own: the first page's poster and the element's still picture never flash, and D3
// is about 18 KB gzip of what they would otherwise carry.
import { select } from 'd3-selection';
import 'd3-transition';

/** Fades `el` from 0.85 to 0 over 900 ms; the returned stop leaves it at 0. */
export function flash(el: SVGElement): () => void {
  const s = select(el);
  s.interrupt().style('opacity', '0.85').transition().duration(900).style('opacity', '0');
  return () => {
    s.interrupt().style('opacity', '0');
  };
}
