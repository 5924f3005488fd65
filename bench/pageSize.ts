// The first page's weight: the JS and CSS that index.html loads before anything
// else (entry script, its static imports, stylesheets), gzipped as a server would.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

/** Files the entry pulls in statically: <script src>, <link rel=stylesheet|modulepreload>. */
export function firstPageFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set(refs)].map((r) => join(dist, r.replace(/^\.?\//, '')));
}

export function firstPageGzipKb(dist: string): { kb: number; files: number } {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist}/index.html is missing: run npm run build first`);
  const files = firstPageFiles(dist);
  return { kb: files.reduce((n, f) => n + gzipKb(f), 0), files: files.length };
}
