// What every kubectl verb gets: the shell's io, its parsed flags, the server
// from the kubeconfig and the namespace it works in.
import type { CommandIO } from '../command';
import { labProfile } from '../labProfile';
import type { FlagSpec, ParsedFlags } from './flags';

export interface KubectlContext {
  readonly io: CommandIO;
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
  /** Every word after `kubectl`, as typed (for --record's change cause). */
  readonly argv: readonly string[];
  /** host:port of the API server from the kubeconfig (localhost:8080 without one). */
  readonly server: string;
  readonly namespace: string;
  /** `kubectl create deployment` → 'create deployment', for usage hints. */
  readonly path: string;
}

export interface Verb {
  /** 'get', or 'create deployment' for a subcommand. */
  readonly name: string;
  readonly flags: readonly FlagSpec[];
  run(ctx: KubectlContext): void;
}

/** kubectl's error, then exit 1. */
export function failWith(ctx: KubectlContext, text: string): void {
  ctx.io.err(text);
  ctx.io.exit(1);
}

export const filenameFlag: FlagSpec = { name: 'filename', short: 'f', type: 'strings' };
export const outputFlag: FlagSpec = { name: 'output', short: 'o', type: 'string' };

/**
 * A flag the verb marks required (cobra's MarkFlagRequired) and the line lacks: cobra refuses
 * before the command runs, in its own words (`Error:` in 1.18, `error:` in newer kubectl).
 */
export function missingRequiredFlag(ctx: KubectlContext, name: string): void {
  failWith(ctx, `${labProfile(ctx.io.shell).kubectl.flagErrorPrefix}: required flag(s) "${name}" not set`);
}
