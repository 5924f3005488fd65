// Test helper: real kubectl binaries, and `npm run api`'s server in this process, so a
// test can run a real kubectl against the simulated lab and compare what it prints with
// what the in-page kubectl prints. A missing binary fails the test with how to get it.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../shell/session';
import type { ProfileId } from '../../sim/profiles';
import type { SimMs } from '../../sim/units';
import { kubeconfigText } from '../kubeconfig';
import { masterOf } from '../labLog';
import type { TablePrinter } from '../rest';
import type { ApiServer } from '../server';
import { newToken, startApiServer } from '../server';
import { tablePrinter } from '../tables';
import { selfSigned } from '../tls';

export { HOW_TO_GET_120, KUBECTL_120, newestKubectl } from './kubectlBinaries';

export interface LabServer {
  readonly session: Session;
  readonly server: ApiServer;
  readonly kubeconfig: string;
  /** Runs a real kubectl with this lab's kubeconfig; resolves with what it printed (stdout then stderr) and its exit code. */
  kubectl(
    bin: string,
    args: readonly string[],
    input?: string,
  ): Promise<{ out: string; err: string; code: number }>;
  /** Resolves when the server next answers a request (`GET /path 200`) that `which` accepts, so a test can start the page's kubectl on the real one's request. */
  nextRequest(which?: (line: string) => boolean): Promise<string>;
  close(): Promise<void>;
}

export async function startLab(
  options: { seed?: number; tables?: TablePrinter; profile?: ProfileId } = {},
): Promise<LabServer> {
  const session = new Session({ seed: options.seed ?? 1, profile: options.profile ?? '1.18' });
  const waiting = new Set<(line: string) => boolean>();
  const token = newToken();
  const tls = selfSigned([]);
  const server = await startApiServer({
    session,
    token,
    tls,
    address: '127.0.0.1',
    port: 0,
    speed: 1,
    // The server-side printing `npm run api` has, unless a test gives another.
    tables: options.tables ?? tablePrinter,
    onRequest: (line) => {
      for (const w of waiting) if (w(line)) waiting.delete(w);
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'podscope-api-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigText(`https://127.0.0.1:${server.port}`, tls.cert, token));
  return {
    session,
    server,
    kubeconfig,
    kubectl: (bin, args, input) =>
      new Promise((resolve) => {
        const child = execFile(
          bin,
          [...args],
          { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir }, timeout: 60_000 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ out: stdout, err: stderr, code });
          },
        );
        if (input !== undefined) child.stdin?.end(input);
      }),
    nextRequest: (which = () => true) =>
      new Promise((resolve) => {
        waiting.add((line) => {
          if (!which(line)) return false;
          resolve(line);
          return true;
        });
      }),
    close: () => server.close(),
  };
}

/** Lets cluster time pass for real (the server's clock is the wall clock). */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The in-page kubectl on `twin` (a second lab of the same seed, given the same commands,
 * kept at the served lab's moment while the clock runs), or on the served lab itself: a
 * line typed at the master (m-k8s, or cp-k8s under 1.36), its whole output.
 */
export async function inPage(
  twin: Session,
  lab: LabServer,
  line: string,
): Promise<{ out: string; code: number }> {
  // On the served lab itself, its own clock is the one to follow.
  const follow = () => {
    const t = lab.server.tick();
    if (twin !== lab.session) twin.advanceTo(Math.max(twin.now(), t) as SimMs);
  };
  follow();
  const job = twin.run(masterOf(twin), line);
  const start = Date.now();
  while (!job.done && Date.now() - start < 60_000) {
    await sleep(20);
    follow();
  }
  return { out: job.text(), code: job.exitCode };
}
