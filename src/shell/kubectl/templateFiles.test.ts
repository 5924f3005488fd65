// -o jsonpath-file=, go-template-file= and templatefile= read the template from a file of
// the host (cli-runtime 1.18.4 jsonpath_flags.go, template_flags.go: ioutil.ReadFile, then
// `error reading --template %s, %v`). The same files and commands with kubectl 1.20.2 are in
// golden/template-files-1.20.2.json; its list of formats names jsonpath-as-json, 1.18.4's not.
import { describe, expect, it } from 'vitest';
import golden from '../golden/template-files-1.20.2.json';
import { Session } from '../session';
import { runAt } from '../testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);

function session(): Session {
  const s = new Session({ seed: 7 });
  const fs = s.shell('m-k8s').fs;
  for (const [name, text] of Object.entries(golden.files)) fs.write(`/root/${name}`, text);
  for (const d of golden.directories) fs.write(`/root/${d}/.keep`, '');
  return s;
}

/** What 1.18.4 prints where 1.20.2 differs: its formats, and Go 1.13's lexer on a newline in an action. */
const in118: Record<string, string> = {
  'template-file=gt.txt':
    'error: unable to match a printer suitable for the output format "template-file=gt.txt", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,yaml',
  'go-template-file=gtbad.txt':
    'error: error parsing template {{.metadata.name\n, template: output:1: unclosed action',
};

describe('kubectl -o jsonpath-file | go-template-file | templatefile', () => {
  const s = session();
  it.each(golden.cases)('-o $output', ({ output, code, stdout, stderr }) => {
    const ran = at(s, `kubectl create deployment web --image=nginx --dry-run=client -o ${output}`);
    expect(ran.code).toBe(code);
    expect(ran.stderr).toBe(in118[output] ?? stderr.replace(/\n$/, ''));
    // The terminal ends the last line itself: a file's final newline is not printed twice.
    expect(ran.stdout).toBe(stdout.replace(/\n$/, ''));
  });

  it('reads the file written with a here-document for kubectl get, named by -o or by --template', () => {
    const s2 = session();
    s2.shell('m-k8s').fs.write('/root/names.txt', '{range .items[*]}{.metadata.name}{"\\n"}{end}');
    const names = 'm-k8s\nw1-k8s\nw2-k8s\nw3-k8s';
    expect(at(s2, 'kubectl get nodes -o jsonpath-file=names.txt').stdout).toBe(names);
    expect(at(s2, 'kubectl get nodes -o jsonpath-file --template=names.txt').stdout).toBe(names);
    expect(at(s2, 'kubectl get nodes -o jsonpath-file=/root/names.txt').stdout).toBe(names);
    expect(at(s2, 'kubectl get nodes -o jsonpath-file=dir').stderr).toBe(
      'error: error reading --template dir, read dir: is a directory',
    );
  });
});
