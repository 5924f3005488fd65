// kubectl's client side, compared with the real kubectl 1.20.2 (golden/), with the
// 1.18.4 differences read from its source stated in the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

const golden = (name: string) => readFileSync(join(__dirname, 'golden', name), 'utf8').replace(/\n$/, '');
const run = (s: Session, line: string) => {
  const job = typeAndWait(s, line);
  return { text: job.output.map((l) => l.text).join('\n'), code: job.exitCode };
};

describe('kubectl help and cobra errors', () => {
  const s = new Session({ seed: 7 });

  it('prints the root help of 1.18: 1.20.2 without its top-level debug, with alpha', () => {
    const want = golden('kubectl-1.20.2-root.txt')
      .replace('  debug         Create debugging sessions for troubleshooting workloads and nodes\n', '')
      .replace('Other Commands:\n', 'Other Commands:\n  alpha         Commands for features in alpha\n');
    for (const line of ['kubectl', 'kubectl --help', 'kubectl -h', 'kubectl help']) {
      const r = run(s, line);
      expect(r.text).toBe(want);
      expect(r.code).toBe(0);
    }
  });

  it('prints kubectl options without the flags 1.18 does not have', () => {
    const want = golden('kubectl-1.20.2-options.txt')
      .replace(
        "--cache-dir='/root/.kube/cache': Default cache directory",
        "--cache-dir='/root/.kube/http-cache': Default HTTP cache directory",
      )
      .split('\n')
      .filter((l) => !l.includes('--one-output') && !l.includes('--warnings-as-errors'))
      .join('\n');
    expect(run(s, 'kubectl options').text).toBe(want);
  });

  it.each(['gt', 'crete', 'lgs', 'scal'])('suggests commands for "%s" in cobra\'s order', (word) => {
    const r = run(s, `kubectl ${word}`);
    expect(r.text).toBe(golden(`unknown-${word}.txt`));
    expect(r.code).toBe(1);
  });

  it('refuses scale without --replicas before anything else, as cobra does', () => {
    expect(run(s, 'kubectl scale pod nginx-pod').text).toBe('Error: required flag(s) "replicas" not set');
  });
});
