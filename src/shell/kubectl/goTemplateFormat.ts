// Go values as kubectl's template sees them, and fmt's printing of them (%v, Sprint,
// Sprintf with the verbs students use): whole numbers are int64 (apimachinery's json),
// literals and len's results are int, a missing key is reflect's invalid value.
import type { Plain } from './objectPrinter';

/** A map key that is not there: reflect's invalid Value, printed `<no value>`. */
export const NO_VALUE = Symbol('no value');
/** A Go `int` (a literal, len's result), told apart from the data's int64. */
export class GoInt {
  constructor(readonly n: number) {}
}
export type Value = Plain | typeof NO_VALUE | GoInt | Value[];

export class ExecError extends Error {}

export const isMap = (v: Value): v is { [k: string]: Plain } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoInt);

export function typeName(v: Value): string {
  if (v === NO_VALUE || v === null) return '<nil>';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** strconv.FormatFloat(f, 'g', -1, 64), as %v prints a float64. */
function goFloat(f: number): string {
  if (f === 0 || !Number.isFinite(f)) return String(f);
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = f.toExponential().split('e') as [string, string];
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/**
 * strconv's 'f' format: the double's exact decimal value rounded half to even (Go
 * prints 1.25 with %.1f as 1.2; JavaScript's toFixed gives 1.3).
 */
function goFixed(x: number, prec: number): string {
  const exact = Math.abs(x).toFixed(Math.min(100, prec + 30));
  const [int, frac = ''] = exact.split('.') as [string, string?];
  const kept = `${int}${frac.slice(0, prec)}`;
  const rest = frac.slice(prec);
  const half = rest[0] === '5' && /^50*$/.test(rest);
  const up =
    rest[0] !== undefined &&
    (rest[0] > '5' || (rest[0] === '5' && !half) || (half && Number(kept.at(-1)) % 2 === 1));
  const digits = (BigInt(kept) + (up ? 1n : 0n)).toString().padStart(prec + 1, '0');
  const text = prec > 0 ? `${digits.slice(0, -prec)}.${digits.slice(-prec)}` : digits;
  return `${x < 0 ? '-' : ''}${text}`;
}

/** fmt's %v: `map[k:v]` with sorted keys, `[a b]`, `<nil>` inside, `<no value>` alone. */
export function show(v: Value, top = true): string {
  if (v === NO_VALUE || v === null) return top ? '<no value>' : '<nil>';
  if (v instanceof GoInt) return String(v.n);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => show(x, false)).join(' ')}]`;
  return `map[${Object.keys(v)
    .sort()
    .map((k) => `${k}:${show(v[k] as Plain, false)}`)
    .join(' ')}]`;
}

export function truth(v: Value): boolean {
  if (v === NO_VALUE || v === null) return false;
  if (v instanceof GoInt) return v.n !== 0;
  if (typeof v === 'object') return Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0;
  return v !== 0 && v !== '' && v !== false;
}

export const num = (v: Value): number | undefined =>
  v instanceof GoInt ? v.n : typeof v === 'number' ? v : undefined;

/** One fmt verb applied to one operand (%v %s %d %q %t %f %x %e %g), with flags and width. */
function formatOne(
  verb: string,
  flags: string,
  width: number | undefined,
  prec: number | undefined,
  v: Value,
): string {
  const bad = () => `%!${verb}(${typeName(v)}=${show(v, false)})`;
  const n = num(v);
  let s: string;
  switch (verb) {
    case 'v':
      s = show(v, false);
      break;
    case 's':
      if (typeof v === 'string') s = prec !== undefined ? v.slice(0, prec) : v;
      else if (Array.isArray(v))
        s = `[${v.map((x) => formatOne('s', '', undefined, undefined, x)).join(' ')}]`;
      else if (isMap(v))
        s = `map[${Object.keys(v)
          .sort()
          .map((k) => `${k}:${formatOne('s', '', undefined, undefined, v[k] as Plain)}`)
          .join(' ')}]`;
      else return bad();
      break;
    case 'q':
      if (typeof v !== 'string') return bad();
      s = JSON.stringify(v);
      break;
    case 'd':
      if (n === undefined || !Number.isInteger(n)) return bad();
      s = `${flags.includes('+') && n >= 0 ? '+' : ''}${n}`;
      break;
    case 't':
      if (typeof v !== 'boolean') return bad();
      s = String(v);
      break;
    case 'x':
    case 'X':
      if (typeof v === 'string')
        s = [...new TextEncoder().encode(v)].map((b) => b.toString(16).padStart(2, '0')).join('');
      else if (n !== undefined && Number.isInteger(n)) s = n.toString(16);
      else return bad();
      if (verb === 'X') s = s.toUpperCase();
      break;
    case 'f':
    case 'e':
    case 'g':
      // Only a float64 takes a float verb: the data's whole numbers are int64.
      if (typeof v !== 'number' || Number.isInteger(v)) return bad();
      s = verb === 'f' ? goFixed(v, prec ?? 6) : verb === 'e' ? v.toExponential(prec ?? 6) : goFloat(v);
      break;
    default:
      return `%!${verb}(${typeName(v)}=${show(v, false)})`;
  }
  if (width !== undefined && s.length < width) {
    if (flags.includes('-')) s = s.padEnd(width);
    else s = s.padStart(width, flags.includes('0') && verb !== 's' ? '0' : ' ');
  }
  return s;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly Value[]): string {
  let out = '';
  let used = 0;
  const re = /%([-+# 0]*)(\d+)?(?:\.(\d+))?(.)?/gy;
  for (let i = 0; i < format.length; ) {
    if (format[i] !== '%') {
      out += format[i];
      i++;
      continue;
    }
    re.lastIndex = i;
    const m = re.exec(format);
    if (!m) break;
    i = re.lastIndex;
    const verb = m[4];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      continue;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (used >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(
      verb,
      m[1] ?? '',
      m[2] ? Number(m[2]) : undefined,
      m[3] ? Number(m[3]) : undefined,
      args[used++] as Value,
    );
  }
  if (used < args.length)
    out += `%!(EXTRA ${args
      .slice(used)
      .map((a) => `${typeName(a)}=${show(a, false)}`)
      .join(', ')})`;
  return out;
}

/** fmt.Sprint: a space between operands when neither is a string. */
export function sprint(args: readonly Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += show(a, false);
  });
  return out;
}
