// What the e2e specs of the API and the live page share: the real kubectl to run, a free
// port, `npm run api` started and stopped.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export function kubectlBinary(): string {
  for (const k of [process.env.KUBECTL, 'kubectl', '/tmp/kc/usr/bin/kubectl']) {
    if (!k) continue;
    try {
      execFileSync(k, ['version', '--client'], { stdio: 'ignore' });
      return k;
    } catch {}
  }
  throw new Error(
    "no kubectl: set KUBECTL, put kubectl on the PATH, or unpack Debian's kubernetes-client to /tmp/kc",
  );
}

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((done) => s.close(() => done()));
  return port;
}

export interface NpmRunApi {
  readonly proc: ChildProcessWithoutNullStreams;
  /** What it printed so far: how to use it, then the lines its stdin ran. */
  stdout(): string;
  /** Its request log (one line per request, unless --quiet). */
  stderr(): string;
  stop(): void;
}

/** `npm run api` with these options, in its own process group; resolved once it has said how to use it. */
export async function startNpmRunApi(args: readonly string[]): Promise<NpmRunApi> {
  // Its own process group, so npx, tsx and the server all stop at the end.
  const proc = spawn('npx', ['tsx', 'src/api/cli.ts', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => {
    out += d;
  });
  proc.stderr.on('data', (d) => {
    err += d;
  });
  for (let i = 0; i < 400 && !out.includes('Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    stop: () => {
      if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGTERM');
    },
  };
}
