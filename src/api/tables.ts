// Server-side printing, as the 1.18.4 kube-apiserver does it for
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: a meta.k8s.io/v1 Table whose
// columns are the printer's (pkg/printers/internalversion/printers.go, always generated
// wide: pkg/printers/storage TableConvertor), whose cells the server computes (ages
// included), and whose rows carry the object as asked by ?includeObject=
// (endpoints/handlers/response.go asTable). The cells come from the same printers the
// in-page kubectl prints with (src/shell/kubectl/printers.ts).

import type { Plain } from '../shell/kubectl/objectPrinter';
import { wireObject } from '../shell/kubectl/objectPrinter';
import { cellsOf, columnsOf, sortForList } from '../shell/kubectl/printers';
import type { KubeObject, Pod, Resource } from '../sim/objects';
import { selfLink as objectSelfLink } from '../sim/wire/shape';
import { columnDocs } from './columnDocs';
import type { TablePrinter } from './rest';

export type JsonObject = { [k: string]: Plain };

/** metav1.IncludeObjectPolicy; the server's default is Metadata. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** The server's clock: the AGE and LAST SEEN cells are computed from it. */
  readonly now: number;
  readonly includeObject?: IncludeObject;
  /** The list's resourceVersion, or the object's for a GET of one object. */
  readonly resourceVersion: string;
  /**
   * 1.18 sets selfLink on what it serves (RemoveSelfLink is off): a list's is the request's
   * path without its query, an object's its own path. Omitted when not given.
   */
  readonly selfLink?: string;
  /** ?noHeaders=true (TableOptions.NoHeaders): the Table carries no columnDefinitions (null). */
  readonly noHeaders?: boolean;
  /** The wall-clock time of cluster time 0, for the times the rows' objects carry (wireObject). */
  readonly epochMs?: number;
  /** RESTARTS as `1 (5m ago)` in a string column, as printers.go has it since 1.22 (the lab's profile). */
  readonly restartsWithAge?: boolean;
  /** The rows' objects carry selfLink, as before 1.24 (default true; the lab's profile). */
  readonly selfLinks?: boolean;
}

/**
 * What 1.18.4 answers a Table request whose includeObject it does not know: a 400
 * BadRequest with this message (response.go optionsForTransform, ValidateTableOptions,
 * field.Invalid's wording). Undefined for a value it takes ('' is Metadata).
 */
export function tableOptionsError(includeObject: string | null): string | undefined {
  if (includeObject === null || ['', 'Metadata', 'None', 'Object'].includes(includeObject)) return undefined;
  return `Unable to convert to Table as requested: includeObject: Invalid value: ${JSON.stringify(includeObject)}: must be 'Metadata', 'Object', 'None', or empty`;
}

/**
 * Since 1.22 printPod's Restarts column is a string (`1 (5m ago)`), described so (a recent
 * pkg/registry/core/pod/storage/storage_test.go TestConvertToTableList, read as a copy in the
 * code index).
 */
const RESTARTS_WITH_AGE = {
  type: 'string',
  description:
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
} as const;

/** metav1.TableColumnDefinition for every column, wide ones (priority 1) included. */
export function columnDefinitions(resource: Resource, restartsWithAge = false): JsonObject[] {
  const docs = columnDocs[resource];
  return columnsOf(resource).map((c) => {
    const newer = restartsWithAge && resource === 'pods' && c.name === 'Restarts';
    return {
      name: c.name,
      type: newer ? RESTARTS_WITH_AGE.type : c.type,
      format: c.format ?? '',
      description: newer ? RESTARTS_WITH_AGE.description : (docs[c.name] ?? ''),
      priority: c.priority ?? 0,
    };
  });
}

// printPod marks pods that have finished (podSuccessConditions / podFailedConditions).
function rowConditions(o: KubeObject): JsonObject[] | undefined {
  if (o.kind !== 'Pod') return undefined;
  const phase = (o as Pod).status.phase;
  if (phase === 'Succeeded')
    return [
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ];
  if (phase === 'Failed')
    return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  return undefined;
}

/**
 * The row's object: meta.AsPartialObjectMetadata for Metadata (the whole ObjectMeta,
 * managedFields included), the versioned object for Object, and for None nothing:
 * TableRow.Object is a runtime.RawExtension, a struct that `omitempty` never drops, whose
 * MarshalJSON writes `null` when empty.
 */
function rowObject(
  o: KubeObject,
  include: IncludeObject,
  epochMs: number | undefined,
  selfLinks = true,
): Plain {
  if (include === 'None') return null;
  const wire = wireObject(o, epochMs, { selfLink: selfLinks });
  if (include === 'Object') return wire;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: wire.metadata ?? {} };
}

function row(resource: Resource, o: KubeObject, opts: TableOptions): JsonObject {
  const conditions = rowConditions(o);
  const cells = cellsOf(resource, o, opts.now, { restartsWithAge: opts.restartsWithAge ?? false });
  return {
    // The string column's cells are strings, `0` included (String(restarts)).
    cells:
      opts.restartsWithAge && resource === 'pods'
        ? cells.map((c, i) => (columnsOf(resource)[i]?.name === 'Restarts' ? String(c) : c))
        : cells,
    ...(conditions ? { conditions } : {}),
    object: rowObject(o, opts.includeObject ?? 'Metadata', opts.epochMs, opts.selfLinks),
  };
}

/**
 * The Table the API server answers a list (or a GET of one object, `items` = [it]) of
 * `resource` with. Rows keep the order of `items`: pass them in the order the list holds
 * them (sortForList in printers.ts is the lab's etcd order). Keys in Go's field order.
 */
export function toTable(resource: Resource, items: readonly KubeObject[], opts: TableOptions): JsonObject {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      ...(opts.selfLink ? { selfLink: opts.selfLink } : {}),
      ...(opts.resourceVersion ? { resourceVersion: opts.resourceVersion } : {}),
    },
    columnDefinitions: opts.noHeaders ? null : columnDefinitions(resource, opts.restartsWithAge),
    rows: items.map((o) => row(resource, o, opts)),
  };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface TableWatch {
  /** The watch event for one object: `{type, object: Table}` with that object's one row. */
  event(type: WatchEventType, object: KubeObject, now: number): JsonObject;
  /** An ERROR event: a Status is sent as it is, never made a Table. */
  error(status: JsonObject): JsonObject;
}

/**
 * A watch's events in Table form, as 1.18.4's serveWatch sends them
 * (endpoints/handlers/watch.go): each event's object goes through transformObject, so it is
 * a Table of one row, its resourceVersion and selfLink the object's; the Fixup then sets
 * the stream's TableOptions.NoHeaders, so only the first event carries columnDefinitions
 * and every later one has `null` (kubectl reuses the columns it has: cli-runtime
 * tableprinter.go). One TableWatch per watch connection.
 */
export function tableWatch(
  resource: Resource,
  opts: {
    readonly includeObject?: IncludeObject;
    readonly noHeaders?: boolean;
    readonly epochMs?: number;
    readonly restartsWithAge?: boolean;
    readonly selfLinks?: boolean;
  } = {},
): TableWatch {
  let noHeaders = opts.noHeaders ?? false;
  return {
    event(type, object, now) {
      const table = watchEventTable(resource, object, {
        now,
        includeObject: opts.includeObject,
        epochMs: opts.epochMs,
        first: !noHeaders,
        ...(opts.restartsWithAge ? { restartsWithAge: true } : {}),
        ...(opts.selfLinks === false ? { selfLinks: false } : {}),
      });
      noHeaders = true;
      return { type, object: table };
    },
    error(status) {
      // transformObject passes a Status through unchanged, yet the Fixup still runs.
      noHeaders = true;
      return { type: 'ERROR', object: status };
    },
  };
}

/** One object's Table for a watch event: the first of a stream carries the columns. */
export function watchEventTable(
  resource: Resource,
  object: KubeObject,
  opts: Omit<TableOptions, 'resourceVersion' | 'selfLink' | 'noHeaders'> & { readonly first: boolean },
): JsonObject {
  const { first, ...rest } = opts;
  return toTable(resource, [object], {
    ...rest,
    resourceVersion: String(object.metadata.resourceVersion),
    ...(rest.selfLinks === false ? {} : { selfLink: objectSelfLink(object) }),
    noHeaders: !first,
  });
}

/**
 * What rest.ts's serve() prints with. A list's rows come in the lab's etcd order, the
 * order the in-page kubectl lists them in (sortForList; componentstatuses as their probes
 * answer), so that the real kubectl and the page print one table.
 */
export const tablePrinter: TablePrinter = {
  list: (resource, items, opts) =>
    toTable(resource, resource === 'componentstatuses' ? items : sortForList(items), opts),
  watchEvent: (resource, object, opts) => watchEventTable(resource, object, opts),
};
