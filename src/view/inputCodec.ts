// A person's own inputs in the URL, compactly: each is `<time>.<kind><tab or fault>[.<line>]`,
// joined by `~`, time in base-36 cluster milliseconds. Kinds: `l` a typed line (in tab),
// `c` Ctrl+C (in tab), `f` a fault injected, `h` one healed. `15yw.lm-k8s.kubectl%20get%20pods`
// is `kubectl get pods` typed in the m-k8s tab at 1.5 s. Decoding never throws: a bad
// entry is a notice, and the rest is kept.
import type { RecordedInput } from '../player';
import type { FaultRef, SimMs } from '../sim';

/** More than a school day of commands, and still a URL browsers keep. */
export const MAX_INPUTS = 2_000;
const MAX_LINE = 4_096;

export function encodeInputs(inputs: readonly RecordedInput[]): string {
  return inputs
    .flatMap((i) => ('api' in i ? [] : [i]))
    .map((i) => {
      const at = Math.round(i.at).toString(36);
      if ('fault' in i) {
        const f = i.fault.target ? `${i.fault.id}@${i.fault.target}` : i.fault.id;
        return `${at}.${i.heal ? 'h' : 'f'}${f}`;
      }
      const tab = ('tab' in i && i.tab) || i.host;
      if ('interrupt' in i) return `${at}.c${tab}`;
      // encodeURIComponent leaves `~` alone, and `~` joins the entries.
      return `${at}.l${tab}.${encodeURIComponent(i.line).replaceAll('~', '%7E')}`;
    })
    .join('~');
}

export interface DecodedInputs {
  readonly inputs: RecordedInput[];
  readonly errors: string[];
}

const NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/i;

export function decodeInputs(text: string, hosts: readonly string[]): DecodedInputs {
  const inputs: RecordedInput[] = [];
  const errors: string[] = [];
  if (text.trim() === '') return { inputs, errors };
  const parts = text.split('~');
  if (parts.length > MAX_INPUTS) errors.push(`inputs: ${parts.length} > ${MAX_INPUTS}, the rest dropped`);
  let last = 0;
  for (const part of parts.slice(0, MAX_INPUTS)) {
    const dot = part.indexOf('.');
    const at = dot > 0 ? Number.parseInt(part.slice(0, dot), 36) : Number.NaN;
    const rest = dot > 0 ? part.slice(dot + 1) : '';
    const kind = rest[0];
    const bad = (why: string) => errors.push(`inputs "${part.slice(0, 40)}": ${why}`);
    if (!/^[0-9a-z]{1,9}$/.test(part.slice(0, Math.max(0, dot))) || !Number.isFinite(at)) {
      bad('no time');
      continue;
    }
    if (at < last) {
      bad('out of order');
      continue;
    }
    const when = at as SimMs;
    if (kind === 'f' || kind === 'h') {
      const [id, target, extra] = rest.slice(1).split('@');
      if (!id || !NAME.test(id) || extra !== undefined || (target !== undefined && !hosts.includes(target))) {
        bad('not a fault');
        continue;
      }
      const fault: FaultRef = (target ? { id, target } : { id }) as FaultRef;
      inputs.push({ at: when, fault, heal: kind === 'h' });
    } else if (kind === 'l' || kind === 'c') {
      const sep = rest.indexOf('.');
      const tab = kind === 'c' ? rest.slice(1) : rest.slice(1, sep < 0 ? undefined : sep);
      if (!hosts.includes(tab)) {
        bad('no such terminal');
        continue;
      }
      if (kind === 'c') inputs.push({ at: when, host: tab, interrupt: true });
      else {
        let line: string;
        try {
          line = decodeURIComponent(sep < 0 ? '' : rest.slice(sep + 1));
        } catch {
          bad('bad line');
          continue;
        }
        if (line.length > MAX_LINE || /[\r\n]/.test(line)) {
          bad('bad line');
          continue;
        }
        inputs.push({ at: when, host: tab, line, tab });
      }
    } else {
      bad('unknown kind');
      continue;
    }
    last = at;
  }
  return { inputs, errors };
}
