// `npm run shell`: the lab's shells in a terminal. With a TTY, an interactive
// prompt whose cluster time follows the wall clock; otherwise one command per
// line from stdin, printed as a transcript (see transcript.ts for the timing).
import { createInterface } from 'node:readline';
import type { LabKind } from '../sim/api';
import type { ProfileId } from '../sim/profiles';
import { DEFAULT_PROFILE, isProfileId, profileIds } from '../sim/profiles';
import type { SimMs } from '../sim/units';
import { MAIN_TAB, Session } from './session';
import { runScript } from './transcript';

interface CliOptions {
  seed: number;
  lab: LabKind;
  profile: ProfileId;
}

function parseArgs(argv: readonly string[]): CliOptions | string {
  const opts: CliOptions = { seed: 1, lab: 'ready', profile: DEFAULT_PROFILE };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [name, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--seed') {
      const n = Number(value());
      if (!Number.isInteger(n)) return 'shell: --seed needs an integer';
      opts.seed = n;
    } else if (name === '--lab') {
      const lab = value();
      if (lab !== 'fresh' && lab !== 'ready') return 'shell: --lab is fresh or ready';
      opts.lab = lab;
    } else if (name === '--profile') {
      const profile = value() ?? '';
      if (!isProfileId(profile)) return `shell: --profile is ${profileIds.join(' or ')}`;
      opts.profile = profile;
    } else if (name === '--help' || name === '-h') {
      return `usage: npm run shell -- [--seed N] [--lab fresh|ready] [--profile ${profileIds.join('|')}] < script.txt`;
    } else return `shell: unknown option ${a}`;
  }
  return opts;
}

function interactive(session: Session): void {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const started = Date.now();
  const startAt = session.now();
  let job: ReturnType<Session['type']> | undefined;
  // Cluster time follows the wall clock, so pods start while you type.
  const tick = setInterval(() => session.advanceTo((startAt + (Date.now() - started)) as SimMs), 50);
  const prompt = () => {
    rl.setPrompt(session.prompt());
    rl.prompt();
  };
  // Lines typed while a command runs wait their turn, as bash reads them after it ends.
  const queue: string[] = [];
  const start = (line: string) => {
    const host = session.host;
    // `exit` closes the terminal only from its first host's own shell, not from a container's.
    const before = session.terminal(MAIN_TAB);
    const onFirstShell = before.host === before.home && !before.inContainer;
    const j = session.type(line);
    job = j;
    for (const l of j.output) process.stdout.write(`${l.text}\n`);
    j.onOutput((l) => process.stdout.write(`${l.text}\n`));
    j.onDone((done) => {
      if (done.effects.clearScreen) process.stdout.write('\u001b[H\u001b[2J');
      job = undefined;
      // `exit` on the first host closes the terminal.
      if (done.effects.leave && onFirstShell && session.host === host && line.trim() === 'exit') {
        rl.close();
        return;
      }
      const next = queue.shift();
      if (next !== undefined) start(next);
      else prompt();
    });
  };
  // Ctrl+D on an empty line: a container's shell ends (bash says `exit`), as typing exit does;
  // on the host it closes the terminal.
  const close = rl.close.bind(rl);
  rl.close = () => {
    if (session.terminal(MAIN_TAB).inContainer && !job) {
      start('exit');
      return;
    }
    close();
  };
  rl.on('line', (line) => {
    if (job && !job.done) queue.push(line);
    else start(line);
  });
  rl.on('SIGINT', () => {
    if (job && !job.done) session.interrupt(job.host);
    else {
      process.stdout.write('^C\n');
      prompt();
    }
  });
  rl.on('close', () => {
    clearInterval(tick);
    process.stdout.write('\n');
    process.exit(0);
  });
  prompt();
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`${opts}\n`);
    process.exitCode = opts.startsWith('usage') ? 0 : 2;
    return;
  }
  const session = new Session({ seed: opts.seed, lab: opts.lab, profile: opts.profile });
  if (process.stdin.isTTY) return interactive(session);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  runScript(session, lines, (text) => process.stdout.write(`${text}\n`));
}

main().catch((e: unknown) => {
  process.stderr.write(`shell: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
