#!/usr/bin/env node
// Writes src/shell/kubectl/explain/openapi-1.18.json: the OpenAPI models `kubectl explain`
// reads, for the kinds the lab serves (src/sim/resourceKinds.ts) and every model they
// reach. Two npm packages, unpacked beside each other (npm pack; not dependencies):
//
//   npm pack @kubernetes/client-node@0.12.3 kubernetes-models@1.0.3
//   mkdir cn km && tar xzf kubernetes-client-node-0.12.3.tgz -C cn && tar xzf kubernetes-models-1.0.3.tgz -C km
//   node scripts/gen-explain.mjs cn/package km/package
//
// client-node 0.12.3 is generated from Kubernetes' v1.18.0 OpenAPI document: it gives
// the 1.18 field set, which fields are required, and the descriptions of models and of
// fields that are not references. Its generator drops the description of a field that
// is a reference (`spec`, `metadata`, `affinity`…) and maps primitive models (Time,
// Quantity, IntOrString) to TypeScript types. kubernetes-models 1.0.3 is generated from
// v1.19.2's document and keeps both: it gives those descriptions, the primitive models
// and the exact types (integer or number, string for IntOrString). The script prints
// how many descriptions the two versions share where both have one (docs/FACTS-kubectl.md §14).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [cnDir, kmDir] = process.argv.slice(2);
if (!cnDir || !kmDir) {
  console.error(
    'usage: node scripts/gen-explain.mjs <client-node package dir> <kubernetes-models package dir>',
  );
  process.exit(2);
}

// The lab's kinds: [kind, group/version, client-node class, OpenAPI definition].
const KINDS = [
  ['Pod', 'v1', 'V1Pod', 'io.k8s.api.core.v1.Pod'],
  ['Node', 'v1', 'V1Node', 'io.k8s.api.core.v1.Node'],
  ['Service', 'v1', 'V1Service', 'io.k8s.api.core.v1.Service'],
  ['Endpoints', 'v1', 'V1Endpoints', 'io.k8s.api.core.v1.Endpoints'],
  ['Event', 'v1', 'V1Event', 'io.k8s.api.core.v1.Event'],
  ['Namespace', 'v1', 'V1Namespace', 'io.k8s.api.core.v1.Namespace'],
  ['ComponentStatus', 'v1', 'V1ComponentStatus', 'io.k8s.api.core.v1.ComponentStatus'],
  ['Deployment', 'apps/v1', 'V1Deployment', 'io.k8s.api.apps.v1.Deployment'],
  ['ReplicaSet', 'apps/v1', 'V1ReplicaSet', 'io.k8s.api.apps.v1.ReplicaSet'],
  ['DaemonSet', 'apps/v1', 'V1DaemonSet', 'io.k8s.api.apps.v1.DaemonSet'],
  ['Lease', 'coordination.k8s.io/v1', 'V1Lease', 'io.k8s.api.coordination.v1.Lease'],
];

const unquote = (s) => s.replace(/\\(.)/g, '$1');
const words = (s) => s.replace(/\s+/g, ' ').trim();

/** A JSDoc block's text: the lines between / ** and * /, their leading "*" taken off. */
const docText = (block) =>
  words(
    unquote(
      block
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, ''))
        .join(' '),
    ),
  );

/** client-node's class: its description and each field's description and optionality. */
function clientNodeClass(name) {
  const file = `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  const dts = readFileSync(join(cnDir, 'dist/gen/model', `${file}.d.ts`), 'utf8');
  const js = readFileSync(join(cnDir, 'dist/gen/model', `${file}.js`), 'utf8');
  const classAt = dts.indexOf('export declare class');
  const head = dts.slice(0, classAt);
  const classDoc = [...head.matchAll(/\/\*\*([\s\S]*?)\*\//g)].at(-1);
  const description = classDoc && !/OpenAPI Generator/.test(classDoc[1]) ? docText(classDoc[1]) : '';
  const body = dts.slice(classAt);
  const fields = new Map();
  for (const m of body.matchAll(/(?:\/\*\*([\s\S]*?)\*\/\s*)?'([^']+)'(\?)?:/g)) {
    fields.set(m[2], { description: m[1] ? docText(m[1]) : '', required: !m[3] });
  }
  const types = new Map();
  for (const m of js.matchAll(/"name": "([^"]+)",\s*"baseName": "([^"]+)",\s*"type": "([^"]+)"/g)) {
    types.set(m[1], { json: m[2], type: m[3] });
  }
  return { description, fields, types };
}

/** kubernetes-models' schema of a definition (plain JSON inside its module). */
function kmSchema(def) {
  const file = def.replace(/(^|\.)([a-z])/g, (_, dot, c) => c.toUpperCase()).replace(/\./g, '');
  const js = readFileSync(join(kmDir, '_schemas', `${file}.js`), 'utf8');
  const text = js.slice(js.indexOf('const schema = ') + 15, js.indexOf('};\nfunction addSchema') + 1);
  const dts = readFileSync(join(kmDir, '_definitions', `${file}.d.ts`), 'utf8');
  return { schema: JSON.parse(text), dts, file };
}

/** kubernetes-models' descriptions: of the definition, and of each field. */
function kmDocs(dts, file) {
  const at = dts.search(new RegExp(`export (interface|declare type) I${file}\\b`));
  const head = dts.slice(0, at);
  const defDoc = [...head.matchAll(/\/\*\*([\s\S]*?)\*\//g)].at(-1);
  const body = dts.slice(at, dts.indexOf('\n}', at) > 0 ? dts.indexOf('\n}', at) : undefined);
  const fields = new Map();
  for (const m of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*"([^"]+)"\??:/g)) fields.set(m[2], docText(m[1]));
  return { description: defDoc ? docText(defDoc[1]) : '', fields };
}

const out = {}; // definition name -> model
let shared = 0;
let differ = 0;
let fromKm = 0;
const compare = (a, b) => {
  if (!a || !b) return;
  if (a === b) shared++;
  else differ++;
};

const refName = (schema) => schema.$ref?.replace(/#$/, '');

/** The model of one definition, reached from `cnClass` (undefined for a primitive model). */
function visit(def, cnClass) {
  if (out[def]) return;
  const { schema, dts, file } = kmSchema(def);
  const docs = kmDocs(dts, file);
  if (schema.type !== 'object' || !schema.properties) {
    // A primitive model (Time, Quantity, IntOrString) or an object without fields.
    out[def] = {
      d: docs.description,
      // kubernetes-models writes IntOrString as oneOf string/integer; Kubernetes' own
      // document says type string, format int-or-string (explain prints <string>).
      t: schema.oneOf ? 'string' : schema.type === 'object' || !schema.type ? 'Object' : schema.type,
    };
    fromKm++;
    return;
  }
  const cn = clientNodeClass(cnClass);
  compare(cn.description, docs.description);
  const model = { d: cn.description || docs.description, f: {} };
  out[def] = model;
  const pending = [];
  for (const [name, { type }] of cn.types) {
    const json = cn.types.get(name).json;
    const field = cn.fields.get(name) ?? { description: '', required: false };
    const prop = schema.properties[json];
    if (!prop) {
      // Gone by 1.19 (EventSeries.state): client-node's own type says what it was.
      const prim = { string: 'string', number: 'integer', boolean: 'boolean', Date: 'string' }[type];
      if (!prim) throw new Error(`${def}.${json}: only in 1.18.0, of type ${type}`);
      model.f[json] = field.required ? [prim, field.description, 1] : [prim, field.description];
      continue;
    }
    if (field.description) compare(field.description, docs.fields.get(json));
    else if (docs.fields.get(json)) fromKm++;
    const description = field.description || docs.fields.get(json) || '';
    const cnInner = (t) => t.replace(/^Array<(.*)>$/, '$1').replace(/^\{ \[key: string\]: (.*); \}$/, '$1');
    const typeOf = (p, cnType) => {
      const r = refName(p);
      if (r) {
        pending.push([r, cnInner(cnType)]);
        return `#${r}`;
      }
      if (p.type === 'array') return `[]${typeOf(p.items, cnInner(cnType))}`;
      if (p.type === 'object' && p.additionalProperties)
        return `map[string]${typeOf(p.additionalProperties, cnInner(cnType))}`;
      if (p.type === 'object') return 'Object';
      return p.type;
    };
    const t = typeOf(prop, type);
    model.f[json] = field.required ? [t, description, 1] : [t, description];
  }
  for (const [r, cnType] of pending) visit(r, cnType);
}

const kinds = {};
for (const [kind, gv, cnClass, def] of KINDS) {
  kinds[`${gv}/${kind}`] = def;
  visit(def, cnClass);
}
const names = Object.keys(out).sort();
const json = JSON.stringify({
  source:
    'Kubernetes v1.18.0 OpenAPI (npm @kubernetes/client-node 0.12.3), reference fields and primitive models from v1.19.2 (npm kubernetes-models 1.0.3); scripts/gen-explain.mjs',
  kinds,
  definitions: Object.fromEntries(names.map((n) => [n, out[n]])),
});
const target = new URL('../src/shell/kubectl/explain/openapi-1.18.json', import.meta.url);
writeFileSync(target, `${json}\n`);
console.log(
  `${names.length} models; descriptions in both versions: ${shared} the same, ${differ} different; ${fromKm} taken from 1.19.2 alone`,
);
