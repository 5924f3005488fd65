// What Tab offers after `kubectl`: its verbs, the flags of the verb (read from the
// same specs the parser uses, so completion never offers a flag kubectl rejects),
// resource types, and the names of the objects of the type already typed.

import { resourceKinds } from '../sim/resourceKinds';
import type { CompletionContext, WordChoices } from './complete';
import { applyVerb } from './kubectl/apply';
import type { Verb } from './kubectl/context';
import { createDeploymentVerb, createVerb } from './kubectl/create';
import { deleteVerb } from './kubectl/delete';
import { describeVerb } from './kubectl/describe';
import type { FlagSpec } from './kubectl/flags';
import { globalFlags } from './kubectl/flags';
import { getVerb } from './kubectl/get';
import { resourceFor } from './kubectl/resources';
import { runVerb } from './kubectl/run';
import { scaleVerb } from './kubectl/scale';
import { verbsAdded } from './kubectl/verbsAdded';

const verbs: readonly Verb[] = [
  getVerb,
  describeVerb,
  createVerb,
  applyVerb,
  deleteVerb,
  runVerb,
  scaleVerb,
  ...verbsAdded,
];
const otherVerbs = ['version', 'cluster-info', 'logs', 'exec'];
/** Groups whose first word names a subcommand (`rollout status`, `config view`). */
const groups = ['rollout', 'set', 'config', 'top'];
const topLevel = [...new Set(verbs.map((v) => v.name.split(' ')[0] as string))];
// The kinds kubectl's discovery would list: the sim's one registry, plus the `all` category.
const resourceTypes = [...resourceKinds.map((k) => k.resource), 'all'].sort();
const scalable = ['deployments', 'replicasets'];
const outputFormats = ['json', 'name', 'wide', 'yaml'];

function findFlag(specs: readonly FlagSpec[], word: string): FlagSpec | undefined {
  if (word.startsWith('--')) return specs.find((s) => s.name === word.slice(2));
  if (/^-\w$/.test(word)) return specs.find((s) => s.short === word.slice(1));
  return undefined;
}

/** The verb (first word that is neither a flag nor a flag's value) and the positionals after it. */
function readArgs(args: readonly string[]): {
  verb?: string;
  positionals: string[];
  flags: Map<string, string>;
} {
  const positionals: string[] = [];
  const flags = new Map<string, string>();
  let verb: string | undefined;
  const specs = [...globalFlags, ...verbs.flatMap((v) => v.flags)];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const spec = findFlag(specs, eq < 0 ? a : a.slice(0, eq));
      if (!spec) continue;
      if (eq >= 0) flags.set(spec.name, a.slice(eq + 1));
      else if (spec.type === 'bool') flags.set(spec.name, 'true');
      else flags.set(spec.name, args[++i] ?? '');
    } else if (verb === undefined) verb = a;
    else positionals.push(a);
  }
  return { verb, positionals, flags };
}

function verbNamed(name: string | undefined, positionals: readonly string[]): Verb | undefined {
  if (name === 'create' && (positionals[0] === 'deployment' || positionals[0] === 'deploy'))
    return createDeploymentVerb;
  if (name !== undefined && groups.includes(name) && positionals[0] !== undefined)
    return verbs.find((v) => v.name === `${name} ${positionals[0]}`);
  return verbs.find((v) => v.name === name);
}

function valuesOf(
  ctx: CompletionContext,
  flag: string,
  partial: string,
  paths: (p: string) => WordChoices,
): WordChoices {
  if (flag === 'namespace') return { words: [...new Set(['default', 'kube-system', ...ctx.namespaces])] };
  if (flag === 'output') return { words: outputFormats };
  if (flag === 'kubeconfig' || flag === 'filename') return paths(partial);
  return { words: [] };
}

/** Completion of the word `partial` after `kubectl` and the complete words `args`. */
export function kubectlWords(
  ctx: CompletionContext,
  args: readonly string[],
  partial: string,
  paths: (p: string) => WordChoices,
): WordChoices {
  const { verb: verbName, positionals, flags } = readArgs(args);
  const verb = verbNamed(verbName, positionals);
  const specs = [...(verb?.flags ?? []), ...globalFlags];
  const previous = args[args.length - 1];
  const valued = previous !== undefined ? findFlag(specs, previous) : undefined;
  if (valued && valued.type !== 'bool') return valuesOf(ctx, valued.name, partial, paths);
  if (partial.startsWith('--') && partial.includes('=')) {
    const keep = partial.slice(0, partial.indexOf('=') + 1);
    const choices = valuesOf(ctx, keep.slice(2, -1), partial.slice(keep.length), paths);
    return { ...choices, keep: keep + (choices.keep ?? '') };
  }
  if (partial.startsWith('-'))
    return { words: specs.flatMap((s) => [`--${s.name}`, ...(s.short ? [`-${s.short}`] : [])]) };
  if (verbName === undefined) return { words: [...topLevel, ...otherVerbs] };
  if (groups.includes(verbName)) {
    if (positionals.length === 0)
      return {
        words: verbs
          .filter((v) => v.name.startsWith(`${verbName} `))
          .map((v) => v.name.split(' ')[1] as string),
      };
    positionals.shift();
  }
  const namespace = flags.has('all-namespaces') ? undefined : (flags.get('namespace') ?? 'default');
  switch (verb?.name) {
    case 'create':
      return { words: positionals.length === 0 ? ['deployment', 'namespace'] : [] };
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return { words: positionals.length === 0 ? ctx.names('nodes', undefined) : [] };
    case 'taint':
      return positionals.length === 0
        ? { words: ['nodes'] }
        : { words: positionals.length === 1 ? ctx.names('nodes', undefined) : [] };
    case 'rollout status':
    case 'rollout history':
    case 'rollout undo':
    case 'rollout restart':
    case 'rollout pause':
    case 'rollout resume':
    case 'set image':
      return resourceWords(ctx, ['deployments'], positionals, partial, namespace);
    case 'label':
    case 'annotate':
    case 'get':
    case 'describe':
    case 'delete':
    case 'scale':
      return resourceWords(
        ctx,
        verb.name === 'scale' ? scalable : resourceTypes,
        positionals,
        partial,
        namespace,
      );
    default:
      return { words: [] };
  }
}

/** `pods` then a pod's name, or `pod/` and a name in one word. */
function resourceWords(
  ctx: CompletionContext,
  types: readonly string[],
  positionals: readonly string[],
  partial: string,
  namespace: string | undefined,
): WordChoices {
  const first = positionals[0];
  if (first === undefined) {
    const slash = partial.indexOf('/');
    if (slash < 0) return { words: types };
    const resource = resourceFor(partial.slice(0, slash));
    return { words: resource ? ctx.names(resource, namespace) : [], keep: partial.slice(0, slash + 1) };
  }
  if (first.includes('/')) return { words: [] };
  const resource = resourceFor(first);
  return { words: resource ? ctx.names(resource, namespace) : [] };
}
