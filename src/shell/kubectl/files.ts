// kubectl -f: files, directories and URLs, read into the objects they hold.
import { calicoObjects } from '../../sim/index';
import type { KubeObject } from '../../sim/objects';
import type { Profile } from '../../sim/profiles';
import type { SimMs } from '../../sim/units';
import type { CommandIO } from '../command';
import { CALICO_URL } from '../labFiles';
import { labProfile } from '../labProfile';
import { readManifest } from '../manifest';
import type { JsonValue } from '../manifestYaml';

/** An object of a file; `label` alone marks one the lab does not model (a ConfigMap, a CRD). */
export interface FileObject {
  readonly obj?: KubeObject;
  /** The document as the file wrote it; objects from the lab's known URLs have none. */
  readonly raw?: { readonly [key: string]: JsonValue };
  readonly label?: string;
  readonly source: string;
}

export type Loaded =
  | { readonly ok: true; readonly objects: readonly FileObject[] }
  | { readonly ok: false; readonly error: string };

const crds = [
  'felixconfigurations',
  'ipamblocks',
  'blockaffinities',
  'ipamhandles',
  'ipamconfigs',
  'bgppeers',
  'bgpconfigurations',
  'ippools',
  'hostendpoints',
  'clusterinformations',
  'globalnetworkpolicies',
  'globalnetworksets',
  'networkpolicies',
  'networksets',
];

/** The Calico v3.9 manifest's objects in file order; only the DaemonSet and Deployment are modelled. */
function calico(now: SimMs, profile: Profile): (KubeObject | string)[] {
  const [node, controllers] = calicoObjects(now, profile);
  return [
    'configmap/calico-config',
    ...crds.map((c) => `customresourcedefinition.apiextensions.k8s.io/${c}.crd.projectcalico.org`),
    'clusterrole.rbac.authorization.k8s.io/calico-kube-controllers',
    'clusterrolebinding.rbac.authorization.k8s.io/calico-kube-controllers',
    'clusterrole.rbac.authorization.k8s.io/calico-node',
    'clusterrolebinding.rbac.authorization.k8s.io/calico-node',
    ...(node ? [node] : []),
    'serviceaccount/calico-node',
    ...(controllers ? [controllers] : []),
    'serviceaccount/calico-kube-controllers',
  ];
}

/** Objects behind the URLs the book applies. */
const knownUrls = new Map<string, (now: SimMs, profile: Profile) => (KubeObject | string)[]>([
  [CALICO_URL, calico],
]);

/** `--validate=false` turns off kubectl's schema validation; any other value (or none) keeps it. */
export function validating(values: ReadonlyMap<string, readonly string[]>): boolean {
  const v = values.get('validate')?.at(-1);
  return v === undefined || !/^(false|0|f|FALSE|False|F)$/.test(v);
}

/**
 * Reads stdin first when a `-f -` asks for it (a pipe or a here-document), then calls
 * `then` with its text; kubectl reads STDIN to its end before it sends anything.
 */
export function withStdin(io: CommandIO, names: readonly string[], then: (stdin: string) => void): void {
  if (!names.includes('-')) {
    then('');
    return;
  }
  const lines: string[] = [];
  io.stdin.read(
    (line) => lines.push(line),
    () => then(lines.length > 0 ? `${lines.join('\n')}\n` : ''),
  );
}

export function loadFiles(io: CommandIO, names: readonly string[], validate = true, stdin = ''): Loaded {
  const out: FileObject[] = [];
  for (const name of names) {
    if (name === '-') {
      // cli-runtime names standard input STDIN in its errors.
      const m = readManifest(stdin, 'STDIN', validate);
      if (!m.ok) return m;
      m.entries.forEach((e, i) => {
        const raw = m.docs[i];
        out.push(typeof e === 'string' ? { label: e, source: 'STDIN' } : { obj: e, raw, source: 'STDIN' });
      });
      continue;
    }
    if (/^https?:\/\//.test(name)) {
      const known = knownUrls.get(name);
      if (!known)
        return {
          ok: false,
          error: `error: unable to read URL "${name}", server reported 404 Not Found, status code=404`,
        };
      for (const o of known(io.shell.world.now(), labProfile(io.shell)))
        out.push(typeof o === 'string' ? { label: o, source: name } : { obj: o, source: name });
      continue;
    }
    const path = io.shell.resolve(name);
    const fs = io.shell.fs;
    const files = fs.isDir(path)
      ? fs
          .list(path)
          .filter((f) => /\.(ya?ml|json)$/.test(f))
          .map((f) => ({ path: `${path}/${f}`, shown: `${name.replace(/\/$/, '')}/${f}` }))
      : fs.isFile(path)
        ? [{ path, shown: name }]
        : undefined;
    if (!files) return { ok: false, error: `error: the path "${name}" does not exist` };
    for (const f of files) {
      const m = readManifest(fs.read(f.path) ?? '', f.shown, validate);
      if (!m.ok) return m;
      m.entries.forEach((e, i) => {
        const raw = m.docs[i];
        out.push(typeof e === 'string' ? { label: e, source: f.shown } : { obj: e, raw, source: f.shown });
      });
    }
  }
  return { ok: true, objects: out };
}
