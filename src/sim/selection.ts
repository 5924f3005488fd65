// What a list or watch request selects: its label and field selectors, parsed
// by the API server (a bad one is the server's 400, never the client's).
import { fieldsMatch, parseFieldSelector } from './fieldSelector';
import { labelsMatch, parseLabelSelector } from './labelSelector';
import type { KubeObject } from './objects';
import type { ApiRequest } from './protocol';
import { kindOf } from './resourceKinds';

export type Selection =
  | { readonly ok: true; readonly selects?: (o: KubeObject) => boolean }
  | { readonly ok: false; readonly message: string };

/** The request's selectors as one predicate, or the 400 a real server answers for a bad one. */
export function selection(req: ApiRequest): Selection {
  if (!req.labelSelector && !req.fieldSelector) return { ok: true };
  const labels = parseLabelSelector(req.labelSelector ?? '');
  if (!labels.ok) return { ok: false, message: labels.error };
  const fields = parseFieldSelector(req.fieldSelector ?? '', kindOf(req.resource));
  if (!fields.ok) return { ok: false, message: fields.error };
  return {
    ok: true,
    selects: (o) => labelsMatch(labels.requirements, o.metadata.labels) && fieldsMatch(fields.terms, o),
  };
}
