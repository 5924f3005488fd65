// Discovery as the lab's version serves it (issue 18's h10): the 1.18 lab's lists as before,
// the 1.36 lab's as a recent kube-apiserver lists the same kinds, and aggregated discovery
// (apidiscovery.k8s.io/v2), which kubectl 1.26+ asks for first, answered by 1.36 only.
import { describe, expect, it } from 'vitest';
import { Session } from '../shell/session';
import type { ProfileId } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import type { Reply } from './http';
import type { ApiLab } from './rest';
import { serve } from './rest';

// kubectl 1.33's Accept for /api and /apis (seen with -v=8 against npm run api).
const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

function ask(profile: ProfileId, path: string, accept = 'application/json, */*') {
  const s = new Session({ profile });
  const lab: ApiLab = {
    cluster: s.cluster,
    after: (ms, fn) => s.after(ms, fn),
    epochMs: 0,
    from: profileOf(profile).master.name as ApiLab['from'],
  };
  let answer: Reply | undefined;
  serve(lab, { method: 'GET', path, query: 'timeout=32s', headers: { accept }, body: '' }, (r) => {
    answer = r;
  });
  if (!answer || !('answer' in answer)) throw new Error(`no answer to ${path}`);
  return {
    status: answer.answer.status,
    type: answer.answer.headers['content-type'],
    // biome-ignore lint/suspicious/noExplicitAny: a JSON document read in the test
    body: JSON.parse(String(answer.answer.body)) as any,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: JSON
const named = (list: any, name: string) => list.resources.find((r: { name: string }) => r.name === name);

describe('discovery of the lab’s kinds, by profile', () => {
  it('1.18: no singularName, no storageVersionHash, eviction in policy/v1beta1, Services without deletecollection', () => {
    const v1 = ask('1.18', '/api/v1').body;
    expect(named(v1, 'pods')).toEqual({
      name: 'pods',
      singularName: '',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
    });
    expect(named(v1, 'pods/eviction')).toMatchObject({ group: 'policy', version: 'v1beta1' });
    expect(named(v1, 'pods/resize')).toBeUndefined();
    expect(named(v1, 'services').verbs).not.toContain('deletecollection');
  });

  it('1.36: singularName and storageVersionHash as a real 1.3x /api/v1, the newer subresources, eviction in policy/v1', () => {
    const v1 = ask('1.36', '/api/v1').body;
    // A real cluster's /api/v1 (k0s, April 2026), key for key.
    expect(JSON.stringify(named(v1, 'pods'))).toBe(
      '{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["po"],"categories":["all"],"storageVersionHash":"xPOwRZ+Yhw8="}',
    );
    expect(JSON.stringify(named(v1, 'pods/eviction'))).toBe(
      '{"name":"pods/eviction","singularName":"","namespaced":true,"group":"policy","version":"v1","kind":"Eviction","verbs":["create"]}',
    );
    expect(
      v1.resources.map((r: { name: string }) => r.name).filter((n: string) => n.startsWith('pods/')),
    ).toEqual([
      'pods/attach',
      'pods/binding',
      'pods/ephemeralcontainers',
      'pods/eviction',
      'pods/exec',
      'pods/log',
      'pods/portforward',
      'pods/proxy',
      'pods/resize',
      'pods/status',
    ]);
    expect(named(v1, 'services')).toMatchObject({
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      storageVersionHash: '0/CO1lhkEBI=',
    });
    expect(named(v1, 'namespaces').verbs).not.toContain('deletecollection');
    // componentstatuses are not stored: no hash (storageversionhashdata's NoStorageVersionHash).
    expect(named(v1, 'componentstatuses')).not.toHaveProperty('storageVersionHash');
    expect(named(ask('1.36', '/apis/apps/v1').body, 'deployments')).toMatchObject({
      singularName: 'deployment',
      storageVersionHash: '8aSe+NMegvE=',
    });
    // The deployments/scale subresource is autoscaling/v1's Scale in both.
    expect(named(ask('1.36', '/apis/apps/v1').body, 'deployments/scale')).toMatchObject({
      singularName: '',
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    });
  });

  it('1.36 answers aggregated discovery to a client that asks for it; 1.18 answers the old lists', () => {
    const core = ask('1.36', '/api', AGGREGATED);
    expect(core.type).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(core.body).toMatchObject({
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      metadata: {},
    });
    expect(core.body.items).toHaveLength(1);
    expect(core.body.items[0].metadata).toEqual({});
    const v1 = core.body.items[0].versions[0];
    expect(v1).toMatchObject({ version: 'v1', freshness: 'Current' });
    const pods = v1.resources.find((r: { resource: string }) => r.resource === 'pods');
    expect(JSON.stringify({ ...pods, subresources: pods.subresources.slice(3, 6) })).toBe(
      '{"resource":"pods","responseKind":{"group":"","version":"","kind":"Pod"},"scope":"Namespaced","singularResource":"pod","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["po"],"categories":["all"],"subresources":[{"subresource":"eviction","responseKind":{"group":"policy","version":"v1","kind":"Eviction"},"verbs":["create"]},{"subresource":"exec","responseKind":{"group":"","version":"","kind":"PodExecOptions"},"verbs":["create","get"]},{"subresource":"log","responseKind":{"group":"","version":"","kind":"Pod"},"verbs":["get"]}]}',
    );
    expect(v1.resources.find((r: { resource: string }) => r.resource === 'nodes').scope).toBe('Cluster');
    // The resources by name, as the server sorts them (the lab's kinds, ConfigMaps among them).
    expect(v1.resources.map((r: { resource: string }) => r.resource)).toEqual([
      'componentstatuses',
      'configmaps',
      'endpoints',
      'events',
      'namespaces',
      'nodes',
      'pods',
      'services',
    ]);
    const groups = ask('1.36', '/apis', AGGREGATED).body;
    expect(groups.items.map((g: { metadata: { name: string } }) => g.metadata)).toEqual([
      { name: 'apps' },
      { name: 'coordination.k8s.io' },
    ]);
    expect(groups.items[0].versions[0].resources.map((r: { resource: string }) => r.resource)).toEqual([
      'daemonsets',
      'deployments',
      'replicasets',
    ]);
    // A client that asks for the old lists gets them from 1.36 too; 1.18 never aggregates.
    expect(ask('1.36', '/apis').body.kind).toBe('APIGroupList');
    expect(ask('1.36', '/api').body.kind).toBe('APIVersions');
    const old = ask('1.18', '/apis', AGGREGATED);
    expect(old.type).toBe('application/json');
    expect(old.body.kind).toBe('APIGroupList');
  });
});
