// The Node rows run the simulation as the page's build has it, not as tsx hands it to
// Node: tsx compiles with esbuild's keepNames, which wraps every function it creates,
// closures made per message included, in a call that names it. Counted under valgrind
// (cachegrind, instructions of two sim-hours after start-up), that costs 12 % more than
// the same code bundled without it, as Vite's build is. So bench/run.ts bundles
// bench/nodeRows.ts with esbuild (ES2022, no keepNames, no minifying, packages left
// external) into bench/dist/nodeRows.mjs and imports that; tsx leaves a .mjs file alone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export function bundleNodeRows(benchDir: string): string {
  const outfile = join(benchDir, 'dist', 'nodeRows.mjs');
  mkdirSync(join(benchDir, 'dist'), { recursive: true });
  buildSync({
    entryPoints: [join(benchDir, 'nodeRows.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    packages: 'external',
    keepNames: false,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
