// kubectl: find the verb (cobra walks past global flags to it), parse its flags
// with pflag's rules and errors, find the server in the kubeconfig, then run.
import type { CommandEntry } from '../command';
import { defineCommand, fail, ok } from '../command';
import { applyVerb } from '../kubectl/apply';
import { applySetLastAppliedVerb } from '../kubectl/applySetLastApplied';
import { applyViewLastAppliedVerb } from '../kubectl/applyViewLastApplied';
import { apiError, findServer, send } from '../kubectl/client';
import type { KubectlContext, Verb } from '../kubectl/context';
import { createDeploymentVerb, createVerb } from '../kubectl/create';
import { deleteVerb } from '../kubectl/delete';
import { describeVerb } from '../kubectl/describe';
import { withDiscoveryLog } from '../kubectl/discoveryCache';
import { execVerb } from '../kubectl/exec';
import { createServiceVerb, exposeVerb } from '../kubectl/expose';
import type { ParsedFlags } from '../kubectl/flags';
import { flagString, globalFlags, parseFlags } from '../kubectl/flags';
import { getVerb } from '../kubectl/get';
import { commandOrder, optionsHelp, rootHelp } from '../kubectl/help';
import { logsVerb } from '../kubectl/logs';
import { createNamespaceVerb } from '../kubectl/namespaces';
import { runVerb } from '../kubectl/run';
import { scaleVerb } from '../kubectl/scale';
import { verbHelp } from '../kubectl/verbHelp';
import { subcommandOf, verbsAdded } from '../kubectl/verbsAdded';
import { labProfile } from '../labProfile';

const versionVerb: Verb = {
  name: 'version',
  flags: [
    { name: 'short', type: 'bool' },
    { name: 'client', type: 'bool' },
  ],
  run(ctx) {
    const short = ctx.flags.values.has('short');
    const version = labProfile(ctx.io.shell).kubectl.version;
    const client = version(false, short);
    if ('error' in client) {
      ctx.io.err(client.error);
      return ctx.io.exit(1);
    }
    for (const line of client) ctx.io.out(line);
    if (ctx.flags.values.has('client')) return ctx.io.exit(0);
    send(ctx.io, ctx.server, { verb: 'list', resource: 'nodes' }, (res) => {
      if (!res.ok) {
        ctx.io.err(apiError(res, ctx.server));
        return ctx.io.exit(1);
      }
      const both = version(true, short);
      if (!('error' in both)) ctx.io.out(both[both.length - 1] ?? '');
      ctx.io.exit(0);
    });
  },
};

const clusterInfoVerb: Verb = {
  name: 'cluster-info',
  flags: [],
  run(ctx) {
    send(ctx.io, ctx.server, { verb: 'list', resource: 'services', namespace: 'kube-system' }, (res) => {
      if (!res.ok) {
        ctx.io.err(
          `\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n${apiError(res, ctx.server)}`,
        );
        return ctx.io.exit(1);
      }
      // printService colours the name green and the address yellow (go-colortext's escapes,
      // written whether or not stdout is a terminal; kubectl 1.18.4 clusterinfo.go); 1.36's writes plain text.
      const info = labProfile(ctx.io.shell).kubectl.clusterInfo;
      const service = (name: string, link: string) =>
        info.colour
          ? `\u001b[0;32m${name}\u001b[0m is running at \u001b[0;33m${link}\u001b[0m`
          : `${name} is running at ${link}`;
      ctx.io.out(service(info.controlPlane, `https://${ctx.server}`));
      ctx.io.out(
        service('KubeDNS', `https://${ctx.server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`),
      );
      ctx.io.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
      ctx.io.exit(0);
    });
  },
};

const verbs = new Map<string, Verb>(
  [
    getVerb,
    describeVerb,
    createVerb,
    createDeploymentVerb,
    applyVerb,
    deleteVerb,
    runVerb,
    scaleVerb,
    versionVerb,
    clusterInfoVerb,
    logsVerb,
    execVerb,
    ...verbsAdded,
    exposeVerb,
  ].map((v) => [v.name, v]),
);

/** Real kubectl commands the lab does not simulate: said plainly, not as an unknown command. */
const notSimulated = [
  'attach',
  'auth',
  'autoscale',
  'certificate',
  'completion',
  'convert',
  'cp',
  'diff',
  'edit',
  'kustomize',
  'patch',
  'plugin',
  'port-forward',
  'proxy',
  'wait',
];

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** cobra's SuggestionsFor: distance <= 2 or a prefix, in the order the commands were added. */
function unknownCommand(name: string): string {
  const typed = name.toLowerCase();
  const near = commandOrder.filter((v) => levenshtein(typed, v) <= 2 || v.startsWith(typed));
  const hint = near.length > 0 ? `\n\nDid you mean this?\n${near.map((v) => `\t${v}`).join('\n')}\n` : '';
  return `Error: unknown command "${name}" for "kubectl"${hint}\nRun 'kubectl --help' for usage.`;
}

const wantsHelp = (args: readonly string[]) =>
  args.some((a) => a === '--help' || a === '-h' || a === '--help=true');

interface KubectlCommand {
  readonly verb: Verb;
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
  readonly argv: readonly string[];
}

/** Index of the first word that is not a global flag or a global flag's value. */
function verbIndex(args: readonly string[]): number {
  const valued = new Set(
    globalFlags
      .filter((f) => f.type !== 'bool')
      .flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]),
  );
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-')) return i;
    if (valued.has(a)) i++;
  }
  return -1;
}

export const kubectl: CommandEntry = defineCommand<
  KubectlCommand | 'help' | 'options' | { readonly helpText: string }
>({
  name: 'kubectl',
  parse(args, shell) {
    const flagError = labProfile(shell).kubectl.flagErrorPrefix;
    const at = verbIndex(args);
    if (at < 0) {
      if (wantsHelp(args)) return ok('help');
      const bad = parseFlags(args, globalFlags);
      if (!bad.ok) return fail(`${flagError}: ${bad.error}\nSee 'kubectl --help' for usage.`);
      return ok('help');
    }
    const word = args[at] as string;
    if (word === 'help') return ok('help');
    if (word === 'options') return ok('options');
    let verb = verbs.get(word);
    let rest = [...args.slice(0, at), ...args.slice(at + 1)];
    if (word === 'create') {
      const sub = rest.findIndex((a) => !a.startsWith('-'));
      const subName = sub >= 0 ? rest[sub] : undefined;
      if (subName === 'deployment' || subName === 'deploy') {
        verb = createDeploymentVerb;
        rest = rest.filter((_, i) => i !== sub);
      } else if (subName === 'namespace' || subName === 'ns') {
        verb = createNamespaceVerb;
        rest = rest.filter((_, i) => i !== sub);
      } else if (subName === 'service' || subName === 'svc') {
        const kindAt = rest.findIndex((a, i) => i > sub && !a.startsWith('-'));
        const kind = kindAt >= 0 ? rest[kindAt] : undefined;
        if (kind !== 'clusterip' && kind !== 'nodeport')
          return fail(`error: podscope: "kubectl create service ${kind ?? ''}" is not simulated in this lab`);
        verb = createServiceVerb(kind);
        rest = rest.filter((_, i) => i !== sub && i !== kindAt);
      }
    }
    if (word === 'apply') {
      const sub = rest.findIndex((a) => !a.startsWith('-'));
      const subName = sub >= 0 ? rest[sub] : undefined;
      if (subName === 'view-last-applied') {
        verb = applyViewLastAppliedVerb;
        rest = rest.filter((_, i) => i !== sub);
      } else if (subName === 'set-last-applied') {
        verb = applySetLastAppliedVerb;
        rest = rest.filter((_, i) => i !== sub);
      } else if (subName === 'edit-last-applied')
        return fail(`error: podscope: "kubectl apply ${subName}" is not simulated in this lab`);
    }
    const group = subcommandOf(word, rest);
    if (group) {
      if ('error' in group) return fail(group.error);
      if ('helpText' in group) return ok({ helpText: group.helpText });
      verb = group.verb;
      rest = group.rest;
    }
    if (!verb) {
      if (notSimulated.includes(word))
        return fail(`error: podscope: "kubectl ${word}" is not simulated in this lab`);
      return fail(unknownCommand(word));
    }
    if (wantsHelp(rest)) {
      const text = verbHelp[verb.name];
      if (text !== undefined) return ok({ helpText: text });
      return fail(
        `error: podscope: the help of "kubectl ${verb.name}" is not simulated; see https://v1-18.docs.kubernetes.io/docs/reference/generated/kubectl/kubectl-commands#${verb.name.split(' ')[0]}`,
      );
    }
    // A flag this version's verb has not (added later, or removed) is pflag's unknown flag.
    const absent = labProfile(shell).kubectl.absentFlags[verb.name] ?? [];
    const flags = verb.flags.filter((f) => !absent.includes(f.name));
    const parsed = parseFlags(rest, [...flags, ...globalFlags]);
    if (!parsed.ok)
      return fail(`${flagError}: ${parsed.error}\nSee 'kubectl ${verb.name} --help' for usage.`);
    return ok({ verb, flags: parsed.flags, args: parsed.flags.positionals, argv: args });
  },
  run(cmd, io) {
    if (cmd === 'help' || cmd === 'options') {
      io.out(cmd === 'help' ? rootHelp : optionsHelp);
      return io.exit(0);
    }
    if ('helpText' in cmd) {
      io.out(cmd.helpText);
      return io.exit(0);
    }
    const server = findServer(io, flagString(cmd.flags, 'kubeconfig'));
    if (!server.ok) {
      io.err(server.error);
      return io.exit(1);
    }
    const explicit = flagString(cmd.flags, 'server');
    const host = explicit ? explicit.replace(/^https?:\/\//, '') : server.host;
    const ctx: KubectlContext = {
      io: withDiscoveryLog(io, cmd.verb.name, host),
      flags: cmd.flags,
      args: cmd.args,
      argv: cmd.argv,
      server: host,
      namespace: flagString(cmd.flags, 'namespace') ?? 'default',
      path: cmd.verb.name,
    };
    // pflag's notice for a flag marked deprecated, printed as the flags are read.
    if (labProfile(io.shell).kubectl.recordDeprecated && cmd.flags.values.has('record'))
      io.err('Flag --record has been deprecated, --record will be removed in the future');
    cmd.verb.run(ctx);
  },
});
