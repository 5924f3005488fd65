// What the page's own entry (main.tsx) adds to the app: the iframe mode and its bridge,
// the Share and Export buttons, the `faults`/`autoplay` parameters and the offline
// worker. Everything heavy here is loaded on demand, keeping the first page light.
import type { AppOptions } from '../view/appOptions';
import { parseEmbedParams } from './options';
import { PlayerSlot } from './playerSlot';
import { ShareButtons } from './ShareButtons';

/** Registers the offline worker of the built site (emitted by `vite build` as sw.js). */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .catch((e: unknown) => console.debug('podscope: no offline worker', e));
  });
}

export function pageOptions(search = location.search): AppOptions {
  registerServiceWorker();
  const q = new URLSearchParams(search);
  const params = parseEmbedParams(q);
  const slot = new PlayerSlot();
  if (params.embedded) {
    import('./bridge').then((m) => m.startBridge(slot, params));
    const keep = new URLSearchParams();
    for (const name of ['embed', 'controls', 'terminal', 'allowOrigin']) {
      const v = q.get(name);
      if (v !== null) keep.set(name, v);
    }
    return {
      embedded: true,
      controls: params.controls,
      terminal: params.terminal,
      keepInUrl: `&${keep.toString()}`,
      onPlayer: slot.attach,
    };
  }
  if (params.faults || params.autoplay)
    import('./controller').then(
      (m) => new m.EmbedController(slot, () => {}, { faults: params.faults, autoplay: params.autoplay }),
    );
  return { onPlayer: slot.attach, header: (ctx) => <ShareButtons {...ctx} /> };
}
