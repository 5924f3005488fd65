// The element's weight (issue 14), gzipped as a server would send it, along the paths a
// docs page takes: its one script; the chunks up to the first drawn diagram (the stored
// first frame); the live lesson with terminal="hide" (the app, the simulation, the
// lessons: no shells); and every chunk of the build. Read from the build's manifest
// (vite.embed.config.ts), which says which chunk imports which.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metric } from './metric';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

export interface ElementSize {
  readonly scriptKb: number;
  readonly firstPaintKb: number;
  readonly hiddenTerminalKb: number;
  readonly allKb: number;
  readonly chunks: number;
}

const kb = (path: string) => gzipSync(readFileSync(path)).length / 1024;

export function elementSize(embedDir: string): ElementSize | undefined {
  const script = join(embedDir, 'pod-lifecycle-animator.js');
  const manifestPath = join(embedDir, 'chunks', 'manifest.json');
  if (!existsSync(script) || !existsSync(manifestPath)) return undefined;
  // Scripts only: the CSS the manifest names is in the chunks as strings (its file is dropped).
  const manifest = Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>).filter(
      ([, c]) => c.file.endsWith('.js'),
    ),
  );
  const closure = (keys: readonly string[], into = new Set<string>()): Set<string> => {
    for (const k of keys) {
      if (into.has(k)) continue;
      into.add(k);
      closure(manifest[k]?.imports ?? [], into);
    }
    return into;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) return undefined;
  const weigh = (keys: Iterable<string>) =>
    [...keys].reduce((n, k) => n + kb(join(embedDir, manifest[k]?.file ?? '')), kb(script));
  const paint = closure([entry]);
  // The app's entry chunk loads the app and the controller at once; they load the rest on demand.
  const live = closure(manifest[entry]?.dynamicImports ?? [], new Set(paint));
  return {
    scriptKb: kb(script),
    firstPaintKb: weigh(paint),
    hiddenTerminalKb: weigh(live),
    allKb: weigh(Object.keys(manifest)),
    chunks: Object.keys(manifest).length,
  };
}

/** The element-gzip row: the one script, its chunks' paths in the note. */
export function elementGzipMetric(embedDir: string): Metric | undefined {
  const size = elementSize(embedDir);
  if (!size) return undefined;
  const r1 = (n: number) => Math.round(n * 10) / 10;
  return {
    name: 'element-gzip',
    value: r1(size.scriptKb),
    unit: 'KB',
    budget: 120,
    note: `dist/embed/pod-lifecycle-animator.js, the one script; with its chunks: ${r1(size.firstPaintKb)} KB to the first drawn diagram, ${r1(size.hiddenTerminalKb)} KB to the live lesson with terminal="hide" (no shells), ${r1(size.allKb)} KB all ${size.chunks} chunks`,
  };
}
