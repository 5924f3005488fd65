import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parseCommandLine';

const exp = { home: '/root', variable: (n: string) => ({ HOME: '/root', X: 'a b', '?': '7' })[n] };

function words(line: string): string[][] {
  const r = parseCommandLine(line, exp);
  if (!r.ok) throw new Error(r.error);
  return r.list.items.flatMap((i) => i.pipeline.commands.map((c) => [...c.words]));
}

describe('parseCommandLine', () => {
  it('splits words and keeps quoted spaces', () => {
    expect(words(`grep -v 'kube proxy' "a  b" c\\ d`)).toEqual([['grep', '-v', 'kube proxy', 'a  b', 'c d']]);
  });

  it('expands ~ at the start of a word only, and $HOME, braced HOME, $? outside single quotes', () => {
    expect(words('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml')).toEqual([
      ['kubectl', 'create', '-f', '/root/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml'],
    ]);
    const braced = '$' + '{HOME}';
    expect(words(`echo a~ "~" $HOME/.kube ${braced} "$HOME" '$HOME' $?`)).toEqual([
      ['echo', 'a~', '~', '/root/.kube', '/root', '/root', '$HOME', '7'],
    ]);
  });

  it('does not split a variable with spaces inside double quotes', () => {
    expect(words('echo "$X"')).toEqual([['echo', 'a b']]);
  });

  it('builds pipelines and lists with their operators', () => {
    const r = parseCommandLine('kubectl get pods -A | grep coredns && echo ok; ls || true', exp);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.list.items.map((i) => [i.op, i.pipeline.commands.map((c) => c.words[0])])).toEqual([
      [';', ['kubectl', 'grep']],
      ['&&', ['echo']],
      [';', ['ls']],
      ['||', ['true']],
    ]);
  });

  it('reads NAME=value before a command as its environment', () => {
    const r = parseCommandLine('ETCDCTL_API=3 etcdctl snapshot save a.db', exp);
    expect(r.ok && r.list.items[0]?.pipeline.commands[0]).toEqual({
      assignments: [['ETCDCTL_API', '3']],
      words: ['etcdctl', 'snapshot', 'save', 'a.db'],
    });
  });

  it("reports bash's syntax errors", () => {
    expect(parseCommandLine('| grep x', exp)).toEqual({
      ok: false,
      error: "syntax error near unexpected token `|'",
    });
    expect(parseCommandLine('ls ;; ls', exp)).toEqual({
      ok: false,
      error: "syntax error near unexpected token `;'",
    });
    expect(parseCommandLine("echo 'open", exp)).toEqual({
      ok: false,
      error: "unexpected EOF while looking for matching `''",
    });
    expect(parseCommandLine('ls |', exp)).toEqual({
      ok: false,
      error: 'syntax error: unexpected end of file',
    });
    expect(parseCommandLine('ls &&', exp)).toEqual({
      ok: false,
      error: 'syntax error: unexpected end of file',
    });
  });

  it('treats # as a comment and an empty line as nothing to do', () => {
    expect(words('ls # list')).toEqual([['ls']]);
    expect(words('   ')).toEqual([]);
  });
});
