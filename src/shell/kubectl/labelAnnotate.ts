// kubectl label and annotate (kubectl 1.18.4 pkg/cmd/label/label.go,
// pkg/cmd/annotate/annotate.go): pairs parsed and checked on the client, the
// --overwrite check against the object kubectl read, a merge patch sent.

import { labelValueErrors } from '../../sim/labelSelector';
import type { KubeObject } from '../../sim/objects';
import { labProfile } from '../labProfile';
import type { Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import { changeCause, dryRunFlag, readDryRun, recordFlag } from './dryRun';
import type { FlagSpec } from './flags';
import { flagBool } from './flags';
import type { Change } from './mutate';
import { mutateEach, resolveTargets, splitPairs } from './mutate';
import { readTargets } from './resources';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const common: FlagSpec[] = [
  filenameFlag,
  outputFlag,
  dryRunFlag,
  recordFlag,
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'resource-version', type: 'string' },
  { name: 'local', type: 'bool' },
];

type Pairs = { set: [string, string][]; remove: string[] };

/** label.go parseLabels: `k=v` (exactly one '='), `k-`, anything else an error. */
function parseLabels(specs: readonly string[]): Pairs | { error: string } {
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { error: `error: invalid label spec: ${spec}` };
      const errs = labelValueErrors(parts[1] as string);
      if (errs.length > 0)
        return { error: `error: invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}` };
      set.push([parts[0] as string, parts[1] as string]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return { error: `error: unknown label spec: ${spec}` };
  }
  if (remove.some((k) => set.some(([s]) => s === k)))
    return { error: 'error: can not both modify and remove a label in the same command' };
  return { set, remove };
}

/** cmdutil.ParsePairs for annotations: `k=v` splits at the first '=', so values may hold '='. */
function parseAnnotations(specs: readonly string[]): Pairs | { error: string } {
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0) set.push([spec.slice(0, eq), spec.slice(eq + 1)]);
    else remove.push(spec.slice(0, -1));
  }
  const both = remove.filter((k) => set.some(([s]) => s === k));
  if (both.length > 0)
    return {
      error: `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    };
  return { set, remove };
}

/** utilerrors.NewAggregate's text: one error as itself, several in brackets. */
function aggregate(errs: readonly string[]): string {
  return errs.length === 1 ? (errs[0] as string) : `[${errs.join(', ')}]`;
}

function applied(current: Readonly<Record<string, string>> | undefined, p: Pairs): Record<string, string> {
  const out: Record<string, string> = { ...current };
  for (const [k, v] of p.set) out[k] = v;
  for (const k of p.remove) delete out[k];
  return out;
}

function withLabels(o: KubeObject, labels: Record<string, string>): KubeObject {
  return { ...o, metadata: { ...o.metadata, labels } } as KubeObject;
}
function withAnnotations(o: KubeObject, annotations: Record<string, string>): KubeObject {
  return { ...o, metadata: { ...o.metadata, annotations } } as KubeObject;
}

function makeVerb(kind: 'label' | 'annotation'): Verb {
  const name = kind === 'label' ? 'label' : 'annotate';
  const flags = kind === 'label' ? [...common, { name: 'list', type: 'bool' } as FlagSpec] : common;
  return {
    name,
    flags,
    run(ctx) {
      const d = readDryRun(ctx);
      if (!d.ok) return failWith(ctx, d.error);
      const split = splitPairs(ctx.args, kind);
      if ('error' in split) return failWith(ctx, split.error);
      const pairs = kind === 'label' ? parseLabels(split.pairs) : parseAnnotations(split.pairs);
      if ('error' in pairs) return failWith(ctx, pairs.error);
      const all = flagBool(ctx.flags, 'all');
      if (all && ctx.flags.values.has('selector'))
        return failWith(ctx, 'error: cannot set --all and --selector at the same time');
      if (split.resources.length === 0)
        return failWith(
          ctx,
          'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
        );
      const listing = kind === 'label' && flagBool(ctx.flags, 'list');
      if (!listing && split.pairs.length === 0)
        return failWith(ctx, `error: at least one ${kind} update is required`);
      const parsed = readTargets(split.resources);
      if ('error' in parsed) return failWith(ctx, parsed.error);
      const overwrite = flagBool(ctx.flags, 'overwrite');
      const record = flagBool(ctx.flags, 'record');
      resolveTargets(ctx, parsed.targets, (targets) =>
        mutateEach(ctx, targets, listing ? 'client' : d.dryRun, (o): Change => {
          if (listing) {
            ctx.io.out(
              Object.entries(o.metadata.labels ?? {})
                .map(([k, v]) => `${k}=${v}`)
                .join('\n'),
            );
            return { word: '' };
          }
          const current = kind === 'label' ? o.metadata.labels : o.metadata.annotations;
          if (!overwrite) {
            const taken = pairs.set.filter(
              ([k]) => current?.[k] !== undefined && !(kind === 'annotation' && k === CHANGE_CAUSE),
            );
            if (taken.length > 0) {
              if (kind === 'label')
                return {
                  error: `error: ${aggregate(taken.map(([k]) => `'${k}' already has a value (${current?.[k]}), and --overwrite is false`))}`,
                };
              return {
                error: `error: --overwrite is false but found the following declared annotation(s): ${taken.map(([k]) => `'${k}' already has a value (${current?.[k]})`).join('; ')}`,
              };
            }
          }
          const missing = kind === 'label' ? pairs.remove.filter((k) => current?.[k] === undefined) : [];
          const before = missing.map((k) => `label ${JSON.stringify(k)} not found.`).join('\n') || undefined;
          const next = applied(current, pairs);
          const cause = record ? { [CHANGE_CAUSE]: changeCause(ctx, flags) } : undefined;
          const patch = (cur: KubeObject): KubeObject => {
            const changed =
              kind === 'label'
                ? withLabels(cur, applied(cur.metadata.labels, pairs))
                : withAnnotations(cur, applied(cur.metadata.annotations, pairs));
            return cause ? withAnnotations(changed, { ...changed.metadata.annotations, ...cause }) : changed;
          };
          // label says whether the object changed; annotate always says annotated.
          const word =
            kind === 'label'
              ? labelWord(current, next, labProfile(ctx.io.shell).kubectl.labelChangeWords)
              : 'annotated';
          return { word, patch, ...(before ? { before } : {}) };
        }),
      );
    },
  };
}

/**
 * What label says it did: `not labeled` or `labeled` (1.18); newer clients tell an added or
 * changed label (`labeled`) from one removed (`unlabeled`) and both (`modified`): 1.36's
 * label.go labelFunc and updateDataChangeMsg.
 */
function labelWord(
  before: Readonly<Record<string, string>> | undefined,
  after: Readonly<Record<string, string>> | undefined,
  words: boolean,
): string {
  const b = before ?? {};
  const a = after ?? {};
  const added = Object.keys(a).some((k) => b[k] !== a[k]);
  const removed = Object.keys(b).some((k) => !(k in a));
  if (!words) return added || removed ? 'labeled' : 'not labeled';
  return added && removed ? 'modified' : added ? 'labeled' : removed ? 'unlabeled' : 'not labeled';
}

export const labelVerb = makeVerb('label');
export const annotateVerb = makeVerb('annotation');
