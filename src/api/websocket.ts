// The few parts of RFC 6455 that kubectl exec needs: the handshake, and binary frames
// whose first byte is the channel (0 stdin, 1 stdout, 2 stderr, 3 the status, 255 close
// in v5.channel.k8s.io). Frames from the client are masked; ours are not.
import { createHash } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export function acceptKey(key: string): string {
  return createHash('sha1')
    .update(key + GUID)
    .digest('base64');
}

/** One unmasked frame: FIN, the opcode (1 text, 2 binary, 8 close), the payload. */
export function frame(opcode: number, payload: Uint8Array): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (n >= 126) {
    head[0] = 0x80 | opcode;
    if (n < 65536) {
      head[1] = 126;
      head.writeUInt16BE(n, 2);
    } else {
      head[1] = 127;
      head.writeBigUInt64BE(BigInt(n), 2);
    }
  }
  return Buffer.concat([head, payload]);
}

/** A channel's bytes as one binary frame. */
export function channelFrame(channel: number, data: string | Uint8Array): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return frame(2, Buffer.concat([Buffer.from([channel]), body]));
}

export interface Frame {
  readonly opcode: number;
  readonly payload: Buffer;
}

/** Reads the complete frames at the start of `buf`; returns them and what is left. */
export function readFrames(buf: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    const b0 = buf[at] as number;
    const b1 = buf[at + 1] as number;
    let len = b1 & 0x7f;
    let off = at + 2;
    if (len === 126) {
      if (buf.length - off < 2) break;
      len = buf.readUInt16BE(off);
      off += 2;
    } else if (len === 127) {
      if (buf.length - off < 8) break;
      len = Number(buf.readBigUInt64BE(off));
      off += 8;
    }
    const masked = (b1 & 0x80) !== 0;
    const mask = masked ? buf.subarray(off, off + 4) : undefined;
    if (masked) off += 4;
    if (buf.length - off < len) break;
    const payload = Buffer.from(buf.subarray(off, off + len));
    if (mask)
      for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
    frames.push({ opcode: b0 & 0x0f, payload });
    at = off + len;
  }
  return { frames, rest: buf.subarray(at) };
}
