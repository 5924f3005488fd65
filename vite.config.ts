import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { offline, podscopeVersion } from './scripts/offlinePlugin.ts';

const version = podscopeVersion();

// A strict Content-Security-Policy for the built site (issue 8): no inline script, no
// eval, no style from elsewhere. React and D3 set styles through the CSSOM, which
// style-src does not govern; data: images because Vite inlines assets under 4 KB as data: URLs.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Puts the policy first in <head> at build time only: the dev server's injected client scripts are inline. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'podscope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `base: './'` keeps every asset URL relative, so `dist/` works from any sub-path
// of any static host.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), offline(version)],
  define: { __PODSCOPE_VERSION__: JSON.stringify(version) },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false },
  // The "what changed" view's worker (src/view/changed/changed.worker.ts) is a module
  // worker: its simulation and shells may load parts of themselves lazily.
  worker: { format: 'es' },
});
