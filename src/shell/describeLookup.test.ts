// kubectl 1.18.4 pkg/cmd/describe/describe.go: `describe TYPE NAME` falls back to
// every object whose name starts with NAME (each followed by a blank line);
// `TYPE/NAME` does not; -l sends the selector with the list.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

const run = (s: Session, line: string) => {
  const job = typeAndWait(s, line);
  return {
    out: job.output.filter((l) => l.stream === 'stdout').map((l) => l.text),
    err: job.output.filter((l) => l.stream === 'stderr').map((l) => l.text),
    code: job.exitCode,
  };
};

describe('kubectl describe finds objects as 1.18 does', () => {
  const s = new Session({ seed: 7 });
  run(s, 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
  run(s, 'kubectl run nginx-two --image=nginx');
  run(s, 'sleep 20');

  it('describes every pod whose name starts with the name given', () => {
    const r = run(s, 'kubectl describe pod nginx');
    const names = r.out.filter((l) => l.startsWith('Name:')).map((l) => l.split(/\s+/)[1]);
    expect(names).toEqual(['nginx-pod', 'nginx-two']);
    expect(r.out[r.out.length - 1]).toBe('');
    expect(r.code).toBe(0);
  });

  it('keeps the NotFound when no name starts so, and for TYPE/NAME', () => {
    expect(run(s, 'kubectl describe pod zzz').err).toEqual([
      'Error from server (NotFound): pods "zzz" not found',
    ]);
    expect(run(s, 'kubectl describe pod/nginx').err).toEqual([
      'Error from server (NotFound): pods "nginx" not found',
    ]);
  });

  it('describes by label selector, or says nothing was found', () => {
    const r = run(s, 'kubectl describe pods -l run=nginx-two');
    expect(r.out.filter((l) => l.startsWith('Name:'))).toEqual(['Name:         nginx-two']);
    expect(run(s, 'kubectl describe pods -l app=none').err).toEqual([
      'No resources found in default namespace.',
    ]);
  });
});
