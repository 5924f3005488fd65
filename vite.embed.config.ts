// The custom element's build (issue 7): one script, dist/embed/pod-lifecycle-animator.js,
// that defines <pod-lifecycle-animator> from a plain <script> tag, and the chunks it
// loads from beside itself (dist/embed/chunks/) when an element wakes: the app, and the
// shells only once they are asked for (issue 14; src/embed/shellGate.ts). Run after the
// app's build (`npm run build`), into its own folder of dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { build, defineConfig } from 'vite';
import { podscopeVersion } from './scripts/offlinePlugin.ts';

const outDir = process.env.EMBED_OUT_DIR ?? 'dist/embed';
const SCRIPT = 'pod-lifecycle-animator.js';

/** The app's CSS goes into the shadow root as a string; the extracted copy would only be a stray file. */
function dropCss(): Plugin {
  return {
    name: 'podscope-embed-css',
    apply: 'build',
    closeBundle() {
      rmSync(`${outDir}/assets`, { recursive: true, force: true });
      for (const name of readdirSync(outDir)) if (name.endsWith('.css')) rmSync(`${outDir}/${name}`);
    },
  };
}

/** A copy of the script named by its content, files.json, and the element's types. */
function pinnedCopy(): Plugin {
  return {
    name: 'podscope-embed-pinned',
    generateBundle(_options, bundle) {
      // A copy named by its content (pod-lifecycle-animator-<sha256>.js), for a docs site
      // that pins one build: it never changes, and the chunks it loads are named by their
      // content too, so no cache can mix it with another build's. files.json says which
      // copy belongs to this build.
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const hash = createHash('sha256').update(chunk.code).digest('hex').slice(0, 12);
        const pinned = chunk.fileName.replace(/\.(m?js)$/, `-${hash}.$1`);
        this.emitFile({ type: 'asset', fileName: pinned, source: chunk.code });
        this.emitFile({
          type: 'asset',
          fileName: 'files.json',
          source: `${JSON.stringify({ element: chunk.fileName, pinned, sha256: hash }, null, 2)}\n`,
        });
      }
      this.emitFile({
        type: 'asset',
        fileName: 'pod-lifecycle-animator.d.ts',
        source: readFileSync('src/embed/pod-lifecycle-animator.d.ts', 'utf8'),
      });
    },
  };
}

/**
 * The element's one script, built after the chunks: it names the app's entry chunk, whose
 * name carries the hash of its content. A build of its own (iife: a classic script, which
 * a plain <script> runs everywhere) that shares no module with the chunks, so neither
 * ever imports the other's copy of anything.
 */
function elementScript(): Plugin {
  let appChunk = '';
  let paintChunks: string[] = [];
  return {
    name: 'podscope-embed-script',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      if (entry?.type !== 'chunk') throw new Error('vite.embed.config.ts: the chunks have no entry');
      appChunk = entry.fileName;
      // Every chunk the entry imports, however deep: the script asks for them all at once
      // instead of finding them one import level (one round trip) at a time.
      const deps = new Set<string>();
      const walk = (names: readonly string[]) => {
        for (const name of names) {
          const chunk = bundle[name];
          if (deps.has(name) || chunk?.type !== 'chunk') continue;
          deps.add(name);
          walk(chunk.imports);
        }
      };
      walk(entry.imports);
      paintChunks = [...deps];
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [pinnedCopy()],
        define: {
          __PODSCOPE_MOUNT__: JSON.stringify(`./${appChunk}`),
          __PODSCOPE_MOUNT_DEPS__: JSON.stringify(paintChunks.map((f) => `./${f}`)),
          'process.env.NODE_ENV': JSON.stringify('production'),
        },
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          sourcemap: false,
          minify: true,
          copyPublicDir: false,
          lib: {
            entry: 'src/embed/entry.ts',
            name: 'PodLifecycleAnimator',
            formats: ['iife'],
            fileName: () => SCRIPT,
          },
        },
      });
    },
  };
}

// The element runs on preact/compat, the app on React: the same components, 57 KB gzip
// less in the element and its five-element page painted sooner (figures in
// docs/TESTING.md). EMBED_REACT=react builds it on React, to compare again.
const onPreact = process.env.EMBED_REACT !== 'react';
const preactAliases = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  base: './',
  plugins: [react(), dropCss(), elementScript()],
  // Left out of the element: guided lessons and teachers' lesson files are the iframe's (see src/embed/stubs).
  resolve: {
    alias: [
      ...(onPreact ? preactAliases : []),
      {
        find: /^.*\/lessons\/guided\/lessons\/index$/,
        replacement: resolvePath('src/embed/stubs/noGuidedLessons.ts'),
      },
      {
        find: /^.*\/lessons\/guided\/loadLesson$/,
        replacement: resolvePath('src/embed/stubs/noLessonFiles.ts'),
      },
    ],
  },
  // Library mode leaves process.env.NODE_ENV alone; React would ship its development build and fail.
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    __PODSCOPE_VERSION__: JSON.stringify(podscopeVersion()),
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    copyPublicDir: false,
    // The chunks: ES modules (what import() loads), each named by its content, under
    // chunks/ so that no name looks like the pinned copy of the script. Not library mode,
    // which leaves ES output unminified; no preloading, which would write <link>s into
    // the host page's <head>.
    modulePreload: false,
    cssCodeSplit: false,
    // Which chunk imports which (bench/elementSize.ts weighs the paths through them).
    manifest: 'chunks/manifest.json',
    rollupOptions: {
      input: 'src/embed/mount.tsx',
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: 'chunks/app-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
