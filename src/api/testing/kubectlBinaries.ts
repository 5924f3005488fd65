// The real kubectl binaries the tests run: Debian's 1.20.2 unpacked, and the newest
// versioned one beside the machine's kubectl. Node's fs and path only, so the e2e specs
// import it too.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Debian's kubernetes-client, unpacked (TOOLCHAIN.md): kubectl 1.20.2. */
export const KUBECTL_120 = process.env.KUBECTL_120 ?? '/tmp/kc/usr/bin/kubectl';

export const HOW_TO_GET_120 =
  'kubectl 1.20.2 is missing: cd /tmp && apt-get download kubernetes-client && dpkg -x kubernetes-client_*.deb /tmp/kc (or set KUBECTL_120); .ci/run does this';

/** The newest versioned kubectl beside the one on the PATH (kubectl.1.33 here), if any. */
export function newestKubectl(): string | undefined {
  if (process.env.KUBECTL_NEWEST) return process.env.KUBECTL_NEWEST;
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const k = join(dir, 'kubectl');
    if (!existsSync(k)) continue;
    const real = dirname(realpathSync(k));
    const versions = readdirSync(real)
      .filter((f) => /^kubectl\.1\.\d+$/.test(f))
      .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
    const last = versions[versions.length - 1];
    if (last) return join(real, last);
  }
  return undefined;
}
