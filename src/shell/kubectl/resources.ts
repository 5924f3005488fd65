// The resource names kubectl accepts (plural, singular, short name, name.group)
// and how it names each kind when it prints `<kind>[.<group>]/<name>`, all read
// from the sim's one registry of resource kinds (what discovery would tell it).
import type { Resource } from '../../sim/objects';
import { allCategory, resourceKinds, groupResource as serverName } from '../../sim/resourceKinds';

const aliases: Record<string, Resource> = {};
for (const k of resourceKinds) {
  const names = [k.resource, k.singular, ...k.shortNames];
  for (const n of names) aliases[n] = k.resource;
  if (k.group) for (const n of [k.resource, k.singular]) aliases[`${n}.${k.group}`] = k.resource;
}

export function resourceFor(name: string): Resource | undefined {
  return Object.hasOwn(aliases, name.toLowerCase()) ? aliases[name.toLowerCase()] : undefined;
}

/** `pod`, `deployment.apps`: the name printer's kind, as in `deployment.apps/dpy-nginx created`. */
export const kindName = Object.fromEntries(
  resourceKinds.map((k) => [k.resource, k.group ? `${k.singular}.${k.group}` : k.singular]),
) as Record<Resource, string>;

/** `pods`, `deployments.apps`: how the API server names the resource in errors. */
export const groupResource = Object.fromEntries(
  resourceKinds.map((k) => [k.resource, serverName(k.resource)]),
) as Record<Resource, string>;

export const resourceOfKindName: Record<string, Resource> = Object.fromEntries(
  resourceKinds.map((k) => [k.kind, k.resource]),
);

/** `TYPE/NAME` or `TYPE NAME...` arguments, as kubectl get/describe/delete read them. */
export type Target = { readonly resource: Resource; readonly names: readonly string[] };

export function readTargets(args: readonly string[]): { targets: Target[] } | { error: string } {
  if (args.length === 0) return { targets: [] };
  const first = args[0] as string;
  if (first.includes('/')) {
    const targets: Target[] = [];
    for (const a of args) {
      const [type, name] = a.split('/', 2) as [string, string | undefined];
      if (!a.includes('/'))
        return {
          error:
            "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        };
      const r = resourceFor(type);
      if (!r) return { error: `error: the server doesn't have a resource type "${type}"` };
      targets.push({ resource: r, names: name ? [name] : [] });
    }
    return { targets };
  }
  const types = first.split(',');
  const names = args.slice(1);
  const targets: Target[] = [];
  for (const t of types) {
    if (t.toLowerCase() === 'all') {
      for (const resource of allCategory)
        if (!targets.some((x) => x.resource === resource)) targets.push({ resource, names });
      continue;
    }
    const r = resourceFor(t);
    if (!r) return { error: `error: the server doesn't have a resource type "${t}"` };
    targets.push({ resource: r, names });
  }
  return { targets };
}

/** kubectl's error when a verb is given no resource (resource.Builder's ErrMissingResource). */
export const noResources = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;
