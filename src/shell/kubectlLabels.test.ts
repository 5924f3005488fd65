// kubectl label and annotate: kubectl 1.18.4's words (pkg/cmd/label/label.go,
// pkg/cmd/annotate/annotate.go, cmdutil.ParsePairs), and the change reaching the
// API server, where a selector then finds it.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const labelsOf = (s: Session, name: string) =>
  s.cluster.objects().find((o) => o.kind === 'Pod' && o.metadata.name === name)?.metadata.labels;

describe('kubectl label', () => {
  it('adds, refuses without --overwrite, overwrites, removes, and the API server selects by it', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run nginx-pod --image=nginx');
    expect(at(s, 'kubectl label pod nginx-pod tier=web').stdout).toBe('pod/nginx-pod labeled');
    expect(labelsOf(s, 'nginx-pod')).toEqual({ run: 'nginx-pod', tier: 'web' });
    expect(at(s, 'kubectl get pods -l tier=web -o name').stdout).toBe('pod/nginx-pod');
    const refused = at(s, 'kubectl label pod nginx-pod tier=db');
    expect([refused.stderr, refused.code]).toEqual([
      "error: 'tier' already has a value (web), and --overwrite is false",
      1,
    ]);
    expect(at(s, 'kubectl label pod nginx-pod tier=db --overwrite').stdout).toBe('pod/nginx-pod labeled');
    expect(at(s, 'kubectl label pod nginx-pod tier=db --overwrite').stdout).toBe('pod/nginx-pod not labeled');
    expect(at(s, 'kubectl label pod/nginx-pod tier-').stdout).toBe('pod/nginx-pod labeled');
    expect(at(s, 'kubectl label pod nginx-pod tier-').stdout).toBe(
      'label "tier" not found.\npod/nginx-pod not labeled',
    );
    expect(labelsOf(s, 'nginx-pod')).toEqual({ run: 'nginx-pod' });
    expect(at(s, 'kubectl label pod nginx-pod a=1 --dry-run=client').stdout).toBe(
      'pod/nginx-pod labeled (dry run)',
    );
    expect(labelsOf(s, 'nginx-pod')).toEqual({ run: 'nginx-pod' });
    expect(at(s, 'kubectl label pod nginx-pod --list').stdout).toBe('run=nginx-pod');
  });

  it('labels every pod a selector or --all lists', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run a --image=nginx');
    at(s, 'kubectl run b --image=nginx');
    expect(at(s, 'kubectl label pods --all team=x').stdout).toBe('pod/a labeled\npod/b labeled');
    expect(at(s, 'kubectl label pods -l run=a team=y --overwrite').stdout).toBe('pod/a labeled');
    expect(
      at(s, 'kubectl get pods -L team --no-headers')
        .stdout.split('\n')
        .map((l) => l.split(/\s+/).at(-1)),
    ).toEqual(['y', 'x']);
  });

  it("words kubectl's own errors", () => {
    const s = new Session({ seed: 7 });
    const err = (line: string) => at(s, line).stderr;
    expect(err('kubectl label pod x a=b=c')).toBe('error: invalid label spec: a=b=c');
    expect(err('kubectl label pod x a')).toBe('error: at least one label update is required');
    expect(err('kubectl label a=b')).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
    expect(err('kubectl label pod x a=b c')).toBe(
      'error: all resources must be specified before label changes: c',
    );
    expect(err('kubectl label pod x a=b a-')).toBe(
      'error: can not both modify and remove a label in the same command',
    );
    expect(err('kubectl label pod x bad=a%b')).toBe(
      `error: invalid label value: "bad=a%b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    expect(err('kubectl label pods a=b')).toBe(
      'error: resource(s) were provided, but no name, label selector, or --all flag specified',
    );
    expect(err('kubectl label pod nope a=b')).toBe('Error from server (NotFound): pods "nope" not found');
  });
});

describe('kubectl annotate', () => {
  it('annotates, refuses without --overwrite in its own words, removes', () => {
    const s = new Session({ seed: 7 });
    at(s, 'kubectl run nginx-pod --image=nginx');
    expect(at(s, 'kubectl annotate pod nginx-pod note="a = b"').stdout).toBe('pod/nginx-pod annotated');
    const pod = () => s.cluster.objects().find((o) => o.kind === 'Pod' && o.metadata.name === 'nginx-pod');
    // Calico's CNI plugin annotated the pod with its address before kubectl did.
    const calico = { 'cni.projectcalico.org/podIP': '172.16.132.1/32' };
    expect(pod()?.metadata.annotations).toEqual({ ...calico, note: 'a = b' });
    expect(at(s, 'kubectl annotate pod nginx-pod note=c').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (a = b)",
    );
    expect(at(s, 'kubectl annotate pod nginx-pod note=c --overwrite').stdout).toBe('pod/nginx-pod annotated');
    expect(at(s, 'kubectl annotate pod nginx-pod note-').stdout).toBe('pod/nginx-pod annotated');
    expect(pod()?.metadata.annotations).toEqual(calico);
    expect(at(s, 'kubectl annotate pod nginx-pod x=1 x-').stderr).toBe(
      'error: can not both modify and remove the following annotation(s) in the same command: x',
    );
    expect(at(s, 'kubectl annotate pod nginx-pod').stderr).toBe(
      'error: at least one annotation update is required',
    );
  });
});
