// DESIGN contract 3, version 1: a request is { source: 'podscope', v: 1, type, id, ... }
// and its answer { source: 'podscope', v: 1, type: 'reply', id, ok, result | error };
// events go out as { ..., type: 'event', event, detail } and the frame's height as
// { ..., type: 'resize', height }.
import type { EmbedController } from './controller';

export const SOURCE = 'podscope';
export const VERSION = 1;

export type Request =
  | { readonly type: 'play' | 'pause' | 'state' }
  | { readonly type: 'step'; readonly delta?: number }
  | { readonly type: 'goToStep'; readonly step: number }
  | { readonly type: 'seek'; readonly ms: number }
  | { readonly type: 'speed'; readonly speed: number }
  | { readonly type: 'inject' | 'heal'; readonly fault: string; readonly target?: string }
  | { readonly type: 'run'; readonly line: string; readonly host?: string };

export interface Envelope {
  readonly source: typeof SOURCE;
  readonly v: number;
  readonly type: string;
  readonly id?: string | number;
}

export function isPodscope(data: unknown): data is Envelope & Record<string, unknown> {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Envelope).source === SOURCE &&
    typeof (data as Envelope).type === 'string'
  );
}

/**
 * A value from a message, in words, safe for any value: `String()` throws on an object
 * whose `toString` is not a function, and a page can send one.
 */
export function inWords(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 40));
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return `${v}`;
  return `(${Array.isArray(v) ? 'array' : typeof v})`;
}

/** The longest request id echoed back. */
export const MAX_ID_CHARS = 128;

/** Why a message's id cannot be echoed, or undefined when it can. */
export function badId(id: unknown): string | undefined {
  if (id === undefined || (typeof id === 'number' && Number.isFinite(id))) return undefined;
  if (typeof id === 'string' && id.length <= MAX_ID_CHARS) return undefined;
  return `id must be a number or a string of at most ${MAX_ID_CHARS} characters`;
}

/**
 * Runs one request on the controller; what it resolves to is the reply's `result`. The
 * controller checks every argument (args.ts), so a message and a method call fail alike.
 */
export function perform(c: EmbedController, m: Record<string, unknown>): Promise<unknown> {
  switch (m.type) {
    case 'play':
      return c.play();
    case 'pause':
      return c.pause();
    case 'state':
      return c.state();
    case 'step':
      return c.step(m.delta);
    case 'goToStep':
      return c.goToStep(m.step);
    case 'seek':
      return c.seek(m.ms);
    case 'speed':
      return c.setSpeed(m.speed);
    case 'inject':
      return c.inject(m.fault, m.target);
    case 'heal':
      return c.heal(m.fault, m.target);
    case 'run':
      return c.run(m.line, m.host);
    default:
      return Promise.reject(new TypeError(`unknown type ${inWords(m.type)}`));
  }
}
