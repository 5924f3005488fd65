import { describe, expect, it } from 'vitest';
import type { SimMs } from '../sim';
import { Session } from './session';
import { typeAndWait } from './transcript';

const out = (s: Session, line: string) =>
  typeAndWait(s, line)
    .output.map((l) => l.text)
    .join('\n');

describe('kubectl delete -l', () => {
  it('deletes only the pods whose labels match, and the Deployment makes new ones', () => {
    const s = new Session();
    out(s, 'kubectl create deployment dpy-nginx --image=nginx');
    out(s, 'kubectl scale deployment dpy-nginx --replicas=2');
    out(s, 'kubectl run solo --image=nginx');
    s.advanceTo((s.now() + 30_000) as SimMs);
    const before = s.cluster
      .pods()
      .filter((p) => p.namespace === 'default')
      .map((p) => p.name);
    const printed = out(s, 'kubectl delete pod -l app=dpy-nginx');
    const gone = before.filter((n) => n.startsWith('dpy-nginx-'));
    expect(printed.split('\n').sort()).toEqual(gone.map((n) => `pod "${n}" deleted`).sort());
    s.advanceTo((s.now() + 30_000) as SimMs);
    const after = s.cluster.pods().filter((p) => p.namespace === 'default');
    expect(after.map((p) => p.name)).toContain('solo');
    expect(after.filter((p) => p.name.startsWith('dpy-nginx-') && !gone.includes(p.name))).toHaveLength(2);
  });
});
