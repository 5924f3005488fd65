import { describe, expect, it } from 'vitest';
import { Session } from '../../shell';
import { typedLines } from './context';
import { typeAndSettle } from './walk';

describe('typedLines', () => {
  it("reads every line typed, with the output of the Jobs the page kept and of each host's last one", () => {
    const session = new Session();
    const first = typeAndSettle(session, 'm-k8s', 'kubectl get nodes');
    typeAndSettle(session, 'm-k8s', 'hostname');
    typeAndSettle(session, 'w2-k8s', 'hostname');
    const own = typedLines(session);
    expect(own.map((t) => [t.host, t.line, t.output.join('|')])).toEqual([
      ['m-k8s', 'kubectl get nodes', ''],
      ['m-k8s', 'hostname', 'm-k8s'],
      ['w2-k8s', 'hostname', 'w2-k8s'],
    ]);
    const withJobs = typedLines(session, [first]);
    expect(withJobs[0]?.output.join('\n')).toMatch(/^NAME\s+STATUS/);
  });
});
