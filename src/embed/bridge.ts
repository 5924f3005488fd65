// The iframe's side of DESIGN contract 3. Requests are obeyed only from the origins the
// embedding page named in `allowOrigin`; anything else is ignored, never run, and
// counted at debug level so a site owner can see why their page is not heard. The
// controller queues what is obeyed (requestQueue.ts): a flood is answered `busy`.
import { EmbedController } from './controller';
import type { Emit } from './events';
import type { EmbedParams } from './options';
import type { PlayerSlot } from './playerSlot';
import { badId, inWords, isPodscope, perform, SOURCE, VERSION } from './protocol';

/** After this many lines about ignored messages, only every thousandth is logged. */
const IGNORED_LOGGED = 20;

/** An error as a reply: its words, and `code: 'busy'` when the queue was full. */
export function refusal(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { ok: false, error: inWords(err) };
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string'
    ? { ok: false, error: err.message, code }
    : { ok: false, error: err.message };
}

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
      if (ignored > IGNORED_LOGGED && ignored % 1000 !== 0) return;
      console.debug(
        `podscope: ignored ${ignored} message(s); the last from ${e.origin || 'an opaque origin'} (v${inWords(e.data.v)})`,
      );
      return;
    }
    const idError = badId(e.data.id);
    const id = idError ? undefined : e.data.id;
    const answer = (body: Record<string, unknown>) =>
      (e.source as Window | null)?.postMessage(
        { source: SOURCE, v: VERSION, type: 'reply', id, ...body },
        e.origin,
      );
    const refuse = (err: unknown) => answer(refusal(err));
    if (idError) {
      refuse(new TypeError(idError));
      return;
    }
    perform(controller, e.data).then((result) => answer({ ok: true, result }), refuse);
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
