#!/usr/bin/env node
// Writes src/api/protobufSchema.generated.ts: the protobuf messages of the kinds a typed
// kubectl client sends (the lab's kinds), read from Kubernetes' own sources at the tag that
// matches kubectl 1.33 (field numbers are stable across versions):
//   - generated.proto (k8s.io/api, k8s.io/apimachinery): each field's number, type, repeated/map;
//   - the Go types (types.go and friends, same packages): each field's JSON name, omitempty,
//     pointer or value, inline, and the order Go's encoding/json writes the fields in.
// The two are joined on the field number (the Go tag `protobuf:"bytes,1,opt,name=x"`) and
// checked against each other (the proto name must be the tag's name=).
//
//   node scripts/gen-protobuf-schema.mjs [--api GITDIR] [--apimachinery GITDIR] [--tag v0.33.1]
//
// GITDIRs are bare clones of github.com/kubernetes/api and github.com/kubernetes/apimachinery.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const TAG = opt('tag', 'v0.33.1');
const repos = {
  'k8s.io/api': opt('api', process.env.K8S_API_GIT ?? '/work/.mirror/kubernetes+api/repo'),
  'k8s.io/apimachinery': opt(
    'apimachinery',
    process.env.K8S_APIMACHINERY_GIT ?? '/work/.mirror/kubernetes+apimachinery/repo',
  ),
};
const OUT = opt('out', new URL('../src/api/protobufSchema.generated.ts', import.meta.url).pathname);

/** The kinds a typed kubectl client creates, updates or posts, and that the lab models. */
const roots = [
  'k8s.io.api.apps.v1.Deployment',
  'k8s.io.api.apps.v1.ReplicaSet',
  'k8s.io.api.apps.v1.DaemonSet',
  'k8s.io.api.core.v1.Pod',
  'k8s.io.api.core.v1.Service',
  'k8s.io.api.core.v1.Namespace',
  'k8s.io.api.core.v1.Binding',
  'k8s.io.api.core.v1.Node',
  'k8s.io.api.core.v1.Endpoints',
  'k8s.io.api.core.v1.Event',
  'k8s.io.api.policy.v1.Eviction',
  'k8s.io.api.policy.v1beta1.Eviction',
  'k8s.io.api.autoscaling.v1.Scale',
  'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
];

/** Messages whose JSON is not their fields (custom MarshalJSON in Go); the decoder writes them. */
const special = new Set([
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time',
  'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration',
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1',
  'k8s.io.apimachinery.pkg.api.resource.Quantity',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString',
  'k8s.io.apimachinery.pkg.runtime.RawExtension',
]);

/** proto package -> [module, directory]. */
function whereIs(pkg) {
  if (pkg.startsWith('k8s.io.api.'))
    return ['k8s.io/api', pkg.slice('k8s.io.api.'.length).replace(/\./g, '/')];
  if (pkg.startsWith('k8s.io.apimachinery.'))
    return ['k8s.io/apimachinery', pkg.slice('k8s.io.apimachinery.'.length).replace(/\./g, '/')];
  throw new Error(`unknown proto package ${pkg}`);
}

const git = (module, ...a) =>
  execFileSync('git', ['--git-dir', repos[module], ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });
const show = (module, path) => git(module, 'show', `${TAG}:${path}`);

const scalars = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float']);

// ---- generated.proto ----
const protoCache = new Map();
function protoOf(pkg) {
  if (protoCache.has(pkg)) return protoCache.get(pkg);
  const [module, dir] = whereIs(pkg);
  const text = show(module, `${dir}/generated.proto`);
  const declared = /^package ([\w.]+);/m.exec(text)?.[1];
  if (declared !== pkg) throw new Error(`${dir}/generated.proto declares ${declared}, not ${pkg}`);
  const messages = new Map();
  const lines = text.split('\n');
  let current;
  for (const raw of lines) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    const msg = /^message (\w+) \{$/.exec(line);
    const one = current && /^(optional|repeated) ([\w.]+) (\w+) = (\d+);$/.exec(line);
    const map = current && /^map<(\w+), ([\w.]+)> (\w+) = (\d+);$/.exec(line);
    if (msg) {
      current = { name: msg[1], fields: [] };
      messages.set(msg[1], current);
    } else if (line === '}') current = undefined;
    else if (one)
      current.fields.push({
        rep: one[1] === 'repeated',
        type: resolve(pkg, one[2]),
        name: one[3],
        n: Number(one[4]),
      });
    else if (map)
      current.fields.push({ map: map[1], type: resolve(pkg, map[2]), name: map[3], n: Number(map[4]) });
    else if (current) throw new Error(`${pkg}.${current.name}: unread line ${line}`);
  }
  protoCache.set(pkg, messages);
  return messages;
}
function resolve(pkg, type) {
  if (scalars.has(type)) return type;
  if (type.startsWith('.')) return type.slice(1);
  return type.includes('.') ? type : `${pkg}.${type}`;
}

// ---- Go types ----
const goCache = new Map();
function goOf(pkg) {
  if (goCache.has(pkg)) return goCache.get(pkg);
  const [module, dir] = whereIs(pkg);
  const files = git(module, 'ls-tree', '--name-only', `${TAG}:${dir}`)
    .split('\n')
    .filter((f) => f.endsWith('.go') && !/_test\.go$|generated|\.pb\.go$/.test(f));
  const structs = new Map();
  const slices = new Set();
  for (const f of files) {
    const lines = show(module, `${dir}/${f}`).split('\n');
    let current;
    for (const raw of lines) {
      const slice = !current && /^type (\w+) \[\][\w.*]+$/.exec(raw);
      if (slice) slices.add(slice[1]);
      const struct = !current && /^type (\w+) struct \{$/.exec(raw);
      if (struct) {
        current = { name: struct[1], fields: [] };
        structs.set(struct[1], current);
        continue;
      }
      if (!current) continue;
      if (raw === '}') {
        current = undefined;
        continue;
      }
      const line = raw.trim();
      if (!line || line.startsWith('//')) continue;
      // Name Type `tags`   or   EmbeddedType `tags`
      const m = /^(?:(\w+)\s+)?([\w.*[\]]+)\s+`([^`]*)`$/.exec(line);
      if (!m) continue;
      const [, name, goType, tags] = m;
      const json = /json:"([^"]*)"/.exec(tags)?.[1];
      const pb = /protobuf:"([^"]*)"/.exec(tags)?.[1];
      if (!pb || pb === '-') continue;
      const pbParts = pb.split(',');
      const n = Number(pbParts[1]);
      const pbName = pbParts.find((p) => p.startsWith('name='))?.slice(5);
      const [jsonName = '', ...jsonOpts] = (json ?? '').split(',');
      if (json === '-') continue;
      current.fields.push({
        goName: name ?? goType.replace(/^\*/, '').replace(/^\w+\./, ''),
        ptr: goType.startsWith('*'),
        n,
        pbName,
        json: jsonName || (name ? name : ''),
        inline: !name && jsonOpts.includes('inline') && !jsonName,
        omit: jsonOpts.includes('omitempty'),
      });
    }
  }
  const go = { structs, slices };
  goCache.set(pkg, go);
  return go;
}

// ---- walk from the roots ----
const out = new Map();
const queue = [...roots];
const pkgOf = (fq) => fq.slice(0, fq.lastIndexOf('.'));
const nameOf = (fq) => fq.slice(fq.lastIndexOf('.') + 1);
while (queue.length) {
  const fq = queue.shift();
  if (out.has(fq) || special.has(fq)) continue;
  const pkg = pkgOf(fq);
  const proto = protoOf(pkg).get(nameOf(fq));
  if (!proto) throw new Error(`no message ${fq}`);
  const go = goOf(pkg);
  if (go.slices.has(nameOf(fq))) {
    // A Go named slice (`type X []string`) is the message `X { repeated items = 1 }`; JSON is the array.
    const items = proto.fields.find((f) => f.n === 1 && f.rep);
    if (!items) throw new Error(`${fq}: a slice type without repeated field 1`);
    out.set(fq, { list: items.type });
    if (!scalars.has(items.type)) queue.push(items.type);
    continue;
  }
  const struct = go.structs.get(nameOf(fq));
  if (!struct) throw new Error(`no Go struct for ${fq}`);
  const fields = [];
  for (const g of struct.fields) {
    const p = proto.fields.find((f) => f.n === g.n);
    if (!p) throw new Error(`${fq}.${g.goName}: protobuf field ${g.n} not in generated.proto`);
    if (g.pbName !== undefined && p.name !== g.pbName)
      throw new Error(`${fq}: field ${g.n} is ${p.name} in .proto, ${g.pbName} in Go`);
    fields.push({ ...p, json: g.json, ptr: g.ptr, omit: g.omit, inline: g.inline });
    if (!scalars.has(p.type)) queue.push(p.type);
  }
  for (const p of proto.fields)
    if (!fields.some((f) => f.n === p.n)) throw new Error(`${fq}: .proto field ${p.name} = ${p.n} not in Go`);
  out.set(fq, { fields });
}

// ---- write ----
const sortedNames = [...out.keys()].sort();
const lit = (s) => `'${s}'`;
let body = '';
for (const fq of sortedNames) {
  const m = out.get(fq);
  if (m.list) {
    body += `  ${lit(fq)}: { list: ${lit(m.list)} },\n`;
    continue;
  }
  body += `  ${lit(fq)}: {\n    fields: [\n`;
  for (const f of m.fields) {
    const parts = [`n: ${f.n}`, `json: ${lit(f.inline ? '' : f.json)}`, `type: ${lit(f.type)}`];
    if (f.rep) parts.push('rep: true');
    if (f.map) parts.push(`map: ${lit(f.map)}`);
    if (f.ptr) parts.push('ptr: true');
    if (f.omit) parts.push('omit: true');
    if (f.inline) parts.push('inline: true');
    body += `      { ${parts.join(', ')} },\n`;
  }
  body += `    ],\n  },\n`;
}

const text = `// GENERATED by scripts/gen-protobuf-schema.mjs — do not edit by hand.
// Source: k8s.io/api and k8s.io/apimachinery at ${TAG} (kubectl 1.33's client-go):
// each package's generated.proto (field numbers, types) joined with its Go types
// (JSON names, omitempty, pointers, inline, field order) on the Go tag's protobuf number.

export type ProtoScalar = 'string' | 'bytes' | 'bool' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'double' | 'float';

export interface ProtoField {
  /** The protobuf field number. */
  readonly n: number;
  /** The JSON name ('' for an inline struct, whose fields are the parent's). */
  readonly json: string;
  /** A scalar, or a message's full name (the value's type, for a map). */
  readonly type: string;
  readonly rep?: true;
  /** A map's key type. */
  readonly map?: string;
  /** A Go pointer: present is written even when zero, absent is null (or left out with omitempty). */
  readonly ptr?: true;
  /** Go's json omitempty. */
  readonly omit?: true;
  readonly inline?: true;
}

/** A message: its fields in the order Go writes them as JSON, or a named slice (JSON: an array of \`list\`). */
export type ProtoMessage = { readonly fields: readonly ProtoField[] } | { readonly list: string };

/** Messages written by the decoder itself (custom JSON in Go). */
export const specialMessages = [
${[...special]
  .sort()
  .map((s) => `  ${lit(s)},`)
  .join('\n')}
] as const;

export const protoMessages: Readonly<Record<string, ProtoMessage>> = {
${body}};
`;
writeFileSync(OUT, text);
// The repository's formatter (biome) lays the table out as it lays out any source.
execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'ignore' });
console.log(`wrote ${OUT}: ${out.size} messages`);
