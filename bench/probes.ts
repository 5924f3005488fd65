// Code that runs inside the page, passed to Playwright's evaluate/addInitScript. Each
// function is serialized on its own: it may use only its argument and the page's globals.

interface Probe {
  __name?: (f: unknown) => unknown;
  __firstFrame?: number;
  __frames?: number[];
  __framesOn?: boolean;
  __seeks?: number[];
  __loops?: number;
  __soak?: number;
}

/**
 * tsx (esbuild with keepNames) wraps named functions in `__name(...)`, a helper the page
 * does not have: give it a harmless one before any probe runs.
 */
export const nameShim = 'globalThis.__name = globalThis.__name || ((f) => f);';

/**
 * When the frame that first shows `selector` has been painted, in ms since navigation
 * start. A task posted from requestAnimationFrame runs after that frame's rendering.
 */
export function watchFirstFrame(selector: string): void {
  const w = window as unknown as Probe;
  const check = () => {
    if (!document.querySelector(selector)) {
      requestAnimationFrame(check);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      w.__firstFrame = performance.now();
    };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(check);
}

export function readFirstFrame(): number | undefined {
  return (window as unknown as Probe).__firstFrame;
}

/** Starts recording requestAnimationFrame timestamps. */
export function startFrames(): void {
  const w = window as unknown as Probe;
  w.__frames = [];
  w.__framesOn = true;
  const loop = (t: number) => {
    if (!w.__framesOn) return;
    w.__frames?.push(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

export function stopFrames(): number[] {
  const w = window as unknown as Probe;
  w.__framesOn = false;
  return w.__frames ?? [];
}

/**
 * From each seek (a key or a press on the page) to the end of the next painted frame.
 * Listening in the capture phase on window, ahead of the app's own handlers, so the
 * frame asked for here is the first one after the app has handled the input.
 */
export function watchSeeks(): void {
  const w = window as unknown as Probe;
  w.__seeks = [];
  const on = (e: Event) => {
    const start = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => w.__seeks?.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  };
  window.addEventListener('keydown', on, { capture: true });
  window.addEventListener('pointerdown', on, { capture: true });
}

export function readSeeks(): number[] {
  return (window as unknown as Probe).__seeks ?? [];
}

/**
 * Loops the lesson: once the tour has played past its end (play goes on at the live edge,
 * so it never stops by itself), presses Restart, which plays it again from 0.
 */
export function startSoak(labels: { restart: string; play: string }, endSeconds = 9): void {
  const w = window as unknown as Probe;
  w.__loops = 0;
  w.__soak = window.setInterval(() => {
    document.querySelector<HTMLButtonElement>(`button[aria-label="${labels.play}"]`)?.click();
    const slider = document.querySelector('[role="slider"]');
    const seconds = Number(/([\d.]+) s/.exec(slider?.getAttribute('aria-valuetext') ?? '')?.[1] ?? 0);
    if (seconds < endSeconds) return;
    const restart = document.querySelector<HTMLButtonElement>(`button[aria-label="${labels.restart}"]`);
    if (!restart) return;
    restart.click();
    w.__loops = (w.__loops ?? 0) + 1;
  }, 25);
}

/** Stops the loop; how many times it was restarted. */
export function stopSoak(): number {
  const w = window as unknown as Probe;
  window.clearInterval(w.__soak);
  return w.__loops ?? 0;
}

export function usedHeap(): number {
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

/**
 * When the frame that first shows `selector` inside the shadow roots of all `count`
 * elements named `tag` has been painted, in ms since navigation start.
 */
export function watchElementsDrawn(args: { tag: string; selector: string; count: number }): void {
  const w = window as unknown as Probe;
  const check = () => {
    const drawn = [...document.querySelectorAll(args.tag)].filter((el) =>
      el.shadowRoot?.querySelector(args.selector),
    ).length;
    if (drawn < args.count) {
      requestAnimationFrame(check);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      w.__firstFrame = performance.now();
    };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(check);
}
