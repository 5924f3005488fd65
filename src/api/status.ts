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
