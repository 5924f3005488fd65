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

const num = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${name} must be a number`);
  return v;
};
const str = (v: unknown, name: string): string => {
  if (typeof v !== 'string' || v === '') throw new Error(`${name} must be a string`);
  return v;
};
const optStr = (v: unknown, name: string): string | undefined => (v === undefined ? undefined : str(v, name));

/** Runs one request on the controller; what it resolves to is the reply's `result`. */
export async function perform(c: EmbedController, m: Record<string, unknown>): Promise<unknown> {
  switch (m.type) {
    case 'play':
      return c.play();
    case 'pause':
      return c.pause();
    case 'state':
      return c.state();
    case 'step':
      return c.step(m.delta === undefined ? 1 : num(m.delta, 'delta'));
    case 'goToStep':
      return c.goToStep(num(m.step, 'step'));
    case 'seek':
      return c.seek(num(m.ms, 'ms'));
    case 'speed':
      return c.setSpeed(num(m.speed, 'speed'));
    case 'inject':
      return c.inject(str(m.fault, 'fault'), optStr(m.target, 'target'));
    case 'heal':
      return c.heal(str(m.fault, 'fault'), optStr(m.target, 'target'));
    case 'run':
      return c.run(str(m.line, 'line'), optStr(m.host, 'host'));
    default:
      throw new Error(`unknown type "${String(m.type)}"`);
  }
}
