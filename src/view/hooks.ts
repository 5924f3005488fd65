// Small hooks that connect React to the player, the browser and the clock of the screen.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Frame, LessonPlayer, PlayerSnapshot } from '../player';

export function usePlayerSnapshot(lp: LessonPlayer): PlayerSnapshot {
  return useSyncExternalStore(lp.player.subscribe, lp.player.getSnapshot);
}

/** The read models at "now"; the same object while nothing changes, so the diagram does not redraw. */
export function useFrame(lp: LessonPlayer): Frame {
  return useSyncExternalStore(lp.player.subscribe, () => lp.player.frame());
}

/** How much of a frame, in ms, may go to making a fork from the moment on screen ready. */
const FORK_SLICE_MS = 6;
/** The same while an input waits for that fork (`lp.queue`). */
const WAITING_SLICE_MS = 16;
/** An input waiting for its fork is applied in a frame that has spent less than this readying it. */
const APPLY_ROOM_MS = 4;
/** How much of a frame with nothing else to ready may go to the ladder of parked worlds a fork far back starts from. */
const LADDER_SLICE_MS = 4;
/** Work a frame may do before it has no time left for the ladder (a 60 Hz frame is 16.7 ms). */
const FRAME_SPARE_MS = 10;

/** Moves the player on with the screen's frames; paused in the past, readies a fork from there; else builds the ladder. */
export function useAnimationLoop(lp: LessonPlayer): void {
  useEffect(() => {
    let last: number | undefined;
    let id = requestAnimationFrame(function frame(ts) {
      // A hidden tab gets no frames; do not jump a minute on return.
      if (last !== undefined) lp.player.tick(Math.min(100, ts - last));
      // Inputs waiting for a cold fork get a bigger slice (the person is waiting), still far below a long task.
      if (lp.queue.pending > 0) {
        const start = performance.now();
        const deadline = start + WAITING_SLICE_MS;
        // Applying an input costs a frame of its own (the command runs, the story looks on,
        // the terminal redraws): it waits for the next frame unless readying took little of this one.
        const waiting = lp.queue.pending;
        lp.queue.pump(
          () => performance.now() > deadline,
          () => performance.now() - start < APPLY_ROOM_MS,
        );
        // The story looks ahead from the next frame on, not on top of the input's own work.
        if (lp.queue.pending < waiting) lp.deferLookahead();
      } else if (lp.prepareFork(FORK_SLICE_MS)) {
        // Only from what the frame has left: a frame busy simulating or drawing gives it nothing.
        const spent = performance.now() - ts;
        if (spent < FRAME_SPARE_MS - LADDER_SLICE_MS) lp.buildLadder(LADDER_SLICE_MS);
      }
      last = ts;
      id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, [lp]);
}

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const m = matchMedia(query);
    const on = () => setMatches(m.matches);
    on();
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return matches;
}

/**
 * The width/height ratio of an element's box, to two decimals, while `on`: the stage in a
 * full-screen layout takes the shape of the room the grid gives it.
 */
export function useBoxAspect(on: boolean): [(el: HTMLElement | null) => void, number | undefined] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [aspect, setAspect] = useState<number | undefined>();
  useEffect(() => {
    if (!on || !el || typeof ResizeObserver !== 'function') {
      setAspect(undefined);
      return;
    }
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      setAspect(width > 0 && height > 0 ? Math.round((width / height) * 100) / 100 : undefined);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [on, el]);
  return [setEl, aspect];
}
