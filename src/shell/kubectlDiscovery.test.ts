// kubectl api-resources, api-versions, config, top and the new verbs' help: whole
// outputs, from kubectl 1.18.4's source (apiresources.go's APIGROUP column,
// config's redaction, top's Heapster fallback) and the real kubectl 1.20.2's help
// (golden/help-1.20.2) with the lines 1.18.4 prints otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verbHelp } from './kubectl/verbHelp';
import { Session } from './session';
import { runAt } from './testing/drive';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);
const captured = (file: string) =>
  readFileSync(join(__dirname, 'golden', 'help-1.20.2', `${file}.txt`), 'utf8').replace(/\n$/, '');

describe('kubectl api-resources and api-versions', () => {
  it('lists the kinds of the registry, by group then name, under 1.18 headers', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl api-resources').stdout).toBe(
      [
        'NAME                SHORTNAMES   APIGROUP              NAMESPACED   KIND',
        'componentstatuses   cs                                 false        ComponentStatus',
        'configmaps          cm                                 true         ConfigMap',
        'endpoints           ep                                 true         Endpoints',
        'events              ev                                 true         Event',
        'namespaces          ns                                 false        Namespace',
        'nodes               no                                 false        Node',
        'pods                po                                 true         Pod',
        'services            svc                                true         Service',
        'daemonsets          ds           apps                  true         DaemonSet',
        'deployments         deploy       apps                  true         Deployment',
        'replicasets         rs           apps                  true         ReplicaSet',
        'leases                           coordination.k8s.io   true         Lease',
      ].join('\n'),
    );
    expect(at(s, 'kubectl api-resources --namespaced=false -o name').stdout).toBe(
      'componentstatuses\nnamespaces\nnodes',
    );
    expect(at(s, 'kubectl api-resources --verbs=deletecollection -o name').stdout).toBe(
      'configmaps\nendpoints\nevents\nnodes\npods\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nleases.coordination.k8s.io',
    );
    expect(at(s, 'kubectl api-resources --api-group=apps -o name --sort-by=kind').stdout).toBe(
      'daemonsets.apps\ndeployments.apps\nreplicasets.apps',
    );
    expect(at(s, 'kubectl api-versions').stdout).toBe('apps/v1\ncoordination.k8s.io/v1\nv1');
  });

  it('needs the API server, as discovery does', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl api-versions -s https://192.168.1.99:6443').stderr).toBe(
      'The connection to the server 192.168.1.99:6443 was refused - did you specify the right host or port?',
    );
  });
});

describe('kubectl config', () => {
  it("reads the lab's kubeconfig on the client", () => {
    const s = new Session({ seed: 7 });
    const view = at(s, 'kubectl config view').stdout;
    expect(view).toContain('    certificate-authority-data: DATA+OMITTED\n');
    expect(view).toContain('    client-certificate-data: REDACTED\n    client-key-data: REDACTED');
    expect(view).toContain('current-context: kubernetes-admin@kubernetes\n');
    expect(at(s, 'kubectl config get-contexts').stdout).toBe(
      [
        'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE',
        '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   ',
      ].join('\n'),
    );
    expect(at(s, 'kubectl config current-context').stdout).toBe('kubernetes-admin@kubernetes');
    expect(at(s, 'kubectl config use-context nope').stderr).toBe(
      'error: no context exists with the name: "nope"',
    );
    expect(at(s, 'kubectl config use-context kubernetes-admin@kubernetes').stdout).toBe(
      'Switched to context "kubernetes-admin@kubernetes".',
    );
  });

  it('has an empty config without a kubeconfig file', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'rm -f /root/.kube/config').code).toBe(0);
    expect(at(s, 'kubectl config current-context').stderr).toBe('error: current-context is not set');
    expect(at(s, 'kubectl config view').stdout).toBe(
      'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null',
    );
  });
});

describe('kubectl top', () => {
  it('finds no metrics.k8s.io and no Heapster, as 1.18 says', () => {
    const s = new Session({ seed: 7 });
    const heapster =
      'Error from server (NotFound): the server could not find the requested resource (get services http:heapster:)';
    expect([at(s, 'kubectl top node').stderr, at(s, 'kubectl top pods -A').stderr]).toEqual([
      heapster,
      heapster,
    ]);
    expect(at(s, 'kubectl top node --sort-by=disk').stderr).toBe(
      'error: --sort-by accepts only cpu or memory',
    );
  });
});

describe('help of the new verbs', () => {
  const same = [
    'cordon',
    'uncordon',
    'rollout',
    'rollout-status',
    'set',
    'config',
    'config-get-contexts',
    'config-current-context',
    'config-use-context',
    'top',
    'api-versions',
    'version',
  ];
  it.each(same)('%s --help is what the real kubectl prints (1.18.4 = 1.20.2 here)', (file) => {
    const s = new Session({ seed: 7 });
    const verb = file.replace('-', ' ').replace(/^(api|cluster) /, '$1-');
    const r = at(s, `kubectl ${verb} --help`);
    expect([r.stdout, r.code]).toEqual([captured(file), 0]);
  });

  it('differs from 1.20.2 exactly where the 1.18.4 source does', () => {
    const without = (text: string, dropped: RegExp) =>
      text
        .split('\n')
        .filter((l) => !dropped.test(l))
        .join('\n');
    const fm = /^\s+--field-manager=/;
    for (const [verb, file] of [
      ['label', 'label'],
      ['taint', 'taint'],
      ['rollout restart', 'rollout-restart'],
      ['rollout undo', 'rollout-undo'],
      ['set image', 'set-image'],
      ['rollout history', 'rollout-history'],
      ['config view', 'config-view'],
    ] as const)
      expect(verbHelp[verb]).toBe(
        without(captured(file), fm).replace(
          'jsonpath|jsonpath-as-json|jsonpath-file',
          'jsonpath|jsonpath-file',
        ),
      );
    expect(verbHelp.annotate).toBe(
      without(captured('annotate'), /^\s+--(field-manager|list)=/).replace(
        'jsonpath|jsonpath-as-json|jsonpath-file',
        'jsonpath|jsonpath-file',
      ),
    );
    expect(verbHelp.drain).toBe(
      captured('drain').replace('--delete-emptydir-data=false', '--delete-local-data=false'),
    );
    expect(verbHelp['cluster-info']).toBe(
      captured('cluster-info').replaceAll('the control plane', 'the master'),
    );
    expect(verbHelp['api-resources']).toBe(
      captured('api-resources').replace('sort list of resources using', 'sort nodes list using'),
    );
    expect(verbHelp['top node']?.split('\n').filter((l) => l.includes('--heapster-'))).toEqual([
      "      --heapster-namespace='kube-system': Namespace Heapster service is located in",
      "      --heapster-port='': Port name in service to use",
      "      --heapster-scheme='http': Scheme (http or https) to connect to Heapster as",
      "      --heapster-service='heapster': Name of Heapster service",
    ]);
  });

  it('prints a group alone as its help on stderr with exit 1, and its unknown subcommands', () => {
    const s = new Session({ seed: 7 });
    const r = at(s, 'kubectl rollout');
    expect([r.stderr, r.code]).toEqual([captured('rollout'), 1]);
    expect(at(s, 'kubectl config nope').stderr).toBe(
      'error: unknown command "nope"\nSee \'kubectl config -h\' for help and examples',
    );
  });
});
