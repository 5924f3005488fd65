// Files a student writes in the terminal: here-documents typed line by line after bash's
// `> ` prompt, `>`/`>>`/`<`/`2>&1` redirection and echo, and kubectl reading `-f -`.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parseCommandLine';
import { Session } from './session';
import { runAt } from './testing/drive';
import { FakeCluster } from './testing/fakeCluster';
import { typeAndWait } from './transcript';

const exp = { home: '/root', variable: (n: string) => (n === 'HOME' ? '/root' : undefined) };

/** The terminal as a person sees it: each prompt and line, then what it printed. */
const screen = (s: Session) =>
  s
    .terminal('main')
    .entries.flatMap((e) => [`${e.prompt}${e.job.line}`, ...e.job.output.map((l) => l.text)])
    .join('\n');

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: typed',
  'spec:',
  '  containers:',
  '  - name: c',
  '    image: nginx',
];

describe('redirections and here-documents', () => {
  it('parses redirections left to right and here-documents, with bash’s errors', () => {
    expect(parseCommandLine('echo a>f 2>&1 >>g', exp)).toMatchObject({
      ok: true,
      list: {
        items: [
          {
            pipeline: {
              commands: [
                {
                  words: ['echo', 'a'],
                  redirects: [
                    { op: '>', target: 'f' },
                    { op: '2>&1', target: '' },
                    { op: '>>', target: 'g' },
                  ],
                },
              ],
            },
          },
        ],
      },
    });
    expect(parseCommandLine("cat <<'EOF' > ~/f.yaml", exp)).toMatchObject({
      ok: true,
      list: {
        items: [
          {
            pipeline: {
              commands: [
                {
                  words: ['cat'],
                  hereDoc: { delimiter: 'EOF', quoted: true, stripTabs: false },
                  redirects: [{ op: '>', target: '/root/f.yaml' }],
                },
              ],
            },
          },
        ],
      },
    });
    expect(parseCommandLine('echo >', exp)).toEqual({
      ok: false,
      error: "syntax error near unexpected token `newline'",
    });
    expect(parseCommandLine('cat > | x', exp)).toEqual({
      ok: false,
      error: "syntax error near unexpected token `|'",
    });
    // Inside quotes > is text.
    expect(parseCommandLine("echo 'a>b'", exp)).toMatchObject({
      ok: true,
      list: { items: [{ pipeline: { commands: [{ words: ['echo', 'a>b'] }] } }] },
    });
  });

  it('writes, appends, reads and discards as bash does', () => {
    const s = new Session({ cluster: new FakeCluster() });
    const m = (line: string) => runAt(s, 'm-k8s', line);
    expect(m('echo "hello  world" > g.txt; echo more >> g.txt; cat g.txt').text).toBe('hello  world\nmore');
    expect(m('echo again > g.txt; cat < g.txt').text).toBe('again');
    expect(m('cat nothere 2> err.txt; cat err.txt').text).toBe('cat: nothere: No such file or directory');
    expect(m('cat nothere > out.txt 2>&1; cat out.txt').text).toBe('cat: nothere: No such file or directory');
    expect(m('cat nothere 2>/dev/null').text).toBe('');
    expect(m('> empty.txt; cat empty.txt; ls empty.txt').text).toBe('empty.txt');
    expect(m('echo x > nodir/f')).toMatchObject({
      stderr: '-bash: nodir/f: No such file or directory',
      code: 1,
    });
    expect(m('echo x > /tmp')).toMatchObject({ stderr: '-bash: /tmp: Is a directory', code: 1 });
    expect(m('cat < missing.txt')).toMatchObject({
      stderr: '-bash: missing.txt: No such file or directory',
      code: 1,
    });
  });

  it('reads a here-document typed line by line after `> `, expanding $VARS unless the delimiter is quoted', () => {
    const s = new Session({ cluster: new FakeCluster() });
    const sh = s.shell('m-k8s');
    typeAndWait(s, 'cat > f.yaml <<EOF');
    expect(sh.prompt()).toBe('> ');
    for (const l of [...POD.slice(0, 3), '  name: typed-$HOSTNAME', ...POD.slice(4)]) typeAndWait(s, l);
    typeAndWait(s, 'EOF');
    expect(sh.prompt()).toBe('[root@m-k8s ~]# ');
    expect(sh.fs.read('/root/f.yaml')).toBe(
      `${[...POD.slice(0, 3), '  name: typed-m-k8s', ...POD.slice(4)].join('\n')}\n`,
    );
    expect(screen(s)).toBe(
      [
        '[root@m-k8s ~]# cat > f.yaml <<EOF',
        '> apiVersion: v1',
        '> kind: Pod',
        '> metadata:',
        '>   name: typed-$HOSTNAME',
        '> spec:',
        '>   containers:',
        '>   - name: c',
        '>     image: nginx',
        '> EOF',
      ].join('\n'),
    );
    typeAndWait(s, "cat <<'X' >> f.yaml");
    typeAndWait(s, '# $HOME stays');
    typeAndWait(s, 'X');
    expect(sh.fs.read('/root/f.yaml')?.endsWith('# $HOME stays\n')).toBe(true);
    typeAndWait(s, 'cat <<-END');
    typeAndWait(s, '\tindented');
    expect(typeAndWait(s, '\tEND').text()).toBe('indented');
  });

  it('drops the command on Ctrl+C at `> `, and a replay of the log gives the same files', () => {
    const s = new Session({ cluster: new FakeCluster() });
    typeAndWait(s, 'cat > dropped.txt <<EOF');
    typeAndWait(s, 'never written');
    s.interrupt('m-k8s');
    expect(s.shell('m-k8s').prompt()).toBe('[root@m-k8s ~]# ');
    expect(s.shell('m-k8s').fs.isFile('/root/dropped.txt')).toBe(false);
    expect(typeAndWait(s, 'echo $?').text()).toBe('130');
    typeAndWait(s, 'cat > kept.txt <<EOF');
    typeAndWait(s, 'kept');
    typeAndWait(s, 'EOF');
    const again = Session.replay({ cluster: new FakeCluster() }, s.log);
    expect(again.shell('m-k8s').fs.read('/root/kept.txt')).toBe('kept\n');
    expect(again.shell('m-k8s').fs.isFile('/root/dropped.txt')).toBe(false);
  });

  it('applies a manifest typed in a here-document, from a file, and from a pipe with -f -', () => {
    const s = new Session({ seed: 7 });
    typeAndWait(s, 'kubectl apply -f - <<EOF');
    for (const l of POD) typeAndWait(s, l);
    expect(typeAndWait(s, 'EOF').text()).toBe('pod/typed created');
    expect(typeAndWait(s, 'cat ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml | kubectl create -f -').text()).toBe(
      'pod/nginx-pod created',
    );
    expect(typeAndWait(s, 'echo "kind: Pod" | kubectl apply -f -').text()).toBe(
      'error: error validating "STDIN": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    const names = s.cluster
      .objects()
      .filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')
      .map((o) => o.metadata.name);
    expect(names.sort()).toEqual(['nginx-pod', 'typed']);
  });
});
