// Where the element's app lives: a chunk beside this script, named by its content
// (vite.embed.config.ts writes the name in), so a docs site that caches one build never
// pairs it with another build's chunks. Resolved from this script's own URL, not the
// page's: the docs page may be anywhere.
import type * as MountModule from './mount';

declare const __PODSCOPE_MOUNT__: string;
/** The chunks the app's entry chunk imports, at any depth. */
declare const __PODSCOPE_MOUNT_DEPS__: readonly string[];

/** This script's URL, read while it runs (document.currentScript is null afterwards). */
function scriptUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  const tagged = document.querySelector<HTMLScriptElement>('script[src*="pod-lifecycle-animator"]');
  return tagged?.src || location.href;
}

const base = scriptUrl();
let loading: Promise<typeof MountModule> | undefined;

const load = (file: string): Promise<unknown> => import(/* @vite-ignore */ new URL(file, base).href);

/**
 * One import for every element on the page: the browser keeps one copy of each module.
 * The entry chunk's own imports are asked for beside it, all at once (as modulepreload
 * would, without writing into the host page's <head>). A failure is said in words, and
 * the next call tries again (a network that came back).
 */
export function loadMount(): Promise<typeof MountModule> {
  loading ??= Promise.all([load(__PODSCOPE_MOUNT__), ...__PODSCOPE_MOUNT_DEPS__.map(load)]).then(
    ([app]) => app as typeof MountModule,
    (e: unknown) => {
      loading = undefined;
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        `pod-lifecycle-animator: the lab's code could not be loaded from ${chunksOrigin()}: ${why}`,
      );
    },
  );
  return loading;
}

/** Where the chunks come from (`https://your.host`): the host a page on another site needs to allow it. */
export function chunksOrigin(): string {
  return new URL(base).origin;
}
