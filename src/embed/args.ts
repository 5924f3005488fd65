// The arguments of the public verbs (DESIGN contracts 2 and 3), checked the same way
// whether they come from a method of the element or from a postMessage: a bad one is a
// `TypeError` that names the verb, the parameter and what was expected
// (`run(line, host): line must be a string`), never an error from deep inside the lab.

/** The longest command line taken: far more than any line of the book, far less than a flood. */
export const MAX_LINE_CHARS = 4_096;
/** Host names, fault names and targets are short words. */
export const MAX_WORD_CHARS = 128;
/** A time beyond a year of cluster time is not a time anyone means. */
export const MAX_SEEK_MS = 365 * 24 * 3_600_000;
export const MAX_STEP = 1_000;

/** The verbs and their parameters, as the messages of the TypeErrors name them. */
export const SIGNATURES = {
  step: 'step(delta)',
  goToStep: 'goToStep(n)',
  seek: 'seek(ms)',
  speed: 'setSpeed(speed)',
  inject: 'inject(fault, target)',
  heal: 'heal(fault, target)',
  run: 'run(line, host)',
} as const;

type Verb = keyof typeof SIGNATURES;

const fail = (verb: Verb, message: string): never => {
  throw new TypeError(`${SIGNATURES[verb]}: ${message}`);
};

/** A finite number within ±`max`. */
export function numberArg(verb: Verb, name: string, v: unknown, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(verb, `${name} must be a finite number`);
  if (Math.abs(v) > max) return fail(verb, `${name} must be between ${-max} and ${max}`);
  return v;
}

/** A non-empty string of at most `max` characters. */
export function stringArg(verb: Verb, name: string, v: unknown, max: number): string {
  if (typeof v !== 'string') return fail(verb, `${name} must be a string`);
  if (v.trim() === '') return fail(verb, `${name} must not be empty`);
  if (v.length > max) return fail(verb, `${name} must be at most ${max} characters`);
  return v;
}

/** Like stringArg, but `undefined` (left out) is allowed. */
export function optionalStringArg(verb: Verb, name: string, v: unknown, max: number): string | undefined {
  return v === undefined ? undefined : stringArg(verb, name, v, max);
}

export const stepArg = (v: unknown): number =>
  v === undefined ? 1 : Math.trunc(numberArg('step', 'delta', v, MAX_STEP));
export const goToStepArg = (v: unknown): number => Math.trunc(numberArg('goToStep', 'n', v, MAX_STEP));
export function seekArg(v: unknown): number {
  const ms = numberArg('seek', 'ms', v, MAX_SEEK_MS);
  return ms < 0 ? fail('seek', 'ms must not be negative') : ms;
}
export function speedArg(v: unknown): number {
  const s = numberArg('speed', 'speed', v, 4);
  return s < 0.25 ? fail('speed', 'speed must be between 0.25 and 4') : s;
}
export const faultArgs = (
  verb: 'inject' | 'heal',
  fault: unknown,
  target: unknown,
): readonly [string, string | undefined] => [
  stringArg(verb, 'fault', fault, MAX_WORD_CHARS),
  optionalStringArg(verb, 'target', target, MAX_WORD_CHARS),
];
export const runArgs = (line: unknown, host: unknown): readonly [string, string | undefined] => [
  stringArg('run', 'line', line, MAX_LINE_CHARS),
  optionalStringArg('run', 'host', host, MAX_WORD_CHARS),
];
