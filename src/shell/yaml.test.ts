import { describe, expect, it } from 'vitest';
import { NGINX_POD_YAML } from './labFiles';
import { readManifest } from './manifest';
import { parseYamlDocuments } from './yaml';

describe('the YAML reader', () => {
  it("reads the book's nginx-pod.yaml, with the sequence at its key's indentation", () => {
    expect(parseYamlDocuments(NGINX_POD_YAML)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'nginx-pod' },
        spec: { containers: [{ name: 'container-name', image: 'nginx' }] },
      },
    ]);
  });

  it('reads comments, quotes, numbers, booleans, flow collections, literal blocks and several documents', () => {
    const text = `# a comment
a: "x: y"   # trailing
b: 'it''s'
c: 3
d: true
e: [1, two, "3"]
f: {k: v}
g: |
  line one
  line two
---
- x
-   y: 1
    z: 2
`;
    expect(parseYamlDocuments(text)).toEqual([
      { a: 'x: y', b: "it's", c: 3, d: true, e: [1, 'two', '3'], f: { k: 'v' }, g: 'line one\nline two\n' },
      ['x', { y: 1, z: 2 }],
    ]);
  });

  it('reports errors with a line number', () => {
    expect(() => parseYamlDocuments('a: b\n  c: d\n')).toThrow(
      'yaml: line 2: mapping values are not allowed in this context',
    );
  });
});

describe('manifests', () => {
  it("turns the book's files into the objects kubectl sends", () => {
    const m = readManifest(NGINX_POD_YAML, 'nginx-pod.yaml');
    expect(m.ok && m.objects[0]).toMatchObject({
      kind: 'Pod',
      metadata: { name: 'nginx-pod', namespace: 'default' },
      spec: { containers: [{ name: 'container-name', image: 'nginx' }], terminationGracePeriodSeconds: 30 },
    });
  });

  it("prints kubectl's errors for a bad file", () => {
    expect(readManifest('kind: Pod\nmetadata:\n  name: x\n', 'p.yaml')).toEqual({
      ok: false,
      error:
        'error: error validating "p.yaml": error validating data: [apiVersion not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    });
    expect(readManifest('apiVersion: v1\nkind: Deployment\n', 'd.yaml')).toEqual({
      ok: false,
      error: 'error: unable to recognize "d.yaml": no matches for kind "Deployment" in version "v1"',
    });
    expect(readManifest('a: b\n  c: d\n', 'x.yaml')).toEqual({
      ok: false,
      error:
        'error: error parsing x.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
    });
  });
});
