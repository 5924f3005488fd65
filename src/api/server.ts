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
import type { Session } from '../shell/session';
import type { SimMs } from '../sim/units';
import type { HttpRequest, Reply } from './http';
import type { ApiLab, TablePrinter } from './rest';
import { serve } from './rest';
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
}

export interface ApiServer {
  readonly port: number;
  /** Cluster time now (the lab advanced to the wall clock). */
  tick(): SimMs;
  close(): Promise<void>;
}

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

function write(
  res: http.ServerResponse,
  r: Exclude<Reply, { drop: true }>,
  onClose: (stop: () => void) => void,
): void {
  if ('answer' in r) {
    res.writeHead(r.answer.status, { ...r.answer.headers, 'cache-control': 'no-cache, private' });
    res.end(r.answer.body);
    return;
  }
  res.writeHead(r.stream.status, { ...r.stream.headers, 'cache-control': 'no-cache, private' });
  res.flushHeaders();
  const stop = r.stream.open({
    write: (chunk) => {
      if (chunk !== '') res.write(chunk);
    },
    end: () => res.end(),
  });
  onClose(stop);
}

export async function startApiServer(o: ApiServerOptions): Promise<ApiServer> {
  const { session } = o;
  const wallStart = Date.now();
  const simStart = session.now();
  const lab: ApiLab = {
    cluster: session.cluster,
    after: (ms, fn) => session.after(ms, fn),
    epochMs: wallStart - simStart,
    from: 'm-k8s',
  };
  const tick = (): SimMs => {
    const t = (simStart + (Date.now() - wallStart) * o.speed) as SimMs;
    if (t > session.now()) session.advanceTo(t);
    return session.now();
  };
  let watches = 0;
  const sockets = new Set<net.Socket>();

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const log = (code: number) => o.onRequest?.(`${req.method} ${req.url} ${code}`);
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
      res.writeHead(200, { 'content-type': f.type });
      res.end(f.body);
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
      tick();
      let done = false;
      const cancel = serve(
        lab,
        request,
        (r) => {
          if (done) return;
          done = true;
          if ('drop' in r) {
            log(0);
            req.socket.destroy();
            return;
          }
          log('answer' in r ? r.answer.status : r.stream.status);
          write(res, r, (stop) => res.on('close', stop));
        },
        o.tables,
      );
      res.on('close', () => {
        if (!done) cancel();
      });
    });
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
    tick();
    session.cluster.request(lab.from, { verb: 'get', resource: 'pods', namespace, name: pod }, (res) => {
      if (!res.ok)
        return fail(
          res.code === 0 ? 503 : res.code,
          res.reason,
          res.code === 404 ? `pods "${pod}" not found` : res.message,
        );
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
      const job = session.run(lab.from, line);
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
      socket.on('close', () => {
        if (!job.done) job.interrupt();
      });
    });
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
  return {
    port,
    tick,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const s of sockets) s.destroy();
        if (listening) front.close(() => resolve());
        else resolve();
      }),
  };
}
