// A real cluster as the page sees it through its lists and watches: the objects as they
// stand, and a trace of messages between the components inferred from how the objects
// change and from the events the components post. Nothing here sees the messages
// themselves: a real cluster's components talk only to the API server, and the page sees
// only what the API server stores. The inferred messages carry the simulation's kinds and
// causes, so the book's steps are read off them by the same table (lessons/bookSteps).

import { BookStepReader } from '../lessons/bookSteps';
import type { BookStep, Envelope } from '../sim';
import type { ApiObject, Resource, WatchLine } from './apiShapes';
import { kubectlOn } from './clusterShape';
import { nodeReady, podReady } from './podStatus';

/** How long an inferred message is drawn in flight, and how far apart the messages of one change leave. */
export const FLIGHT_MS = 700;
export const STAGGER_MS = 350;

export interface LiveMessage extends Envelope {
  /** The book's step, as the step table reads the inferred trace. */
  readonly step?: BookStep;
}

export type ChangeKind =
  | 'listed'
  | 'relisted'
  | 'created'
  | 'scheduled'
  | 'kubelet-took'
  | 'pulling'
  | 'pulled'
  | 'container-created'
  | 'started'
  | 'ready'
  | 'not-ready'
  | 'terminating'
  | 'deleted'
  | 'node-ready'
  | 'node-not-ready'
  | 'node-unknown'
  | 'changed';

/** One thing the page saw change, in the order it saw them. */
export interface Change {
  readonly at: number;
  readonly kind: ChangeKind;
  readonly resource: Resource;
  /** 'default/nginx-pod', or a node's name. */
  readonly name: string;
  readonly step?: BookStep;
  /** The node, the image, the event's message: what the sentence names beside the object. */
  readonly detail?: string;
}

/** An Event object as it came (new, or seen again with a higher count). */
export interface ObservedEvent {
  readonly at: number;
  readonly type: string;
  readonly reason: string;
  readonly object: string;
  readonly message: string;
  readonly source: string;
  readonly count: number;
}

const MAX_MESSAGES = 20_000;
const MAX_LOG = 500;

export const keyOf = (o: ApiObject) =>
  o.metadata?.namespace ? `${o.metadata.namespace}/${o.metadata.name ?? ''}` : (o.metadata?.name ?? '');

const ownedBy = (o: ApiObject) => o.metadata?.ownerReferences?.find((r) => r.controller)?.kind;

export class LiveObserver {
  private readonly objects = new Map<Resource, Map<string, ApiObject>>();
  private readonly created = new Map<string, number>();
  private trace: LiveMessage[] = [];
  private reader = new BookStepReader();
  private log: Change[] = [];
  private seenEvents: ObservedEvent[] = [];
  private nextId = 0;
  private lastSent = 0;
  /** Per pod: the inferred messages already sent once (a pull, a start), and the last one of its story. */
  private readonly podStory = new Map<string, { done: Set<string>; last?: number; watched?: number }>();
  /** Bumped on every change, so a view can tell a new picture from the last one. */
  version = 0;

  /** The person's kubectl, drawn on the cluster's control plane by its real name. */
  private kubectl(): string {
    return kubectlOn(this.all('nodes'));
  }

  /** What the page knows of one resource now. */
  all(resource: Resource): readonly ApiObject[] {
    return [...(this.objects.get(resource)?.values() ?? [])];
  }

  messages(): readonly LiveMessage[] {
    return this.trace;
  }

  changes(): readonly Change[] {
    return this.log;
  }

  events(): readonly ObservedEvent[] {
    return this.seenEvents;
  }

  /** The resource version etcd held for each object when it was first seen, for etcd's keys. */
  createdAt(resource: Resource, o: ApiObject): number | undefined {
    return this.created.get(`${resource}/${keyOf(o)}`);
  }

  /** A list's items are what the resource holds now: the start, or a relist after 410 Gone. */
  list(resource: Resource, items: readonly ApiObject[], now: number, again = false): void {
    const before = this.objects.get(resource);
    const map = new Map<string, ApiObject>();
    for (const o of items) map.set(keyOf(o), o);
    this.objects.set(resource, map);
    for (const o of items) this.noteCreated(resource, o);
    if (resource === 'events') {
      const sorted = [...items].sort(
        (a, b) => Number(a.metadata?.resourceVersion) - Number(b.metadata?.resourceVersion),
      );
      for (const e of sorted.slice(-50)) this.noteEvent(e, now, false);
    }
    // After a relist, what changed while the watch was gone is told as changes, without messages.
    if (again && before)
      for (const [k, o] of map) {
        const old = before.get(k);
        if (!old) this.note(now, 'created', resource, k);
        else if (old.metadata?.resourceVersion !== o.metadata?.resourceVersion)
          this.note(now, 'changed', resource, k);
      }
    this.note(now, again ? 'relisted' : 'listed', resource, String(items.length));
    this.version++;
  }

  /** One line of a watch stream. */
  watch(resource: Resource, line: WatchLine, now: number): void {
    if (line.type === 'BOOKMARK' || line.type === 'ERROR') return;
    const map = this.objects.get(resource) ?? new Map<string, ApiObject>();
    this.objects.set(resource, map);
    const k = keyOf(line.object);
    const prev = map.get(k);
    if (line.type === 'DELETED') map.delete(k);
    else {
      map.set(k, line.object);
      this.noteCreated(resource, line.object);
    }
    const chain = new Chain(this, now);
    if (resource === 'pods') this.pod(chain, prev, line.type === 'DELETED' ? undefined : line.object, k);
    else if (resource === 'nodes')
      this.node(chain, prev, line.type === 'DELETED' ? undefined : line.object, k);
    else if (resource === 'events') {
      if (line.type !== 'DELETED') this.event(chain, line.object, now);
    } else this.other(chain, resource, prev, line.type === 'DELETED' ? undefined : line.object, k);
    this.version++;
  }

  // ---- what each change is taken to mean ----

  private pod(c: Chain, prev: ApiObject | undefined, next: ApiObject | undefined, k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const subject = `pods/${k}`;
    const path = `/api/v1/namespaces/${ns}/pods`;
    const story = this.storyOf(k);
    const owner = next ? ownedBy(next) : prev ? ownedBy(prev) : undefined;
    const writer = owner ? 'controller-manager' : this.kubectl();
    if (!next) {
      const node = prev?.spec?.nodeName;
      // The kubelet deletes a terminating pod's object once its containers are gone.
      const from = node && prev?.metadata?.deletionTimestamp ? `kubelet@${node}` : writer;
      const del = c.send(from, 'apiserver', 'api.delete.pods', `DELETE ${path}/${name}`, subject);
      c.send('apiserver', 'etcd', 'etcd.txn', `delete /registry/pods/${k}`, subject, del);
      this.note(c.now, 'deleted', 'pods', k);
      this.podStory.delete(k);
      return;
    }
    const node = next.spec?.nodeName;
    if (!prev) {
      const post = c.send(writer, 'apiserver', 'api.create.pods', `POST ${path} (${name})`, subject);
      const put = c.send('apiserver', 'etcd', 'etcd.txn', `put /registry/pods/${k}`, subject, post);
      c.send('apiserver', 'controller-manager', 'watch.pods.added', `added pods/${name}`, subject, put);
      if (!node)
        story.watched = c.send(
          'apiserver',
          'scheduler',
          'watch.pods.added',
          `added pods/${name}`,
          subject,
          put,
        );
      this.note(c.now, 'created', 'pods', k, c.stepOf(post) ?? c.stepOf(put));
      if (node) this.bound(c, next, k, undefined);
      this.kubeletReports(c, undefined, next, k);
      return;
    }
    if (!prev.spec?.nodeName && node) this.bound(c, next, k, story.watched);
    if (!prev.metadata?.deletionTimestamp && next.metadata?.deletionTimestamp) {
      c.send(writer, 'apiserver', 'api.delete.pods', `DELETE ${path}/${name}`, subject);
      if (node)
        c.send('apiserver', `kubelet@${node}`, 'watch.pods.modified', `modified pods/${name}`, subject);
      this.note(c.now, 'terminating', 'pods', k);
      return;
    }
    this.kubeletReports(c, prev, next, k);
  }

  private bound(c: Chain, pod: ApiObject, k: string, watched: number | undefined): void {
    const node = pod.spec?.nodeName as string;
    const [ns, name] = k.split('/') as [string, string];
    const subject = `pods/${k}`;
    const bind = c.send(
      'scheduler',
      'apiserver',
      'api.bind.pods',
      `POST /api/v1/namespaces/${ns}/pods/${name}/binding (${node})`,
      subject,
      watched,
    );
    const put = c.send('apiserver', 'etcd', 'etcd.txn', `put /registry/pods/${k}`, subject, bind);
    this.note(c.now, 'scheduled', 'pods', k, c.stepOf(bind), node);
    const take = c.send(
      'apiserver',
      `kubelet@${node}`,
      'watch.pods.added',
      `added pods/${name}`,
      subject,
      put,
    );
    this.note(c.now, 'kubelet-took', 'pods', k, c.stepOf(take), node);
  }

  /** What the kubelet's status writes say: a container running it had not told of, and Ready. */
  private kubeletReports(c: Chain, prev: ApiObject | undefined, next: ApiObject, k: string): void {
    const node = next.spec?.nodeName;
    if (!node) return;
    const story = this.storyOf(k);
    const kubelet = `kubelet@${node}`;
    const subject = `pods/${k}`;
    const name = k.split('/')[1] as string;
    const statusPath = `PATCH /api/v1/namespaces/${k.split('/')[0]}/pods/${name}/status`;
    const wasReady = prev ? podReady(prev) : false;
    const ready = podReady(next);
    // A container the status shows running that was not before, whose Started event has not come yet (events
    // and pods are two streams). One already running when first seen (prev undefined after a list) started earlier.
    const wasRunning = new Set(
      (prev?.status?.containerStatuses ?? []).filter((cs) => cs.state?.running).map((cs) => cs.name),
    );
    if (prev)
      for (const cs of next.status?.containerStatuses ?? [])
        if (cs.state?.running && !wasRunning.has(cs.name))
          this.criStep(c, k, node, 'start', cs.name ?? '', undefined);
    const changed = !prev || JSON.stringify(prev.status) !== JSON.stringify(next.status);
    // The kubelet's first status write sets startTime; before it, only the scheduler's PodScheduled is there.
    if (!changed || !next.status?.startTime) return;
    if (ready !== wasReady) {
      // On a node gone Unknown, the node lifecycle controller marks its pods not Ready (the kubelet is silent).
      const silent = !ready && this.nodeUnknown(node);
      const report = c.send(
        silent ? 'controller-manager' : kubelet,
        'apiserver',
        'api.updateStatus.pods',
        `${statusPath} (Ready=${ready ? 'True' : 'False'})`,
        subject,
        ready ? story.last : undefined,
      );
      c.send('apiserver', 'etcd', 'etcd.txn', `put /registry/pods/${k}`, subject, report);
      this.note(c.now, ready ? 'ready' : 'not-ready', 'pods', k, ready ? c.stepOf(report) : undefined, node);
      return;
    }
    const report = c.send(
      kubelet,
      'apiserver',
      'api.updateStatus.pods',
      `${statusPath} (${next.status?.phase ?? ''})`,
      subject,
    );
    c.send('apiserver', 'etcd', 'etcd.txn', `put /registry/pods/${k}`, subject, report);
  }

  /** The kubelet's talk with the container runtime, once per container and verb, from an event or the status. */
  private nodeUnknown(node: string): boolean {
    const n = this.objects.get('nodes')?.get(node);
    return n !== undefined && nodeReady(n) === 'Unknown';
  }

  private criStep(
    c: Chain,
    k: string,
    node: string,
    verb: 'pull' | 'pulled' | 'create' | 'start',
    container: string,
    detail: string | undefined,
  ): void {
    const story = this.storyOf(k);
    const once = `${verb}:${container}`;
    if (story.done.has(once)) return;
    story.done.add(once);
    const subject = `pods/${k}`;
    const kubelet = `kubelet@${node}`;
    const runtime = `runtime@${node}`;
    const what = detail ?? container;
    let id: number;
    let kind: ChangeKind;
    if (verb === 'pull') {
      id = c.send(kubelet, runtime, 'cri.pullImage', `PullImage ${what}`, subject);
      kind = 'pulling';
    } else if (verb === 'pulled') {
      id = c.send(runtime, kubelet, 'cri.result', `pulled ${what}`, subject, story.last);
      kind = 'pulled';
    } else if (verb === 'create') {
      id = c.send(kubelet, runtime, 'cri.createContainer', `CreateContainer ${container}`, subject);
      kind = 'container-created';
    } else {
      id = c.send(kubelet, runtime, 'cri.startContainer', `StartContainer ${container}`, subject);
      c.send(runtime, `pods@${node}`, 'container.started', `container ${container} started`, subject, id);
      kind = 'started';
    }
    story.last = id;
    this.note(c.now, kind, 'pods', k, c.stepOf(id), what);
  }

  private event(c: Chain, e: ApiObject, now: number): void {
    this.noteEvent(e, now, true);
    const from = sourceComponent(e, this.kubectl());
    const ns = e.metadata?.namespace ?? 'default';
    const subject =
      e.involvedObject?.kind === 'Pod' ? `pods/${ns}/${e.involvedObject.name ?? ''}` : undefined;
    c.send(
      from,
      'apiserver',
      'api.create.events',
      `POST /api/v1/namespaces/${ns}/events (${e.reason ?? ''})`,
      subject ?? `events/${keyOf(e)}`,
    );
    const node = e.source?.host;
    if (e.involvedObject?.kind !== 'Pod' || !node || !from.startsWith('kubelet@')) return;
    const k = `${e.involvedObject.namespace ?? ns}/${e.involvedObject.name ?? ''}`;
    const container = /spec\.containers\{(.+)\}/.exec(e.involvedObject.fieldPath ?? '')?.[1] ?? '';
    const image = /image "([^"]+)"/.exec(e.message ?? '')?.[1];
    if (e.reason === 'Pulling') this.criStep(c, k, node, 'pull', container, image);
    else if (e.reason === 'Pulled') {
      this.criStep(c, k, node, 'pull', container, image);
      this.criStep(c, k, node, 'pulled', container, image);
    } else if (e.reason === 'Created') this.criStep(c, k, node, 'create', container, undefined);
    else if (e.reason === 'Started') {
      this.criStep(c, k, node, 'create', container, undefined);
      this.criStep(c, k, node, 'start', container, undefined);
    }
  }

  private node(c: Chain, prev: ApiObject | undefined, next: ApiObject | undefined, name: string): void {
    const subject = `nodes/${name}`;
    if (!next) {
      c.send(this.kubectl(), 'apiserver', 'api.delete.nodes', `DELETE /api/v1/nodes/${name}`, subject);
      this.note(c.now, 'deleted', 'nodes', name);
      return;
    }
    if (!prev) {
      c.send(`kubelet@${name}`, 'apiserver', 'api.create.nodes', `POST /api/v1/nodes (${name})`, subject);
      this.note(c.now, 'created', 'nodes', name);
    }
    const was = prev ? nodeReady(prev) : undefined;
    const now = nodeReady(next);
    if (now === was || now === undefined) return;
    // Unknown is written by the node lifecycle controller when the kubelet's heartbeats stop; True and False by the kubelet itself.
    const from = now === 'Unknown' ? 'controller-manager' : `kubelet@${name}`;
    const w = c.send(
      from,
      'apiserver',
      'api.updateStatus.nodes',
      `PATCH /api/v1/nodes/${name}/status (Ready=${now})`,
      subject,
    );
    c.send('apiserver', 'etcd', 'etcd.txn', `put /registry/minions/${name}`, subject, w);
    const message = next.status?.conditions?.find((x) => x.type === 'Ready')?.message;
    this.note(
      c.now,
      now === 'True' ? 'node-ready' : now === 'False' ? 'node-not-ready' : 'node-unknown',
      'nodes',
      name,
      undefined,
      message,
    );
  }

  private other(
    c: Chain,
    resource: Resource,
    prev: ApiObject | undefined,
    next: ApiObject | undefined,
    k: string,
  ): void {
    const o = (next ?? prev) as ApiObject;
    const [ns, name] = k.split('/') as [string, string];
    const base =
      resource === 'services'
        ? `/api/v1/namespaces/${ns}/services`
        : `/apis/apps/v1/namespaces/${ns}/${resource}`;
    const subject = `${resource}/${k}`;
    // A ReplicaSet is written by the Deployment controller; a spec by a person, a status by its controller.
    const person = resource === 'replicasets' && ownedBy(o) ? 'controller-manager' : this.kubectl();
    const etcdKey = resource === 'services' ? `/registry/services/specs/${k}` : `/registry/${resource}/${k}`;
    let id: number;
    if (!next) {
      id = c.send(person, 'apiserver', `api.delete.${resource}`, `DELETE ${base}/${name}`, subject);
      this.note(c.now, 'deleted', resource, k);
    } else if (!prev) {
      id = c.send(person, 'apiserver', `api.create.${resource}`, `POST ${base} (${name})`, subject);
      this.note(c.now, 'created', resource, k, c.stepOf(id));
    } else if (prev.metadata?.generation !== next.metadata?.generation) {
      id = c.send(person, 'apiserver', `api.update.${resource}`, `PUT ${base}/${name}`, subject);
      this.note(c.now, 'changed', resource, k);
    } else {
      id = c.send(
        resource === 'services' ? this.kubectl() : 'controller-manager',
        'apiserver',
        `api.updateStatus.${resource}`,
        `PUT ${base}/${name}/status`,
        subject,
      );
    }
    const put = c.send('apiserver', 'etcd', 'etcd.txn', `${next ? 'put' : 'delete'} ${etcdKey}`, subject, id);
    const verb = !next ? 'deleted' : !prev ? 'added' : 'modified';
    if (resource !== 'services')
      c.send(
        'apiserver',
        'controller-manager',
        `watch.${resource}.${verb}`,
        `${verb} ${resource}/${name}`,
        subject,
        put,
      );
    else
      for (const n of this.all('nodes'))
        c.send(
          'apiserver',
          `kube-proxy@${n.metadata?.name ?? ''}`,
          `watch.services.${verb}`,
          `${verb} services/${name}`,
          subject,
          put,
        );
  }

  // ---- bookkeeping ----

  /** Appends an inferred message; its step is read by the book's step table. */
  append(m: Omit<LiveMessage, 'id' | 'step'>): LiveMessage {
    const sentAt = Math.max(m.sentAt, this.lastSent);
    this.lastSent = sentAt;
    const e: Envelope = {
      ...m,
      id: ++this.nextId,
      sentAt: sentAt as Envelope['sentAt'],
      deliverAt: (sentAt + FLIGHT_MS) as Envelope['deliverAt'],
    };
    const step = this.reader.read([...this.pending(e)]).get(e.id);
    const out: LiveMessage = step === undefined ? e : { ...e, step };
    this.trace.push(out);
    if (this.trace.length > MAX_MESSAGES) {
      this.trace = this.trace.slice(MAX_MESSAGES / 2);
      this.reader = new BookStepReader();
      this.fed = [];
    }
    return out;
  }

  private fed: Envelope[] = [];
  /** The reader reads a growing array: it is fed the messages in order, once. */
  private pending(e: Envelope): Envelope[] {
    this.fed.push(e);
    return this.fed;
  }

  private storyOf(k: string) {
    let s = this.podStory.get(k);
    if (!s) {
      s = { done: new Set() };
      this.podStory.set(k, s);
    }
    return s;
  }

  private noteCreated(resource: Resource, o: ApiObject): void {
    const k = `${resource}/${keyOf(o)}`;
    if (!this.created.has(k)) this.created.set(k, Number(o.metadata?.resourceVersion ?? 0));
  }

  private note(
    at: number,
    kind: ChangeKind,
    resource: Resource,
    name: string,
    step?: BookStep,
    detail?: string,
  ): void {
    const c: Change = {
      at,
      kind,
      resource,
      name,
      ...(step === undefined ? {} : { step }),
      ...(detail === undefined ? {} : { detail }),
    };
    this.log.push(c);
    if (this.log.length > MAX_LOG) this.log = this.log.slice(-MAX_LOG / 2);
  }

  private noteEvent(e: ApiObject, at: number, live: boolean): void {
    const o = e.involvedObject;
    const seen: ObservedEvent = {
      at: live ? at : 0,
      type: e.type ?? '',
      reason: e.reason ?? '',
      object: `${(o?.kind ?? '').toLowerCase()}/${o?.name ?? ''}`,
      message: e.message ?? '',
      source: [e.source?.component ?? e.reportingComponent ?? '', e.source?.host ?? '']
        .filter(Boolean)
        .join(', '),
      count: e.count ?? 1,
    };
    this.seenEvents.push(seen);
    if (this.seenEvents.length > MAX_LOG) this.seenEvents = this.seenEvents.slice(-MAX_LOG / 2);
  }
}

/** The messages of one observed change, leaving one after another. */
class Chain {
  private i = 0;
  private readonly steps = new Map<number, BookStep>();
  constructor(
    private readonly obs: LiveObserver,
    readonly now: number,
  ) {}

  send(from: string, to: string, kind: string, summary: string, subject: string, cause?: number): number {
    const at = this.now + STAGGER_MS * this.i++;
    const m = this.obs.append({
      from,
      to,
      kind,
      summary,
      subject,
      sentAt: at as Envelope['sentAt'],
      deliverAt: (at + FLIGHT_MS) as Envelope['deliverAt'],
      ...(cause === undefined ? {} : { cause }),
    });
    if (m.step !== undefined) this.steps.set(m.id, m.step);
    return m.id;
  }

  stepOf(id: number): BookStep | undefined {
    return this.steps.get(id);
  }
}

/** The component that posted an event: the kubelet of its node, the scheduler, a controller. */
function sourceComponent(e: ApiObject, kubectl: string): string {
  const who = e.source?.component ?? e.reportingComponent ?? '';
  if (who === 'kubelet' && e.source?.host) return `kubelet@${e.source.host}`;
  if (who === 'default-scheduler' || who.includes('scheduler')) return 'scheduler';
  if (who === 'kubectl') return kubectl;
  return 'controller-manager';
}
