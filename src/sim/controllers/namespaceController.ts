// The namespace controller (kube-controller-manager, pkg/controller/namespace): a
// namespace that was deleted stays Terminating while anything is left in it. On
// each pass the controller lists every namespaced resource in it and deletes what
// it finds; when a pass finds nothing, it removes the `kubernetes` finalizer (the
// finalize subresource) and the API server deletes the namespace.
import type { ApiClient } from '../client';
import { NAMESPACE_FINALIZER } from '../components/namespaceLifecycle';
import { Informer } from '../informer';
import type { KubeObject, Namespace } from '../objects';
import { resourceKinds } from '../resourceKinds';

/** What the deleter walks: the namespaced kinds that are stored (discovery's list). */
const contents = resourceKinds.filter((k) => k.namespaced).map((k) => k.resource);

export class NamespaceController {
  readonly informer: Informer<Namespace>;
  /** Namespaces with a pass in flight: one pass at a time each. */
  private readonly passing = new Set<string>();
  /** The informer saw a namespace change since the last sync. */
  private changed = false;

  constructor(private readonly client: ApiClient) {
    this.informer = new Informer<Namespace>(client, 'namespaces', () => {
      this.changed = true;
    });
  }

  reset(): void {
    this.passing.clear();
  }

  /**
   * Start a pass for each terminating namespace that has none running: at once when a
   * namespace changed, else on the controller manager's tick (a namespace with content
   * left is requeued, not retried in a loop).
   */
  sync(onTick: boolean): void {
    if (!this.informer.synced || (!onTick && !this.changed)) return;
    this.changed = false;
    for (const ns of this.informer.list())
      if (ns.metadata.deletionTimestamp !== undefined && !this.passing.has(ns.metadata.name)) this.pass(ns);
  }

  private pass(ns: Namespace): void {
    const name = ns.metadata.name;
    this.passing.add(name);
    let left = 0;
    const step = (i: number): void => {
      const resource = contents[i];
      if (!resource) {
        this.finish(ns, left);
        return;
      }
      this.client.request({ verb: 'list', resource, namespace: name }, (res) => {
        if (!res.ok) {
          this.passing.delete(name);
          return;
        }
        const items = res.items ?? [];
        left += items.length;
        for (const o of items) this.remove(o);
        step(i + 1);
      });
    };
    step(0);
  }

  private remove(o: KubeObject): void {
    // A pod already terminating is left to its kubelet (its grace period runs).
    if (o.metadata.deletionTimestamp !== undefined) return;
    this.client.request({
      verb: 'delete',
      resource: resourceKinds.find((k) => k.kind === o.kind)?.resource ?? 'pods',
      namespace: o.metadata.namespace ?? 'default',
      name: o.metadata.name,
    });
  }

  private finish(ns: Namespace, left: number): void {
    if (left > 0) {
      // Content remains (pods in their grace period): the next pass comes with the next tick.
      this.passing.delete(ns.metadata.name);
      return;
    }
    this.client.request(
      {
        verb: 'update',
        resource: 'namespaces',
        name: ns.metadata.name,
        patch: (o) =>
          o.kind === 'Namespace'
            ? { ...o, spec: { finalizers: o.spec.finalizers.filter((f) => f !== NAMESPACE_FINALIZER) } }
            : o,
      },
      () => this.passing.delete(ns.metadata.name),
    );
  }
}
