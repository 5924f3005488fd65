// The functions a kubectl template can call: Go's text/template builtins (and, or,
// not, len, index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html, js,
// urlquery) and kubectl's own exists and base64decode (cli-runtime printers/template.go).
import type { Value } from './goTemplateFormat';
import {
  ExecError,
  GoInt,
  isMap,
  NO_VALUE,
  num,
  show,
  sprint,
  sprintf,
  truth,
  typeName,
} from './goTemplateFormat';
import type { Plain } from './objectPrinter';

function compare(name: string, a: Value, b: Value): number {
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean' && (name === 'eq' || name === 'ne'))
    return a === b ? 0 : 1;
  if (typeof a === typeof b && (typeof a === 'object' || a === NO_VALUE))
    throw new ExecError(`error calling ${name}: invalid type for comparison`);
  throw new ExecError(`error calling ${name}: incompatible types for comparison`);
}

function index(item: Value, keys: readonly Value[]): Value {
  let v = item;
  for (const k of keys) {
    if (v === NO_VALUE || v === null) throw new ExecError('error calling index: index of untyped nil');
    if (Array.isArray(v) || typeof v === 'string') {
      const i = num(k);
      if (i === undefined || !Number.isInteger(i))
        throw new ExecError(`error calling index: cannot index slice/array with type ${typeName(k)}`);
      if (i < 0 || i >= v.length) throw new ExecError(`error calling index: index out of range: ${i}`);
      v = Array.isArray(v) ? (v[i] as Value) : v.charCodeAt(i);
    } else if (isMap(v)) {
      if (typeof k !== 'string')
        throw new ExecError(`error calling index: value has type ${typeName(k)}; should be string`);
      v = Object.hasOwn(v, k) ? (v[k] as Plain) : null;
    } else throw new ExecError(`error calling index: can't index item of type ${typeName(v)}`);
  }
  return v;
}

/** kubectl's exists: true when every key or index leads to a non-nil value. */
function exists(item: Value, keys: readonly Value[]): boolean {
  let v = item;
  for (const k of keys) {
    if (v === NO_VALUE || v === null) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      const i = num(k);
      if (i === undefined || i < 0 || i >= v.length) return false;
      v = Array.isArray(v) ? (v[i] as Value) : v.charCodeAt(i);
    } else if (isMap(v)) {
      if (typeof k !== 'string') return false;
      v = Object.hasOwn(v, k) ? (v[k] as Plain) : null;
    } else return false;
  }
  return v !== null && v !== NO_VALUE;
}

const htmlEscape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c] as string,
  );
const jsEscape = (s: string) =>
  s.replace(/[\\'"<>&=]/g, (c) =>
    c === '\\' || c === "'" || c === '"'
      ? `\\${c}`
      : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );

export type Fn = (args: Value[]) => Value;
export const funcs: Record<string, Fn> = {
  and: (a) => a.find((x) => !truth(x)) ?? (a[a.length - 1] as Value),
  or: (a) => a.find((x) => truth(x)) ?? (a[a.length - 1] as Value),
  not: (a) => !truth(a[0] as Value),
  len: ([x]) => {
    if (x === NO_VALUE || x === null || x === undefined)
      throw new ExecError('error calling len: len of untyped nil');
    if (typeof x === 'string') return new GoInt(new TextEncoder().encode(x).length);
    if (Array.isArray(x)) return new GoInt(x.length);
    if (isMap(x)) return new GoInt(Object.keys(x).length);
    throw new ExecError(`error calling len: len of type ${typeName(x)}`);
  },
  index: ([item, ...keys]) => index(item as Value, keys),
  slice: ([item, ...ix]) => {
    if (typeof item !== 'string' && !Array.isArray(item))
      throw new ExecError(`error calling slice: can't slice item of type ${typeName(item as Value)}`);
    const [i, j] = ix.map((x) => num(x) ?? 0);
    return item.slice(i ?? 0, j ?? item.length) as Value;
  },
  print: (a) => sprint(a),
  println: (a) => `${a.map((x) => show(x, false)).join(' ')}\n`,
  printf: ([f, ...a]) => {
    if (f === undefined) throw new ExecError('wrong number of args for printf: want at least 1 got 0');
    if (typeof f !== 'string')
      throw new ExecError(`wrong type for value; expected string; got ${typeName(f)}`);
    return sprintf(f, a);
  },
  eq: ([a, ...rest]) => {
    if (rest.length === 0) throw new ExecError('missing argument for comparison');
    return rest.some((b) => compare('eq', a as Value, b) === 0);
  },
  ne: ([a, b]) => compare('ne', a as Value, b as Value) !== 0,
  lt: ([a, b]) => compare('lt', a as Value, b as Value) < 0,
  le: ([a, b]) => compare('le', a as Value, b as Value) <= 0,
  gt: ([a, b]) => compare('gt', a as Value, b as Value) > 0,
  ge: ([a, b]) => compare('ge', a as Value, b as Value) >= 0,
  html: (a) => htmlEscape(sprint(a)),
  js: (a) => jsEscape(sprint(a)),
  urlquery: (a) => encodeURIComponent(sprint(a)).replace(/%20/g, '+'),
  exists: ([item, ...keys]) => exists(item as Value, keys),
  base64decode: ([s]) => {
    try {
      return new TextDecoder().decode(Uint8Array.from(atob(String(s)), (c) => c.charCodeAt(0)));
    } catch {
      throw new ExecError(
        'error calling base64decode: base64 decode failed: illegal base64 data at input byte 0',
      );
    }
  },
};

export const hasFunction = (name: string): boolean => Object.hasOwn(funcs, name);
