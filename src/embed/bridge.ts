// The iframe's side of DESIGN contract 3. Requests are obeyed only from the origins the
// embedding page named in `allowOrigin`; anything else is ignored, never run, and
// counted at debug level so a site owner can see why their page is not heard.
import { EmbedController } from './controller';
import type { Emit } from './events';
import type { EmbedParams } from './options';
import type { PlayerSlot } from './playerSlot';
import { isPodscope, perform, SOURCE, VERSION } from './protocol';

export function startBridge(slot: PlayerSlot, params: EmbedParams, win: Window = window): () => void {
  const parent = win.parent !== win ? win.parent : undefined;
  const allowed = new Set(params.allowOrigin);
  // Events can say what a student typed: they go only to the allowed origins.
  const emit: Emit = (event, detail) => {
    for (const origin of allowed)
      parent?.postMessage({ source: SOURCE, v: VERSION, type: 'event', event, detail }, origin);
  };
  const controller = new EmbedController(slot, emit, { faults: params.faults, autoplay: params.autoplay });
  let ignored = 0;

  const onMessage = (e: MessageEvent) => {
    if (!isPodscope(e.data) || e.data.type === 'reply') return;
    if (!allowed.has(e.origin) || e.data.v !== VERSION) {
      ignored += 1;
      console.debug(
        `podscope: ignored ${ignored} message(s); the last from ${e.origin || 'an opaque origin'} (v${String(e.data.v)})`,
      );
      return;
    }
    const { id } = e.data;
    const answer = (body: Record<string, unknown>) =>
      (e.source as Window | null)?.postMessage(
        { source: SOURCE, v: VERSION, type: 'reply', id, ...body },
        e.origin,
      );
    perform(controller, e.data).then(
      (result) => answer({ ok: true, result }),
      (err: unknown) => answer({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  };
  win.addEventListener('message', onMessage);

  // The height is not a secret and the page needs it to size the frame before it knows our origin.
  let lastHeight = 0;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(win.document.body.scrollHeight);
    if (height === lastHeight) return;
    lastHeight = height;
    parent?.postMessage({ source: SOURCE, v: VERSION, type: 'resize', height }, '*');
  });
  observer.observe(win.document.body);

  return () => {
    win.removeEventListener('message', onMessage);
    observer.disconnect();
    controller.dispose();
  };
}
