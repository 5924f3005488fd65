// The wire between components. Every message goes through `send`: it becomes an
// envelope on the trace and is delivered at its arrival time by the virtual clock.
import type { VirtualClock } from './clock';
import type { Rng } from './rng';
import type { BookStep, ComponentId, Envelope, Trace } from './trace';
import type { SimMs } from './units';

export interface Message {
  readonly type: 'msg';
  readonly kind: string;
  readonly from: ComponentId;
  readonly envelope: Envelope;
  readonly body: unknown;
}

export interface SendOptions {
  readonly bookStep?: BookStep;
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

export class Net {
  private readonly receivers = new Map<ComponentId, Receiver>();

  constructor(
    private readonly clock: VirtualClock,
    readonly trace: Trace,
    private readonly rng: Rng,
    private readonly hostOf: (id: ComponentId) => string | undefined,
  ) {}

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

  latency(from: ComponentId, to: ComponentId): number {
    const sameHost = this.hostOf(from) === this.hostOf(to);
    return sameHost ? this.rng.between(1, 3) : this.rng.between(2, 6);
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
    const deliverAt = (sentAt + (opts.latency ?? this.latency(from, to))) as SimMs;
    const envelope = this.trace.append({
      from,
      to,
      sentAt,
      deliverAt,
      kind,
      summary,
      ...(opts.bookStep ? { bookStep: opts.bookStep } : {}),
      ...(opts.subject ? { subject: opts.subject } : {}),
    });
    this.clock.at(deliverAt, () => {
      const r = this.receivers.get(to);
      if (r?.accepting()) r.deliver({ type: 'msg', kind, from, envelope, body });
      else opts.onRefused?.();
    });
    return envelope;
  }
}
