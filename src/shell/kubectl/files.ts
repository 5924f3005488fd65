// kubectl -f: files, directories and URLs, read into the objects they hold.
import type { KubeObject } from '../../sim/objects';
import type { CommandIO } from '../command';
import { readManifest } from '../manifest';

export type Loaded =
  | { readonly ok: true; readonly objects: readonly { obj: KubeObject; source: string }[] }
  | { readonly ok: false; readonly error: string };

/** Objects behind well-known URLs (the Calico manifest); set by whoever knows them. */
export const knownUrls = new Map<string, () => readonly KubeObject[]>();

export function loadFiles(io: CommandIO, names: readonly string[]): Loaded {
  const out: { obj: KubeObject; source: string }[] = [];
  for (const name of names) {
    if (/^https?:\/\//.test(name)) {
      const known = knownUrls.get(name);
      if (!known)
        return {
          ok: false,
          error: `error: unable to read URL "${name}", server reported 404 Not Found, status code=404`,
        };
      for (const obj of known()) out.push({ obj, source: name });
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
      const m = readManifest(fs.read(f.path) ?? '', f.shown);
      if (!m.ok) return m;
      for (const obj of m.objects) out.push({ obj, source: f.shown });
    }
  }
  return { ok: true, objects: out };
}
