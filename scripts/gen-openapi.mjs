#!/usr/bin/env node
// Writes src/api/openapi-1.18.extra.json: what GET /openapi/v2 carries beyond the models
// explain reads (openapi-1.18.json, scripts/gen-explain.mjs): each field's
// x-kubernetes-patch-strategy and x-kubernetes-patch-merge-key and the format of its
// integer, number and byte fields, read from the Go types at tag kubernetes-1.18.4 as
// k8s.io/kube-openapi's generator reads them (the patchStrategy and patchMergeKey struct
// tags; int32 → int32, int64 → int64, float64 → double, []byte → byte). Mirrors:
//   GIT_API=/path/to/kubernetes/api.git GIT_AM=/path/to/kubernetes/apimachinery.git node scripts/gen-openapi.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const TAG = 'kubernetes-1.18.4';
const show = (git, path) =>
  execFileSync('git', [`--git-dir=${git}`, 'show', `${TAG}:${path}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
const sources = [
  ['io.k8s.api.core.v1', show(process.env.GIT_API, 'core/v1/types.go')],
  ['io.k8s.api.apps.v1', show(process.env.GIT_API, 'apps/v1/types.go')],
  ['io.k8s.api.coordination.v1', show(process.env.GIT_API, 'coordination/v1/types.go')],
  ['io.k8s.apimachinery.pkg.apis.meta.v1', show(process.env.GIT_AM, 'pkg/apis/meta/v1/types.go')],
];
const models = JSON.parse(
  readFileSync(new URL('../src/shell/kubectl/explain/openapi-1.18.json', import.meta.url), 'utf8'),
).definitions;
const FORMATS = { int32: 'int32', int64: 'int64', float64: 'double', '[]byte': 'byte' };

const patch = {};
const formats = {};
let strategies = 0;
for (const [pkg, text] of sources) {
  for (const m of text.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
    const def = `${pkg}.${m[1]}`;
    const model = models[def];
    if (!model?.f) continue;
    for (const line of m[2].split('\n')) {
      const f = line.match(/^\s+\w+\s+(\S+)\s+`([^`]*)`/);
      if (!f) continue;
      const tag = (k) => f[2].match(new RegExp(`\\b${k}:"([^"]*)"`))?.[1];
      const json = tag('json')?.split(',')[0];
      if (!json || !model.f[json]) continue;
      const strategy = tag('patchStrategy');
      if (strategy) {
        const key = tag('patchMergeKey');
        patch[def] ??= {};
        patch[def][json] = key ? [strategy, key] : [strategy];
        strategies++;
      }
      const goType = f[1].replace(/^\*/, '');
      const base = model.f[json][0].replace(/^\[\]/, '');
      const format =
        goType === '[]byte'
          ? 'byte'
          : base === 'integer' || base === 'number'
            ? FORMATS[goType.replace(/^\[\]\*?/, '')]
            : undefined;
      if (format) {
        formats[def] ??= {};
        formats[def][json] = format;
      }
    }
  }
}
const target = new URL('../src/api/openapi-1.18.extra.json', import.meta.url);
writeFileSync(
  target,
  `${JSON.stringify({ source: `kubernetes/api and kubernetes/apimachinery at ${TAG}; scripts/gen-openapi.mjs`, patch, formats })}\n`,
);
console.log(
  `${strategies} patch strategies, ${Object.values(formats).reduce((n, f) => n + Object.keys(f).length, 0)} formats`,
);
