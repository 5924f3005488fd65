// Tab completion as bash (with kubectl's completion script loaded) does it for the
// lab: command names, hosts, files of the host, kubectl verbs, resources, flags and
// the names of the objects in the cluster. Pure: the line and what the host knows in,
// the completed line and the candidates out.
import type { HostShell } from './command';
import { commandTable } from './commands';
import { kubectlWords } from './completeKubectl';
import { FileSystem } from './fs';
import { runtimeUnit } from './host/runtimeUnit';
import { resourceOfKindName } from './kubectl/resources';
import { HOME } from './labFiles';

/** What completion may look at on the host where Tab is pressed. */
export interface CompletionContext {
  readonly fs: FileSystem;
  readonly cwd: string;
  readonly commands: readonly string[];
  readonly hosts: readonly string[];
  /** Names of the objects of a kubectl resource (`pods`, `nodes`, ...), in a namespace when it has them. */
  names(resource: string, namespace: string | undefined): readonly string[];
  readonly namespaces: readonly string[];
  /** The systemd units systemctl knows on this lab's machines (the runtime's is docker or containerd). */
  readonly units: readonly string[];
}

export interface Completion {
  /** The line after completion (unchanged when nothing or several things fit). */
  readonly line: string;
  /** Every word that fits when more than one does (bash lists them on a second Tab). */
  readonly candidates: readonly string[];
}

/** The candidates for the word being typed; `display` is how bash lists them when it differs. */
export interface WordChoices {
  readonly words: readonly string[];
  /** The part of the word that is being completed starts here (after `root@`, or after `pod/`). */
  readonly keep?: string;
  /** Paths: directories end in `/` and take no space after them. */
  readonly paths?: boolean;
}

const systemctlActions = ['start', 'stop', 'restart', 'status', 'is-active', 'enable', 'disable'];
const wordsAfter: Record<string, readonly string[]> = {
  kubeadm: ['init', 'join', 'token', 'version'],
  docker: ['ps', 'version'],
  modprobe: ['br_netfilter', '-r'],
};

/** Splits the text before the cursor into the words of its last simple command and the word being typed. */
export function currentCommand(before: string): { words: string[]; partial: string } {
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (const ch of before) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (ch === '|' || ch === ';' || ch === '&') {
      // A new command begins after a pipe or a list operator.
      words = [];
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  return { words, partial: word };
}

/** Drops what runs another command (sudo, timeout N, VAR=value) so completion sees that command. */
function innerCommand(words: readonly string[]): string[] {
  const rest = [...words];
  for (;;) {
    const first = rest[0];
    if (first === undefined) return rest;
    if (first === 'sudo' || /^[A-Za-z_]\w*=/.test(first)) rest.shift();
    else if (first === 'timeout') rest.splice(0, rest[1] === undefined ? 1 : 2);
    else return rest;
  }
}

/** Files and directories that start with `partial`, resolved as bash resolves it (`~`, relative). */
export function pathChoices(ctx: CompletionContext, partial: string): WordChoices {
  const slash = partial.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : partial.slice(0, slash + 1);
  const base = partial.slice(slash + 1);
  const expanded = dirPart.startsWith('~') ? HOME + dirPart.slice(1) : dirPart;
  const dir = expanded === '' ? ctx.cwd : FileSystem.resolve(ctx.cwd, expanded);
  if (!ctx.fs.isDir(dir)) return { words: [], keep: dirPart, paths: true };
  const words = ctx.fs
    .list(dir)
    .filter((name) => name.startsWith(base) && (base.startsWith('.') || !name.startsWith('.')))
    .map((name) => (ctx.fs.isDir(FileSystem.resolve(dir, name)) ? `${name}/` : name));
  return { words, keep: dirPart, paths: true };
}

function choicesFor(ctx: CompletionContext, words: readonly string[], partial: string): WordChoices {
  const [command, ...args] = innerCommand(words);
  if (command === undefined) {
    if (partial.includes('/') || partial.startsWith('~')) return pathChoices(ctx, partial);
    return { words: ctx.commands };
  }
  switch (command) {
    case 'ssh': {
      const at = partial.indexOf('@');
      return { words: ctx.hosts, keep: at < 0 ? '' : partial.slice(0, at + 1) };
    }
    case 'scp': {
      if (
        partial.includes(':') ||
        (partial !== '' && !partial.includes('/') && ctx.hosts.some((h) => h.startsWith(partial)))
      )
        return { words: ctx.hosts.map((h) => `${h}:`) };
      return pathChoices(ctx, partial);
    }
    case 'kubectl':
      return kubectlWords(ctx, args, partial, (p) => pathChoices(ctx, p));
    case 'systemctl':
      return { words: args.length === 0 ? systemctlActions : ctx.units };
    case 'sudo':
    case 'timeout':
      return { words: ctx.commands };
  }
  const fixed = wordsAfter[command];
  if (fixed && args.length === 0 && !partial.includes('/')) return { words: fixed };
  return pathChoices(ctx, partial);
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Completes the word before the cursor (`cursor` defaults to the end of the line).
 * One fit: the word is finished (a space after it, or `/` after a directory).
 * Several: the word grows to what they share, and they are listed.
 */
export function complete(line: string, ctx: CompletionContext, cursor = line.length): Completion {
  const before = line.slice(0, cursor);
  const after = line.slice(cursor);
  const { words, partial } = currentCommand(before);
  const choices = choicesFor(ctx, words, partial);
  const keep = choices.keep ?? '';
  const stem = partial.slice(keep.length);
  const fits = [...new Set(choices.words.filter((w) => w.startsWith(stem)))].sort();
  const head = before.slice(0, before.length - stem.length);
  if (fits.length === 0) return { line, candidates: [] };
  if (fits.length === 1) {
    const only = fits[0] as string;
    const closed = only.endsWith('/') || only.endsWith(':') || only.endsWith('=');
    const space = closed || after.startsWith(' ') ? '' : ' ';
    return { line: head + only + space + after, candidates: [] };
  }
  return { line: head + commonPrefix(fits) + after, candidates: fits };
}

/** The completion context of a host's shell in a running lab: its files, and the cluster's read model. */
export function completionContextOf(
  shell: HostShell,
  commands: readonly string[] = [...commandTable.keys()],
): CompletionContext {
  const cluster = shell.world.cluster;
  return {
    fs: shell.fs,
    cwd: shell.cwd,
    commands,
    hosts: cluster.hosts().map((h) => h.name),
    units: ['kubelet', runtimeUnit(cluster).name, 'network'],
    namespaces: [
      ...new Set(cluster.objects().flatMap((o) => (o.metadata.namespace ? [o.metadata.namespace] : []))),
    ],
    names(resource, namespace) {
      // The read models first: what `kubectl get` would list, cheap to ask on every Tab.
      if (resource === 'pods')
        return cluster
          .pods()
          .filter((p) => namespace === undefined || p.namespace === namespace)
          .map((p) => p.name);
      if (resource === 'nodes') return cluster.nodes().map((n) => n.metadata.name);
      return cluster
        .objects()
        .filter(
          (o) =>
            resourceOfKindName[o.kind] === resource &&
            (namespace === undefined ||
              o.metadata.namespace === undefined ||
              o.metadata.namespace === namespace),
        )
        .map((o) => o.metadata.name);
    },
  };
}
