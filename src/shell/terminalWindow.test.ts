// The shell owns each terminal window (issue 11): its host through ssh and exit, and what was typed in it.
import { describe, expect, it } from 'vitest';
import type { SimMs } from '../sim';
import { Session } from './session';

describe('a terminal window of the page', () => {
  it('follows ssh and exit as npm run shell does, and keeps its lines apart from the other windows', () => {
    const s = new Session({ seed: 1 });
    s.type('ssh w2-k8s', 'm-k8s');
    s.advanceTo(2000 as SimMs);
    expect(s.terminal('m-k8s').host).toBe('w2-k8s');
    expect(s.terminal('m-k8s').prompt).toBe('[root@w2-k8s ~]# ');
    s.type('hostname', 'w1-k8s');
    const exit = s.type('exit', 'm-k8s');
    s.advanceTo(4000 as SimMs);
    expect(exit.text()).toBe('logout\nConnection to w2-k8s closed.');
    expect(s.terminal('m-k8s').host).toBe('m-k8s');
    expect(s.terminal('m-k8s').entries.map((e) => e.job.line)).toEqual(['ssh w2-k8s', 'exit']);
    expect(s.terminal('w1-k8s').entries.map((e) => `${e.prompt}${e.job.line}`)).toEqual([
      '[root@w1-k8s ~]# hostname',
    ]);
  });
});
