// Kubernetes' naming rules (apimachinery pkg/util/rand): generated names use an
// alphabet without vowels or look-alike digits, so no words and no 0/O, 1/l mix-ups.
import type { Rng } from './rng';
import { sha256 } from './sha256';

export const alphanums = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5 characters the API server appends to a generateName. */
export function podSuffix(rng: Rng): string {
  return rng.string(alphanums, 5);
}

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character of the string mapped into the alphabet. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += alphanums[text.charCodeAt(i) % alphanums.length];
  return out;
}

/** The pod-template-hash: FNV-32a of the template, printed in decimal, safe-encoded (8–10 chars). */
export function podTemplateHash(template: unknown, salt = ''): string {
  // An empty list of tolerations is no tolerations: the API holds the same template either way
  // (a file's template and `create deployment`'s must hash alike).
  const t = template as { tolerations?: readonly unknown[] } | null;
  const same =
    t && Array.isArray(t.tolerations) && t.tolerations.length === 0
      ? (({ tolerations: _, ...rest }) => rest)(t)
      : template;
  return safeEncode(String(fnv32a(JSON.stringify(same) + salt)));
}

/**
 * A docker ID (64 hex digits) grown from 12 random ones: the rng is drawn for 12, as
 * before IDs were full length, so every other random choice of a seed stays as it was.
 */
export function dockerId(short: string): string {
  const digest = Array.from(sha256(`docker-id ${short}`), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${short}${digest}`.slice(0, 64);
}
