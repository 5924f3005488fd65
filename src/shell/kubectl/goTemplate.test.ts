// -o go-template against what the real kubectl prints for the same object:
// `kubectl create deployment web --image=nginx --dry-run=client -o go-template=…`
// run with kubectl 1.20.2 (src/shell/golden/go-template-1.20.2.json: exit code, stdout
// and stderr; the debugging block an execution error prints on stdout is not compared). Debian's 1.20.2 is built with Go 1.19; text/template's texts
// for these cases are the same in Go 1.13, which kubectl 1.18.4 is built with.
import { describe, expect, it } from 'vitest';
import cases from '../golden/go-template-1.20.2.json';
import defineCases from '../golden/go-template-define-1.20.2.json';
import { Session } from '../session';
import { runAt } from '../testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const quoted = (t: string) => `'${t.replace(/'/g, `'"'"'`)}'`;

describe('kubectl -o go-template', () => {
  const s = new Session({ seed: 7 });
  it.each(cases)('$template', ({ template, code, stdout, stderr }) => {
    const ran = at(
      s,
      `kubectl create deployment web --image=nginx --dry-run=client -o go-template=${quoted(template)}`,
    );
    expect(ran.code).toBe(code);
    // The lab's terminal ends a last line itself, so a final newline is not printed twice.
    expect(ran.stderr).toBe(stderr.replace(/\n$/, ''));
    if (stdout !== undefined) expect(ran.stdout).toBe(stdout.replace(/\n$/, ''));
  });

  it("words a stray } as Go 1.13 does (1.19, in Debian's 1.20.2, says bad character)", () => {
    expect(at(s, "kubectl get nodes -o go-template='{{.metadata.name}'").stderr).toBe(
      'error: error parsing template {{.metadata.name}, template: output:1: unexpected "}" in operand',
    );
  });

  it('knows no {{break}}: it came with Go 1.18', () => {
    expect(at(s, "kubectl get nodes -o go-template='{{break}}'").stderr).toBe(
      'error: error parsing template {{break}}, template: output:1: function "break" not defined',
    );
  });

  it('walks a List of the lab objects, and reads a template file', () => {
    expect(
      at(
        s,
        `kubectl get nodes -o go-template='{{range .items}}{{.metadata.name}} {{.status.nodeInfo.kubeletVersion}}{{"\\n"}}{{end}}'`,
      ).stdout,
    ).toBe('m-k8s v1.18.4\nw1-k8s v1.18.4\nw2-k8s v1.18.4\nw3-k8s v1.18.4');
    at(s, `echo '{{len .items}} pods' > t.tmpl`);
    expect(at(s, 'kubectl get pods -n kube-system -o go-template-file=t.tmpl').stdout).toBe('15 pods');
    expect(at(s, 'kubectl get pods -o go-template-file=nosuch.tmpl').stderr).toBe(
      'error: error reading --template nosuch.tmpl, open nosuch.tmpl: no such file or directory',
    );
    expect(at(s, 'kubectl get pods -o go-template=').stderr).toBe(
      'error: template format specified but no template given',
    );
  });
});

describe('kubectl -o go-template with define, template and block', () => {
  // The same command with kubectl 1.20.2 (golden/go-template-define-1.20.2.json). Go 1.13's
  // parse.go and exec.go have the same rules and words for these (Tree.add, walkTemplate);
  // the depth limit is Go's 100000 in the words, a thousand in the lab (a JavaScript stack).
  const s = new Session({ seed: 7 });
  it.each(defineCases)('$template', ({ template, code, stdout, stderr }) => {
    const ran = at(
      s,
      `kubectl create deployment web --image=nginx --dry-run=client -o go-template=${quoted(template)}`,
    );
    expect(ran.code).toBe(code);
    expect(ran.stderr).toBe(stderr.replace(/\n$/, ''));
    if (stdout !== undefined) expect(ran.stdout).toBe(stdout.replace(/\n$/, ''));
  });
});
