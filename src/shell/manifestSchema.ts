// kubectl's client-side validation of a manifest against the API server's OpenAPI
// schema (kubectl 1.18.4 pkg/util/openapi/validation, kube-openapi
// pkg/util/proto/validation): unknown fields, wrong types and missing required fields,
// each as `ValidationError(<path>): <what>`. The schema is the 1.18.4 API types the lab
// models (manifestSchema.generated.ts); other kinds are not validated, as kubectl skips
// kinds its schema lacks.

import { SCHEMA } from './manifestSchema.generated';
import type { JsonValue } from './manifestYaml';

export type SchemaTable = {
  readonly [type: string]: {
    readonly f: { readonly [field: string]: string };
    readonly r?: readonly string[];
  };
};

const kinds: Record<string, string> = {
  'v1/Pod': 'io.k8s.api.core.v1.Pod',
  'v1/Service': 'io.k8s.api.core.v1.Service',
  'apps/v1/Deployment': 'io.k8s.api.apps.v1.Deployment',
  'apps/v1/ReplicaSet': 'io.k8s.api.apps.v1.ReplicaSet',
  'apps/v1/DaemonSet': 'io.k8s.api.apps.v1.DaemonSet',
};

const primitiveNames: Record<string, string> = { s: 'string', i: 'integer', n: 'number', b: 'boolean' };

/** The kind of a decoded JSON value as the validator names it (Go's json: every number is a float64). */
function kindOf(v: JsonValue): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object' && v !== null) return 'map';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  return 'string';
}

/** Visits a value with its schema type; `where` is the value's path, `schemaPath` the schema's. */
function visit(v: JsonValue, type: string, where: string, schemaPath: string, errors: string[]): void {
  if (type === '*' || v === null) return;
  const invalid = (expected: string): void => {
    errors.push(
      `ValidationError(${where}): invalid type for ${schemaPath}: got "${kindOf(v)}", expected "${expected}"`,
    );
  };
  if (type in primitiveNames) {
    if (Array.isArray(v) || (typeof v === 'object' && v !== null)) {
      invalid(primitiveNames[type] as string);
      return;
    }
    const k = kindOf(v);
    // A string field takes any primitive; an integer or number field takes a number.
    if (
      type === 's' ||
      ((type === 'i' || type === 'n') && k === 'number') ||
      (type === 'b' && k === 'boolean')
    )
      return;
    invalid(primitiveNames[type] as string);
    return;
  }
  if (type === 'm') {
    if (typeof v !== 'object' || Array.isArray(v)) invalid('map');
    return;
  }
  if (type.startsWith('[')) {
    if (!Array.isArray(v)) {
      invalid('array');
      return;
    }
    const sub = type.slice(1);
    v.forEach((item, i) => {
      const at = `${where}[${i}]`;
      if (item === null) errors.push(`ValidationError(${where}): unknown object type "nil" in ${at}`);
      else visit(item, sub, at, sub in SCHEMA ? sub : schemaPath, errors);
    });
    return;
  }
  const schema = SCHEMA[type];
  if (!schema) return;
  if (typeof v !== 'object' || Array.isArray(v)) {
    invalid('map');
    return;
  }
  const map = v as { readonly [k: string]: JsonValue };
  for (const key of Object.keys(map).sort()) {
    const value = map[key] as JsonValue;
    if (value === null) continue;
    const fieldType = Object.hasOwn(schema.f, key) ? schema.f[key] : undefined;
    if (fieldType === undefined) {
      errors.push(`ValidationError(${where}): unknown field "${key}" in ${type}`);
      continue;
    }
    visit(value, fieldType, `${where}.${key}`, fieldType in SCHEMA ? fieldType : `${type}.${key}`, errors);
  }
  for (const required of schema.r ?? [])
    if (!Object.hasOwn(map, required) || map[required] === null)
      errors.push(`ValidationError(${where}): missing required field "${required}" in ${type}`);
}

/**
 * kubectl's validation of one document: undefined when it passes (or its kind is not in
 * the schema), else the message after `error validating data: `.
 */
export function validateManifest(doc: { readonly [k: string]: JsonValue }): string | undefined {
  const errors: string[] = [];
  const apiVersion = doc.apiVersion;
  const kind = doc.kind;
  if (apiVersion === undefined || apiVersion === null) errors.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type");
  if (kind === undefined || kind === null) errors.push('kind not set');
  else if (typeof kind !== 'string') errors.push("kind isn't string type");
  if (errors.length === 0) {
    const type = kinds[`${apiVersion}/${kind}`];
    if (type) visit(doc, type, kind as string, type, errors);
  }
  return aggregate(errors);
}

/** apimachinery's aggregate error: one message alone, several in brackets, repeats once. */
function aggregate(errors: readonly string[]): string | undefined {
  const unique = [...new Set(errors)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
