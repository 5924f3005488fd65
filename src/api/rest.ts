// The REST API of the simulated lab: an HTTP request, as real kubectl sends it, becomes
// a request of kubectl on the lab's master to the simulated API server (drawn on the
// trace like the in-page kubectl's), and its answer goes back in the API's JSON. The
// routes and their errors follow the 1.18.4 API server (apiserver pkg/endpoints);
// docs/FACTS-api.md lists what was checked and what the lab does not serve.

import { createdFromWire, updatedFromWire } from '../shell/kubectl/fromWire';
import { logText, notStarted } from '../shell/kubectl/logs';
import { wireObject } from '../shell/kubectl/objectPrinter';
import type { JsonValue } from '../shell/manifestYaml';
import type { ApiRequest, ApiResponse, SimCluster, WatchEvent } from '../sim/api';
import type { HostName } from '../sim/inputs';
import type { KubeObject, Pod, Resource } from '../sim/objects';
import { namespaced } from '../sim/objects';
import type { Profile } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import { groupResource, kindOf, resourceKinds } from '../sim/resourceKinds';
import type { SimMs } from '../sim/units';
import {
  AGGREGATED_V2,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  asksAggregated,
  hasSubresource,
} from './discovery';
import type { HttpRequest, Reply } from './http';
import { json, queryOf, text } from './http';
import { openApiV2 } from './openapi';
import type { PatchType } from './patch';
import { applyPatchOf, patchTypes } from './patch';
import { decodeProtobufBody } from './protobuf';
import { badRequest, detailsOf, invalid, methodNotAllowed, notFoundPath, status } from './status';
import { tableOptionsError } from './tables';

type Map = { [k: string]: JsonValue };

const isMap = (v: JsonValue | undefined): v is Map =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the REST layer needs of the lab it serves. */
export interface ApiLab {
  readonly cluster: SimCluster;
  /** Cluster timers (a watch's timeoutSeconds, logs -f's polling). */
  after(ms: number, fn: () => void): () => void;
  /** The wall-clock time of cluster time 0, for the times objects carry. */
  readonly epochMs: number;
  /** The host whose kubectl the requests are drawn from. */
  readonly from: HostName;
}

/** Server-side printing (tables.ts), passed in so this file does not hold the columns. */
export interface TablePrinter {
  list(resource: Resource, items: readonly KubeObject[], opts: TableOptions): unknown;
  watchEvent(
    resource: Resource,
    object: KubeObject,
    opts: TableOptions & { readonly first: boolean },
  ): unknown;
}

export interface TableOptions {
  readonly now: SimMs;
  readonly includeObject: 'None' | 'Metadata' | 'Object';
  readonly resourceVersion: string;
  readonly epochMs: number;
  /** 1.18 sets a list's selfLink to the request's path (RemoveSelfLink is off). */
  readonly selfLink?: string;
  /** RESTARTS as `1 (5m ago)`, a string column (printers.go since 1.22): the lab's profile says. */
  readonly restartsWithAge?: boolean;
  /** The rows' objects (and a watch event's Table) carry selfLink, as before 1.24 (default true). */
  readonly selfLinks?: boolean;
}

/** What the lab's version changes in a Table (its profile). */
function tableVersion(lab: ApiLab): Pick<TableOptions, 'restartsWithAge' | 'selfLinks'> {
  const p = profileOf(lab.cluster.options.profile);
  return { restartsWithAge: p.kubectl.restartsWithAge, selfLinks: p.apiServer.selfLink };
}

interface Target {
  readonly resource: Resource;
  readonly group: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly sub?: string;
}

type Route = { readonly reply: Reply } | { readonly target: Target };

/** The routes of discovery, and the resource a path names. */
export function route(path: string, profile: Profile = profileOf(undefined)): Route | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  if (path === '/api' || path === '/api/') return { reply: json(200, apiVersions()) };
  if (path === '/apis' || path === '/apis/') return { reply: json(200, apiGroupList()) };
  if (path === '/version') return { reply: json(200, profile.apiServer.versionInfo) };
  if (path === '/healthz' || path === '/livez' || path === '/readyz') return { reply: text(200, 'ok') };
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1] as string;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 2) {
    group = parts[1] as string;
    if (parts.length === 2) {
      const g = apiGroup(group);
      return g ? { reply: json(200, g) } : undefined;
    }
    version = parts[2] as string;
    rest = parts.slice(3);
  } else return undefined;
  if (rest.length === 0) {
    const list = apiResourceList(group, version, profile);
    return list ? { reply: json(200, list) } : undefined;
  }
  const served = (name: string) =>
    resourceKinds.find((k) => k.resource === name && k.group === group && k.version === version);
  let namespace: string | undefined;
  // /namespaces/NS/RESOURCE/..., but /namespaces/NAME/status is the Namespace's own subresource.
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, sub, ...more] = rest;
  const kind = served(resource as string);
  if (!kind || more.length > 0) return undefined;
  if (namespace !== undefined && !kind.namespaced) return undefined;
  if (sub !== undefined && !hasSubresource(kind.resource, sub, profile)) return undefined;
  return {
    target: {
      resource: kind.resource,
      group,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(sub !== undefined ? { sub } : {}),
    },
  };
}

/** A failed ApiResponse as the Status the API server sends. */
function failure(res: Exclude<ApiResponse, { ok: true }>, t: Target, name?: string): Reply {
  if (res.code === 0) return { drop: true };
  if (res.reason === 'Invalid') return invalid(res.message);
  const details =
    res.reason === 'InternalError' || res.reason === 'BadRequest'
      ? undefined
      : detailsOf(t.resource, t.group, name ?? t.name);
  return status(res.code, res.reason, res.message, details);
}

function listKind(resource: Resource): string {
  return `${kindOf(resource).kind}List`;
}

function apiVersionOfTarget(t: Target): string {
  const k = kindOf(t.resource);
  return k.group ? `${k.group}/${k.version}` : k.version;
}

function selfLinkOf(t: Target): string {
  const k = kindOf(t.resource);
  const root = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  return `${root}${t.namespace !== undefined ? `/namespaces/${t.namespace}` : ''}/${t.resource}`;
}

/** An item of a list: the API server leaves out each item's apiVersion and kind. */
/** The object as this lab's API server sends it: 1.24+ set no selfLink (the lab's profile). */
function served(lab: ApiLab, o: KubeObject): Map {
  const { selfLink, nullTemplateTimestamp } = profileOf(lab.cluster.options.profile).apiServer;
  return wireObject(o, lab.epochMs, { selfLink, nullTemplateTimestamp }) as Map;
}

/** A list's metadata: 1.18's carries the request's selfLink, a 1.24+ server's none. */
function listMeta(lab: ApiLab, t: Target, resourceVersion: string): Map {
  return profileOf(lab.cluster.options.profile).apiServer.selfLink
    ? { selfLink: selfLinkOf(t), resourceVersion }
    : { resourceVersion };
}

function listItem(lab: ApiLab, o: KubeObject): Map {
  const { apiVersion: _v, kind: _k, ...rest } = served(lab, o);
  return rest;
}

/**
 * Events in the order a real API server lists them: by key, and a real event's name is
 * its object's name and the recorder's clock in hex, so by object, then by creation. The
 * lab's event names end in random letters, so that order is rebuilt from the times.
 */
function inKeyOrder(items: readonly KubeObject[]): KubeObject[] {
  // `<object>.<hex>`: the dot sorts after `-`, so a pod's events come before its ReplicaSet's.
  const key = (o: KubeObject) => `${o.kind === 'Event' ? o.involvedObject.name : o.metadata.name}.`;
  return [...items].sort(
    (a, b) =>
      (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) ||
      a.metadata.creationTimestamp - b.metadata.creationTimestamp ||
      a.metadata.resourceVersion - b.metadata.resourceVersion,
  );
}

function tableAsked(req: HttpRequest): boolean {
  return /as=Table/.test(req.headers.accept ?? '') && /g=meta\.k8s\.io/.test(req.headers.accept ?? '');
}

function includeObjectOf(q: URLSearchParams): TableOptions['includeObject'] {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function decodeBody(req: HttpRequest): { ok: true; value: JsonValue } | { ok: false; reply: Reply } {
  // JSON (and YAML's JSON subset), or protobuf: kubectl 1.33's typed clients send protobuf
  // and do not send JSON again on a 415. CBOR (1.32+, off by default) is not read.
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (type === 'application/vnd.kubernetes.protobuf') {
    const decoded = decodeProtobufBody(req.raw ?? new TextEncoder().encode(req.body));
    return decoded.ok ? decoded : { ok: false, reply: badRequest(decoded.message) };
  }
  if (type === 'application/cbor')
    return {
      ok: false,
      reply: status(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
        {},
      ),
    };
  try {
    return { ok: true, value: JSON.parse(req.body) as JsonValue };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      reply: badRequest(
        `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (${why})`,
      ),
    };
  }
}

const isTrue = (v: string | null) => v === 'true' || v === '1';

/**
 * Answers one request. `reply` is called once, in cluster time (after the simulated
 * API server answered). Returns the function that cancels it (the client went away).
 */
export function serve(
  lab: ApiLab,
  req: HttpRequest,
  reply: (r: Reply) => void,
  tables?: TablePrinter,
): () => void {
  // The lab's version (src/sim/profiles): what this server says it is, and how it prints.
  const profile = profileOf(lab.cluster.options.profile);
  if (req.path === '/openapi/v2' && req.method === 'GET') {
    const doc = openApiV2(req.headers.accept ?? '', profile.kubernetesVersion);
    return once(reply, {
      answer: { status: doc.status, headers: { 'content-type': doc.contentType }, body: doc.body },
    });
  }
  // A 1.36 server answers aggregated discovery to a client that asks for it (kubectl 1.26+ does, first).
  const root =
    req.path === '/api' || req.path === '/api/'
      ? 'core'
      : req.path === '/apis' || req.path === '/apis/'
        ? 'groups'
        : undefined;
  if (
    root &&
    req.method === 'GET' &&
    profile.apiServer.discovery.aggregated &&
    asksAggregated(req.headers.accept ?? '')
  ) {
    return once(reply, {
      answer: {
        status: 200,
        headers: { 'content-type': AGGREGATED_V2, vary: 'Accept' },
        body: `${JSON.stringify(aggregatedDiscovery(root === 'core', profile))}\n`,
      },
    });
  }
  const r = route(req.path, profile);
  if (!r) {
    reply(notFoundPath());
    return () => {};
  }
  if ('reply' in r) {
    if (req.method !== 'GET') reply(methodNotAllowed());
    else reply(r.reply);
    return () => {};
  }
  const t = r.target;
  const q = queryOf(req.query);
  const badTable = tables && tableAsked(req) ? tableOptionsError(q.get('includeObject')) : undefined;
  if (badTable) return once(reply, badRequest(badTable));
  const send = (a: ApiRequest, on: (res: ApiResponse) => void) => lab.cluster.request(lab.from, a, on);
  const base = {
    resource: t.resource,
    ...(t.namespace !== undefined ? { namespace: t.namespace } : {}),
  };
  const dryRun = q.get('dryRun') === 'All';
  const m = req.method;

  // A collection: list, watch, create, deletecollection.
  if (t.name === undefined) {
    if (m === 'GET') {
      const selectors = {
        ...(q.get('labelSelector') ? { labelSelector: q.get('labelSelector') as string } : {}),
        ...(q.get('fieldSelector') ? { fieldSelector: q.get('fieldSelector') as string } : {}),
        ...(t.namespace === undefined && namespaced[t.resource] ? { allNamespaces: true } : {}),
      };
      if (isTrue(q.get('watch')))
        return watch(lab, req, t, { ...base, ...selectors, verb: 'watch' }, reply, tables);
      return send({ ...base, ...selectors, verb: 'list' }, (res) => {
        if (!res.ok) return reply(failure(res, t));
        const items = t.resource === 'events' ? inKeyOrder(res.items ?? []) : (res.items ?? []);
        const rv = String(lab.cluster.etcdRevision());
        if (tables && tableAsked(req)) {
          return reply(
            json(
              200,
              tables.list(t.resource, items, {
                now: lab.cluster.now,
                includeObject: includeObjectOf(q),
                resourceVersion: rv,
                epochMs: lab.epochMs,
                ...tableVersion(lab),
                ...(profileOf(lab.cluster.options.profile).apiServer.selfLink ? { selfLink: req.path } : {}),
              }),
            ),
          );
        }
        reply(
          json(200, {
            kind: listKind(t.resource),
            apiVersion: apiVersionOfTarget(t),
            metadata: listMeta(lab, t, rv),
            items: items.map((o) => listItem(lab, o)),
          }),
        );
      });
    }
    if (m === 'POST') {
      const body = decodeBody(req);
      if (!body.ok) return once(reply, body.reply);
      if (!isMap(body.value)) return once(reply, badRequest('the body of the request must be an object'));
      const doc = body.value;
      const meta = isMap(doc.metadata) ? doc.metadata : {};
      if (t.namespace !== undefined && typeof meta.namespace === 'string' && meta.namespace !== t.namespace)
        return once(
          reply,
          badRequest('the namespace of the provided object does not match the namespace sent on the request'),
        );
      if (doc.kind !== kindOf(t.resource).kind)
        return once(
          reply,
          badRequest(
            `${kindOf(t.resource).kind} in version "${kindOf(t.resource).version}" cannot be handled as a ${kindOf(t.resource).kind}: the kind of the body is "${String(doc.kind ?? '')}"`,
          ),
        );
      const withNs =
        t.namespace !== undefined ? { ...doc, metadata: { ...meta, namespace: t.namespace } } : doc;
      const decoded = createdFromWire(withNs);
      if (!decoded.ok) return once(reply, badRequest(decoded.message));
      return send({ ...base, verb: 'create', body: decoded.object, ...(dryRun ? { dryRun } : {}) }, (res) => {
        if (!res.ok) return reply(failure(res, t, decoded.object.metadata.name));
        reply(json(201, served(lab, res.object as KubeObject)));
      });
    }
    if (m === 'DELETE') {
      // deletecollection: the list, then each one deleted.
      return send(
        {
          ...base,
          verb: 'list',
          ...(q.get('labelSelector') ? { labelSelector: q.get('labelSelector') as string } : {}),
        },
        (res) => {
          if (!res.ok) return reply(failure(res, t));
          const items = res.items ?? [];
          let left = items.length;
          const done = () =>
            reply(
              json(200, {
                kind: listKind(t.resource),
                apiVersion: apiVersionOfTarget(t),
                metadata: listMeta(lab, t, String(lab.cluster.etcdRevision())),
                items: items.map((o) => listItem(lab, o)),
              }),
            );
          if (left === 0) return done();
          for (const o of items)
            send(
              {
                resource: t.resource,
                namespace: o.metadata.namespace,
                name: o.metadata.name,
                verb: 'delete',
              },
              () => {
                left--;
                if (left === 0) done();
              },
            );
        },
      );
    }
    return once(reply, methodNotAllowed());
  }

  const named = { ...base, name: t.name };
  if (t.sub === 'log') return logs(lab, t, q, reply);
  if (t.sub === 'scale') return scale(lab, req, t, reply);
  if (t.sub === 'binding' || t.sub === 'eviction') {
    if (m !== 'POST') return once(reply, methodNotAllowed());
    const body = decodeBody(req);
    if (!body.ok) return once(reply, body.reply);
    if (t.sub === 'binding') {
      const target = isMap(body.value) && isMap(body.value.target) ? body.value.target.name : undefined;
      return send({ ...named, verb: 'bind', nodeName: typeof target === 'string' ? target : '' }, (res) => {
        if (!res.ok) return reply(failure(res, t));
        reply(json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }));
      });
    }
    const opts = isMap(body.value) && isMap(body.value.deleteOptions) ? body.value.deleteOptions : {};
    const grace =
      typeof opts.gracePeriodSeconds === 'number' ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {};
    return send({ ...named, verb: 'delete', ...grace }, (res) => {
      if (!res.ok) return reply(failure(res, t));
      reply(json(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }));
    });
  }
  if (
    t.sub === 'exec' ||
    t.sub === 'attach' ||
    t.sub === 'portforward' ||
    t.sub === 'proxy' ||
    t.sub === 'finalize'
  )
    return once(reply, status(400, 'BadRequest', `Upgrade request required`));

  if (m === 'GET') {
    if (isTrue(q.get('watch'))) return watch(lab, req, t, { ...named, verb: 'watch' }, reply, tables);
    return send({ ...named, verb: 'get' }, (res) => {
      if (!res.ok) return reply(failure(res, t));
      const o = res.object as KubeObject;
      if (tables && tableAsked(req))
        return reply(
          json(
            200,
            tables.list(t.resource, [o], {
              now: lab.cluster.now,
              includeObject: includeObjectOf(q),
              resourceVersion: String(o.metadata.resourceVersion),
              epochMs: lab.epochMs,
              ...tableVersion(lab),
            }),
          ),
        );
      reply(json(200, served(lab, o)));
    });
  }
  if (m === 'PUT' || m === 'PATCH') return update(lab, req, t, dryRun, reply);
  if (m === 'DELETE') {
    let opts: Map = {};
    if (req.body.trim() !== '') {
      const body = decodeBody(req);
      if (!body.ok) return once(reply, body.reply);
      if (isMap(body.value)) opts = body.value;
    }
    const graceText = q.get('gracePeriodSeconds');
    const grace =
      typeof opts.gracePeriodSeconds === 'number'
        ? opts.gracePeriodSeconds
        : graceText !== null
          ? Number(graceText)
          : undefined;
    const orphan =
      opts.propagationPolicy === 'Orphan' ||
      opts.orphanDependents === true ||
      q.get('propagationPolicy') === 'Orphan';
    const deleteIt = () =>
      send(
        {
          ...named,
          verb: 'delete',
          ...(grace !== undefined && Number.isFinite(grace)
            ? { gracePeriodSeconds: grace, ...(grace === 0 ? { force: true } : {}) }
            : {}),
          ...(dryRun ? { dryRun } : {}),
        },
        (res) => {
          if (!res.ok) return reply(failure(res, t));
          const o = res.object as KubeObject;
          // Pods come back as the object (graceful deletion); other kinds as a Status.
          if (t.resource === 'pods') return reply(json(200, served(lab, o)));
          reply(
            json(200, {
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Success',
              details: {
                name: t.name,
                ...(t.group ? { group: t.group } : {}),
                kind: t.resource,
                uid: o?.metadata.uid,
              },
            }),
          );
        },
      );
    const dependents = dependentsOf[t.resource];
    if (!orphan || dryRun || !dependents) return deleteIt();
    // Orphan: what the garbage collector's orphan finalizer does, the owner references of
    // the dependents are removed first, then the owner goes (the lab's collector only cascades).
    let cancel = send({ ...named, verb: 'get' }, (res) => {
      if (!res.ok) return reply(failure(res, t));
      const uid = (res.object as KubeObject).metadata.uid;
      cancel = send({ resource: dependents, namespace: t.namespace, verb: 'list' }, (list) => {
        const owned = (list.ok ? (list.items ?? []) : []).filter((o) =>
          o.metadata.ownerReferences?.some((r) => r.uid === uid),
        );
        let left = owned.length;
        if (left === 0) {
          cancel = deleteIt();
          return;
        }
        for (const o of owned)
          send(
            {
              resource: dependents,
              namespace: o.metadata.namespace,
              name: o.metadata.name,
              verb: 'patch',
              patch: (cur) => {
                const refs = cur.metadata.ownerReferences?.filter((r) => r.uid !== uid) ?? [];
                const { ownerReferences: _, ...meta } = cur.metadata;
                return {
                  ...cur,
                  metadata: refs.length > 0 ? { ...meta, ownerReferences: refs } : meta,
                } as KubeObject;
              },
            },
            () => {
              left--;
              if (left === 0) cancel = deleteIt();
            },
          );
      });
    });
    return () => cancel();
  }
  return once(reply, methodNotAllowed());
}

/** What a kind's garbage collection reaches: a Deployment's ReplicaSets, their pods, a DaemonSet's pods. */
const dependentsOf: Partial<Record<Resource, Resource>> = {
  deployments: 'replicasets',
  replicasets: 'pods',
  daemonsets: 'pods',
};

function once(reply: (r: Reply) => void, r: Reply): () => void {
  reply(r);
  return () => {};
}

/** PUT (the whole object) or PATCH (a change to it): read, change, write back through the API server's own patch. */
function update(
  lab: ApiLab,
  req: HttpRequest,
  t: Target,
  dryRun: boolean,
  reply: (r: Reply) => void,
): () => void {
  const body = decodeBody(req);
  if (!body.ok) return once(reply, body.reply);
  let patchType: PatchType | undefined;
  if (req.method === 'PATCH') {
    const ct = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    patchType = patchTypes.find((p) => p === ct);
    if (!patchType)
      return once(
        reply,
        status(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: ${patchTypes.join(', ')}`,
        ),
      );
  } else if (!isMap(body.value)) return once(reply, badRequest('the body of the request must be an object'));
  let problem: string | undefined;
  let conflict = false;
  const statusOnly = t.sub === 'status';
  const change = (current: KubeObject): KubeObject => {
    const wire = served(lab, current);
    let next: Map;
    if (patchType) {
      const p = applyPatchOf(patchType, wire, body.value as JsonValue);
      if (!p.ok) {
        problem = p.message;
        return current;
      }
      next = p.doc;
    } else {
      next = body.value as Map;
      const rv = isMap(next.metadata) ? next.metadata.resourceVersion : undefined;
      if (typeof rv === 'string' && rv !== '' && rv !== String(current.metadata.resourceVersion)) {
        conflict = true;
        return current;
      }
    }
    if (statusOnly) return current;
    const decoded = updatedFromWire(current, next, lab.epochMs);
    if (!decoded.ok) {
      problem = decoded.message;
      return current;
    }
    return decoded.object;
  };
  if (dryRun) {
    return lab.cluster.request(
      lab.from,
      { resource: t.resource, namespace: t.namespace, name: t.name, verb: 'get' },
      (res) => {
        if (!res.ok) return reply(failure(res, t));
        const next = change(res.object as KubeObject);
        if (problem) return reply(invalid(problem));
        reply(json(200, served(lab, next)));
      },
    );
  }
  return lab.cluster.request(
    lab.from,
    {
      resource: t.resource,
      namespace: t.namespace,
      name: t.name,
      verb: statusOnly ? 'updateStatus' : 'patch',
      patch: change,
    },
    (res) => {
      if (!res.ok) return reply(failure(res, t));
      if (conflict)
        return reply(
          status(
            409,
            'Conflict',
            `Operation cannot be fulfilled on ${groupResource(t.resource)} "${t.name}": the object has been modified; please apply your changes to the latest version and try again`,
            detailsOf(t.resource, t.group, t.name),
          ),
        );
      if (problem) {
        return reply(/is invalid/.test(problem) ? invalid(problem) : badRequest(problem));
      }
      reply(json(200, served(lab, res.object as KubeObject)));
    },
  );
}

/** GET and PATCH/PUT of …/scale: the autoscaling/v1 Scale of a Deployment or ReplicaSet. */
function scale(lab: ApiLab, req: HttpRequest, t: Target, reply: (r: Reply) => void): () => void {
  const scaleOf = (o: KubeObject): Map => {
    const replicas = o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? o.spec.replicas : 0;
    const current = o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? o.status.replicas : 0;
    const selector =
      o.kind === 'Deployment' || o.kind === 'ReplicaSet'
        ? Object.entries(o.spec.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : '';
    const meta = served(lab, o).metadata as Map;
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: meta.name ?? null,
        namespace: meta.namespace ?? null,
        ...(meta.selfLink !== undefined ? { selfLink: `${String(meta.selfLink)}/scale` } : {}),
        uid: meta.uid ?? null,
        resourceVersion: meta.resourceVersion ?? null,
        creationTimestamp: meta.creationTimestamp ?? null,
      },
      spec: { replicas },
      status: { replicas: current, selector },
    };
  };
  const named = { resource: t.resource, namespace: t.namespace, name: t.name };
  if (req.method === 'GET')
    return lab.cluster.request(lab.from, { ...named, verb: 'get' }, (res) => {
      if (!res.ok) return reply(failure(res, t));
      reply(json(200, scaleOf(res.object as KubeObject)));
    });
  const body = decodeBody(req);
  if (!body.ok) return once(reply, body.reply);
  let problem: string | undefined;
  const change = (o: KubeObject): KubeObject => {
    if (o.kind !== 'Deployment' && o.kind !== 'ReplicaSet') return o;
    let next: JsonValue = body.value;
    if (req.method === 'PATCH') {
      const ct = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      const type = patchTypes.find((p) => p === ct);
      if (!type) {
        problem = 'unsupported patch type';
        return o;
      }
      const p = applyPatchOf(type, scaleOf(o), body.value);
      if (!p.ok) {
        problem = p.message;
        return o;
      }
      next = p.doc;
    }
    const spec = isMap(next) && isMap(next.spec) ? next.spec : {};
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : o.spec.replicas;
    if (!Number.isInteger(replicas) || replicas < 0) {
      problem = `Scale.autoscaling "${t.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`;
      return o;
    }
    return o.kind === 'Deployment'
      ? { ...o, spec: { ...o.spec, replicas } }
      : { ...o, spec: { ...o.spec, replicas } };
  };
  return lab.cluster.request(lab.from, { ...named, verb: 'patch', patch: change }, (res) => {
    if (!res.ok) return reply(failure(res, t));
    if (problem) return reply(invalid(problem));
    reply(json(200, scaleOf(res.object as KubeObject)));
  });
}

/** GET …/pods/NAME/log: what the pod's kubelet answers, through the API server. */
function logs(lab: ApiLab, t: Target, q: URLSearchParams, reply: (r: Reply) => void): () => void {
  return lab.cluster.request(
    lab.from,
    { resource: 'pods', namespace: t.namespace, name: t.name, verb: 'get' },
    (res) => {
      if (!res.ok) return reply(failure(res, t));
      const pod = res.object as Pod;
      const names = pod.spec.containers.map((c) => c.name);
      const container = q.get('container') ?? (names.length === 1 ? names[0] : undefined);
      if (container === undefined)
        return reply(
          badRequest(
            `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`,
          ),
        );
      if (!names.includes(container))
        return reply(badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`));
      const previous = isTrue(q.get('previous'));
      const bad = notStarted(pod, container, previous);
      if (bad) return reply(badRequest(bad));
      const node = pod.spec.nodeName ?? '';
      const read = () => lab.cluster.containerLogs(node, pod.metadata.uid, container, previous);
      const first = read();
      if (!first.ok) {
        if (first.error === 'kubelet') {
          const ip = pod.status.hostIP ?? '';
          return reply(
            status(
              500,
              'InternalError',
              `Get https://${ip}:10250/containerLogs/${t.namespace ?? 'default'}/${pod.metadata.name}/${container}: dial tcp ${ip}:10250: connect: connection refused`,
            ),
          );
        }
        return reply(text(200, ''));
      }
      const tail = Number(q.get('tailLines') ?? '-1');
      const sinceSeconds = Number(q.get('sinceSeconds') ?? 'NaN');
      const from = Number.isFinite(sinceSeconds) ? lab.cluster.now - sinceSeconds * 1000 : -Infinity;
      let shown = first.entries.filter((e) => e.at >= from);
      if (tail >= 0) shown = shown.slice(Math.max(0, shown.length - tail));
      const lines = (es: typeof shown) => es.map((e) => `${logText(e)}\n`).join('');
      if (!isTrue(q.get('follow')) || !first.running) return reply(text(200, lines(shown)));
      reply({
        stream: {
          status: 200,
          headers: { 'content-type': 'text/plain' },
          open(sink) {
            sink.write(lines(shown));
            let seen = first.entries.length;
            let cancel = () => {};
            const poll = () => {
              const r = read();
              if (!r.ok) return sink.end();
              sink.write(lines(r.entries.slice(seen)));
              seen = r.entries.length;
              if (!r.running) return sink.end();
              cancel = lab.after(1000, poll);
            };
            cancel = lab.after(1000, poll);
            return () => cancel();
          },
        },
      });
    },
  );
}

/** ?watch=1: the changes as they happen, one JSON event per line (or Tables, for kubectl get -w). */
function watch(
  lab: ApiLab,
  req: HttpRequest,
  t: Target,
  a: ApiRequest,
  reply: (r: Reply) => void,
  tables?: TablePrinter,
): () => void {
  const q = queryOf(req.query);
  const rv = q.get('resourceVersion');
  const fromStart = rv === null || rv === '' || rv === '0';
  const timeout = Number(q.get('timeoutSeconds') ?? 'NaN');
  const asTable = tables !== undefined && tableAsked(req);
  let first = true;
  const encode = (type: string, o: KubeObject): string => {
    const object = asTable
      ? tables.watchEvent(t.resource, o, {
          now: lab.cluster.now,
          includeObject: includeObjectOf(q),
          resourceVersion: String(o.metadata.resourceVersion),
          epochMs: lab.epochMs,
          ...tableVersion(lab),
          first,
        })
      : served(lab, o);
    first = false;
    return `${JSON.stringify({ type, object })}\n`;
  };
  let closed = false;
  let stop = () => {};
  let sinkRef: { write(chunk: string): void; end(): void } | undefined;
  const pending: string[] = [];
  const write = (chunk: string) => (sinkRef ? sinkRef.write(chunk) : pending.push(chunk));
  let started = false;
  // From a resourceVersion (kubectl get -w after its list): the changes since, from the
  // API server's watch window; older than the window, the stream's one event is 410 Expired
  // and the client lists again (client-go's reflector).
  const since = fromStart ? undefined : Number(rv);
  if (since !== undefined && !(Number.isInteger(since) && since > 0))
    return once(
      reply,
      badRequest(
        `resourceVersion: Invalid value: "${rv}": strconv.ParseUint: parsing "${rv}": invalid syntax`,
      ),
    );
  stop = lab.cluster.watch(
    lab.from,
    since === undefined ? a : { ...a, resourceVersion: since },
    (e: WatchEvent) => {
      if (e.type === 'start') {
        if (!e.res.ok) {
          closed = true;
          return reply(failure(e.res, t));
        }
        started = true;
        if (fromStart) for (const o of e.res.items ?? []) write(encode('ADDED', o));
        for (const c of e.res.changes ?? []) write(encode(c.action.toUpperCase(), c.object));
        if (e.res.expired) {
          const gone = {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: e.res.expired,
            reason: 'Expired',
            code: 410,
          };
          write(`${JSON.stringify({ type: 'ERROR', object: gone })}\n`);
          closed = true;
        }
        reply({
          stream: {
            status: 200,
            headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
            open(sink) {
              sinkRef = sink;
              for (const c of pending.splice(0)) sink.write(c);
              if (closed) {
                stop();
                sink.end();
                return () => {};
              }
              const cancelTimer =
                Number.isFinite(timeout) && timeout > 0
                  ? lab.after(timeout * 1000, () => {
                      stop();
                      sink.end();
                    })
                  : () => {};
              return () => {
                cancelTimer();
                stop();
              };
            },
          },
        });
        return;
      }
      if (closed) return;
      write(encode(e.type.toUpperCase(), e.object));
    },
    () => {
      if (!started) return reply({ drop: true });
      sinkRef?.end();
    },
  );
  return () => {
    closed = true;
    stop();
  };
}
