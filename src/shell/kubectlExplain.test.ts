// kubectl explain: whole outputs as kubectl 1.18.4's pkg/explain prints them (the
// layout of model_printer.go and fields_printer.go, wrapped at 80 columns by
// formatter.go) over the 1.18 OpenAPI models (docs/FACTS-kubectl.md §14), its
// errors, its help as the real kubectl 1.20.2 prints it, and a stopped API server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeName, wrap } from './kubectl/explain/explain';
import { Session } from './session';
import { runAt } from './testing/drive';
import { FakeCluster } from './testing/fakeCluster';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);

describe('kubectl explain', () => {
  it('explains a kind: its description and every field, sorted, wrapped at 80 columns', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl explain pods')).toMatchObject({
      code: 0,
      stdout: [
        'KIND:     Pod',
        'VERSION:  v1',
        '',
        'DESCRIPTION:',
        '     Pod is a collection of containers that can run on a host. This resource is',
        '     created by clients and scheduled onto hosts.',
        '',
        'FIELDS:',
        '   apiVersion\t<string>',
        '     APIVersion defines the versioned schema of this representation of an',
        '     object. Servers should convert recognized schemas to the latest internal',
        '     value, and may reject unrecognized values. More info:',
        '     https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        '',
        '   kind\t<string>',
        '     Kind is a string value representing the REST resource this object',
        '     represents. Servers may infer this from the endpoint the client submits',
        '     requests to. Cannot be updated. In CamelCase. More info:',
        '     https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        '',
        '   metadata\t<Object>',
        "     Standard object's metadata. More info:",
        '     https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
        '',
        '   spec\t<Object>',
        '     Specification of the desired behavior of the pod. More info:',
        '     https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
        '   status\t<Object>',
        '     Most recently observed status of the pod. This data may not be up to date.',
        '     Populated by the system. Read-only. More info:',
        '     https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
      ].join('\n'),
    });
  });

  it('follows a path through lists and references: the field, then its model; -required- fields', () => {
    const s = new Session({ seed: 7 });
    const out = at(s, 'kubectl explain pod.spec.containers').stdout.split('\n');
    expect(out.slice(0, 12)).toEqual([
      'KIND:     Pod',
      'VERSION:  v1',
      '',
      'RESOURCE: containers <[]Object>',
      '',
      'DESCRIPTION:',
      '     List of containers belonging to the pod. Containers cannot currently be',
      '     added or removed. There must be at least one container in a Pod. Cannot be',
      '     updated.',
      '',
      '     A single application container that you want to run within a pod.',
      '',
    ]);
    expect(out).toContain('   name\t<string> -required-');
    expect(out).toContain('   ports\t<[]Object>');
    // The book's deployment: a primitive leaf; the short name and the apps group.
    expect(at(s, 'kubectl explain deploy.spec.replicas').stdout).toBe(
      [
        'KIND:     Deployment',
        'VERSION:  apps/v1',
        '',
        'FIELD:    replicas <integer>',
        '',
        'DESCRIPTION:',
        '     Number of desired pods. This is a pointer to distinguish between explicit',
        '     zero and not specified. Defaults to 1.',
      ].join('\n'),
    );
    // A primitive model behind a reference: the field's words, then the model's.
    expect(at(s, 'kubectl explain po.metadata.creationTimestamp').stdout.split('\n').slice(3, 4)).toEqual([
      'FIELD:    creationTimestamp <string>',
    ]);
    expect(at(s, 'kubectl explain po.metadata.creationTimestamp').stdout).toContain(
      '     Time is a wrapper around time.Time which supports correct marshaling to',
    );
  });

  it('--recursive lists the fields of fields by name and type, three spaces a level', () => {
    const s = new Session({ seed: 7 });
    const out = at(s, 'kubectl explain svc.spec --recursive').stdout.split('\n');
    const fields = out.slice(out.indexOf('FIELDS:') + 1);
    expect(fields).toEqual([
      '   clusterIP\t<string>',
      '   externalIPs\t<[]string>',
      '   externalName\t<string>',
      '   externalTrafficPolicy\t<string>',
      '   healthCheckNodePort\t<integer>',
      '   ipFamily\t<string>',
      '   loadBalancerIP\t<string>',
      '   loadBalancerSourceRanges\t<[]string>',
      '   ports\t<[]Object>',
      '      appProtocol\t<string>',
      '      name\t<string>',
      '      nodePort\t<integer>',
      '      port\t<integer>',
      '      protocol\t<string>',
      '      targetPort\t<string>',
      '   publishNotReadyAddresses\t<boolean>',
      '   selector\t<map[string]string>',
      '   sessionAffinity\t<string>',
      '   sessionAffinityConfig\t<Object>',
      '      clientIP\t<Object>',
      '         timeoutSeconds\t<integer>',
      '   topologyKeys\t<[]string>',
      '   type\t<string>',
    ]);
  });

  it("gives kubectl's errors: no resource, a field that does not exist, a version not served, none", () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl explain foo')).toMatchObject({
      code: 1,
      stderr: 'error: the server doesn\'t have a resource type "foo"',
    });
    expect(at(s, 'kubectl explain pod.spec.nope').stderr).toBe('error: field "nope" does not exist');
    expect(at(s, 'kubectl explain pods --api-version=apps/v1').stderr).toBe(
      'error: couldn\'t find resource for "apps/v1, Kind=Pod"',
    );
    expect(at(s, 'kubectl explain deploy --api-version=v1').stderr).toBe(
      'error: couldn\'t find resource for "/v1, Kind=Deployment"',
    );
    expect(at(s, 'kubectl explain').stderr).toBe(
      [
        'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
        '',
        "See 'kubectl explain -h' for help and examples",
      ].join('\n'),
    );
    expect(at(s, 'kubectl explain pods nodes').stderr).toBe(
      "error: We accept only this format: explain RESOURCE\n\nSee 'kubectl explain -h' for help and examples",
    );
  });

  it('reads the OpenAPI document from the API server first: stopped, every explain is refused', () => {
    const cluster = new FakeCluster({});
    const s = new Session({ cluster });
    cluster.apiUp = false;
    expect(at(s, 'kubectl explain pods')).toMatchObject({
      code: 1,
      stderr:
        'The connection to the server 192.168.1.10:6443 was refused - did you specify the right host or port?',
    });
  });

  it('prints its help as the real kubectl prints it', () => {
    const s = new Session({ seed: 7 });
    const help = readFileSync(join(__dirname, 'golden', 'help-1.20.2', 'explain.txt'), 'utf8').replace(
      /\n$/,
      '',
    );
    expect(at(s, 'kubectl explain --help').stdout).toBe(help);
  });

  it("wraps as formatter.go's wrapString: a word longer than the line stands alone", () => {
    expect(wrap('a bb ccc', 4)).toEqual(['a bb', 'ccc']);
    expect(wrap('x https://a.very.long/url y', 5)).toEqual(['x', 'https://a.very.long/url', 'y']);
    expect(wrap('  ', 10)).toEqual([]);
    expect(typeName('map[string][]#io.k8s.api.core.v1.Container')).toBe('map[string][]Object');
    expect(typeName('#io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toBe('string');
  });
});
