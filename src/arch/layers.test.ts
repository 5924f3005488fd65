import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md "Layers": data flows one way; nothing imports from a layer above it. DESIGN's
// table does not name the two layers added since (it is read-only to us); README's "Layout"
// places them: `api` above `shell`, `live` above `view`, and `embed` does not import `live`.
const allowed: Record<string, string[]> = {
  sim: [],
  shell: ['sim'],
  api: ['sim', 'shell'],
  lessons: ['sim', 'shell', 'api'],
  player: ['sim', 'lessons'],
  view: ['sim', 'shell', 'api', 'lessons', 'player'],
  embed: ['sim', 'shell', 'api', 'lessons', 'player', 'view'],
  live: ['sim', 'lessons', 'player', 'view'],
};

const srcDir = join(__dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const m of source.matchAll(
    /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const spec = m[1] ?? m[2];
    if (spec) specifiers.push(spec);
  }
  return specifiers;
}

/** The layer a relative import lands in, or undefined when it stays inside `from`'s layer. */
function layerOf(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const target = relative(srcDir, join(file, '..', spec));
  return target.split(/[\\/]/)[0];
}

// Strip comments and string contents so that words in prose do not count as uses.
function codeOnly(source: string): string {
  return (
    source
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      // A class implementing XState's Clock declares setTimeout/clearTimeout methods: not a use of the globals.
      .replace(/^\s*(?:setTimeout|clearTimeout)\(.*\)\s*:\s*\w+\s*\{\s*$/gm, '')
      .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, "''")
  );
}

// Globals only: `clock.setTimeout(...)` is the virtual clock and allowed.
const forbiddenInSim = [
  /(?<![.\w])Date\b/,
  /\bMath\.random\b/,
  /(?<![.\w])setTimeout\b/,
  /(?<![.\w])setInterval\b/,
  /(?<![.\w])requestAnimationFrame\b/,
  /(?<![.\w])performance\b/,
  /(?<![.\w])document\b/,
  /(?<![.\w])window\b/,
  /\bglobalThis\b/,
];

describe('layering', () => {
  for (const [layer, mayImport] of Object.entries(allowed)) {
    const dir = join(srcDir, layer);
    for (const file of filesUnder(dir).filter((f) => !/\.test\.tsx?$/.test(f))) {
      it(`${relative(srcDir, file)} imports only from ${[layer, ...mayImport].join(', ')} or packages`, () => {
        const source = readFileSync(file, 'utf8');
        const bad = importsOf(source).filter((spec) => {
          const target = layerOf(file, spec);
          return target !== undefined && target !== layer && !mayImport.includes(target);
        });
        expect(bad).toEqual([]);
      });
    }
  }

  it('src/sim imports no DOM or view package', () => {
    const bad = filesUnder(join(srcDir, 'sim')).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => /^(react|react-dom|@xstate\/react|d3-)/.test(spec))
        .map((spec) => `${relative(srcDir, file)}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/sim uses no wall clock, timers, Math.random or DOM globals', () => {
    const bad = filesUnder(join(srcDir, 'sim'))
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .flatMap((file) => {
        const code = codeOnly(readFileSync(file, 'utf8'));
        return forbiddenInSim.filter((re) => re.test(code)).map((re) => `${relative(srcDir, file)}: ${re}`);
      });
    expect(bad).toEqual([]);
  });
});

describe('the layering check itself', () => {
  it('catches the forbidden uses it is meant to catch', () => {
    const samples = [
      'Date.now()',
      'new Date()',
      'Math.random()',
      'setTimeout(f, 1)',
      'globalThis.setTimeout(f)',
      'document.body',
      'window.x',
      'performance.now()',
    ];
    for (const s of samples) expect(forbiddenInSim.some((re) => re.test(codeOnly(s)))).toBe(true);
    const allowed =
      '// Date in a comment\nconst s = "window";\nclock.setTimeout(f, 5);\nconst updatedAt = 1;\n  setTimeout(fn: () => void, t: number): number {';
    expect(forbiddenInSim.filter((re) => re.test(codeOnly(allowed)))).toEqual([]);
  });

  it('sees an import from sim into view as leaving the layer', () => {
    expect(layerOf(join(srcDir, 'sim', 'a.ts'), '../view/App')).toBe('view');
    expect(layerOf(join(srcDir, 'sim', 'a.ts'), './clock')).toBe('sim');
  });
});
