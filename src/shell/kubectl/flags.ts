// kubectl's flag parsing, as cobra and pflag do it: --name=value, --name value,
// -n value, -nvalue, -n=value, grouped bool shorthands, and their error texts.

export type FlagType = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** pflag's NoOptDefVal: `--name` alone means this value and takes no next word. */
  readonly noOptDefault?: string;
}

export interface ParsedFlags {
  readonly positionals: string[];
  readonly values: Map<string, string[]>;
}

export type FlagResult =
  | { readonly ok: true; readonly flags: ParsedFlags }
  | { readonly ok: false; readonly error: string };

export const globalFlags: readonly FlagSpec[] = [
  { name: 'kubeconfig', type: 'string' },
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'v', short: 'v', type: 'int' },
];

/** pflag's invalid-argument error, which names a flag with a shorthand as `-r, --replicas` however it was typed. */
function invalid(value: string, spec: FlagSpec): string {
  const parser = spec.type === 'int' ? 'strconv.ParseInt' : 'strconv.ParseBool';
  const flag = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  return `invalid argument "${value}" for "${flag}" flag: ${parser}: parsing "${value}": invalid syntax`;
}

function checkValue(spec: FlagSpec, value: string): string | undefined {
  if (spec.type === 'int' && !/^-?\d+$/.test(value)) return invalid(value, spec);
  if (spec.type === 'bool' && !/^(true|false|1|0|t|f|TRUE|FALSE|True|False|T|F)$/.test(value))
    return invalid(value, spec);
  return undefined;
}

/** Parses args against the given flags; `--` ends flags. Errors are cobra's, without the usage hint. */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): FlagResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  const set = (spec: FlagSpec, value: string) => {
    const list = values.get(spec.name) ?? [];
    list.push(value);
    values.set(spec.name, list);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (spec.type === 'bool') value = 'true';
      else if (spec.noOptDefault !== undefined) value = spec.noOptDefault;
      else {
        const next = args[i + 1];
        if (next === undefined) return { ok: false, error: `flag needs an argument: --${name}` };
        value = next;
        i++;
      }
      const bad = checkValue(spec, value);
      if (bad) return { ok: false, error: bad };
      set(spec, value);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthands: -A, -owide, -o wide, -o=wide, -Aowide.
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        const spec = byShort.get(c);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            const v = a.slice(j + 2);
            const bad = checkValue(spec, v);
            if (bad) return { ok: false, error: bad };
            set(spec, v);
            break;
          }
          set(spec, 'true');
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        else if (value === '') {
          const next = args[i + 1];
          if (next === undefined) return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
          value = next;
          i++;
        }
        const bad = checkValue(spec, value);
        if (bad) return { ok: false, error: bad };
        set(spec, value);
        break;
      }
      continue;
    }
    positionals.push(a);
  }
  return { ok: true, flags: { positionals, values } };
}

export function flagString(f: ParsedFlags, name: string): string | undefined {
  const v = f.values.get(name);
  return v?.[v.length - 1];
}

export function flagBool(f: ParsedFlags, name: string): boolean {
  const v = flagString(f, name);
  return v !== undefined && /^(true|1|t|TRUE|True|T)$/.test(v);
}

export function flagInt(f: ParsedFlags, name: string): number | undefined {
  const v = flagString(f, name);
  return v === undefined ? undefined : Number.parseInt(v, 10);
}
