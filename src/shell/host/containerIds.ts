// Docker names a container by 64 hex digits and shows the first 12. The runtime's model
// keeps 12; the rest is drawn from them, so every command shows the same full ID.
import { sha256 } from '../../sim/sha256';

export function fullContainerId(id: string): string {
  if (id.length >= 64) return id.slice(0, 64);
  const rest = Array.from(sha256(id), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${id}${rest}`.slice(0, 64);
}

/** The directory overlay2 keeps a container's read-write layer in: 64 hex digits of its own. */
export function layerId(id: string): string {
  return Array.from(sha256(`${id}/layer`), (b) => b.toString(16).padStart(2, '0')).join('');
}
