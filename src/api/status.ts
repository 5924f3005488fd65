// metav1.Status, the body of every error the API server answers (apimachinery
// pkg/api/errors): reason, code, message and details as 1.18.4 fills them.
import type { Reply } from './http';
import { json } from './http';

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly causes?: readonly {
    readonly reason?: string;
    readonly message: string;
    readonly field?: string;
  }[];
}

export function status(code: number, reason: string, message: string, details?: StatusDetails): Reply {
  return json(code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
}

export const notFoundPath = (): Reply =>
  status(404, 'NotFound', 'the server could not find the requested resource', {});

export const unauthorized = (): Reply => status(401, 'Unauthorized', 'Unauthorized');

export const methodNotAllowed = (): Reply =>
  status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export function badRequest(message: string): Reply {
  return status(400, 'BadRequest', message);
}

/** The kind a details block names: the resource, and its group unless it is the core group. */
export function detailsOf(resource: string, group: string, name?: string): StatusDetails {
  return { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource };
}

/** field.ErrorType's text and the cause type it is sent as (apimachinery pkg/util/validation/field). */
const causeTypes: Record<string, string> = {
  Forbidden: 'FieldValueForbidden',
  'Invalid value': 'FieldValueInvalid',
  'Required value': 'FieldValueRequired',
  'Unsupported value': 'FieldValueNotSupported',
  'Duplicate value': 'FieldValueDuplicate',
  'Not found': 'FieldValueNotFound',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
};

/**
 * 422 Invalid as apierrors.NewInvalid builds it from `Kind[.group] "name" is invalid:
 * field: Type: detail`: the details name the kind (not the resource) and carry the field
 * error as a cause, from which kubectl prints `The Kind "name" is invalid: field: Type:
 * detail`. The lab words its own errors as kubectl prints them (`The Pod …`); the
 * Status's message has no `The`.
 */
export function invalid(message: string): Reply {
  const text = message.replace(/^The /, '');
  const m = /^(\w+)(?:\.([\w.-]+))? "([^"]*)" is invalid: ([\s\S]*)$/.exec(text);
  if (!m) return status(422, 'Invalid', text, {});
  const [, kind, group, name, rest] = m as unknown as [string, string, string | undefined, string, string];
  const types = Object.keys(causeTypes).join('|');
  const f = new RegExp(`^([^:\\s]+): (${types})((?::[\\s\\S]*)?)$`).exec(rest);
  const causes = f
    ? [{ reason: causeTypes[f[2] as string] as string, message: `${f[2]}${f[3]}`, field: f[1] as string }]
    : [];
  return status(422, 'Invalid', text, { name, ...(group ? { group } : {}), kind, causes });
}
