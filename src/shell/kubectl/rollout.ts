// kubectl rollout status|history|undo|restart and set image (kubectl 1.18.4
// pkg/cmd/rollout, pkg/cmd/set/set_image.go, pkg/polymorphichelpers): the
// Deployment's template is changed through the API server and the deployment
// controller rolls its ReplicaSets; history and undo read the ReplicaSets' revisions.
import { CHANGE_CAUSE, HASH_LABEL, REVISION, revisionOf } from '../../sim/controllers/rollout';
import type { DaemonSet, Deployment, KubeObject, PodTemplate, ReplicaSet } from '../../sim/objects';
import type { DescribeVersion } from '../../sim/profiles';
import { labProfile } from '../labProfile';
import { describeOptions, tabwrite } from '../tabwriter';
import { labEpoch } from '../wallClock';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import { podTemplateLines } from './describeParts';
import { dryRunFlag, readDryRun } from './dryRun';
import { flagBool, flagInt } from './flags';
import type { Target } from './mutate';
import { mutateEach } from './mutate';
import { rfc3339 } from './objectPrinter';
import { kindName, readTargets } from './resources';

/** The kind's name in the polymorphic helpers' errors: GroupKind.String(), `Pod`, `Service`. */
const kindWord: Record<string, string> = {
  pods: 'Pod',
  nodes: 'Node',
  services: 'Service',
  events: 'Event',
  replicasets: 'ReplicaSet.apps',
  daemonsets: 'DaemonSet.apps',
  deployments: 'Deployment.apps',
};

/** One TYPE NAME or TYPE/NAME, as the rollout subcommands take it. */
function oneTarget(ctx: KubectlContext): Target | undefined {
  if (ctx.args.length === 0) {
    failWith(ctx, 'error: required resource not specified');
    return undefined;
  }
  const parsed = readTargets(ctx.args);
  if ('error' in parsed) {
    failWith(ctx, parsed.error);
    return undefined;
  }
  const t = parsed.targets[0];
  const name = t?.names[0];
  if (!t || !name) {
    failWith(ctx, 'error: resource(s) were provided, but no name, label selector, or --all flag specified');
    return undefined;
  }
  return { resource: t.resource, name };
}

function getObject(ctx: KubectlContext, t: Target, then: (o: KubeObject) => void): void {
  send(
    ctx.io,
    ctx.server,
    { verb: 'get', resource: t.resource, name: t.name, namespace: ctx.namespace },
    (res) => {
      if (!res.ok || !res.object)
        return failWith(ctx, res.ok ? 'error: empty answer' : apiError(res, ctx.server));
      then(res.object);
    },
  );
}

/** GetAllReplicaSets: the ReplicaSets this Deployment controls. */
function ownedReplicaSets(ctx: KubectlContext, d: Deployment, then: (rss: ReplicaSet[]) => void): void {
  send(ctx.io, ctx.server, { verb: 'list', resource: 'replicasets', namespace: ctx.namespace }, (res) => {
    if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
    then(
      (res.items ?? []).filter(
        (o): o is ReplicaSet =>
          o.kind === 'ReplicaSet' && !!o.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid),
      ),
    );
  });
}

/** DeploymentStatusViewer.Status and DaemonSetStatusViewer.Status, word for word. */
export function rolloutStatusText(o: Deployment | DaemonSet): { text: string; done: boolean } {
  const name = o.metadata.name;
  if (o.kind === 'DaemonSet') {
    const want = o.status.desiredNumberScheduled;
    if (o.status.numberReady < want)
      return {
        text: `Waiting for daemon set "${name}" rollout to finish: ${o.status.numberReady} of ${want} updated pods are available...`,
        done: false,
      };
    return { text: `daemon set "${name}" successfully rolled out`, done: true };
  }
  const s = o.status;
  if ((o.metadata.generation ?? 1) > (s.observedGeneration ?? 0))
    return { text: 'Waiting for deployment spec update to be observed...', done: false };
  if (s.updatedReplicas < o.spec.replicas)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${s.updatedReplicas} out of ${o.spec.replicas} new replicas have been updated...`,
      done: false,
    };
  if (s.replicas > s.updatedReplicas)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${s.replicas - s.updatedReplicas} old replicas are pending termination...`,
      done: false,
    };
  if (s.availableReplicas < s.updatedReplicas)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas} of ${s.updatedReplicas} updated replicas are available...`,
      done: false,
    };
  return { text: `deployment "${name}" successfully rolled out`, done: true };
}

/**
 * rollout status lists the object and watches it (watchtools.UntilWithSync), printing the
 * status on every event, the same text again if it did not change, until it is done; with
 * --watch=false once. Checked against real kubectl 1.20.2 over `npm run api`.
 */
const statusVerb: Verb = {
  name: 'rollout status',
  flags: [
    filenameFlag,
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'revision', type: 'int' },
    { name: 'timeout', type: 'string' },
  ],
  run(ctx) {
    const t = oneTarget(ctx);
    if (!t) return;
    if (t.resource !== 'deployments' && t.resource !== 'daemonsets')
      return failWith(
        ctx,
        `error: no status viewer has been implemented for ${kindWord[t.resource]?.split('.')[0]}`,
      );
    const watch = ctx.flags.values.has('watch') ? flagBool(ctx.flags, 'watch') : true;
    const named = { resource: t.resource, name: t.name, namespace: ctx.namespace };
    // The builder's GET first: a missing object is NotFound before any watch.
    send(ctx.io, ctx.server, { verb: 'get', ...named }, (res) => {
      if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
      const show = (o: KubeObject | undefined): boolean => {
        if (o?.kind !== 'Deployment' && o?.kind !== 'DaemonSet') {
          failWith(ctx, 'error: unexpected object');
          return true;
        }
        const { text, done } = rolloutStatusText(o);
        if (text !== '') ctx.io.out(text);
        if (done || !watch) {
          ctx.io.exit(0);
          return true;
        }
        return false;
      };
      if (!watch) {
        show(res.object);
        return;
      }
      const close = ctx.io.shell.world.cluster.watch(
        ctx.io.shell.host,
        { verb: 'watch', ...named },
        (e) => {
          if (e.type === 'start') {
            if (!e.res.ok) {
              close();
              return failWith(ctx, apiError(e.res, ctx.server));
            }
            const first = e.res.items?.[0];
            if (!first) {
              close();
              return failWith(
                ctx,
                `Error from server (NotFound): ${kindWord[t.resource]} "${t.name}" not found`,
              );
            }
            if (show(first)) close();
            return;
          }
          if (e.type === 'deleted') {
            close();
            return failWith(ctx, 'error: object has been deleted');
          }
          if (show(e.object)) close();
        },
        () => ctx.io.exit(0),
      );
      ctx.io.onInterrupt(close);
    });
  },
};

const historyVerb: Verb = {
  name: 'rollout history',
  flags: [filenameFlag, outputFlag, { name: 'revision', type: 'int' }],
  run(ctx) {
    const t = oneTarget(ctx);
    if (!t) return;
    if (t.resource !== 'deployments')
      return failWith(
        ctx,
        t.resource === 'daemonsets'
          ? 'error: podscope: the history of a DaemonSet (its ControllerRevisions) is not simulated'
          : `error: no history viewer has been implemented for ${JSON.stringify(kindWord[t.resource])}`,
      );
    const wanted = flagInt(ctx.flags, 'revision') ?? 0;
    getObject(ctx, t, (o) => {
      if (o.kind !== 'Deployment') return failWith(ctx, 'error: not a deployment');
      if (o.spec.paused)
        return failWith(
          ctx,
          `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${o.metadata.name}' and try again`,
        );
      ownedReplicaSets(ctx, o, (rss) => {
        const byRevision = new Map<number, ReplicaSet>();
        for (const rs of rss)
          if (rs.metadata.annotations?.[REVISION] !== undefined) byRevision.set(revisionOf(rs), rs);
        const head = `${kindName.deployments}/${o.metadata.name}`;
        if (byRevision.size === 0) {
          ctx.io.out(`${head} \nNo rollout history found.`);
          return ctx.io.exit(0);
        }
        if (wanted > 0) {
          const rs = byRevision.get(wanted);
          if (!rs) return failWith(ctx, 'error: unable to find the specified revision');
          ctx.io.out(
            `${head} with revision #${wanted}\n${revisionTemplate(rs, labProfile(ctx.io.shell).kubectl.describe)}`,
          );
          return ctx.io.exit(0);
        }
        const rows = [...byRevision.keys()]
          .sort((a, b) => a - b)
          .map((r) => `${r}\t${byRevision.get(r)?.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}`);
        ctx.io.out(
          `${head} \n${tabwrite(['REVISION\tCHANGE-CAUSE', ...rows].join('\n'), describeOptions)}\n`,
        );
        ctx.io.exit(0);
      });
    });
  },
};

/** The revision's pod template as history prints it: the hash label and the change cause shown. */
function revisionTemplate(rs: ReplicaSet, v: DescribeVersion): string {
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  const t: PodTemplate = {
    ...rs.spec.template,
    ...(cause ? { annotations: { ...rs.spec.template.annotations, [CHANGE_CAUSE]: cause } } : {}),
  };
  return `${tabwrite(podTemplateLines(t, v).join('\n'), describeOptions)}\n`;
}

const withoutHash = (t: PodTemplate): PodTemplate => {
  const { [HASH_LABEL]: _, ...labels } = t.labels;
  return { ...t, labels };
};

const undoVerb: Verb = {
  name: 'rollout undo',
  flags: [filenameFlag, outputFlag, dryRunFlag, { name: 'to-revision', type: 'int' }],
  run(ctx) {
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    const t = oneTarget(ctx);
    if (!t) return;
    if (t.resource !== 'deployments')
      return failWith(
        ctx,
        t.resource === 'daemonsets'
          ? 'error: podscope: undoing a DaemonSet (its ControllerRevisions) is not simulated'
          : `error: no rollbacker has been implemented for ${JSON.stringify(kindWord[t.resource])}`,
      );
    const to = flagInt(ctx.flags, 'to-revision') ?? 0;
    if (to < 0) return failWith(ctx, `error: unable to find specified revision ${to} in history`);
    getObject(ctx, t, (o) => {
      if (o.kind !== 'Deployment') return failWith(ctx, 'error: not a deployment');
      if (o.spec.paused)
        return failWith(
          ctx,
          `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${o.metadata.name}' and try again`,
        );
      ownedReplicaSets(ctx, o, (rss) => {
        // deploymentRevision: the asked revision, or the second newest.
        const revised = rss
          .filter((rs) => rs.metadata.annotations?.[REVISION] !== undefined)
          .sort((a, b) => revisionOf(b) - revisionOf(a));
        const rs = to > 0 ? revised.find((r) => revisionOf(r) === to) : revised[1];
        if (!rs)
          return failWith(
            ctx,
            to > 0
              ? `error: unable to find specified revision ${to} in history`
              : `error: no rollout history found for deployment ${JSON.stringify(o.metadata.name)}`,
          );
        const head = `${kindName.deployments}/${o.metadata.name}`;
        if (d.dryRun === 'client') {
          ctx.io.out(`${head} Pod Template:`);
          ctx.io.out(
            tabwrite(
              podTemplateLines(rs.spec.template, labProfile(ctx.io.shell).kubectl.describe)
                .slice(1)
                .join('\n'),
              describeOptions,
            ),
          );
          return ctx.io.exit(0);
        }
        const template = withoutHash(rs.spec.template);
        if (JSON.stringify(template) === JSON.stringify(withoutHash(o.spec.template))) {
          ctx.io.out(
            `${head} skipped rollback (current template already matches revision ${revisionOf(rs)})`,
          );
          return ctx.io.exit(0);
        }
        // The Deployment takes the revision's template and its annotations (change-cause among
        // them), keeping its own revision bookkeeping (rollback.go annotationsToSkip).
        const skip = new Set([
          'kubectl.kubernetes.io/last-applied-configuration',
          REVISION,
          'deployment.kubernetes.io/revision-history',
          'deployment.kubernetes.io/desired-replicas',
          'deployment.kubernetes.io/max-replicas',
          'deprecated.deployment.rollback.to',
        ]);
        const patch = (cur: KubeObject): KubeObject => {
          if (cur.kind !== 'Deployment') return cur;
          const annotations: Record<string, string> = {};
          for (const [k, v] of Object.entries(cur.metadata.annotations ?? {}))
            if (skip.has(k)) annotations[k] = v;
          for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
            if (!skip.has(k)) annotations[k] = v;
          return { ...cur, metadata: { ...cur.metadata, annotations }, spec: { ...cur.spec, template } };
        };
        if (d.dryRun === 'server') {
          ctx.io.out(`${head} rolled back (server dry run)`);
          return ctx.io.exit(0);
        }
        send(
          ctx.io,
          ctx.server,
          { verb: 'patch', resource: 'deployments', name: t.name, namespace: ctx.namespace, patch },
          (res) => {
            if (!res.ok)
              return failWith(
                ctx,
                `error: failed restoring revision ${revisionOf(rs)}: ${apiError(res, ctx.server)}`,
              );
            ctx.io.out(`${head} rolled back`);
            ctx.io.exit(0);
          },
        );
      });
    });
  },
};

const restartVerb: Verb = {
  name: 'rollout restart',
  flags: [filenameFlag, outputFlag],
  run(ctx) {
    const t = oneTarget(ctx);
    if (!t) return;
    if (t.resource !== 'deployments') {
      if (t.resource === 'daemonsets')
        return failWith(ctx, 'error: podscope: restarting a DaemonSet (its rolling update) is not simulated');
      return failWith(ctx, `error: ${t.resource} ${JSON.stringify(t.name)} restarting is not supported`);
    }
    // objectrestarter.go: time.Now() in RFC 3339 on the template, so the template changes.
    const at = rfc3339(ctx.io.shell.world.now(), labEpoch(ctx.io.shell.world.cluster));
    const paused = `error: deployments.apps ${JSON.stringify(t.name)} can't restart paused deployment (run rollout resume first)`;
    mutateEach(ctx, [t], 'none', (current) =>
      current.kind === 'Deployment' && current.spec.paused
        ? { error: paused }
        : {
            word: 'restarted',
            patch: (cur) =>
              cur.kind === 'Deployment'
                ? {
                    ...cur,
                    spec: {
                      ...cur.spec,
                      template: {
                        ...cur.spec.template,
                        annotations: {
                          ...cur.spec.template.annotations,
                          'kubectl.kubernetes.io/restartedAt': at,
                        },
                      },
                    },
                  }
                : cur,
          },
    );
  },
};

export const rolloutVerbs: readonly Verb[] = [historyVerb, restartVerb, statusVerb, undoVerb];
