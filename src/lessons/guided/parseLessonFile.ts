// A teacher's lesson file (YAML or JSON — JSON is YAML) → a lesson, or every error
// with its line. Never throws, whatever the text. Text stays data: narration is
// copied as strings and nothing here (or in the engine) evaluates or renders it.
//
// The `yaml` package is passed in rather than imported: it is ~30 KB gzip, and
// lesson files are rare, so loadLesson.ts imports it lazily and the first page
// never carries it. The shell's own yaml.ts (sized for the book's manifests) stops
// at the first error and keeps no line per key, which a teacher's error list needs.
import type * as Yaml from 'yaml';
import type { TextLimits } from '../../shell/inputLimits';
import { checkTextLimits } from '../../shell/inputLimits';
import type { LessonErrorDetail } from './errorText';
import { lessonError } from './errorText';
import type { GuidedLesson } from './types';
import type { LessonError, Scalar, Tree } from './validate';
import { plainOf, validateLesson } from './validate';

export type YamlModule = Pick<
  typeof Yaml,
  'parseDocument' | 'LineCounter' | 'isMap' | 'isSeq' | 'isScalar' | 'isAlias'
>;

export type LessonFileResult =
  | { readonly lesson: GuidedLesson }
  | { readonly errors: readonly LessonError[] };

/**
 * Limits checked before parsing (src/shell/inputLimits.ts), so any file gets its answer
 * within 100 ms: the longest built-in lesson is ~12 KB and 356 entries as YAML (the test
 * checks that every one fits in half of these); the \`yaml\` package parses 1,000
 * entries in ~40 ms on a quiet 2-core machine. A lesson file has no aliases at all.
 */
export const LESSON_LIMITS: TextLimits = {
  maxChars: 128_000,
  maxDepth: 64,
  maxAliases: 0,
  maxProperties: 50,
  maxEntries: 1_000,
};
/** Files past this size (bytes: a Hangul character is three) are refused before they are read. */
export const MAX_LESSON_BYTES = 512_000;
const MAX_ERRORS = 50;
const MAX_DEPTH = LESSON_LIMITS.maxDepth;

class TreeError extends Error {
  constructor(
    readonly line: number,
    readonly detail: LessonErrorDetail,
  ) {
    super(detail.code);
  }
}

function toTree(y: YamlModule, node: unknown, lineOf: (offset: number) => number, depth: number): Tree {
  const range = (node as { range?: readonly number[] } | null)?.range;
  const line = lineOf(range?.[0] ?? 0);
  if (depth > MAX_DEPTH) throw new TreeError(line, { code: 'tooDeep' });
  if (node === null || node === undefined) return { kind: 'scalar', line, value: null };
  if (y.isAlias(node)) throw new TreeError(line, { code: 'alias' });
  if (y.isMap(node)) {
    const seen = new Set<string>();
    const entries = node.items.map((pair) => {
      const key = pair.key;
      const keyLine = lineOf((key as { range?: readonly number[] } | null)?.range?.[0] ?? range?.[0] ?? 0);
      if (!y.isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        throw new TreeError(keyLine, { code: 'keyWord' });
      }
      const name = String(key.value);
      if (seen.has(name)) throw new TreeError(keyLine, { code: 'keyTwice', key: name });
      seen.add(name);
      const value = pair.value === null ? { kind: 'scalar' as const, line: keyLine, value: null } : undefined;
      return {
        key: String(key.value),
        line: keyLine,
        value: value ?? toTree(y, pair.value, lineOf, depth + 1),
      };
    });
    return { kind: 'map', line, entries };
  }
  if (y.isSeq(node))
    return { kind: 'seq', line, items: node.items.map((n) => toTree(y, n, lineOf, depth + 1)) };
  if (y.isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      return { kind: 'scalar', line, value: v as Scalar };
    }
    throw new TreeError(line, { code: 'unsupportedValue' });
  }
  throw new TreeError(line, { code: 'unsupportedYaml' });
}

export function parseLessonFile(text: string, yaml: YamlModule): LessonFileResult {
  try {
    if (typeof text !== 'string') return { errors: [lessonError(0, { code: 'notText' })] };
    const breach = checkTextLimits(text, LESSON_LIMITS);
    if (breach) return { errors: [lessonError(breach.line, limitDetail(breach.limit))] };
    const counter = new yaml.LineCounter();
    const lineOf = (offset: number) => counter.linePos(offset).line;
    // No custom tags or merge keys: a lesson is plain data. A key given twice is found by
    // toTree: the parser's own `uniqueKeys` compares every pair, quadratic in a map's keys.
    const doc = yaml.parseDocument(text, {
      lineCounter: counter,
      prettyErrors: false,
      uniqueKeys: false,
      merge: false,
    });
    if (doc.errors.length > 0) {
      const errors = doc.errors.map((e) =>
        lessonError(lineOf(e.pos[0]), {
          code: 'yaml',
          yamlCode: e.code,
          text: e.message.split('\n')[0] ?? e.message,
        }),
      );
      return { errors: errors.slice(0, MAX_ERRORS) };
    }
    if (doc.contents === null) return { errors: [lessonError(1, { code: 'emptyFile' })] };
    const tree = toTree(yaml, doc.contents, lineOf, 0);
    const errors = validateLesson(tree);
    if (errors.length > 0) return { errors: errors.slice(0, MAX_ERRORS) };
    return { lesson: plainOf(tree) as GuidedLesson };
  } catch (e) {
    if (e instanceof TreeError) return { errors: [lessonError(e.line, e.detail)] };
    // A bug of ours, or a pathological input the parser gave up on: still an error list, never a blank page.
    return {
      errors: [lessonError(0, { code: 'unreadable', why: e instanceof Error ? e.message : String(e) })],
    };
  }
}

function limitDetail(limit: 'size' | 'depth' | 'aliases' | 'properties' | 'entries'): LessonErrorDetail {
  switch (limit) {
    case 'size':
      return { code: 'limitChars', max: LESSON_LIMITS.maxChars };
    case 'depth':
      return { code: 'limitDepth', max: LESSON_LIMITS.maxDepth };
    // A lesson file allows no alias at all: the limit's own "more than 0" would say it worse.
    case 'aliases':
      return { code: 'alias' };
    case 'properties':
      return { code: 'limitProperties', max: LESSON_LIMITS.maxProperties };
    case 'entries':
      return { code: 'limitEntries', max: LESSON_LIMITS.maxEntries };
  }
}
