import { describe, expect, it } from 'vitest';
import type { Pod } from '../objects';
import type { SimMs } from '../units';
import { compare, setOf, without } from './fieldSet';
import { updateManagedFields } from './managedFields';

describe('FieldsV1 as structured-merge-diff records an Update', () => {
  it('marks a map or list item added whole with ".", but not one that was null before', () => {
    const { changed } = compare(
      { spec: { selector: null, strategy: {} } },
      {
        spec: {
          selector: { matchLabels: { app: 'web' } },
          strategy: { rollingUpdate: { maxSurge: '25%' }, type: 'RollingUpdate' },
          containers: [{ name: 'nginx', image: 'nginx', resources: {} }],
        },
      },
    );
    expect(setOf(changed)).toEqual({
      'f:spec': {
        'f:selector': { 'f:matchLabels': { '.': {}, 'f:app': {} } },
        'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {} }, 'f:type': {} },
        'f:containers': {
          '.': {},
          'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:resources': {} },
        },
      },
    });
  });

  it('keys container ports by containerPort and protocol, service ports by port and protocol', () => {
    const c = compare({}, { ports: [{ containerPort: 80, protocol: 'TCP' }] }).changed;
    expect(c).toContainEqual(['f:ports', 'k:{"containerPort":80,"protocol":"TCP"}', 'f:containerPort']);
    const s = compare({}, { ports: [{ port: 53, protocol: 'UDP', name: 'dns' }] }).changed;
    expect(s).toContainEqual(['f:ports', 'k:{"port":53,"protocol":"UDP"}', 'f:name']);
  });

  it('takes a field another manager wrote away from it, and drops emptied branches', () => {
    const set = setOf([
      ['f:metadata', 'f:labels', '.'],
      ['f:metadata', 'f:labels', 'f:run'],
    ]);
    expect(without(set, [['f:metadata', 'f:labels', 'f:run']])).toEqual({
      'f:metadata': { 'f:labels': { '.': {} } },
    });
  });

  it('gives a relabelled field to the manager that changed it, with that write’s time', () => {
    const pod = (labels: Record<string, string>): Pod => ({
      kind: 'Pod',
      metadata: {
        name: 'p',
        namespace: 'default',
        uid: 'u',
        resourceVersion: 1,
        creationTimestamp: 0 as SimMs,
        labels,
      },
      spec: {
        containers: [{ name: 'c', image: 'nginx:1.19' }],
        tolerations: [],
        terminationGracePeriodSeconds: 30,
      },
      status: { phase: 'Pending', conditions: [], containerStatuses: [] },
    });
    const created = pod({ app: 'a' });
    const first = updateManagedFields(undefined, created, 'kube-controller-manager', 1000 as SimMs);
    const live = { ...created, metadata: { ...created.metadata, managedFields: first } };
    const after = updateManagedFields(live, pod({ app: 'b' }), 'kubectl', 5000 as SimMs);
    expect(after.map((e) => [e.manager, e.time])).toEqual([
      ['kube-controller-manager', 1000],
      ['kubectl', 5000],
    ]);
    expect(after[0]?.fieldsV1['f:metadata']).toEqual({ 'f:labels': { '.': {} } });
    expect(after[1]?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:app': {} } } });
  });
});
