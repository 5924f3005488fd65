// `npm run api`'s server: the simulated lab behind one port that speaks both HTTPS (for
// kubectl, whose kubeconfig carries the certificate and a bearer token) and plain HTTP
// (for curl and the page at /podscope/). Cluster time follows the wall clock at the
// chosen speed. While the lab's API server is stopped, the port is closed, so kubectl
// is refused as it would be by the master's 6443.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Job } from '../shell/job';
import type { Session } from '../shell/session';
import type { LabKind } from '../sim/api';
import { profileOf } from '../sim/profiles';
import type { SimMs } from '../sim/units';
import type { HttpRequest, Reply } from './http';
import type { LabAction, LabDescription, LabInput, RequestOut } from './labLog';
import { apiLabOf, LabApplier, loggedRequest, pageAction } from './labLog';
import type { TablePrinter } from './rest';
import { status } from './status';
import type { Certificate } from './tls';
import { acceptKey, channelFrame, frame, readFrames } from './websocket';

/** The 1.18 API server's limit on a request body (apiserver's MaxRequestBodyBytes, 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
/** Open watches at once; beyond it a watch gets 429, as the max-in-flight filter answers. */
export const MAX_WATCHES = 400;

export interface ApiServerOptions {
  readonly session: Session;
  readonly token: string;
  readonly tls: Certificate;
  readonly address: string;
  readonly port: number;
  /** Cluster milliseconds per wall millisecond. */
  readonly speed: number;
  /** The built app, served at /podscope/ (undefined: not served). */
  readonly distDir?: string;
  readonly tables?: TablePrinter;
  /** Each request as it is answered: method, path, status. */
  readonly onRequest?: (line: string) => void;
  /** The lab the session was made as, for the attached page (GET /podscope/lab.json). */
  readonly seed?: number;
  readonly lab?: LabKind;
  /** Each input the page posts (a line typed in one of its tabs, a fault), once applied. */
  readonly onPageInput?: (input: LabInput, job: Job | undefined) => void;
}

export interface ApiServer {
  readonly port: number;
  /** Cluster time now (the lab advanced to the wall clock). */
  tick(): SimMs;
  /** Applies an input at cluster time now, logs it and tells the attached pages; a typed line's job. */
  input(action: LabAction): Job | undefined;
  /** Every input applied so far, with its cluster time. */
  readonly log: readonly LabInput[];
  close(): Promise<void>;
}

/** The attached page's marker: index.html served by `npm run api` carries it, so the page replays this lab. */
export const ATTACHED_META = '<meta name="podscope-attached" content="lab.json">';
/** How often the attached pages hear the server's clock, in wall ms. */
const BEAT_MS = 1000;
/** The largest input the page may post. */
const MAX_PAGE_INPUT_BYTES = 64 * 1024;

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.yaml': 'text/yaml; charset=utf-8',
};

function staticFile(distDir: string, path: string): { body: Buffer; type: string } | undefined {
  const rel = normalize(decodeURIComponent(path.replace(/^\/podscope\/?/, '')) || 'index.html');
  if (rel.startsWith('..')) return undefined;
  const file = join(distDir, rel);
  try {
    if (!statSync(file).isFile()) return undefined;
    return { body: readFileSync(file), type: contentTypes[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

/** An answer, or a stream's head and then its chunks, written to the response. */
function responseOut(res: http.ServerResponse, onHead: (r: Reply) => void): RequestOut {
  return {
    head: (r) => {
      onHead(r);
      if ('drop' in r) return;
      if ('answer' in r) {
        res.writeHead(r.answer.status, { ...r.answer.headers, 'cache-control': 'no-cache, private' });
        res.end(r.answer.body);
        return;
      }
      res.writeHead(r.stream.status, { ...r.stream.headers, 'cache-control': 'no-cache, private' });
      res.flushHeaders();
    },
    write: (chunk) => {
      if (chunk !== '') res.write(chunk);
    },
    end: () => res.end(),
  };
}

export async function startApiServer(o: ApiServerOptions): Promise<ApiServer> {
  const { session } = o;
  const wallStart = Date.now();
  const simStart = session.now();
  const lab = apiLabOf(session, wallStart - simStart);
  const applier = new LabApplier(session, lab, o.tables);
  const tick = (): SimMs => {
    const t = (simStart + (Date.now() - wallStart) * o.speed) as SimMs;
    if (t > session.now()) session.advanceTo(t);
    return session.now();
  };
  // Every input, with the cluster time it was applied at: the attached pages replay it (labLog.ts).
  const log: LabInput[] = [];
  const listeners = new Set<(input: LabInput, n: number) => void>();
  let nextId = 0;
  const input = (action: LabAction, out?: Parameters<LabApplier['apply']>[1]): Job | undefined => {
    tick();
    const logged = { ...action, at: session.now() } as LabInput;
    log.push(logged);
    const job = applier.apply(action, out);
    for (const l of listeners) l(logged, log.length - 1);
    return job;
  };
  const description = (): LabDescription => ({
    kind: 'podscope-lab',
    seed: o.seed ?? 1,
    lab: o.lab ?? 'ready',
    profile: profileOf(session.cluster.options.profile).id,
    speed: o.speed,
    epochMs: lab.epochMs,
    now: tick(),
    wallNow: Date.now(),
    inputs: log,
  });
  const hosts = session.cluster.hosts().map((h) => h.name);
  const beats = new Set<http.ServerResponse>();
  let watches = 0;
  const sockets = new Set<net.Socket>();

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const log = (code: number) => o.onRequest?.(`${req.method} ${req.url} ${code}`);
    if (attached(req, res, path, url)) return;
    if (o.distDir && (path === '/podscope' || path.startsWith('/podscope/'))) {
      if (path === '/podscope') {
        res.writeHead(301, { location: '/podscope/' });
        res.end();
        return;
      }
      const f = staticFile(o.distDir, path);
      if (!f) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('404 page not found\n');
        return;
      }
      // The page served here replays this lab instead of opening a lab of its own.
      const body =
        path === '/podscope/' || path === '/podscope/index.html'
          ? Buffer.from(f.body.toString('utf8').replace('<head>', `<head>\n    ${ATTACHED_META}`))
          : f.body;
      res.writeHead(200, {
        'content-type': f.type,
        ...(body !== f.body ? { 'cache-control': 'no-cache' } : {}),
      });
      res.end(body);
      return;
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${o.token}`) {
      const r = status(401, 'Unauthorized', 'Unauthorized');
      if ('answer' in r) {
        res.writeHead(401, r.answer.headers);
        res.end(r.answer.body);
      }
      log(401);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooLarge) {
        const r = status(
          413,
          'RequestEntityTooLarge',
          `Request entity too large: limit is ${MAX_BODY_BYTES}`,
          {},
        );
        if ('answer' in r) {
          res.writeHead(413, r.answer.headers);
          res.end(r.answer.body);
        }
        log(413);
        return;
      }
      const isWatch = /(^|&)watch=(1|true)(&|$)/.test(url.search.slice(1));
      if (isWatch && watches >= MAX_WATCHES) {
        const r = status(429, 'TooManyRequests', 'Too many requests, please try again later.', {});
        if ('answer' in r) {
          res.writeHead(429, { ...r.answer.headers, 'retry-after': '1' });
          res.end(r.answer.body);
        }
        log(429);
        return;
      }
      // A watch holds its place from now until its connection closes.
      if (isWatch) {
        watches++;
        res.on('close', () => watches--);
      }
      const request: HttpRequest = {
        method: req.method ?? 'GET',
        path,
        query: url.search.slice(1),
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
        raw: Buffer.concat(chunks),
      };
      const id = ++nextId;
      const out = responseOut(res, (r) => {
        if ('drop' in r) {
          log(0);
          req.socket.destroy();
        } else log('answer' in r ? r.answer.status : r.stream.status);
      });
      input(
        { host: lab.from, api: { kind: 'request', id, request: loggedRequest(request) } },
        { request: out },
      );
      // The client going away is an input too: it cancels the request, or ends a watch.
      res.on('close', () => {
        if (applier.isOpen(id)) input({ host: lab.from, api: { kind: 'close', id } });
      });
    });
  };

  /** Same-origin only: a page of another site may not read the lab's log or type into it. */
  const sameOrigin = (req: http.IncomingMessage): boolean => {
    const origin = req.headers.origin;
    const host = req.headers.host ?? '';
    const local = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host) || host.startsWith(`${o.address}:`);
    return local && (origin === undefined || origin === `http://${host}` || origin === `https://${host}`);
  };

  /** GET /podscope/lab.json and /podscope/live, POST /podscope/input: the attached page's own routes. */
  const attached = (req: http.IncomingMessage, res: http.ServerResponse, path: string, url: URL): boolean => {
    const routes = ['/podscope/lab.json', '/podscope/live', '/podscope/input'];
    if (!routes.includes(path)) return false;
    const answer = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(`${JSON.stringify(body)}\n`);
    };
    if (!sameOrigin(req)) {
      answer(403, { error: 'podscope: the lab answers its own page only (same origin)' });
      return true;
    }
    const method = req.method ?? 'GET';
    const wanted = path === '/podscope/input' ? 'POST' : 'GET';
    if (method !== wanted) {
      res.writeHead(405, { allow: wanted, 'content-type': 'application/json' });
      res.end(`${JSON.stringify({ error: `podscope: ${path} takes ${wanted}` })}\n`);
      return true;
    }
    if (path === '/podscope/lab.json') {
      answer(200, description());
      return true;
    }
    if (path === '/podscope/live') {
      // A reconnecting EventSource says where it was (Last-Event-ID); a new one says `from`.
      const from = Number(req.headers['last-event-id'] ?? url.searchParams.get('from') ?? log.length);
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 1000\n\n');
      const send = (i: LabInput, n: number) =>
        res.write(`id: ${n + 1}\nevent: input\ndata: ${JSON.stringify(i)}\n\n`);
      const start = Number.isInteger(from) && from >= 0 ? from : log.length;
      for (let n = start; n < log.length; n++) send(log[n] as LabInput, n);
      listeners.add(send);
      beats.add(res);
      res.on('close', () => {
        listeners.delete(send);
        beats.delete(res);
      });
      return true;
    }
    // POST /podscope/input: a line typed in one of the page's tabs, Ctrl+C, or a fault.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      answer(415, { error: 'podscope: an input is posted as application/json' });
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_PAGE_INPUT_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_PAGE_INPUT_BYTES) return answer(413, { error: 'podscope: the input is too large' });
      let value: unknown;
      try {
        value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(400, { error: 'podscope: the input is not JSON' });
      }
      const action = pageAction(value, hosts);
      if (typeof action === 'string') return answer(400, { error: `podscope: ${action}` });
      const job = input(action);
      const logged = log[log.length - 1] as LabInput;
      o.onPageInput?.(logged, job);
      answer(200, { at: logged.at, n: log.length - 1 });
    });
    return true;
  };

  const upgrade = (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const fail = (code: number, reason: string, message: string) => {
      const r = status(code, reason, message, {});
      const body = 'answer' in r ? String(r.answer.body) : '';
      socket.end(
        `HTTP/1.1 ${code} ${http.STATUS_CODES[code] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      o.onRequest?.(`${req.method} ${req.url} ${code}`);
    };
    if ((req.headers.authorization ?? '') !== `Bearer ${o.token}`)
      return fail(401, 'Unauthorized', 'Unauthorized');
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(url.pathname);
    if (!m) return fail(404, 'NotFound', 'the server could not find the requested resource');
    const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const chosen = ['v5.channel.k8s.io', 'v4.channel.k8s.io'].find((p) => protocols.includes(p));
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket' || !chosen)
      return fail(
        400,
        'BadRequest',
        'podscope: exec is served over websockets (v5.channel.k8s.io or v4.channel.k8s.io, kubectl 1.30 and newer); SPDY/3.1 is not simulated',
      );
    const [, namespace = 'default', pod = ''] = m;
    const q = url.searchParams;
    if (q.get('stdin') === 'true' || q.get('stdin') === '1')
      return fail(
        400,
        'BadRequest',
        'podscope: exec with stdin (-i, -it) over the API is not simulated; run it in the page’s terminal',
      );
    const argv = q.getAll('command');
    const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
    const container = q.get('container');
    const line = `kubectl exec ${quote(pod)} -n ${quote(namespace)}${container ? ` -c ${quote(container)}` : ''} -- ${argv.map(quote).join(' ')}`;
    const id = ++nextId;
    const started = (job: Job) => {
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(String(req.headers['sec-websocket-key'] ?? ''))}\r\nSec-WebSocket-Protocol: ${chosen}\r\n\r\n`,
      );
      o.onRequest?.(`${req.method} ${req.url} 101`);
      let pending = head;
      socket.on('data', (d: Buffer) => {
        const { frames, rest } = readFrames(Buffer.concat([pending, d]));
        pending = rest;
        for (const f of frames) if (f.opcode === 8) socket.end(frame(8, Buffer.alloc(0)));
      });
      const exitLine = /^command terminated with exit code (\d+)$/;
      const send = (l: { stream: 'stdout' | 'stderr'; text: string }) => {
        if (l.stream === 'stderr' && exitLine.test(l.text)) return;
        socket.write(channelFrame(l.stream === 'stdout' ? 1 : 2, `${l.text}\n`));
      };
      for (const l of job.output) send(l);
      job.onOutput(send);
      job.onDone((j) => {
        const code = j.exitCode;
        const statusBody =
          code === 0
            ? { metadata: {}, status: 'Success' }
            : {
                metadata: {},
                status: 'Failure',
                message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
                reason: 'NonZeroExitCode',
                details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
              };
        socket.write(channelFrame(3, JSON.stringify(statusBody)));
        socket.end(frame(8, Buffer.from([0x03, 0xe8])));
      });
      // The websocket closing while the command runs stops it (kubectl went away).
      socket.on('close', () => {
        if (!job.done && applier.isOpen(id)) input({ host: lab.from, api: { kind: 'exec.close', id } });
      });
    };
    input(
      { host: lab.from, api: { kind: 'exec', id, namespace, pod, line } },
      { exec: { refused: fail, started } },
    );
  };

  const plain = http.createServer(handle);
  const secure = https.createServer({ cert: o.tls.cert, key: o.tls.key }, handle);
  for (const s of [plain, secure]) {
    s.keepAliveTimeout = 5000;
    s.on('upgrade', upgrade);
  }
  // One port for both: a TLS handshake starts with 0x16.
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const route = () => {
      const first = socket.read(1) as Buffer | null;
      if (first === null) {
        socket.once('readable', route);
        return;
      }
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
    };
    socket.once('readable', route);
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(o.port, o.address, () => {
        front.off('error', reject);
        resolve();
      });
    });
  await listen();
  const port = (front.address() as net.AddressInfo).port;
  let listening = true;
  const apiUp = () => session.cluster.components().find((c) => c.number === 1)?.state === 'running';
  const timer = setInterval(() => {
    tick();
    const up = apiUp();
    if (!up && listening) {
      listening = false;
      front.close();
    } else if (up && !listening) {
      listening = true;
      front.listen(port, o.address);
    }
  }, 10);
  const beat = setInterval(() => {
    if (beats.size === 0) return;
    const line = `event: beat\ndata: ${JSON.stringify({ now: tick(), wallNow: Date.now() })}\n\n`;
    for (const res of beats) res.write(line);
  }, BEAT_MS);
  return {
    port,
    tick,
    input: (action) => input(action),
    log,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        clearInterval(beat);
        for (const res of beats) res.end();
        for (const s of sockets) s.destroy();
        if (listening) front.close(() => resolve());
        else resolve();
      }),
  };
}
