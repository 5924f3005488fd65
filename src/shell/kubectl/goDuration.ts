// Go's time.ParseDuration, as kubectl's duration flags (--timeout) read them: a sequence
// of decimal numbers each with a unit (ns, us, µs, ms, s, m, h), an optional sign; "0"
// alone is zero. Errors are worded as Go 1.13 (kubectl 1.18.4's go1.13.9) words them,
// without the quotes Go 1.15 added.

const units: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

export function parseGoDuration(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ms: 0 };
  if (s === '') return { ok: false, error: `time: invalid duration ${text}` };
  let ms = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === ''))
      return { ok: false, error: `time: invalid duration ${text}` };
    s = s.slice(m?.[0].length ?? 0);
    const u = /^[^\d.]+/.exec(s)?.[0] ?? '';
    if (u === '') return { ok: false, error: `time: missing unit in duration ${text}` };
    const scale = units[u];
    if (scale === undefined) return { ok: false, error: `time: unknown unit ${u} in duration ${text}` };
    ms += Number(`${whole || '0'}.${frac ?? ''}`) * scale;
    s = s.slice(u.length);
  }
  return { ok: true, ms: sign * ms };
}
