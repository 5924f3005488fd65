// Everything `npm run api` applies to its lab, as data with its cluster time: lines typed
// (on its stdin, or in the attached page's tabs), faults injected from the page, and every
// HTTP request real kubectl sends (reads too: each is drawn as kubectl -> API server), its
// client going away, and the `kubectl exec` line a websocket exec runs. The simulation is
// deterministic, so the same seed and this log, applied at these times, give the same
// trace: the server applies each input through `LabApplier`, and the page attached to it
// replays the log through the very same `LabApplier` (src/api/replay.ts).
import type { Job } from '../shell/job';
import type { Session } from '../shell/session';
import type { FaultRef } from '../sim/faults';
import { faultSpec } from '../sim/faults';
import type { HostName } from '../sim/inputs';
import type { ProfileId } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import type { SimMs } from '../sim/units';
import type { HttpRequest, Reply } from './http';
import type { ApiLab, TablePrinter } from './rest';
import { serve } from './rest';

/** An HTTP request as logged: what `serve` reads of it. A body that is not UTF-8 text (protobuf) is base64. */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly contentType?: string;
  readonly accept?: string;
  readonly body: string;
  readonly base64?: true;
}

export type ApiInput =
  | { readonly kind: 'request'; readonly id: number; readonly request: LoggedRequest }
  /** The client went away: before the answer (the request is cancelled), or from a watch or `logs -f`. */
  | { readonly kind: 'close'; readonly id: number }
  /** A websocket exec: the pod is looked up, then this line runs on the master. */
  | {
      readonly kind: 'exec';
      readonly id: number;
      readonly namespace: string;
      readonly pod: string;
      readonly line: string;
    }
  /** The exec's websocket closed while its command still ran. */
  | { readonly kind: 'exec.close'; readonly id: number };

/** One input without its time: what a caller asks the server to apply now. */
export type LabAction =
  | { readonly host: string; readonly line: string; readonly tab?: string }
  | { readonly host: string; readonly interrupt: true }
  | { readonly fault: FaultRef; readonly heal: boolean }
  | { readonly host: string; readonly api: ApiInput };

export type LabInput = LabAction & { readonly at: SimMs };

/** Where the live server sends what a request's answer and stream say (the replay sends nothing). */
export interface RequestOut {
  /** The answer, or a stream's status and headers before its first chunk. */
  head(r: Reply): void;
  write(chunk: string): void;
  end(): void;
}

/** Where the live server sends an exec's outcome. */
export interface ExecOut {
  refused(code: number, reason: string, message: string): void;
  started(job: Job): void;
}

interface Open {
  answered: boolean;
  cancel?: () => void;
  stop?: () => void;
  job?: Job;
}

export function loggedRequest(req: HttpRequest): LoggedRequest {
  const raw = req.raw ?? new TextEncoder().encode(req.body);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
  const exact = new TextEncoder().encode(text);
  const same = exact.length === raw.length && exact.every((b, i) => b === raw[i]);
  return {
    method: req.method,
    path: req.path,
    query: req.query,
    ...(req.headers['content-type'] !== undefined ? { contentType: req.headers['content-type'] } : {}),
    ...(req.headers.accept !== undefined ? { accept: req.headers.accept } : {}),
    ...(same ? { body: text } : { body: toBase64(raw), base64: true }),
  };
}

export function httpRequestOf(r: LoggedRequest): HttpRequest {
  const raw = r.base64 ? fromBase64(r.body) : new TextEncoder().encode(r.body);
  return {
    method: r.method,
    path: r.path,
    query: r.query,
    headers: {
      ...(r.contentType !== undefined ? { 'content-type': r.contentType } : {}),
      ...(r.accept !== undefined ? { accept: r.accept } : {}),
    },
    body: r.base64 ? new TextDecoder().decode(raw) : r.body,
    raw,
  };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Applies inputs to one lab (a Session), keeping the requests still open by their ids. */
export class LabApplier {
  private readonly open = new Map<number, Open>();

  constructor(
    readonly session: Session,
    readonly lab: ApiLab,
    private readonly tables?: TablePrinter,
  ) {}

  /** Whether request or exec `id` is still open (a close of it is then an input). */
  isOpen(id: number): boolean {
    return this.open.has(id);
  }

  /** Applies `input` at the session's now. Returns the job a typed line or an exec started. */
  apply(input: LabAction, out?: { request?: RequestOut; exec?: ExecOut }): Job | undefined {
    const s = this.session;
    if ('fault' in input) {
      const spec = faultSpec(input.fault.id);
      if (spec)
        s.cluster.dispatch(input.heal ? spec.heal(input.fault.target) : spec.inject(input.fault.target));
      return undefined;
    }
    if ('interrupt' in input) {
      s.interrupt(input.host);
      return undefined;
    }
    // A line typed in a terminal window, as the page's tabs type it (sessionDriver.ts).
    if ('line' in input) return s.type(input.line, input.tab ?? input.host);
    const a = input.api;
    if (a.kind === 'request') {
      this.request(a.id, a.request, out?.request);
      return undefined;
    }
    if (a.kind === 'close') {
      const o = this.open.get(a.id);
      this.open.delete(a.id);
      if (o && !o.answered) o.cancel?.();
      else o?.stop?.();
      return undefined;
    }
    if (a.kind === 'exec.close') {
      const o = this.open.get(a.id);
      this.open.delete(a.id);
      if (o?.job && !o.job.done) o.job.interrupt();
      return undefined;
    }
    return this.exec(a, out?.exec);
  }

  private request(id: number, logged: LoggedRequest, out: RequestOut | undefined): void {
    const o: Open = { answered: false };
    this.open.set(id, o);
    o.cancel = serve(
      this.lab,
      httpRequestOf(logged),
      (r) => {
        if (o.answered) return;
        o.answered = true;
        out?.head(r);
        if (!('stream' in r)) {
          this.open.delete(id);
          return;
        }
        o.stop = r.stream.open({
          write: (chunk) => out?.write(chunk),
          end: () => {
            this.open.delete(id);
            out?.end();
          },
        });
      },
      this.tables,
    );
  }

  private exec(a: Extract<ApiInput, { kind: 'exec' }>, out: ExecOut | undefined): Job | undefined {
    const o: Open = { answered: false };
    this.open.set(a.id, o);
    let started: Job | undefined;
    this.session.cluster.request(
      this.lab.from,
      { verb: 'get', resource: 'pods', namespace: a.namespace, name: a.pod },
      (res) => {
        if (!res.ok) {
          this.open.delete(a.id);
          out?.refused(
            res.code === 0 ? 503 : res.code,
            res.reason,
            res.code === 404 ? `pods "${a.pod}" not found` : res.message,
          );
          return;
        }
        o.answered = true;
        const job = this.session.run(this.lab.from, a.line);
        o.job = job;
        started = job;
        job.onDone(() => this.open.delete(a.id));
        out?.started(job);
      },
    );
    return started;
  }
}

/** The lab a Session serves as `npm run api`: its cluster, timers and the wall-clock time of cluster 0. */
export function apiLabOf(session: Session, epochMs: number): ApiLab {
  // Real kubectl's requests are drawn from the master's kubectl: m-k8s, or cp-k8s under 1.36.
  return {
    cluster: session.cluster,
    after: (ms, fn) => session.after(ms, fn),
    epochMs,
    from: masterOf(session),
  };
}

/** The lab's control-plane machine, as its profile names it. */
export function masterOf(session: Session): HostName {
  return profileOf(session.cluster.options.profile).master.name as HostName;
}

/** What GET /podscope/lab.json says: enough to build the same lab and replay its log. */
export interface LabDescription {
  readonly kind: 'podscope-lab';
  readonly seed: number;
  readonly lab: 'ready' | 'fresh';
  /** The lab's version (src/sim/profiles): '1.18', the book's, or '1.36', its second edition's. */
  readonly profile: ProfileId;
  /** Cluster milliseconds per wall millisecond. */
  readonly speed: number;
  /** The wall-clock time (ms since 1970) of cluster time 0, for the times objects carry. */
  readonly epochMs: number;
  /** Cluster time when this was written, and the server's wall clock then. */
  readonly now: SimMs;
  readonly wallNow: number;
  readonly inputs: readonly LabInput[];
}

/** Checks an input the page posts: a line or Ctrl+C in one of the lab's tabs, or a fault of the catalog. */
export function pageAction(value: unknown, hosts: readonly string[]): LabAction | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an input is a JSON object';
  const v = value as Record<string, unknown>;
  if ('fault' in v) {
    const f = v.fault as Record<string, unknown> | null;
    if (typeof f !== 'object' || f === null || typeof f.id !== 'string' || !faultSpec(f.id))
      return 'fault: not a fault of the catalog';
    if (f.target !== undefined && (typeof f.target !== 'string' || !hosts.includes(f.target)))
      return 'fault: the target is not a host of the lab';
    if (typeof v.heal !== 'boolean') return 'fault: heal is true or false';
    const target = f.target as string | undefined;
    return { fault: { id: f.id as FaultRef['id'], ...(target ? { target } : {}) }, heal: v.heal };
  }
  if (typeof v.host !== 'string' || !hosts.includes(v.host)) return 'host: not a host of the lab';
  if (v.interrupt === true) return { host: v.host, interrupt: true };
  if (typeof v.line !== 'string' || v.line.length > 4096 || /[\n\r]/.test(v.line))
    return 'line: one line of at most 4096 characters';
  if (v.tab !== undefined && (typeof v.tab !== 'string' || !hosts.includes(v.tab)))
    return 'tab: a tab is named after a host';
  return { host: v.host, line: v.line, ...(typeof v.tab === 'string' ? { tab: v.tab } : {}) };
}
