// The wire between components. Every message goes through `send`: it becomes an
// envelope on the trace and is delivered at its arrival time by the virtual clock.
import type { VirtualClock } from './clock';
import type { Rng } from './rng';
import type { ComponentId, Envelope, Trace } from './trace';
import type { SimMs } from './units';

export interface Message {
  readonly type: 'msg';
  readonly kind: string;
  readonly from: ComponentId;
  readonly envelope: Envelope;
  readonly body: unknown;
}

export interface SendOptions {
  readonly subject?: string;
  /** Milliseconds on the wire; by default a few ms, more between hosts. */
  readonly latency?: number;
  /** Called at arrival time if nobody is listening at `to` (TCP connection refused). */
  readonly onRefused?: () => void;
}

export interface Receiver {
  /** Whether the receiver accepts connections now (running and its host up). */
  readonly accepting: () => boolean;
  readonly deliver: (m: Message) => void;
}

/** FNV-1a steps over `text`, from the state `h`. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const BAR = '|';

/**
 * FNV-1a over the parts joined by '|', mixed with a salt: a well-spread 32-bit number. The
 * parts are fed one after another, not joined first: the same number without building
 * a string for every message.
 */
function hash(parts: readonly string[], salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) h = fnv(h, BAR);
    h = fnv(h, parts[i] as string);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

export class Net {
  private readonly receivers = new Map<ComponentId, Receiver>();
  /** Drawn once from the seed: latencies depend on it and on the message, not on how many came before. */
  private readonly salt: number;

  constructor(
    private readonly clock: VirtualClock,
    readonly trace: Trace,
    rng: Rng,
    private readonly hostOf: (id: ComponentId) => string | undefined,
  ) {
    this.salt = rng.between(0, 0x7fffffff);
  }

  register(id: ComponentId, receiver: Receiver): void {
    this.receivers.set(id, receiver);
  }

  now(): SimMs {
    return this.clock.now();
  }

  /** Run `fn` after `ms` of cluster time (a component's own work, not a message). */
  later(ms: number, fn: () => void): void {
    this.clock.schedule(fn, ms);
  }

  /**
   * A message's time on the wire: a few ms, more between hosts. It is a function of the
   * message itself (link, kind, subject, send time) and the seed, never of a shared random
   * stream, so a read-only command's extra requests leave every other message's timing as
   * it was.
   */
  latency(from: ComponentId, to: ComponentId, kind = '', subject = ''): number {
    const sameHost = this.hostOf(from) === this.hostOf(to);
    const [lo, hi] = sameHost ? [1, 3] : [2, 6];
    const h = hash([from, to, kind, subject, String(this.clock.now())], this.salt);
    return lo + (h % (hi - lo + 1));
  }

  send(
    from: ComponentId,
    to: ComponentId,
    kind: string,
    summary: string,
    body: unknown,
    opts: SendOptions = {},
  ): Envelope {
    const sentAt = this.clock.now();
    const deliverAt = (sentAt + (opts.latency ?? this.latency(from, to, kind, opts.subject))) as SimMs;
    // Built in place, its keys in the order the trace has always had them (a trace's bytes are pinned).
    const e: { -readonly [K in keyof Omit<Envelope, 'id'>]: Envelope[K] } = {
      from,
      to,
      sentAt,
      deliverAt,
      kind,
      summary,
    };
    if (opts.subject) e.subject = opts.subject;
    if (this.clock.cause !== undefined) e.cause = this.clock.cause;
    if (!this.receivers.get(to)?.accepting()) e.refused = true;
    const envelope = this.trace.appendOwn(e);
    // Whatever the receiver does on arrival is caused by this message.
    this.clock.at(deliverAt, () =>
      this.clock.within(envelope.id, () => {
        const r = this.receivers.get(to);
        if (r?.accepting()) r.deliver({ type: 'msg', kind, from, envelope, body });
        else opts.onRefused?.();
      }),
    );
    return envelope;
  }
}
