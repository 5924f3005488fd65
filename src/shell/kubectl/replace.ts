// kubectl replace -f (1.18.4 pkg/cmd/replace): each object of the files, in order, is
// read back for its resourceVersion (resource.Helper.Replace with overwrite) and PUT
// whole; the API server keeps what a client may not change (status, uid, times) and
// takes the rest from the file, through the same decoding `npm run api` uses for a PUT
// (fromWire.ts). 1.18.4's replace has no --record: its RecordFlags are never made.
import type { KubeObject } from '../../sim/objects';
import { groupResource } from '../../sim/resourceKinds';
import type { JsonValue } from '../manifestYaml';
import { labEpoch } from '../wallClock';
import { apiError, send } from './client';
import type { Verb } from './context';
import { failWith, filenameFlag, outputFlag } from './context';
import { createError, inOrder, labelOf, saveConfig } from './create';
import { dryRunFlag, dryRunSuffix, readDryRun } from './dryRun';
import { loadFiles, validating, withStdin } from './files';
import { flagBool, flagString } from './flags';
import { updatedFromWire } from './fromWire';
import { resourceOfKindName } from './resources';

type Doc = { [k: string]: JsonValue };

/** The file's JSON as kubectl sends it: its namespace set, the annotations it now carries. */
function sentDoc(raw: Doc | undefined, obj: KubeObject): Doc {
  const meta = raw && typeof raw.metadata === 'object' && raw.metadata !== null ? (raw.metadata as Doc) : {};
  const annotations = obj.metadata.annotations;
  return {
    ...(raw ?? {}),
    metadata: {
      ...meta,
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
      ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
  };
}

export const replaceVerb: Verb = {
  name: 'replace',
  flags: [
    filenameFlag,
    outputFlag,
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'bool' },
    dryRunFlag,
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'string' },
    { name: 'cascade', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'timeout', type: 'string' },
  ],
  run(ctx) {
    const files = ctx.flags.values.get('filename');
    // Complete's RequireFilenameOrKustomize, then Validate's checks, then Run.
    if (!files || files.length === 0) return failWith(ctx, 'error: must specify one of -f and -k');
    const force = flagBool(ctx.flags, 'force');
    if (Number(flagString(ctx.flags, 'grace-period') ?? '-1') >= 0 && !force)
      return failWith(ctx, 'error: --grace-period must have --force specified');
    const timeout = flagString(ctx.flags, 'timeout');
    if (timeout !== undefined && !/^0+[a-z]*$/.test(timeout) && !force)
      return failWith(ctx, 'error: --timeout must have --force specified');
    if (force)
      return failWith(ctx, 'error: podscope: "kubectl replace --force" is not simulated in this lab');
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    if (d.dryRun === 'server')
      return failWith(
        ctx,
        'error: podscope: "kubectl replace --dry-run=server" is not simulated in this lab',
      );
    const output = flagString(ctx.flags, 'output');
    if (output !== undefined && output !== 'name')
      return failWith(ctx, `error: podscope: kubectl replace -o ${output} is not simulated; use -o name`);
    withStdin(ctx.io, files, (stdin) => {
      const loaded = loadFiles(ctx.io, files, validating(ctx.flags.values), stdin);
      if (!loaded.ok) return failWith(ctx, loaded.error);
      inOrder(ctx, loaded.objects, (sent, source, done, raw) => {
        const obj = saveConfig(ctx, sent, raw);
        if (d.dryRun === 'client')
          return done({ word: `replaced${dryRunSuffix(d.dryRun)}`, label: labelOf(obj) });
        const resource = resourceOfKindName[obj.kind] ?? 'pods';
        const target = {
          resource,
          name: obj.metadata.name,
          ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
        };
        const failed = (res: Parameters<typeof apiError>[0]) =>
          res.reason === 'ConnectionRefused'
            ? done({ refused: apiError(res, ctx.server) })
            : done({
                error: createError(ctx, res, source, 'replacing'),
              });
        const doc = sentDoc(raw as Doc | undefined, obj);
        const meta = doc.metadata as Doc;
        const given = typeof meta.resourceVersion === 'string' ? meta.resourceVersion : '';
        // The Helper PUTs the file's object; one without a resourceVersion is given the
        // server's first (overwrite), so only a file that names an old one conflicts.
        const put = (version: string) => {
          let problem: string | undefined;
          let conflict = false;
          const change = (current: KubeObject): KubeObject => {
            if (String(current.metadata.resourceVersion) !== version) {
              conflict = true;
              return current;
            }
            const next = updatedFromWire(current, doc, labEpoch(ctx.io.shell.world.cluster));
            if (!next.ok) {
              problem = next.message;
              return current;
            }
            return next.object;
          };
          send(ctx.io, ctx.server, { ...target, verb: 'patch', patch: change }, (res) => {
            if (!res.ok) return failed(res);
            if (conflict)
              return failed({
                ok: false,
                code: 409,
                reason: 'Conflict',
                message: `Operation cannot be fulfilled on ${groupResource(resource)} "${obj.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
              });
            if (problem) return done({ error: `The ${problem}` });
            done({ word: 'replaced', label: labelOf(obj) });
          });
        };
        if (given !== '') return put(given);
        send(ctx.io, ctx.server, { ...target, verb: 'get' }, (got) => {
          if (!got.ok) return failed(got);
          put(String((got.object as KubeObject).metadata.resourceVersion));
        });
      });
    });
  },
};
