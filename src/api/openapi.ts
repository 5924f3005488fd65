// GET /openapi/v2 as the 1.18.4 kube-apiserver serves it (k8s.io/kube-openapi at
// bf4fb3bd569c, pkg/handler/handler.go), for the kinds the lab serves: the Swagger 2.0
// document as JSON, or as gnostic's openapi_v2.Document protobuf (googleapis/gnostic
// v0.4.1 openapiv2/OpenAPIv2.proto, the version kubectl 1.20 vendors), which is what
// kubectl asks for. kubectl validates `create -f`/`apply -f` against its definitions,
// `explain` prints them, apply's three-way patch reads their patch strategies, and
// kubectl 1.27+ reads its PATCH operations to learn that 1.18 has no `fieldValidation`
// (docs/FACTS-kubectl.md §22). The definitions are explain's models (openapi-1.18.json)
// with the patch strategies and formats of scripts/gen-openapi.mjs.

import { verbsOf } from '../shell/kubectl/discovery';
import models from '../shell/kubectl/explain/openapi-1.18.json';
import { resourceKinds } from '../sim/resourceKinds';
import extra from './openapi-1.18.extra.json';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { [key: string]: Json };

type Field = readonly [string, string] | readonly [string, string, 1];
type Model = { readonly d: string; readonly f?: Readonly<Record<string, Field>>; readonly t?: string };
const definitionsIn = models.definitions as unknown as Readonly<Record<string, Model>>;
const patchOf = extra.patch as Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
const formatOf = extra.formats as Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The formats of the primitive models, as kube-openapi's OpenAPIDefinition of each names them. */
const PRIMITIVE_FORMATS: Readonly<Record<string, string>> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'date-time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'date-time',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
};

const sortedObject = (entries: Iterable<readonly [string, Json]>): JsonObject =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** A field's type ('#model', '[]…', 'map[string]…', 'Object', a primitive) as a Swagger schema. */
function schemaOf(type: string, format?: string): JsonObject {
  if (type.startsWith('#')) return { $ref: `#/definitions/${type.slice(1)}` };
  if (type.startsWith('[]')) return { items: schemaOf(type.slice(2), format), type: 'array' };
  if (type.startsWith('map[string]'))
    return { additionalProperties: schemaOf(type.slice(11)), type: 'object' };
  if (type === 'Object') return { type: 'object' };
  return format ? { format, type } : { type };
}

const gvkOf = (group: string, version: string, kind: string): JsonObject => ({ group, kind, version });

/** The kinds each definition is (x-kubernetes-group-version-kind), from the lab's kinds. */
const kindsOf = new Map<string, JsonObject[]>();
for (const [gvk, def] of Object.entries(models.kinds as Record<string, string>)) {
  const parts = gvk.split('/');
  const kind = parts.pop() ?? '';
  const version = parts.pop() ?? '';
  kindsOf.set(def, [...(kindsOf.get(def) ?? []), gvkOf(parts.join('/'), version, kind)]);
}

function definition(name: string, model: Model): JsonObject {
  const description: JsonObject = model.d ? { description: model.d } : {};
  if (!model.f) {
    const format = PRIMITIVE_FORMATS[name];
    return {
      ...description,
      ...(format ? { format } : {}),
      type: model.t === 'Object' ? 'object' : (model.t ?? 'object'),
    };
  }
  const fields = Object.entries(model.f);
  const required = fields.filter(([, f]) => f[2] === 1).map(([n]) => n);
  const properties = sortedObject(
    fields.map(([field, [type, text]]) => {
      const patch = patchOf[name]?.[field];
      return [
        field,
        sortedObject(
          Object.entries({
            ...schemaOf(type, formatOf[name]?.[field]),
            ...(text ? { description: text } : {}),
            ...(patch?.[1] ? { 'x-kubernetes-patch-merge-key': patch[1] } : {}),
            ...(patch?.[0] ? { 'x-kubernetes-patch-strategy': patch[0] } : {}),
          }),
        ),
      ];
    }),
  );
  const gvk = kindsOf.get(name);
  return {
    ...description,
    properties,
    ...(required.length > 0 ? { required: required.sort() } : {}),
    type: 'object',
    ...(gvk ? { 'x-kubernetes-group-version-kind': gvk } : {}),
  };
}

/** The PATCH body's model, which every patch operation names (apimachinery meta/v1 Patch). */
const PATCH_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch';

const PRODUCES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const query = (name: string, type: string): JsonObject => ({ in: 'query', name, type, uniqueItems: true });
const pathParam = (name: string, description: string): JsonObject => ({
  description,
  in: 'path',
  name,
  required: true,
  type: 'string',
  uniqueItems: true,
});

/** The lab's kinds' REST paths, with the operations 1.18 serves on each and their kinds and actions. */
function paths(): JsonObject {
  const out = new Map<string, JsonObject>();
  for (const k of resourceKinds) {
    const def = (models.kinds as Record<string, string>)[
      `${k.group ? `${k.group}/` : ''}${k.version}/${k.kind}`
    ];
    if (!def) continue;
    const verbs = verbsOf(k.resource);
    const groupName = k.group === '' ? 'core' : (k.group.split('.')[0] ?? k.group);
    const tag = `${groupName}_${k.version}`;
    const idPart = `${groupName.charAt(0).toUpperCase()}${groupName.slice(1)}${k.version.toUpperCase()}`;
    const scope = k.namespaced ? 'Namespaced' : '';
    const gvk = gvkOf(k.group, k.version, k.kind);
    const ref = { $ref: `#/definitions/${def}` };
    const op = (
      verb: string,
      action: string,
      description: string,
      responses: JsonObject,
      extraParams: Json[] = [],
      consumes: string[] = ['*/*'],
    ): JsonObject => ({
      consumes,
      description,
      operationId: `${verb}${idPart}${scope}${k.kind}`,
      ...(extraParams.length > 0 ? { parameters: extraParams } : {}),
      produces: PRODUCES,
      responses: { ...responses, '401': { description: 'Unauthorized' } },
      schemes: ['https'],
      tags: [tag],
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    });
    const base = `${k.group === '' ? '/api' : `/apis/${k.group}`}/${k.version}${k.namespaced ? '/namespaces/{namespace}' : ''}/${k.resource}`;
    const scopeParams: Json[] = k.namespaced
      ? [pathParam('namespace', 'object name and auth scope, such as for teams and projects')]
      : [];
    const collection: JsonObject = {};
    if (verbs.includes('list'))
      collection.get = op('list', 'list', `list or watch objects of kind ${k.kind}`, {
        '200': { description: 'OK' },
      });
    if (verbs.includes('create'))
      collection.post = op(
        'create',
        'post',
        `create ${article(k.kind)} ${k.kind}`,
        {
          '200': { description: 'OK', schema: ref },
          '201': { description: 'Created', schema: ref },
          '202': { description: 'Accepted', schema: ref },
        },
        [
          { in: 'body', name: 'body', required: true, schema: ref },
          query('dryRun', 'string'),
          query('fieldManager', 'string'),
        ],
      );
    if (Object.keys(collection).length > 0) out.set(base, { ...collection, parameters: scopeParams });
    const item: JsonObject = {};
    if (verbs.includes('get'))
      item.get = op('read', 'get', `read the specified ${k.kind}`, {
        '200': { description: 'OK', schema: ref },
      });
    if (verbs.includes('update'))
      item.put = op(
        'replace',
        'put',
        `replace the specified ${k.kind}`,
        { '200': { description: 'OK', schema: ref }, '201': { description: 'Created', schema: ref } },
        [
          { in: 'body', name: 'body', required: true, schema: ref },
          query('dryRun', 'string'),
          query('fieldManager', 'string'),
        ],
      );
    if (verbs.includes('delete'))
      item.delete = op(
        'delete',
        'delete',
        `delete ${article(k.kind)} ${k.kind}`,
        {
          '200': { description: 'OK' },
          '202': { description: 'Accepted' },
        },
        [
          query('dryRun', 'string'),
          query('gracePeriodSeconds', 'integer'),
          query('propagationPolicy', 'string'),
        ],
      );
    if (verbs.includes('patch'))
      item.patch = op(
        'patch',
        'patch',
        `partially update the specified ${k.kind}`,
        { '200': { description: 'OK', schema: ref } },
        [
          { in: 'body', name: 'body', required: true, schema: { $ref: `#/definitions/${PATCH_DEFINITION}` } },
          query('dryRun', 'string'),
          query('fieldManager', 'string'),
          query('force', 'boolean'),
        ],
        [
          'application/json-patch+json',
          'application/merge-patch+json',
          'application/strategic-merge-patch+json',
          'application/apply-patch+yaml',
        ],
      );
    if (Object.keys(item).length > 0)
      out.set(`${base}/{name}`, {
        ...item,
        parameters: [pathParam('name', `name of the ${k.kind}`), ...scopeParams],
      });
  }
  return sortedObject(out);
}

const article = (kind: string) => (/^[AEIOU]/.test(kind) ? 'an' : 'a');

const built = new Map<string, JsonObject>();

/**
 * The whole document, as the JSON answer carries it (built once per version). Another
 * profile's server serves the same definitions (1.18's, the lab's kinds) under its own
 * version in `info`: docs/FACTS-api.md says what a 1.36 server's document has besides.
 */
export function openApiDocument(version = 'v1.18.4'): JsonObject {
  const done = built.get(version);
  if (done) return done;
  const doc: JsonObject = {
    definitions: sortedObject([
      ...Object.entries(definitionsIn).map(([n, m]) => [n, definition(n, m)] as const),
      [
        PATCH_DEFINITION,
        {
          description:
            'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
          type: 'object',
        },
      ],
    ]),
    info: { title: 'Kubernetes', version },
    paths: paths(),
    security: [{ BearerToken: [] }],
    securityDefinitions: {
      BearerToken: {
        description: 'Bearer Token authentication',
        in: 'header',
        name: 'authorization',
        type: 'apiKey',
      },
    },
    swagger: '2.0',
  };
  built.set(version, doc);
  return doc;
}

// ---- protobuf (proto3 wire format) ----

class Writer {
  private readonly chunks: number[] = [];
  varint(n: number): void {
    let v = n;
    while (v > 0x7f) {
      this.chunks.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.chunks.push(v);
  }
  private key(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }
  string(field: number, s: string | undefined): void {
    if (!s) return;
    this.bytes(field, new TextEncoder().encode(s));
  }
  bytes(field: number, b: Uint8Array): void {
    this.key(field, 2);
    this.varint(b.length);
    for (const x of b) this.chunks.push(x);
  }
  bool(field: number, b: boolean | undefined): void {
    if (!b) return;
    this.key(field, 0);
    this.varint(1);
  }
  /** A sub-message; written even when empty (a set message field is on the wire in proto3). */
  message(field: number, write: (w: Writer) => void): void {
    const w = new Writer();
    write(w);
    this.bytes(field, w.finish());
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

const asObject = (v: Json | undefined): { readonly [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { readonly [key: string]: Json }) : {};
const asString = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const asArray = (v: Json | undefined): readonly Json[] => (Array.isArray(v) ? v : []);

/** YAML as gopkg.in/yaml.v2 marshals a decoded JSON value (gnostic keeps a vendor extension so). */
export function toYaml(v: Json, indent = ''): string {
  if (Array.isArray(v))
    return v.map((x) => `${indent}- ${toYaml(x, `${indent}  `).slice(indent.length + 2)}`).join('');
  if (typeof v === 'object' && v !== null)
    return Object.entries(v)
      .map(([k, x]) =>
        typeof x === 'object' && x !== null
          ? `${indent}${k}:\n${toYaml(x, indent)}`
          : `${indent}${k}: ${scalar(x)}\n`,
      )
      .join('');
  return `${scalar(v)}\n`;
}
const scalar = (v: Json): string =>
  typeof v === 'string'
    ? /^[A-Za-z/][\w./,-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v)
      ? v
      : JSON.stringify(v)
    : String(v);

/** The x-… keys of an object as NamedAny (name, Any{yaml}). */
function vendorExtensions(w: Writer, field: number, o: { readonly [key: string]: Json }): void {
  for (const [k, v] of Object.entries(o))
    if (k.startsWith('x-'))
      w.message(field, (n) => {
        n.string(1, k);
        n.message(2, (a) => a.string(2, toYaml(v)));
      });
}

function writeSchema(w: Writer, s: { readonly [key: string]: Json }): void {
  w.string(1, asString(s.$ref));
  w.string(2, asString(s.format));
  w.string(4, asString(s.description));
  for (const r of asArray(s.required)) w.string(19, asString(r));
  if (s.additionalProperties !== undefined)
    w.message(21, (a) => a.message(1, (x) => writeSchema(x, asObject(s.additionalProperties))));
  if (s.type !== undefined) w.message(22, (t) => t.string(1, asString(s.type)));
  if (s.items !== undefined) w.message(23, (i) => i.message(1, (x) => writeSchema(x, asObject(s.items))));
  if (s.properties !== undefined)
    w.message(25, (p) => {
      for (const [name, prop] of Object.entries(asObject(s.properties)))
        p.message(1, (n) => {
          n.string(1, name);
          n.message(2, (x) => writeSchema(x, asObject(prop)));
        });
    });
  vendorExtensions(w, 31, s);
}

function writeParameter(w: Writer, p: { readonly [key: string]: Json }): void {
  w.message(1, (param) => {
    if (p.in === 'body')
      param.message(1, (b) => {
        b.string(2, asString(p.name));
        b.string(3, 'body');
        b.bool(4, p.required === true);
        b.message(5, (x) => writeSchema(x, asObject(p.schema)));
      });
    else
      param.message(2, (nb) =>
        // QueryParameterSubSchema = 3, PathParameterSubSchema = 4; their type and uniqueItems numbers differ.
        nb.message(p.in === 'path' ? 4 : 3, (q) => {
          const path = p.in === 'path';
          q.bool(1, p.required === true);
          q.string(2, asString(p.in));
          q.string(3, asString(p.description));
          q.string(4, asString(p.name));
          q.string(path ? 5 : 6, asString(p.type));
          q.bool(path ? 19 : 20, p.uniqueItems === true);
        }),
      );
  });
}

function writeOperation(w: Writer, o: { readonly [key: string]: Json }): void {
  for (const t of asArray(o.tags)) w.string(1, asString(t));
  w.string(3, asString(o.description));
  w.string(5, asString(o.operationId));
  for (const p of asArray(o.produces)) w.string(6, asString(p));
  for (const c of asArray(o.consumes)) w.string(7, asString(c));
  for (const p of asArray(o.parameters)) w.message(8, (x) => writeParameter(x, asObject(p)));
  w.message(9, (r) => {
    for (const [code, resp] of Object.entries(asObject(o.responses)))
      r.message(1, (n) => {
        n.string(1, code);
        n.message(2, (v) =>
          v.message(1, (x) => {
            const response = asObject(resp);
            x.string(1, asString(response.description));
            if (response.schema !== undefined)
              x.message(2, (si) => si.message(1, (s) => writeSchema(s, asObject(response.schema))));
          }),
        );
      });
  });
  for (const s of asArray(o.schemes)) w.string(10, asString(s));
  vendorExtensions(w, 13, o);
}

const OPERATIONS: readonly (readonly [string, number])[] = [
  ['get', 2],
  ['put', 3],
  ['post', 4],
  ['delete', 5],
  ['options', 6],
  ['head', 7],
  ['patch', 8],
];

/** The document as gnostic's openapi_v2.Document protobuf. */
export function encodeDocument(doc: { readonly [key: string]: Json }): Uint8Array {
  const w = new Writer();
  w.string(1, asString(doc.swagger));
  const info = asObject(doc.info);
  w.message(2, (i) => {
    i.string(1, asString(info.title));
    i.string(2, asString(info.version));
  });
  w.message(8, (ps) => {
    for (const [path, item] of Object.entries(asObject(doc.paths)))
      ps.message(2, (n) => {
        n.string(1, path);
        n.message(2, (pi) => {
          const o = asObject(item);
          for (const [verb, field] of OPERATIONS)
            if (o[verb] !== undefined) pi.message(field, (x) => writeOperation(x, asObject(o[verb])));
          for (const p of asArray(o.parameters)) pi.message(9, (x) => writeParameter(x, asObject(p)));
        });
      });
  });
  w.message(9, (ds) => {
    for (const [name, schema] of Object.entries(asObject(doc.definitions)))
      ds.message(1, (n) => {
        n.string(1, name);
        n.message(2, (x) => writeSchema(x, asObject(schema)));
      });
  });
  for (const req of asArray(doc.security))
    w.message(12, (sr) => {
      for (const [name, scopes] of Object.entries(asObject(req)))
        sr.message(1, (n) => {
          n.string(1, name);
          n.message(2, (sa) => {
            for (const s of asArray(scopes)) sa.string(1, asString(s));
          });
        });
    });
  w.message(13, (sd) => {
    for (const [name, def] of Object.entries(asObject(doc.securityDefinitions)))
      sd.message(1, (n) => {
        n.string(1, name);
        n.message(2, (item) =>
          item.message(2, (k) => {
            const d = asObject(def);
            k.string(1, asString(d.type));
            k.string(2, asString(d.name));
            k.string(3, asString(d.in));
            k.string(4, asString(d.description));
          }),
        );
      });
  });
  return w.finish();
}

export const PROTOBUF_MEDIA_TYPE = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

const encoded = new Map<string, Uint8Array>();

/** One media range of an Accept header: type, subtype and q (goautoneg.ParseAccept). */
function parseAccept(accept: string): { type: string; subType: string; q: number }[] {
  return accept
    .split(',')
    .map((part, i) => {
      const [range = '', ...params] = part.split(';').map((s) => s.trim());
      const [type = '', subType = '*'] = range.split('/');
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { type, subType, q: Number.isNaN(q) ? 0 : q, i };
    })
    .filter((c) => c.type !== '' && c.q > 0)
    .sort((a, b) => b.q - a.q || specificity(b) - specificity(a) || a.i - b.i);
}
const specificity = (c: { type: string; subType: string }) =>
  c.type === '*' ? 0 : c.subType === '*' ? 1 : 2;

/**
 * GET /openapi/v2: the first Accept clause (by q, then specificity) that names JSON or the
 * protobuf (or a wildcard) picks it; none, 406; an empty Accept accepts any. The content type
 * is what Go's http.ServeContent sniffs, as the 1.18 handler sets none.
 */
export function openApiV2(
  accept: string,
  version?: string,
): {
  status: number;
  contentType: string;
  body: Uint8Array | string;
} {
  const accepted = [
    { type: 'application', subType: 'json' },
    { type: 'application', subType: PROTOBUF_MEDIA_TYPE.slice('application/'.length) },
  ];
  for (const clause of parseAccept(accept === '' ? '*/*' : accept))
    for (const a of accepted) {
      if (clause.type !== a.type && clause.type !== '*') continue;
      if (clause.subType !== a.subType && clause.subType !== '*') continue;
      if (a.subType === 'json')
        return {
          status: 200,
          contentType: 'text/plain; charset=utf-8',
          body: JSON.stringify(openApiDocument(version)),
        };
      const key = version ?? '';
      const bytes = encoded.get(key) ?? encodeDocument(openApiDocument(version));
      encoded.set(key, bytes);
      return { status: 200, contentType: 'application/octet-stream', body: bytes };
    }
  return { status: 406, contentType: 'text/plain; charset=utf-8', body: '' };
}
