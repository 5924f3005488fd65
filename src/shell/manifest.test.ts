import { describe, expect, it } from 'vitest';
import { NGINX_POD_YAML } from './labFiles';
import { readManifest } from './manifest';

const parse = (text: string, file = 'f.yaml', validate = true) => readManifest(text, file, validate);
const error = (text: string, file = 'f.yaml', validate = true) => {
  const m = parse(text, file, validate);
  return m.ok ? 'ok' : m.error;
};
const stop = '; if you choose to ignore these errors, turn validation off with --validate=false';

describe('manifests read as kubectl reads them', () => {
  it("turns the book's nginx-pod.yaml into the object kubectl sends", () => {
    const m = parse(NGINX_POD_YAML, 'nginx-pod.yaml');
    expect(m.ok && m.objects[0]).toMatchObject({
      kind: 'Pod',
      metadata: { name: 'nginx-pod', namespace: 'default' },
      spec: { containers: [{ name: 'container-name', image: 'nginx' }], terminationGracePeriodSeconds: 30 },
    });
  });

  it('reads comments, quotes, flow collections, block scalars, anchors, several documents and JSON', () => {
    const text = `# a comment
apiVersion: v1
kind: Pod
metadata:
  name: 'it''s'   # trailing
  labels: &l {app: "x: y", tier: web}
  annotations: *l
spec:
  containers:
  - name: c
    image: nginx
    command: [sh, -c]
    args:
    - |
      echo one
      echo two
---
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec: {containers: [{name: n, image: nginx}]}
`;
    const m = parse(text);
    expect(m.ok && m.objects.map((o) => [o.kind, o.metadata.name, o.metadata.labels])).toEqual([
      ['Pod', "it's", { app: 'x: y', tier: 'web' }],
      ['Deployment', 'd', undefined],
    ]);
    expect(m.ok && m.objects[0]?.kind === 'Pod' && m.objects[0].spec.containers[0]?.args).toEqual([
      'echo one\necho two\n',
    ]);
    const json = parse('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"}}\n', 'p.json');
    expect(json.ok && json.objects[0]?.metadata.name).toBe('j');
  });

  // Each expected text is what kubectl 1.20.2 printed for the same file with
  // `kubectl create -f <file> --dry-run=client --validate=false` (no server needed).
  it.each([
    [
      'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
      'yaml: line 4: found character that cannot start any token',
    ],
    [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: {}\n',
      'yaml: line 4: did not find expected key',
    ],
    [
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n   image: b\n',
      'yaml: line 5: did not find expected key',
    ],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n', 'yaml: line 5: found unexpected end of stream'],
    ['apiVersion: v1\nkind: Pod\nmetadata: {name: x\n', "yaml: line 3: did not find expected ',' or '}'"],
    ['apiVersion: v1\nkind Pod\nmetadata:\n  name: x\n', "yaml: line 3: could not find expected ':'"],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n- b\n', 'yaml: line 4: did not find expected key'],
    [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec: [\n',
      'yaml: line 5: did not find expected node content',
    ],
    ['kind: Pod\n  x: 1\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n', "yaml: line 4: did not find expected ',' or ']'"],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: *x\n', "yaml: unknown anchor 'x' referenced"],
    ['a: &x [*x]\n', "yaml: anchor 'x' value contains itself"],
    // Lines count from the start of each `---` document.
    [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  x\n',
      "yaml: line 6: could not find expected ':'",
    ],
  ])('words a YAML error as go-yaml does: %j', (text, message) => {
    expect(error(text, 'f.yaml', false)).toBe(
      `error: error parsing f.yaml: error converting YAML to JSON: ${message}`,
    );
  });

  it.each([
    [
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j",}}\n',
      "json: line 0: invalid character '}' looking for beginning of object key string",
    ],
    [
      '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "j",\n  }\n}\n',
      "json: line 5: invalid character '}' looking for beginning of object key string",
    ],
    [
      '{\n  "apiVersion": "v1",\n  "kind": "Pod"\n  "metadata": {}\n}\n',
      `json: line 3: invalid character '"' after object key:value pair`,
    ],
    ['{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n', 'unexpected EOF'],
  ])('words a JSON error as Go does: %j', (text, message) => {
    expect(error(text, 'p.json', false)).toBe(`error: error parsing p.json: ${message}`);
  });

  it('answers empty files, scalars and objects without a kind as kubectl 1.20.2 does', () => {
    expect(error('', 'f.yaml', false)).toBe('error: no objects passed to create');
    expect(error('# nothing\n', 'f.yaml', false)).toBe('error: no objects passed to create');
    expect(error('hello\n', 'f.yaml', false)).toBe(
      'error: unable to decode "f.yaml": json: cannot unmarshal string into Go value of type unstructured.detector',
    );
    expect(error('apiVersion: v1\nmetadata:\n  name: a\n', 'f.yaml', false)).toBe(
      `error: unable to decode "f.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"a"}}'`,
    );
    // Go's yaml.v2 keeps the last of two equal keys rather than refusing them.
    const twice = parse(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers: []\n',
    );
    expect(twice.ok && twice.objects[0]?.metadata.name).toBe('b');
  });

  // kubectl 1.18.4 pkg/util/openapi/validation, kube-openapi pkg/util/proto/validation.
  it('validates against the 1.18 schema: unknown fields, types, required fields, apiVersion and kind', () => {
    expect(error('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  contaners: []\n')).toBe(
      `error: error validating "f.yaml": error validating data: [ValidationError(Pod.spec): unknown field "contaners" in io.k8s.api.core.v1.PodSpec, ValidationError(Pod.spec): missing required field "containers" in io.k8s.api.core.v1.PodSpec]${stop}`,
    );
    expect(
      error(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    imag: nginx\n',
      ),
    ).toBe(
      `error: error validating "f.yaml": error validating data: ValidationError(Pod.spec.containers[0]): unknown field "imag" in io.k8s.api.core.v1.Container${stop}`,
    );
    expect(
      error('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    name: c\n'),
    ).toBe(
      `error: error validating "f.yaml": error validating data: ValidationError(Pod.spec.containers): invalid type for io.k8s.api.core.v1.PodSpec.containers: got "map", expected "array"${stop}`,
    );
    expect(error('kind: Pod\nmetadata:\n  name: a\n')).toBe(
      `error: error validating "f.yaml": error validating data: apiVersion not set${stop}`,
    );
    expect(error('metadata:\n  name: a\n')).toBe(
      `error: error validating "f.yaml": error validating data: [apiVersion not set, kind not set]${stop}`,
    );
    // With --validate=false the unknown field is dropped, as the 1.18 API server drops it.
    const loose = parse(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  contaners: []\n',
      'f.yaml',
      false,
    );
    expect(loose.ok && loose.objects[0]?.metadata.name).toBe('x');
  });

  it('keeps __proto__, constructor and prototype as plain keys: no object gets its name or namespace from them', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  __proto__: {name: polluted, namespace: kube-system}
  labels: {__proto__: x, constructor: z}
spec:
  containers: [{name: c, image: nginx}]
`;
    expect(error(text)).toBe(
      `error: error validating "f.yaml": error validating data: ValidationError(Pod.metadata): unknown field "__proto__" in io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta${stop}`,
    );
    const m = parse(text, 'f.yaml', false);
    expect(m.ok && m.objects[0]?.metadata).toMatchObject({ name: '', namespace: 'default' });
    const labels = m.ok ? (m.objects[0]?.metadata.labels ?? {}) : {};
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.entries(labels)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'z'],
    ]);
    expect(({} as { name?: string }).name).toBeUndefined();
  });
});
