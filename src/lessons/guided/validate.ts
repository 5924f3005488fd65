// Checks a parsed lesson file against lessonSchema, reporting every problem with the
// line it is on. Works on a Tree (a document with a line per node) so YAML, JSON and
// the built-in TS lessons go through the same rules. Only the subset of JSON Schema
// that schema.ts uses is understood; `oneOf` picks its branch by the branch's first
// required key, which turns "matches none of 11 shapes" into "unknown key sttus".
import type { Got, LessonError, LessonErrorDetail } from './errorText';
import { lessonError } from './errorText';
import type { JsonSchema } from './schema';
import { lessonSchema } from './schema';

export type { LessonError } from './errorText';

export type Scalar = string | number | boolean | null;

export type Tree =
  | {
      readonly kind: 'map';
      readonly line: number;
      readonly entries: readonly { readonly key: string; readonly line: number; readonly value: Tree }[];
    }
  | { readonly kind: 'seq'; readonly line: number; readonly items: readonly Tree[] }
  | { readonly kind: 'scalar'; readonly line: number; readonly value: Scalar };

/** A Tree of a plain value (a built-in lesson), every line 0. */
export function treeOf(value: unknown): Tree {
  if (Array.isArray(value)) return { kind: 'seq', line: 0, items: value.map(treeOf) };
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, v]) => ({ key, line: 0, value: treeOf(v) }));
    return { kind: 'map', line: 0, entries };
  }
  const v = value === undefined ? null : value;
  return {
    kind: 'scalar',
    line: 0,
    value: typeof v === 'object' || typeof v === 'function' ? String(v) : (v as Scalar),
  };
}

/** The plain value of a Tree. Object.fromEntries keeps a key such as "__proto__" an ordinary key. */
export function plainOf(tree: Tree): unknown {
  if (tree.kind === 'seq') return tree.items.map(plainOf);
  if (tree.kind === 'map') return Object.fromEntries(tree.entries.map((e) => [e.key, plainOf(e.value)]));
  return tree.value;
}

function resolve(schema: JsonSchema): JsonSchema {
  const name = schema.$ref?.replace('#/$defs/', '');
  return name === undefined ? schema : (lessonSchema.$defs?.[name] ?? schema);
}

const show = (v: Scalar) => JSON.stringify(v);
const got = (tree: Tree): Got => (tree.kind === 'scalar' ? { value: show(tree.value) } : { kind: tree.kind });

function typeError(tree: Tree, type: NonNullable<JsonSchema['type']>): LessonErrorDetail | undefined {
  const ok =
    type === 'object'
      ? tree.kind === 'map'
      : type === 'array'
        ? tree.kind === 'seq'
        : tree.kind === 'scalar' &&
          (type === 'integer'
            ? typeof tree.value === 'number' && Number.isInteger(tree.value)
            : typeof tree.value === type);
  return ok ? undefined : { code: 'type', want: type, got: got(tree) };
}

export function validateTree(tree: Tree, schema: JsonSchema, path: string, errors: LessonError[]): void {
  const s = resolve(schema);
  const err = (line: number, detail: LessonErrorDetail): void => {
    errors.push(lessonError(line, detail, path));
  };
  if (s.oneOf) {
    if (tree.kind !== 'map') {
      err(tree.line, { code: 'type', want: 'map', got: { kind: tree.kind } });
      return;
    }
    const keys = new Set(tree.entries.map((e) => e.key));
    const branch = s.oneOf.find((b) => keys.has(b.required?.[0] ?? ''));
    if (!branch) {
      const kinds = s.oneOf.map((b) => b.required?.[0]).join(', ');
      err(tree.line, { code: 'checkKind', kinds });
      return;
    }
    validateTree(tree, branch, path, errors);
    return;
  }
  if (s.type) {
    const e = typeError(tree, s.type);
    if (e) {
      err(tree.line, e);
      return;
    }
  }
  if (s.enum) {
    const value = tree.kind === 'scalar' ? tree.value : undefined;
    if (value === undefined || value === null || !s.enum.includes(value)) {
      // YAML reads an unquoted True as a boolean: the usual slip in `ready: True`.
      const quote =
        typeof value === 'boolean' && s.enum.includes(value ? 'True' : 'False')
          ? value
            ? 'True'
            : 'False'
          : undefined;
      const allowed = s.enum.map((v) => JSON.stringify(v)).join(', ');
      err(tree.line, { code: 'enum', allowed, got: got(tree), ...(quote ? { quote } : {}) });
      return;
    }
  }
  if (tree.kind === 'scalar' && typeof tree.value === 'string') {
    if (s.minLength !== undefined && tree.value.trim().length < s.minLength)
      err(tree.line, { code: 'empty' });
    else if (s.pattern !== undefined && !new RegExp(s.pattern).test(tree.value)) {
      err(tree.line, { code: 'pattern', value: show(tree.value), pattern: s.pattern });
    }
  }
  if (
    tree.kind === 'scalar' &&
    typeof tree.value === 'number' &&
    s.minimum !== undefined &&
    tree.value < s.minimum
  ) {
    err(tree.line, { code: 'minimum', min: s.minimum });
  }
  if (tree.kind === 'seq') {
    if (s.minItems !== undefined && tree.items.length < s.minItems) {
      err(tree.line, { code: 'minItems', min: s.minItems });
    }
    if (s.items)
      for (const [i, item] of tree.items.entries()) validateTree(item, s.items, `${path}[${i}]`, errors);
  }
  if (tree.kind === 'map') {
    const props = s.properties ?? {};
    const known = Object.keys(props);
    for (const e of tree.entries) {
      const sub = Object.hasOwn(props, e.key) ? props[e.key] : undefined;
      if (sub) validateTree(e.value, sub, path ? `${path}.${e.key}` : e.key, errors);
      else if (s.additionalProperties === false) {
        err(e.line, {
          code: 'unknownKey',
          key: show(e.key),
          known: known.filter((k) => k !== '$schema').join(', '),
        });
      }
    }
    for (const r of s.required ?? []) {
      if (!tree.entries.some((e) => e.key === r)) err(tree.line, { code: 'missing', key: show(r) });
    }
  }
}

/** Rules a schema cannot say: step ids unique, a prediction's answer among its choices. */
function checkMeaning(tree: Tree, errors: LessonError[]): void {
  if (tree.kind !== 'map') return;
  const steps = tree.entries.find((e) => e.key === 'steps')?.value;
  if (steps?.kind !== 'seq') return;
  const seen = new Map<string, number>();
  for (const [i, step] of steps.items.entries()) {
    if (step.kind !== 'map') continue;
    const get = (t: Tree, k: string) =>
      t.kind === 'map' ? t.entries.find((e) => e.key === k)?.value : undefined;
    const id = get(step, 'id');
    if (id?.kind === 'scalar' && typeof id.value === 'string') {
      const first = seen.get(id.value);
      if (first !== undefined) {
        errors.push(
          lessonError(id.line, { code: 'duplicateId', id: show(id.value), first }, `steps[${i}].id`),
        );
      } else seen.set(id.value, i);
    }
    const predict = get(step, 'predict');
    const answer = predict && get(predict, 'answer');
    const choices = predict && get(predict, 'choices');
    if (answer?.kind === 'scalar' && typeof answer.value === 'number' && choices?.kind === 'seq') {
      if (answer.value >= choices.items.length) {
        const detail = { code: 'answerRange', answer: answer.value, last: choices.items.length - 1 } as const;
        errors.push(lessonError(answer.line, detail, `steps[${i}].predict.answer`));
      }
    }
  }
}

/** Every problem of a lesson document, in line order. */
export function validateLesson(tree: Tree): LessonError[] {
  const errors: LessonError[] = [];
  validateTree(tree, lessonSchema, '', errors);
  checkMeaning(tree, errors);
  return errors.sort((a, b) => a.line - b.line);
}
