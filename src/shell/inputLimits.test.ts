import { describe, expect, it } from 'vitest';
import type { TextLimits } from './inputLimits';
import { checkTextLimits } from './inputLimits';

const limits: TextLimits = { maxChars: 10_000, maxDepth: 8, maxAliases: 2, maxProperties: 3, maxEntries: 50 };
const breach = (text: string) => checkTextLimits(text, limits);

describe('limits on a YAML or JSON text, before any parser', () => {
  it('passes ordinary manifests and lesson files', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx-pod\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    expect(breach(pod)).toBeUndefined();
    expect(breach('{"a": {"b": [1, 2, {"c": "[[[[[[[[[["}]}}')).toBeUndefined();
    expect(breach('text: see [the book] and {this}\nother: a [b\nnext: 1\n')).toBeUndefined();
    expect(
      breach('narration: |\n  [[[[[[[[[[[[\n        deep text\n  - - - - - - - - - -\nid: x\n'),
    ).toBeUndefined();
    expect(breach('a: &x 1\nb: *x\nc: "*not an alias"\nd: a*b\n')).toBeUndefined();
  });

  it('refuses too big, too deep, too many aliases and too many entries, with the line', () => {
    expect(breach('a'.repeat(10_001))).toMatchObject({ limit: 'size', line: 0 });
    expect(breach('['.repeat(9))).toEqual({
      limit: 'depth',
      line: 1,
      message: 'nested more than 8 levels deep',
    });
    expect(breach('a:\n  b: &t [[[[[[[[1]]]]]]]]\n')).toMatchObject({ limit: 'depth', line: 2 });
    expect(breach('- - - - - - - - - x\n')).toMatchObject({ limit: 'depth', line: 1 });
    const stairs = Array.from({ length: 10 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n');
    expect(breach(stairs)).toMatchObject({ limit: 'depth', line: 9 });
    expect(breach('a: 1\nb: [*a, *a, *a]\n')).toEqual({
      limit: 'aliases',
      line: 2,
      message: 'more than 2 aliases (*name)',
    });
    expect(breach('a: !!str &b !t x\nb: &c 1\n')).toEqual({
      limit: 'properties',
      line: 2,
      message: 'more than 3 anchors (&name) and tags (!tag)',
    });
    expect(breach(`[${'1,'.repeat(60)}]`)).toMatchObject({ limit: 'entries', line: 1 });
    expect(breach('k: v\n'.repeat(51))).toMatchObject({ limit: 'entries', line: 51 });
  });
});
