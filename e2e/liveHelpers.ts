// What the live page's e2e specs share: the real kubectl to run, a free port.
import { execFileSync } from 'node:child_process';
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
