// kubectl delete: print `<kind> "<name>" deleted` as each delete is accepted,
// then wait (--wait, default true) until every object is gone (k8s-facts §3, §5.1).
import type { Resource } from '../../sim/objects';
import { namespaced } from '../../sim/objects';
import type { ApiRequest } from '../../sim/protocol';
import { labProfile } from '../labProfile';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag } from './context';
import { dryRunFlag, dryRunSuffix, readDryRun } from './dryRun';
import { loadFiles } from './files';
import { flagBool, flagInt, flagString } from './flags';
import { parseGoDuration } from './goDuration';
import { kindName, noResources, readTargets, resourceOfKindName } from './resources';
import { readSelectors, selectorError, selectorQuery } from './selectors';

const immediate =
  'warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

interface Victim {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace?: string;
}

export const deleteVerb: Verb = {
  name: 'delete',
  flags: [
    filenameFlag,
    { name: 'grace-period', type: 'int' },
    { name: 'force', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    dryRunFlag,
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'timeout', type: 'string' },
  ],
  run(ctx) {
    const timeout = parseGoDuration(flagString(ctx.flags, 'timeout') ?? '0');
    if (!timeout.ok)
      return failWith(
        ctx,
        `Error: invalid argument "${flagString(ctx.flags, 'timeout')}" for "--timeout" flag: ${timeout.error}\nSee 'kubectl delete --help' for usage.`,
      );
    const force = flagBool(ctx.flags, 'force');
    let grace = flagInt(ctx.flags, 'grace-period') ?? -1;
    if (flagBool(ctx.flags, 'now')) grace = 1;
    // kubectl turns --grace-period=0 into 1 unless --force; --force alone means 0.
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const wait = flagString(ctx.flags, 'wait') === undefined ? true : flagBool(ctx.flags, 'wait');
    const victims: Victim[] = [];
    const files = ctx.flags.values.get('filename');
    if (files && files.length > 0) {
      const loaded = loadFiles(ctx.io, files);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      for (const { obj } of loaded.objects) {
        if (!obj) continue;
        const resource = resourceOfKindName[obj.kind] ?? 'pods';
        victims.push({
          resource,
          name: obj.metadata.name,
          namespace:
            resource === 'nodes'
              ? undefined
              : (flagString(ctx.flags, 'namespace') ?? obj.metadata.namespace ?? ctx.namespace),
        });
      }
      return deleteAll(ctx, victims, grace, force, wait, timeout.ms);
    }
    const parsed = readTargets(ctx.args);
    if ('error' in parsed) return failWith(ctx, parsed.error);
    if (parsed.targets.length === 0) return failWith(ctx, noResources);
    const all = flagBool(ctx.flags, 'all');
    const sel = readSelectors(ctx);
    const selecting = sel.label !== '' || sel.field !== '';
    if (selecting && all)
      return failWith(ctx, "error: setting 'all' parameter but found a non empty selector. ");
    const listed: Resource[] = [];
    for (const t of parsed.targets) {
      if (t.names.length > 0 && selecting)
        return failWith(
          ctx,
          ctx.args.some((a) => a.includes('/'))
            ? 'error: selectors and the all flag cannot be used when passing resource/name arguments'
            : 'error: name cannot be provided when a selector is specified',
        );
      if (t.names.length === 0) {
        if (!all && !selecting)
          return failWith(
            ctx,
            'error: resource(s) were provided, but no name, label selector, or --all flag specified',
          );
        listed.push(t.resource);
      }
      for (const name of t.names)
        victims.push({
          resource: t.resource,
          name,
          ...(namespaced[t.resource] ? { namespace: ctx.namespace } : {}),
        });
    }
    if (listed.length === 0) return deleteAll(ctx, victims, grace, force, wait, timeout.ms);
    const allNamespaces = flagBool(ctx.flags, 'all-namespaces');
    const step = (i: number): void => {
      const resource = listed[i];
      if (!resource) {
        deleteAll(ctx, victims, grace, force, wait, timeout.ms);
        return;
      }
      // The API server picks the objects: the selectors travel with the list request.
      const scope = !namespaced[resource]
        ? {}
        : allNamespaces
          ? { allNamespaces: true }
          : { namespace: ctx.namespace };
      send(ctx.io, ctx.server, { verb: 'list', resource, ...scope, ...selectorQuery(sel) }, (res) => {
        if (!res.ok) return failWith(ctx, apiError(selectorError(res, resource, sel), ctx.server));
        for (const o of res.items ?? []) {
          victims.push({
            resource,
            name: o.metadata.name,
            ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
          });
        }
        step(i + 1);
      });
    };
    step(0);
  },
};

function deleteAll(
  ctx: KubectlContext,
  victims: readonly Victim[],
  grace: number,
  force: boolean,
  wait: boolean,
  timeoutMs: number,
) {
  if (victims.length === 0) {
    ctx.io.err(`No resources found`);
    ctx.io.exit(0);
    return;
  }
  const d = readDryRun(ctx);
  if (!d.ok) return failWith(ctx, d.error);
  const dry = d.dryRun;
  if (grace === 0 && force) ctx.io.err(immediate);
  const accepted: ApiRequest[] = [];
  let failed = false;
  const ignoreMissing = flagBool(ctx.flags, 'ignore-not-found');
  const step = (i: number): void => {
    const v = victims[i];
    if (!v) {
      waitAll(ctx, accepted, failed, force && grace === 0 ? false : wait, timeoutMs);
      return;
    }
    // A client dry run only reads the object (the builder's GET); a server one asks with dryRun.
    const req: ApiRequest = {
      verb: dry === 'client' ? 'get' : 'delete',
      ...(dry === 'server' ? { dryRun: true } : {}),
      resource: v.resource,
      name: v.name,
      ...(v.namespace ? { namespace: v.namespace } : {}),
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      ...(force ? { force: true } : {}),
    };
    send(ctx.io, ctx.server, req, (res) => {
      if (res.ok) {
        const operation = force && grace === 0 ? 'force deleted' : 'deleted';
        ctx.io.out(
          `${labProfile(ctx.io.shell).kubectl.deleted(kindName[v.resource] ?? v.resource, v.name, v.namespace, operation)}${dryRunSuffix(dry)}`,
        );
        if (dry !== 'none') return step(i + 1);
        accepted.push({
          verb: 'get',
          resource: v.resource,
          name: v.name,
          ...(v.namespace ? { namespace: v.namespace } : {}),
        });
      } else if (res.reason === 'ConnectionRefused') {
        return failWith(ctx, apiError(res, ctx.server));
      } else if (!(ignoreMissing && res.reason === 'NotFound')) {
        ctx.io.err(apiError(res, ctx.server));
        failed = true;
      }
      step(i + 1);
    });
  };
  step(0);
}

/**
 * kubectl's --wait: block until every deleted object is gone (finalizers, graceful pods),
 * one after another as cmd/wait's IsDeleted visits them; with --timeout each may take that
 * long, then `error: timed out waiting for the condition on pods/x` (1.18.4
 * pkg/cmd/wait extendErrWaitTimeout) and exit 1.
 */
function waitAll(
  ctx: KubectlContext,
  gone: readonly ApiRequest[],
  failed: boolean,
  wait: boolean,
  timeoutMs: number,
): void {
  const code = failed ? 1 : 0;
  if (!wait || gone.length === 0) {
    ctx.io.exit(code);
    return;
  }
  const step = (i: number): void => {
    const req = gone[i];
    if (!req) {
      ctx.io.exit(code);
      return;
    }
    let stopTimer = () => {};
    const cancel = ctx.io.shell.world.cluster.waitForDeletion(ctx.io.shell.host, req, () => {
      stopTimer();
      step(i + 1);
    });
    if (timeoutMs > 0)
      stopTimer = ctx.io.shell.world.after(timeoutMs, () => {
        cancel();
        failWith(ctx, `error: timed out waiting for the condition on ${req.resource}/${req.name}`);
      });
    ctx.io.onInterrupt(() => {
      stopTimer();
      cancel();
    });
  };
  step(0);
}
