// The resource names kubectl accepts (plural, singular, short name, name.group)
// and how it names each kind when it prints `<kind>[.<group>]/<name>`.
import type { Resource } from '../../sim/objects';

const aliases: Record<string, Resource> = {};
function alias(resource: Resource, names: string[]): void {
  for (const n of names) aliases[n] = resource;
}
alias('pods', ['pods', 'pod', 'po']);
alias('nodes', ['nodes', 'node', 'no']);
alias('deployments', ['deployments', 'deployment', 'deploy', 'deployments.apps', 'deployment.apps']);
alias('replicasets', ['replicasets', 'replicaset', 'rs', 'replicasets.apps', 'replicaset.apps']);
alias('daemonsets', ['daemonsets', 'daemonset', 'ds', 'daemonsets.apps', 'daemonset.apps']);
alias('services', ['services', 'service', 'svc']);
alias('events', ['events', 'event', 'ev']);

export function resourceFor(name: string): Resource | undefined {
  return aliases[name.toLowerCase()];
}

/** `pod`, `deployment.apps`: the name printer's kind, as in `deployment.apps/dpy-nginx created`. */
export const kindName: Record<Resource, string> = {
  pods: 'pod',
  nodes: 'node',
  deployments: 'deployment.apps',
  replicasets: 'replicaset.apps',
  daemonsets: 'daemonset.apps',
  services: 'service',
  events: 'event',
};

/** `pods`, `deployments.apps`: how the API server names the resource in errors. */
export const groupResource: Record<Resource, string> = {
  pods: 'pods',
  nodes: 'nodes',
  deployments: 'deployments.apps',
  replicasets: 'replicasets.apps',
  daemonsets: 'daemonsets.apps',
  services: 'services',
  events: 'events',
};

export const resourceOfKindName: Record<string, Resource> = {
  Pod: 'pods',
  Node: 'nodes',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  DaemonSet: 'daemonsets',
  Service: 'services',
  Event: 'events',
};

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
    const r = resourceFor(t);
    if (!r) return { error: `error: the server doesn't have a resource type "${t}"` };
    targets.push({ resource: r, names });
  }
  return { targets };
}
