// The values a difference names, read from each profile object itself (never retyped):
// `master.name` is m-k8s in one and cp-k8s in the other; a field that is a function
// (the prompt, an event's message) is shown by calling it as the lab does.
import type { Profile } from '../../sim/profiles';

/** How a function field is called to show it: with the lab's own names. */
const samples: Readonly<Record<string, (p: Profile) => unknown>> = {
  prompt: (p) => p.prompt(p.master.name, '/root'),
  'kubelet.createdMessage': (p) => p.kubelet.createdMessage('nginx-pod'),
  'kubelet.startedMessage': (p) => p.kubelet.startedMessage('nginx-pod'),
  'kubectl.deleted': (p) => p.kubectl.deleted('pod', 'nginx-pod', 'default', 'deleted'),
  'kubectl.version': (p) => {
    const v = p.kubectl.version(true, false);
    return 'error' in v ? v.error : v.join('\n');
  },
};

/** The value at a field's path; keys may hold dots themselves (`baseFiles./etc/hosts`). */
function at(o: unknown, path: string): { found: boolean; value: unknown } {
  if (o === null || typeof o !== 'object') return { found: false, value: undefined };
  const rec = o as Record<string, unknown>;
  if (Object.hasOwn(rec, path)) return { found: true, value: rec[path] };
  for (const k of Object.keys(rec)) if (path.startsWith(`${k}.`)) return at(rec[k], path.slice(k.length + 1));
  return { found: false, value: undefined };
}

function text(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return field.endsWith('Ms') ? `${value / 1000} s` : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map((x) =>
        x && typeof x === 'object' && 'key' in x && 'effect' in x ? `${x.key}:${x.effect}` : text(x, field),
      )
      .join('\n');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => (v === '' ? k : `${k}=${text(v, field)}`))
      .join('\n');
  return '';
}

/**
 * A field's value in a profile as text: '' when the profile has none (the 1.36 lab has
 * no cri-socket annotation), undefined when it is a function this view cannot call.
 */
export function fieldValue(p: Profile, field: string): string | undefined {
  const { found, value } = at(p, field);
  if (!found) return '';
  if (typeof value === 'function') {
    const sample = samples[field];
    return sample ? text(sample(p), field) : undefined;
  }
  return text(value, field);
}
