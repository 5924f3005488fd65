// A shell command is a table entry: a parser for its arguments and a `run` that
// prints and ends in cluster time (STYLE convention 8).
import type { SimCluster } from '../sim/api';
import type { HostName } from '../sim/inputs';
import type { SimMs } from '../sim/units';
import type { FileSystem } from './fs';
import type { JobEffects } from './job';

/** The world a shell lives in: the cluster, cluster time, and the other hosts' shells. */
export interface ShellWorld {
  readonly cluster: SimCluster;
  now(): SimMs;
  /** Calls `fn` after `ms` of cluster time (sleep, timeout). Returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  /** The shell (files, variables) of another host, for scp and ssh. */
  shellOf(host: HostName): HostShell | undefined;
  /** A host by name, IP or user@name. */
  resolveHost(target: string): HostName | undefined;
}

/** What a command can see of the shell it runs in. */
export interface HostShell {
  readonly host: HostName;
  readonly fs: FileSystem;
  cwd: string;
  readonly vars: Map<string, string>;
  readonly history: string[];
  readonly world: ShellWorld;
  /** Path as bash resolves it against the working directory. */
  resolve(path: string): string;
  /** Runs a command's words with the given io (sudo, timeout). */
  exec(words: readonly string[], io: CommandIO): void;
}

export interface Stdin {
  /** Lines written to this command's stdin; `end` when the writer is done. */
  read(onLine: (line: string) => void, onEnd: () => void): void;
}

export interface CommandIO {
  readonly shell: HostShell;
  readonly stdin: Stdin;
  /** Variables given for this command only (`ETCDCTL_API=3 etcdctl ...`), over the shell's. */
  readonly env: ReadonlyMap<string, string>;
  readonly effects: JobEffects;
  /** The other commands of its pipeline, running beside it (`ps -ef | grep kube`: ps sees the grep). */
  readonly siblings?: readonly (readonly string[])[];
  out(text: string): void;
  err(text: string): void;
  /** Ends the command; later prints and exits are ignored. */
  exit(code: number): void;
  /** What Ctrl+C (or `timeout`) does to this command before it is ended. */
  onInterrupt(cancel: () => void): void;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly stderr: string; readonly code: number };

export interface CommandEntry<T = unknown> {
  readonly name: string;
  parse(args: readonly string[], shell: HostShell): Parsed<T>;
  run(cmd: T, io: CommandIO): void;
}

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (stderr: string, code = 1): Parsed<never> => ({ ok: false, stderr, code });

/** Keeps the table's entries typed one by one while the table holds them all. */
export function defineCommand<T>(entry: CommandEntry<T>): CommandEntry {
  return entry as CommandEntry;
}
