// kubectl api-resources and api-versions (kubectl 1.18.4
// pkg/cmd/apiresources): what discovery serves, read from the lab's one registry of
// resource kinds. The lab serves only the kinds it models, so the lists are shorter
// than a real cluster's. 1.18 heads the group column APIGROUP (1.20 prints APIVERSION).

import type { Resource } from '../../sim/objects';
import type { Profile } from '../../sim/profiles';
import { profileOf } from '../../sim/profiles';
import { allCategory, resourceKinds } from '../../sim/resourceKinds';
import { labProfile } from '../labProfile';
import { getTableOptions, tabwrite } from '../tabwriter';
import { apiError, send } from './client';
import type { Verb } from './context';
import { failWith, outputFlag } from './context';
import { flagBool, flagString } from './flags';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/**
 * The verbs each kind's REST storage offers in the lab's version (its profile's discovery): in 1.18
 * Services and Namespaces have no deletecollection; componentstatuses are only read.
 */
export const verbsOf = (r: Resource, profile: Profile = profileOf(undefined)): string[] => [
  ...(profile.apiServer.discovery.verbs[r] ?? ALL_VERBS),
];

/** Discovery needs the server: kubectl asks it first, so a stopped API server fails here too. */
function discover(ctx: Parameters<Verb['run']>[0], then: () => void): void {
  send(ctx.io, ctx.server, { verb: 'list', resource: 'nodes' }, (res) => {
    if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
    then();
  });
}

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  flags: [
    outputFlag,
    { name: 'api-group', type: 'string' },
    { name: 'namespaced', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'verbs', type: 'strings' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'strings' },
  ],
  run(ctx) {
    const output = flagString(ctx.flags, 'output') ?? '';
    if (output !== '' && output !== 'wide' && output !== 'name')
      return failWith(ctx, `error: --output ${output} is not available`);
    const sortBy = flagString(ctx.flags, 'sort-by');
    if (sortBy !== undefined && sortBy !== 'name' && sortBy !== 'kind')
      return failWith(ctx, `error: --sort-by accepts only name or kind`);
    discover(ctx, () => {
      const group = flagString(ctx.flags, 'api-group');
      const ns = ctx.flags.values.has('namespaced') ? flagBool(ctx.flags, 'namespaced') : undefined;
      const verbs = ctx.flags.values.get('verbs')?.flatMap((v) => v.split(',')) ?? [];
      const profile = labProfile(ctx.io.shell);
      const withCategories = profile.kubectl.apiResourcesCategories;
      const categories = withCategories
        ? (ctx.flags.values.get('categories')?.flatMap((v) => v.split(',')) ?? [])
        : [];
      const categoriesOf = (r: Resource) => (allCategory.includes(r) ? ['all'] : []);
      const kinds = resourceKinds
        .filter((k) => group === undefined || k.group === group)
        .filter((k) => ns === undefined || k.namespaced === ns)
        .filter((k) => verbs.every((v) => verbsOf(k.resource, profile).includes(v)))
        .filter((k) => categories.every((c) => categoriesOf(k.resource).includes(c)));
      const key = (k: (typeof kinds)[number]) =>
        sortBy === 'name' ? k.resource : sortBy === 'kind' ? k.kind : k.group;
      // sort.Stable by the column asked for (the group by default), ties by name.
      const sorted = [...kinds].sort((a, b) =>
        key(a) !== key(b)
          ? key(a) < key(b)
            ? -1
            : 1
          : a.resource < b.resource
            ? -1
            : a.resource > b.resource
              ? 1
              : 0,
      );
      if (output === 'name') {
        ctx.io.out(sorted.map((k) => (k.group ? `${k.resource}.${k.group}` : k.resource)).join('\n'));
        return ctx.io.exit(0);
      }
      const column = profile.kubectl.apiResourcesGroupColumn;
      const head = [
        'NAME',
        'SHORTNAMES',
        column,
        'NAMESPACED',
        'KIND',
        ...(output === 'wide' ? ['VERBS', ...(withCategories ? ['CATEGORIES'] : [])] : []),
      ];
      const rows = sorted.map((k) => [
        k.resource,
        k.shortNames.join(','),
        column === 'APIGROUP' ? k.group : k.group ? `${k.group}/${k.version}` : k.version,
        String(k.namespaced),
        k.kind,
        ...(output !== 'wide'
          ? []
          : withCategories
            ? [verbsOf(k.resource, profile).join(','), categoriesOf(k.resource).join(',')]
            : [`[${verbsOf(k.resource, profile).join(' ')}]`]),
      ]);
      const lines = [...(flagBool(ctx.flags, 'no-headers') ? [] : [head]), ...rows].map((r) => r.join('\t'));
      ctx.io.out(tabwrite(lines.join('\n'), getTableOptions));
      ctx.io.exit(0);
    });
  },
};

export const apiVersionsVerb: Verb = {
  name: 'api-versions',
  flags: [],
  run(ctx) {
    discover(ctx, () => {
      const versions = [
        ...new Set(resourceKinds.map((k) => (k.group ? `${k.group}/${k.version}` : k.version))),
      ].sort();
      ctx.io.out(versions.join('\n'));
      ctx.io.exit(0);
    });
  },
};

/**
 * kubectl top in 1.18 finds no metrics.k8s.io group (no metrics-server in this lab) and
 * falls back to Heapster through the service proxy (pkg/metricsutil
 * HeapsterMetricsClient); the raw 404 reads as below (seen from kubectl 1.18.8,
 * k3s-io/k3s#2414). 1.20 says `error: Metrics API not available` instead.
 */
function topVerb(name: 'top node' | 'top pod'): Verb {
  return {
    name,
    flags: [
      { name: 'selector', short: 'l', type: 'string' },
      { name: 'sort-by', type: 'string' },
      { name: 'all-namespaces', short: 'A', type: 'bool' },
      { name: 'containers', type: 'bool' },
      { name: 'no-headers', type: 'bool' },
      { name: 'heapster-namespace', type: 'string' },
      { name: 'heapster-service', type: 'string' },
    ],
    run(ctx) {
      const sortBy = flagString(ctx.flags, 'sort-by');
      if (sortBy !== undefined && sortBy !== 'cpu' && sortBy !== 'memory')
        return failWith(ctx, 'error: --sort-by accepts only cpu or memory');
      if (ctx.args.length > 0 && ctx.flags.values.has('selector'))
        return failWith(ctx, 'error: only one of NAME or --selector can be provided');
      send(
        ctx.io,
        ctx.server,
        { verb: 'get', resource: 'services', namespace: 'kube-system', name: 'heapster' },
        (res) => {
          if (!res.ok && res.reason !== 'NotFound') return failWith(ctx, apiError(res, ctx.server));
          failWith(
            ctx,
            'Error from server (NotFound): the server could not find the requested resource (get services http:heapster:)',
          );
        },
      );
    },
  };
}

export const topVerbs = [topVerb('top node'), topVerb('top pod')];
