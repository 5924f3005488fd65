// A request body in Kubernetes' protobuf (application/vnd.kubernetes.protobuf), read into
// the JSON the same client would have sent as application/json. kubectl 1.33's typed
// clients (create deployment, create namespace, create service ...) send protobuf and do
// not fall back to JSON on a 415.
//
// The body is the magic `k8s\0` then a runtime.Unknown (apimachinery pkg/runtime/
// generated.proto: typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2, contentEncoding = 3,
// contentType = 4); raw is the object's message. The messages, their field numbers and
// how Go writes each field as JSON are in protobufSchema.generated.ts (generated from
// k8s.io/api and k8s.io/apimachinery). Go's generated marshallers write every non-pointer
// field, zero or not, so a field's zero value is treated as Go's json does: left out with
// omitempty, written otherwise; a struct value is always written; an absent pointer is
// left out (omitempty) or null.
import type { JsonValue } from '../shell/manifestYaml';
import type { ProtoField, ProtoMessage } from './protobufSchema.generated';
import { protoMessages } from './protobufSchema.generated';

export type ProtobufDecoded = { ok: true; value: JsonValue } | { ok: false; message: string };

/** The prefix every Kubernetes protobuf body starts with (runtime/serializer/protobuf). */
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

class ProtoError extends Error {}

/** One wire field: its number, and its varint value or its bytes. */
type Wire = { readonly n: number } & ({ readonly varint: number | bigint } | { readonly bytes: Uint8Array });

/** Reads the fields of one message (proto's wire format), in the order they come. */
function wireFields(buf: Uint8Array): Wire[] {
  const out: Wire[] = [];
  scan(buf, (w) => out.push(w));
  return out;
}

/** The last field of each number (a message field that is not repeated: the last one wins). */
function lastFields(buf: Uint8Array): Map<number, Wire> {
  const last = new Map<number, Wire>();
  scan(buf, (w) => last.set(w.n, w));
  return last;
}

function scan(buf: Uint8Array, visit: (w: Wire) => void): void {
  let i = 0;
  const varint = (): number | bigint => {
    // Most varints are short: up to 7 bytes (49 bits) are a number, longer ones a bigint.
    let small = 0;
    for (let k = 0; k < 7; k++) {
      if (i >= buf.length) throw new ProtoError('unexpected EOF');
      const b = buf[i++] as number;
      small += (b & 0x7f) * 2 ** (7 * k);
      if (b < 0x80) return small;
    }
    let v = BigInt(small);
    for (let shift = 49n; ; shift += 7n) {
      if (shift >= 70n) throw new ProtoError('proto: integer overflow');
      if (i >= buf.length) throw new ProtoError('unexpected EOF');
      const b = buf[i++] as number;
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, v);
    }
  };
  /** A key or a length: a number. */
  const small = (): number => {
    let v = 0;
    for (let k = 0; k < 5; k++) {
      if (i >= buf.length) throw new ProtoError('unexpected EOF');
      const b = buf[i++] as number;
      v += (b & 0x7f) * 2 ** (7 * k);
      if (b < 0x80) return v;
    }
    // Longer than 35 bits: no field number or length in a 3 MiB body is (a negative length is 10 bytes).
    throw new ProtoError('proto: integer overflow');
  };
  const take = (len: number): Uint8Array => {
    if (len < 0) throw new ProtoError('proto: negative length found during unmarshaling');
    if (i + len > buf.length) throw new ProtoError('unexpected EOF');
    const b = buf.subarray(i, i + len);
    i += len;
    return b;
  };
  while (i < buf.length) {
    const key = small();
    const n = Math.floor(key / 8);
    const wireType = key % 8;
    if (n <= 0) throw new ProtoError(`proto: illegal tag ${n} (wire type ${wireType})`);
    switch (wireType) {
      case 0:
        visit({ n, varint: varint() });
        break;
      case 1:
        visit({ n, bytes: take(8) });
        break;
      case 2:
        visit({ n, bytes: take(small()) });
        break;
      case 5:
        visit({ n, bytes: take(4) });
        break;
      default:
        throw new ProtoError(`proto: illegal wireType ${wireType}`);
    }
  }
}

const utf8 = new TextDecoder('utf-8');

/** UTF-8 to a string; short ASCII without the decoder's call cost (names, labels, finalizers). */
function text(b: Uint8Array): string {
  if (b.length > 64) return utf8.decode(b);
  let s = '';
  for (const c of b) {
    if (c >= 0x80) return utf8.decode(b);
    s += String.fromCharCode(c);
  }
  return s;
}

function scalarOf(type: string, w: Wire): JsonValue {
  if ('varint' in w) {
    const v = w.varint;
    const big = () => (typeof v === 'bigint' ? v : BigInt(v));
    switch (type) {
      case 'bool':
        return v !== 0 && v !== 0n;
      case 'int32':
        return typeof v === 'number' && v <= 0x7fffffff ? v : Number(BigInt.asIntN(32, big()));
      case 'int64':
        return typeof v === 'number' ? v : Number(BigInt.asIntN(64, v));
      case 'uint32':
        return typeof v === 'number' && v <= 0xffffffff ? v : Number(BigInt.asUintN(32, big()));
      case 'uint64':
        return Number(v);
    }
    throw new ProtoError(`proto: wrong wireType = 0 for a field of type ${type}`);
  }
  const b = w.bytes;
  switch (type) {
    case 'string':
      return text(b);
    case 'bytes':
      return base64Of(b);
    case 'double':
      if (b.length === 8) return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
      break;
    case 'float':
      if (b.length === 4) return new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true);
      break;
  }
  throw new ProtoError(`proto: wrong wireType for a field of type ${type}`);
}

/** A varint scalar: a length-delimited field of it is a packed run. */
const unpacked = (type: string) =>
  type !== 'string' && type !== 'bytes' && type !== 'double' && type !== 'float';

/** Repeated varints may come packed (one length-delimited field holding them all). */
function unpack(w: Wire & { readonly bytes: Uint8Array }): Wire[] {
  return wireFields(prefixed(w.n, w.bytes));
}

/** The bytes of a packed run re-keyed as plain varint fields, so wireFields reads them. */
function prefixed(n: number, bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  const key = n << 3;
  while (i < bytes.length) {
    let k = key;
    while (k >= 0x80) {
      out.push((k & 0x7f) | 0x80);
      k >>>= 7;
    }
    out.push(k);
    do {
      if (i >= bytes.length) throw new ProtoError('unexpected EOF');
      out.push(bytes[i] as number);
    } while ((bytes[i++] as number) >= 0x80);
  }
  return Uint8Array.from(out);
}

const isScalar = (type: string) => !type.includes('.');

function zeroScalar(type: string): JsonValue {
  return type === 'string' || type === 'bytes'
    ? type === 'string'
      ? ''
      : null
    : type === 'bool'
      ? false
      : 0;
}

function isZero(v: JsonValue): boolean {
  return v === '' || v === 0 || v === false || v === null;
}

function rfc3339(seconds: number, nanos?: number): string {
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) throw new ProtoError(`Time: seconds ${seconds} out of range`);
  const base = d.toISOString().slice(0, 19);
  if (nanos === undefined) return `${base}Z`;
  return `${base}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

/** Go's time.Duration.String(). */
function goDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  const sign = neg ? '-' : '';
  if (u < 1_000_000_000n) {
    const units: [bigint, string][] = [
      [1_000_000n, 'ms'],
      [1_000n, 'µs'],
      [1n, 'ns'],
    ];
    for (const [size, unit] of units) if (u >= size) return `${sign}${fraction(u, size)}${unit}`;
  }
  const h = u / 3_600_000_000_000n;
  u -= h * 3_600_000_000_000n;
  const m = u / 60_000_000_000n;
  u -= m * 60_000_000_000n;
  const s = fraction(u, 1_000_000_000n);
  return `${sign}${h > 0n ? `${h}h` : ''}${h > 0n || m > 0n ? `${m}m` : ''}${s}s`;
}

function fraction(v: bigint, unit: bigint): string {
  const whole = v / unit;
  const rest = v % unit;
  if (rest === 0n) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** The JSON of a message whose Go type writes its own (Time, Quantity, IntOrString...), or undefined. */
function specialOf(type: string, bytes: Uint8Array): JsonValue | undefined {
  const f = () => lastFields(bytes);
  const last = (ws: Map<number, Wire>, n: number) => ws.get(n);
  const num = (w: Wire | undefined, t: string) => (w ? (scalarOf(t, w) as number) : 0);
  switch (type) {
    case `${META}.Time`: {
      // Time.Unmarshal: no bytes is the zero time (JSON null); nanos are dropped.
      if (bytes.length === 0) return null;
      return rfc3339(num(last(f(), 1), 'int64'));
    }
    case `${META}.MicroTime`: {
      if (bytes.length === 0) return null;
      const ws = f();
      return rfc3339(num(last(ws, 1), 'int64'), num(last(ws, 2), 'int32'));
    }
    case `${META}.Duration`: {
      const w = last(f(), 1);
      return goDuration(w && 'varint' in w ? BigInt.asIntN(64, BigInt(w.varint)) : 0n);
    }
    case 'k8s.io.apimachinery.pkg.api.resource.Quantity': {
      // The string the client wrote (its Quantity.String(), already canonical).
      const w = last(f(), 1);
      return w ? (scalarOf('string', w) as string) || '0' : '0';
    }
    case 'k8s.io.apimachinery.pkg.util.intstr.IntOrString': {
      const ws = f();
      return num(last(ws, 1), 'int64') === 1
        ? ((last(ws, 3) ? scalarOf('string', last(ws, 3) as Wire) : '') as string)
        : num(last(ws, 2), 'int32');
    }
    case `${META}.FieldsV1`:
    case 'k8s.io.apimachinery.pkg.runtime.RawExtension': {
      const w = last(f(), 1);
      if (!w || !('bytes' in w)) return null;
      const text = utf8.decode(w.bytes);
      try {
        return JSON.parse(text) as JsonValue;
      } catch {
        throw new ProtoError(`${type.split('.').at(-1)}: raw bytes are not JSON`);
      }
    }
  }
  return undefined;
}

function messageNamed(type: string): ProtoMessage {
  const m = protoMessages[type];
  if (!m) throw new ProtoError(`no protobuf message ${type} is known`);
  return m;
}

/** A message's JSON. `depth` guards against a body nesting without end. */
function decodeMessage(type: string, bytes: Uint8Array, depth: number): JsonValue {
  if (depth > 64) throw new ProtoError('proto: message nested too deep');
  const special = specialOf(type, bytes);
  if (special !== undefined) return special;
  const m = messageNamed(type);
  const byNumber = new Map<number, Wire[]>();
  scan(bytes, (w) => {
    const list = byNumber.get(w.n);
    if (list) list.push(w);
    else byNumber.set(w.n, [w]);
  });
  if ('list' in m) return (byNumber.get(1) ?? []).map((w) => fieldValue(m.list, w, depth));
  const out: { [key: string]: JsonValue } = {};
  for (const f of m.fields) writeField(out, f, byNumber.get(f.n) ?? [], depth);
  return out;
}

function fieldValue(type: string, w: Wire, depth: number): JsonValue {
  if (isScalar(type)) return scalarOf(type, w);
  if (!('bytes' in w)) throw new ProtoError(`proto: wrong wireType = 0 for field of message ${type}`);
  return decodeMessage(type, w.bytes, depth + 1);
}

/** One field's JSON into `out`, from the wire fields of its number (in the order they came). */
function writeField(out: { [key: string]: JsonValue }, f: ProtoField, mine: Wire[], depth: number): void {
  if (f.map !== undefined) {
    if (mine.length === 0) {
      if (!f.omit) out[f.json] = null;
      return;
    }
    // A later key wins (Go's map assignment); encoding/json writes a map's keys sorted.
    const entries = new Map<string, JsonValue>();
    for (const w of mine) {
      if (!('bytes' in w)) throw new ProtoError(`proto: wrong wireType = 0 for map field ${f.json}`);
      let k: Wire | undefined;
      let v: Wire | undefined;
      scan(w.bytes, (e) => {
        if (e.n === 1) k = e;
        else if (e.n === 2) v = e;
      });
      const key = k ? String(scalarOf(f.map, k)) : '';
      entries.set(key, v ? fieldValue(f.type, v, depth) : zeroOf(f.type, depth));
    }
    out[f.json] = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return;
  }
  if (f.rep) {
    const scalar = isScalar(f.type);
    const items: Wire[] = [];
    for (const w of mine)
      if (scalar && 'bytes' in w && unpacked(f.type)) for (const p of unpack(w)) items.push(p);
      else items.push(w);
    if (items.length === 0) {
      if (!f.omit) out[f.json] = null;
      return;
    }
    out[f.json] = items.map((w) => fieldValue(f.type, w, depth));
    return;
  }
  const w = mine.at(-1);
  if (f.inline) {
    const inner = w ? fieldValue(f.type, w, depth) : zeroOf(f.type, depth);
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) Object.assign(out, inner);
    return;
  }
  if (!w) {
    // Absent: a pointer is nil; a value is its zero.
    if (f.ptr) {
      if (!f.omit) out[f.json] = null;
      return;
    }
    const zero = zeroOf(f.type, depth);
    if (isScalar(f.type) && f.omit && isZero(zero)) return;
    out[f.json] = zero;
    return;
  }
  const v = fieldValue(f.type, w, depth);
  if (!f.ptr && isScalar(f.type) && f.omit && isZero(v)) return;
  out[f.json] = v;
}

function zeroOf(type: string, depth: number): JsonValue {
  return isScalar(type) ? zeroScalar(type) : decodeMessage(type, new Uint8Array(0), depth + 1);
}

/** apiVersion (group/version or version) and kind -> the message's full name. */
function messageOf(apiVersion: string, kind: string): string | undefined {
  if (kind === 'DeleteOptions') return `${META}.DeleteOptions`;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg =
    group === ''
      ? 'core'
      : group === 'meta.k8s.io'
        ? undefined
        : (group as string).replace(/\.k8s\.io$/, '').replace(/\./g, '');
  if (group === 'meta.k8s.io') return `${META}.${kind}`;
  const name = `k8s.io.api.${pkg}.${version}.${kind}`;
  return protoMessages[name] ? name : undefined;
}

/**
 * A protobuf request body as the JSON the client would have sent: kind and apiVersion
 * (from the envelope) first, then the object's fields as Go writes them. Never throws.
 */
export function decodeProtobufBody(bytes: Uint8Array): ProtobufDecoded {
  try {
    if (bytes.length === 0) return { ok: false, message: 'empty body' };
    if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b))
      return {
        ok: false,
        message: `provided data does not appear to be a protobuf message, expected prefix [${MAGIC.join(' ')}]`,
      };
    const envelope = lastFields(bytes.subarray(MAGIC.length));
    const one = (n: number) => envelope.get(n);
    const typeMeta = one(1);
    const tm = typeMeta && 'bytes' in typeMeta ? lastFields(typeMeta.bytes) : new Map<number, Wire>();
    const str = (ws: Map<number, Wire>, n: number) => {
      const w = ws.get(n);
      return w ? (scalarOf('string', w) as string) : '';
    };
    const apiVersion = str(tm, 1);
    const kind = str(tm, 2);
    const encoding = str(envelope, 3);
    if (encoding !== '') return { ok: false, message: `the content encoding ${encoding} is not supported` };
    if (kind === '') return { ok: false, message: "Object 'Kind' is missing in the protobuf body" };
    const type = messageOf(apiVersion, kind);
    if (!type) return { ok: false, message: `no kind "${kind}" is registered for version "${apiVersion}"` };
    const raw = one(2);
    const object = decodeMessage(type, raw && 'bytes' in raw ? raw.bytes : new Uint8Array(0), 0);
    if (!object || typeof object !== 'object' || Array.isArray(object))
      return { ok: false, message: `${kind} is not an object` };
    return { ok: true, value: { kind, apiVersion, ...object } };
  } catch (e) {
    if (e instanceof ProtoError) return { ok: false, message: e.message };
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Bytes as base64 without Node's Buffer: the attached page replays protobuf bodies too. */
function base64Of(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
