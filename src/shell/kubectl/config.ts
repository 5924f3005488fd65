// kubectl config view|get-contexts|current-context|use-context (kubectl 1.18.4
// pkg/cmd/config): read on the client from the kubeconfig kubectl loads; nothing
// goes to the API server. `view` hides certificate data as DATA+OMITTED and keys
// as REDACTED (clientcmdapi.ShortenConfig/RedactSecrets), unless --raw.
import { parse } from 'yaml';
import { HOME } from '../labFiles';
import { getTableOptions, tabwrite } from '../tabwriter';
import type { KubectlContext, Verb } from './context';
import { failWith, outputFlag } from './context';
import { flagBool, flagString } from './flags';

function kubeconfigPath(ctx: KubectlContext): string {
  return ctx.io.shell.resolve(
    flagString(ctx.flags, 'kubeconfig') ?? ctx.io.env.get('KUBECONFIG') ?? `${HOME}/.kube/config`,
  );
}

interface NamedContext {
  readonly name: string;
  readonly context?: { cluster?: string; user?: string; namespace?: string };
}

function readConfig(ctx: KubectlContext): { text?: string; contexts: NamedContext[]; current: string } {
  const text = ctx.io.shell.fs.read(kubeconfigPath(ctx));
  if (text === undefined) return { contexts: [], current: '' };
  try {
    const doc = parse(text, { maxAliasCount: 10 }) as {
      contexts?: NamedContext[];
      'current-context'?: string;
    } | null;
    return {
      text,
      contexts: Array.isArray(doc?.contexts) ? doc.contexts : [],
      current: typeof doc?.['current-context'] === 'string' ? doc['current-context'] : '',
    };
  } catch {
    return { text, contexts: [], current: '' };
  }
}

const EMPTY = `apiVersion: v1
clusters: null
contexts: null
current-context: ""
kind: Config
preferences: {}
users: null`;

const viewVerb: Verb = {
  name: 'config view',
  flags: [
    outputFlag,
    { name: 'raw', type: 'bool' },
    { name: 'minify', type: 'bool' },
    { name: 'flatten', type: 'bool' },
  ],
  run(ctx) {
    const { text } = readConfig(ctx);
    if (text === undefined) {
      ctx.io.out(EMPTY);
      return ctx.io.exit(0);
    }
    const shown = flagBool(ctx.flags, 'raw')
      ? text
      : text
          .replace(/^(\s*certificate-authority-data:).*$/gm, '$1 DATA+OMITTED')
          .replace(/^(\s*client-certificate-data:).*$/gm, '$1 REDACTED')
          .replace(/^(\s*client-key-data:).*$/gm, '$1 REDACTED');
    ctx.io.out(shown.replace(/\n$/, ''));
    ctx.io.exit(0);
  },
};

const getContextsVerb: Verb = {
  name: 'config get-contexts',
  flags: [outputFlag, { name: 'no-headers', type: 'bool' }],
  run(ctx) {
    const { contexts, current } = readConfig(ctx);
    const nameOnly = flagString(ctx.flags, 'output') === 'name';
    const output = flagString(ctx.flags, 'output');
    if (output !== undefined && output !== 'name')
      return failWith(ctx, `error: output must be one of '' or 'name': ${output}`);
    const wanted = ctx.args.length > 0 ? ctx.args : contexts.map((c) => c.name);
    const missing = wanted.filter((n) => !contexts.some((c) => c.name === n));
    const rows = contexts
      .filter((c) => wanted.includes(c.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((c) =>
        nameOnly
          ? c.name
          : [
              c.name === current ? '*' : '',
              c.name,
              c.context?.cluster ?? '',
              c.context?.user ?? '',
              c.context?.namespace ?? '',
            ].join('\t'),
      );
    const head = nameOnly ? 'NAME' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE';
    const lines = [...(flagBool(ctx.flags, 'no-headers') ? [] : [head]), ...rows];
    ctx.io.out(nameOnly ? lines.join('\n') : tabwrite(lines.join('\n'), getTableOptions));
    if (missing.length > 0) return failWith(ctx, `error: context ${missing[0]} not found`);
    ctx.io.exit(0);
  },
};

const currentContextVerb: Verb = {
  name: 'config current-context',
  flags: [],
  run(ctx) {
    const { current } = readConfig(ctx);
    if (!current) return failWith(ctx, 'error: current-context is not set');
    ctx.io.out(current);
    ctx.io.exit(0);
  },
};

const useContextVerb: Verb = {
  name: 'config use-context',
  flags: [],
  run(ctx) {
    const name = ctx.args[0];
    if (name === undefined || ctx.args.length > 1)
      return failWith(
        ctx,
        `error: Unexpected args: ${JSON.stringify(ctx.args).replace(/","/g, ' ').replace(/"/g, '')}\nSee 'kubectl config use-context -h' for help and examples`,
      );
    const { text, contexts } = readConfig(ctx);
    if (text === undefined || !contexts.some((c) => c.name === name))
      return failWith(ctx, `error: no context exists with the name: ${JSON.stringify(name)}`);
    const next = /^current-context:.*$/m.test(text)
      ? text.replace(/^current-context:.*$/m, `current-context: ${name}`)
      : `${text}current-context: ${name}\n`;
    ctx.io.shell.fs.write(kubeconfigPath(ctx), next);
    ctx.io.out(`Switched to context ${JSON.stringify(name)}.`);
    ctx.io.exit(0);
  },
};

export const configVerbs: readonly Verb[] = [viewVerb, getContextsVerb, currentContextVerb, useContextVerb];
