// The custom element's build (issue 7): one script, dist/embed/pod-lifecycle-animator.js,
// that defines <pod-lifecycle-animator> from a plain <script> tag. Run after the app's
// build (`npm run build`), into its own folder of dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { podscopeVersion } from './scripts/offlinePlugin.ts';

const outDir = process.env.EMBED_OUT_DIR ?? 'dist/embed';

/** The app's CSS goes into the shadow root as a string; the extracted copy would only be a stray file. */
function shipDeclarations(): Plugin {
  return {
    name: 'podscope-embed-files',
    apply: 'build',
    closeBundle() {
      for (const name of readdirSync(outDir)) if (name.endsWith('.css')) rmSync(`${outDir}/${name}`);
    },
    generateBundle(_options, bundle) {
      // A copy named by its content (pod-lifecycle-animator-<sha256>.js), for a docs site
      // that pins one build: it never changes, so no cache can mix it with another build.
      // files.json says which copy belongs to this build.
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

// `iife` (not `es`): a plain <script> works everywhere and it is minified; measured
// against es in docs/EMBED.md.
const format = (process.env.EMBED_FORMAT ?? 'iife') as 'iife' | 'es';

// The element runs on preact/compat, the app on React: the same components, 57 KB gzip
// less in the element's one file and its five-element page painted sooner (figures in
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
  plugins: [react(), shipDeclarations()],
  // Left out of the one-file element to keep it under 200 KB gzip (see src/embed/stubs).
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
    lib: {
      entry: 'src/embed/entry.ts',
      name: 'PodLifecycleAnimator',
      formats: [format],
      fileName: () => (format === 'es' ? 'pod-lifecycle-animator.mjs' : 'pod-lifecycle-animator.js'),
    },
  },
});
