// The verbs of issue 12's second part, and how cobra reaches a subcommand of
// rollout, set, config and top: the first word after the group that is not a
// flag names it; none prints the group's help on stderr and exits 1, another
// word is `unknown command` (cmdutil.DefaultSubCommandRun, RequireNoArguments).
import { configVerbs } from './config';
import type { Verb } from './context';
import { apiResourcesVerb, apiVersionsVerb, topVerbs } from './discovery';
import { drainVerb } from './drain';
import { explainVerb } from './explain/explain';
import { annotateVerb, labelVerb } from './labelAnnotate';
import { cordonVerbs, taintVerb } from './nodeVerbs';
import { replaceVerb } from './replace';
import { rolloutVerbs } from './rollout';
import { rolloutPauseVerbs } from './rolloutPause';
import { setImageVerb } from './setImage';
import { verbHelp } from './verbHelp';

export const verbsAdded: readonly Verb[] = [
  labelVerb,
  annotateVerb,
  ...cordonVerbs,
  taintVerb,
  drainVerb,
  ...rolloutVerbs,
  ...rolloutPauseVerbs,
  setImageVerb,
  apiResourcesVerb,
  apiVersionsVerb,
  ...configVerbs,
  ...topVerbs,
  explainVerb,
  replaceVerb,
];

const groups = ['rollout', 'set', 'config', 'top'] as const;

/** Short names cobra also takes for a subcommand (Aliases). */
const aliases: Record<string, string> = {
  'top nodes': 'top node',
  'top no': 'top node',
  'top pods': 'top pod',
  'top po': 'top pod',
};

export type Subcommand =
  | { readonly verb: Verb; readonly rest: string[] }
  /** Help asked for: printed on stdout, exit 0. */
  | { readonly helpText: string }
  /** The group alone (its help) or an unknown subcommand: stderr, exit 1. */
  | { readonly error: string };

/** For `kubectl rollout status …`: the subcommand's verb and the words left for its flags. */
export function subcommandOf(word: string, rest: readonly string[]): Subcommand | undefined {
  if (!(groups as readonly string[]).includes(word)) return undefined;
  const at = rest.findIndex((a) => !a.startsWith('-'));
  const wantsHelp = rest.some((a) => a === '--help' || a === '-h');
  if (at < 0) {
    const help = verbHelp[word] ?? '';
    return wantsHelp ? { helpText: help } : { error: help };
  }
  const sub = rest[at] as string;
  const name = aliases[`${word} ${sub}`] ?? `${word} ${sub}`;
  const verb = verbsAdded.find((v) => v.name === name);
  if (!verb)
    return {
      error: `error: unknown command ${JSON.stringify(sub)}\nSee 'kubectl ${word} -h' for help and examples`,
    };
  return { verb, rest: rest.filter((_, i) => i !== at) };
}
