// -l/--selector and --field-selector: kubectl does not parse them for a list, it
// sends them to the API server (cli-runtime's builder trims and forwards the
// strings) and words the server's 400 as `resource.Selector.Visit` does.
import type { Resource } from '../../sim/objects';
import type { ApiResponse } from '../../sim/protocol';
import { gvrString } from '../../sim/resourceKinds';
import type { KubectlContext } from './context';
import { flagString } from './flags';

export interface Selectors {
  readonly label: string;
  readonly field: string;
}

export function readSelectors(ctx: KubectlContext): Selectors {
  return {
    label: (flagString(ctx.flags, 'selector') ?? '').trim(),
    field: (flagString(ctx.flags, 'field-selector') ?? '').trim(),
  };
}

export function selectorQuery(sel: Selectors): { labelSelector?: string; fieldSelector?: string } {
  return {
    ...(sel.label ? { labelSelector: sel.label } : {}),
    ...(sel.field ? { fieldSelector: sel.field } : {}),
  };
}

/** `Unable to find "/v1, Resource=pods" that match label selector "…", field selector "…": <server's words>`. */
export function selectorError(
  res: Exclude<ApiResponse, { ok: true }>,
  resource: Resource,
  sel: Selectors,
): Exclude<ApiResponse, { ok: true }> {
  if (res.reason !== 'BadRequest' && res.reason !== 'NotFound') return res;
  const what = JSON.stringify(gvrString(resource));
  const message =
    sel.label || sel.field
      ? `Unable to find ${what} that match label selector ${goQuoted(sel.label)}, field selector ${goQuoted(sel.field)}: ${res.message}`
      : `Unable to list ${what}: ${res.message}`;
  return { ...res, message } as Exclude<ApiResponse, { ok: true }>;
}

/** Go's %q for the strings a shell word can hold. */
export function goQuoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}"`;
}
