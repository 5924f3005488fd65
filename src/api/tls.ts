// A self-signed certificate for `npm run api`'s HTTPS, made with node:crypto alone:
// client-go sends a bearer token only over TLS (clientcmd's ClientConfig reads the
// user's credentials only when IsConfigTransportTLS), so the kubeconfig names an https
// server and carries this certificate as its authority. ECDSA P-256, valid for
// 127.0.0.1, localhost and the address served, CA:TRUE so it is its own root.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';

const bytes = (...parts: (Buffer | number[])[]) =>
  Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const out: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) out.unshift(x & 0xff);
  return Buffer.from([0x80 | out.length, ...out]);
}

const tlv = (tag: number, content: Buffer) => bytes([tag], len(content.length), content);
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);
const octets = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const bits = (b: Buffer, unused = 0) => tlv(0x03, bytes([unused], b));

function integer(b: Buffer): Buffer {
  const trimmed = b[0] === 0 && b.length > 1 ? b.subarray(1) : b;
  return tlv(0x02, (trimmed[0] as number) & 0x80 ? bytes([0], trimmed) : trimmed);
}

function oid(text: string): Buffer {
  const [a, b, ...rest] = text.split('.').map(Number) as [number, number, ...number[]];
  const out = [40 * a + b];
  for (const n of rest) {
    const chunk: number[] = [];
    for (let x = n; ; x = Math.floor(x / 128)) {
      chunk.unshift((x & 0x7f) | (chunk.length > 0 ? 0x80 : 0));
      if (x < 128) break;
    }
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const s = d
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return tlv(0x17, Buffer.from(s.slice(2), 'ascii'));
}

const name = (cn: string) => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  // IPv6: expand '::' and write the eight groups.
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.concat(groups.map((g) => Buffer.from([parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff])));
}

function pem(label: string, der: Buffer): string {
  const b64 = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export interface Certificate {
  readonly cert: string;
  readonly key: string;
}

/** A certificate for the names given (IP addresses and DNS names), valid from an hour ago for ten years. */
export function selfSigned(names: readonly string[], now = new Date()): Certificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const algorithm = seq(oid('1.2.840.10045.4.3.2'));
  const subject = name('podscope-apiserver');
  const alt = [...new Set(['127.0.0.1', 'localhost', ...names])].map((n) =>
    isIP(n) ? tlv(0x87, ipBytes(n)) : tlv(0x82, Buffer.from(n, 'ascii')),
  );
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    subject,
    seq(time(new Date(now.getTime() - 3600_000)), time(new Date(now.getTime() + 10 * 365 * 86400_000))),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        seq(oid('2.5.29.19'), bool(true), octets(seq(bool(true)))),
        // digitalSignature and keyCertSign
        seq(oid('2.5.29.15'), bool(true), octets(bits(Buffer.from([0x84]), 2))),
        seq(oid('2.5.29.17'), octets(seq(...alt))),
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, algorithm, bits(signature));
  return {
    cert: pem('CERTIFICATE', der),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
