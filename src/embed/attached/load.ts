// The page served by `npm run api` (its index.html carries `<meta name="podscope-attached">`)
// attaches to that server: GET lab.json (seed, lab, the clock, every input so far), then
// GET live, an event stream of each new input as the server applies it and of its clock;
// the page's own inputs (lines typed in its tabs, faults) are POSTed to input, and come
// back on the stream with the moment the server applied them. Loaded only then.
import type { LabAction, LabDescription, LabInput } from '../../api/labLog';
import type { RecordedInput } from '../../player';
import type { SimMs } from '../../sim';
import type { AttachedLab } from '../../view/appOptions';
import { attachedDriver } from './driver';

/** Where the page finds the lab: the marker's `content`, relative to the page. */
export function attachedMarker(doc: Document = document): string | undefined {
  const meta = doc.querySelector('meta[name="podscope-attached"]');
  return meta ? (meta.getAttribute('content') ?? 'lab.json') : undefined;
}

/** Attaches to the lab described at `labUrl`; a string says why it could not. */
export async function loadAttached(labUrl: string): Promise<AttachedLab | string> {
  let d: LabDescription;
  try {
    const res = await fetch(labUrl, { cache: 'no-store', headers: { accept: 'application/json' } });
    if (!res.ok) return `GET ${labUrl}: ${res.status}`;
    d = (await res.json()) as LabDescription;
    if (d.kind !== 'podscope-lab') return `GET ${labUrl}: not a Podscope lab`;
  } catch (e) {
    return `GET ${labUrl}: ${e instanceof Error ? e.message : String(e)}`;
  }
  // The server's clock: its cluster time at its last word, and how fast it moves.
  let base = { now: d.now as number, perf: performance.now() };
  let last = 0;
  const now = (): SimMs => {
    last = Math.max(last, base.now + (performance.now() - base.perf) * d.speed);
    return last as SimMs;
  };
  const heard = (t: number) => {
    base = { now: t, perf: performance.now() };
  };
  const page = new URL(labUrl, location.href);
  let count = d.inputs.length;
  return {
    address: page.origin,
    seed: d.seed,
    lab: d.lab,
    // A server from before profiles ran the book's lab.
    profile: d.profile ?? '1.18',
    speed: d.speed,
    driver: attachedDriver(d),
    inputs: d.inputs as readonly LabInput[] as readonly RecordedInput[],
    now,
    listen: (onInput, onConnected) => {
      const source = new EventSource(new URL(`live?from=${count}`, page).href);
      source.addEventListener('open', () => onConnected(true));
      source.addEventListener('error', () => onConnected(false));
      source.addEventListener('beat', (e) => {
        const beat = JSON.parse((e as MessageEvent<string>).data) as { now: number };
        heard(beat.now);
      });
      source.addEventListener('input', (e) => {
        const m = e as MessageEvent<string>;
        const n = Number(m.lastEventId);
        // A reconnect resends nothing it already sent (Last-Event-ID), but a stream is never trusted twice.
        if (Number.isInteger(n) && n <= count) return;
        count = Number.isInteger(n) ? n : count + 1;
        const input = JSON.parse(m.data) as LabInput;
        if (input.at > now()) heard(input.at);
        onInput(input as unknown as RecordedInput);
      });
      return () => source.close();
    },
    send: async (input) => {
      const body: LabAction = input as unknown as LabAction;
      try {
        const res = await fetch(new URL('input', page).href, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (res.ok) return undefined;
        const why = (await res.json().catch(() => ({}))) as { error?: string };
        return why.error ?? `POST input: ${res.status}`;
      } catch (e) {
        return `POST input: ${e instanceof Error ? e.message : String(e)}`;
      }
    },
  };
}
