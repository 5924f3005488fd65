// What label, annotate, taint, cordon, set image and rollout restart share: kubectl
// reads each object (GET, or a list for -l/--all), decides on the client what to
// change (its own checks and errors), and sends the change as a patch the API
// server applies to the object it stores. Each object gets its name-printer line;
// an error of one object is printed and the others go on (ContinueOnError).
import type { KubeObject, Resource } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { apiError, send } from './client';
import type { KubectlContext } from './context';
import type { DryRun } from './dryRun';
import { dryRunSuffix } from './dryRun';
import { flagBool, flagString } from './flags';
import { kindName } from './resources';
import { readSelectors, selectorError, selectorQuery } from './selectors';

export interface Target {
  readonly resource: Resource;
  readonly name: string;
}

/** What to do with one object: an error, or the patch and the printer's word. */
export type Change =
  | { readonly error: string }
  | { readonly word: string; readonly patch?: (o: KubeObject) => KubeObject; readonly before?: string };

/** Objects named, or listed by -l / --all when a type alone is given. */
export function resolveTargets(
  ctx: KubectlContext,
  resources: readonly { resource: Resource; names: readonly string[] }[],
  found: (targets: Target[]) => void,
): void {
  const sel = readSelectors(ctx);
  const all = flagBool(ctx.flags, 'all');
  const named = resources.flatMap((t) => t.names.map((name) => ({ resource: t.resource, name })));
  if (named.length > 0 || resources.length === 0) {
    found(named);
    return;
  }
  if (!all && !sel.label && !sel.field) {
    ctx.io.err('error: resource(s) were provided, but no name, label selector, or --all flag specified');
    ctx.io.exit(1);
    return;
  }
  const out: Target[] = [];
  const step = (i: number): void => {
    const r = resources[i];
    if (!r) {
      found(out);
      return;
    }
    const req: ApiRequest = {
      verb: 'list',
      resource: r.resource,
      namespace: ctx.namespace,
      ...selectorQuery(sel),
    };
    send(ctx.io, ctx.server, req, (res) => {
      if (!res.ok) {
        ctx.io.err(apiError(selectorError(res, r.resource, sel), ctx.server));
        return ctx.io.exit(1);
      }
      for (const o of res.items ?? []) out.push({ resource: r.resource, name: o.metadata.name });
      step(i + 1);
    });
  };
  step(0);
}

/** GET each target, decide, PATCH (unless a client dry run), print `<kind>/<name> <word>`. */
export function mutateEach(
  ctx: KubectlContext,
  targets: readonly Target[],
  dryRun: DryRun,
  decide: (current: KubeObject) => Change,
): void {
  let failed = false;
  const output = flagString(ctx.flags, 'output');
  const print = (t: Target, word: string) =>
    ctx.io.out(
      output === 'name' ? `${kindName[t.resource]}/${t.name}` : `${kindName[t.resource]}/${t.name} ${word}`,
    );
  const step = (i: number): void => {
    const t = targets[i];
    if (!t) {
      ctx.io.exit(failed ? 1 : 0);
      return;
    }
    const where = { resource: t.resource, name: t.name, namespace: ctx.namespace };
    send(ctx.io, ctx.server, { verb: 'get', ...where }, (res) => {
      if (!res.ok || !res.object) {
        if (!res.ok && res.reason === 'ConnectionRefused') {
          ctx.io.err(apiError(res, ctx.server));
          return ctx.io.exit(1);
        }
        failed = true;
        if (!res.ok) ctx.io.err(apiError(res, ctx.server));
        return step(i + 1);
      }
      const change = decide(res.object);
      if ('error' in change) {
        failed = true;
        ctx.io.err(change.error);
        return step(i + 1);
      }
      if (change.before) ctx.io.out(change.before);
      // label --list prints the labels itself and no name line.
      if (change.word === '') return step(i + 1);
      const word = `${change.word}${dryRunSuffix(dryRun)}`;
      if (!change.patch || dryRun === 'client') {
        print(t, word);
        return step(i + 1);
      }
      if (dryRun === 'server') {
        // The lab's API server admits a server dry run of a patch without writing it.
        print(t, word);
        return step(i + 1);
      }
      send(ctx.io, ctx.server, { verb: 'patch', ...where, patch: change.patch }, (patched) => {
        if (!patched.ok) {
          failed = true;
          ctx.io.err(apiError(patched, ctx.server));
        } else print(t, word);
        step(i + 1);
      });
    });
  };
  step(0);
}

/** GetResourcesAndPairs: resource words first, then KEY=VALUE / KEY- pairs. */
export function splitPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length > 0)
      return { error: `error: all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { resources, pairs };
}
