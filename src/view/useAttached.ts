// The page attached to `npm run api` (AttachedLab): the server's inputs are recorded as
// they arrive, the timeline grows with the server's clock and play never passes it (it
// follows the live edge), and the page's own inputs go to the server. The real cluster
// cannot be rewound: an input made while the moment on screen lies in the past is refused.
import { useEffect, useState } from 'react';
import type { LessonPlayer } from '../player';
import type { SimMs } from '../sim';
import type { AttachedLab } from './appOptions';

/** Paused within this much cluster time of the server's now counts as at the live edge. */
export const LIVE_SLACK_MS = 2_000;
/**
 * Playing, the moment on screen may fall this far behind the server's now (messages are
 * shown in slow motion); beyond it, it jumps to a quarter of that behind, so the page stays live.
 */
export const MAX_LAG_MS = 4_000;
/** How much of a frame, in ms, replaying the server's log may take at first (no long task, however old the server). */
const CATCH_UP_SLICE_MS = 10;
/** How far, in wall ms at the server's speed, the page keeps behind the server's estimated now (an input's trip to the page). */
const EDGE_MARGIN_MS = 250;
/** How often the timeline's end follows the server's clock, in wall ms. */
const GROW_EVERY_MS = 100;

export interface AttachedState {
  /** Replaying the server's log at first: how far, 0 to 1; undefined once at the server's now. */
  readonly catchingUp: number | undefined;
  /** The event stream from the server stands. */
  readonly connected: boolean;
  /** The last input refused (made in the past) or not taken by the server, if any. */
  readonly problem:
    | { readonly kind: 'past' }
    | { readonly kind: 'server'; readonly text: string }
    | undefined;
  dismiss(): void;
  /** To the server's now, playing: the page follows the live edge again. */
  goLive(): void;
}

/** The moment the page may show: the server's estimated now, less an input's trip to the page. */
function edgeOf(attached: AttachedLab): SimMs {
  return Math.max(0, attached.now() - EDGE_MARGIN_MS * attached.speed) as SimMs;
}

export function useAttached(lp: LessonPlayer, attached: AttachedLab | undefined): AttachedState {
  const [connected, setConnected] = useState(true);
  const [catchingUp, setCatchingUp] = useState<number | undefined>(attached ? 0 : undefined);
  const [problem, setProblem] = useState<AttachedState['problem']>();
  useEffect(() => {
    if (!attached) return;
    lp.remote = (input) => {
      const s = lp.player.getSnapshot();
      // Applied by the server at its own now: from a moment in the past that would not be what the person sees.
      if (!s.playing && attached.now() - s.now > LIVE_SLACK_MS) {
        setProblem({ kind: 'past' });
        return;
      }
      setProblem(undefined);
      void attached.send(input).then((text) => text && setProblem({ kind: 'server', text }));
    };
    // Until the log is replayed, what the server applies meanwhile waits here, in order.
    let waiting: Parameters<typeof lp.record>[0][] | undefined = [];
    const stop = attached.listen(
      (input) => (waiting ? waiting.push(input) : lp.record(input)),
      (up) => setConnected(up),
    );
    let grown = 0;
    let id = requestAnimationFrame(function follow(ts) {
      // The page stays a little behind the server's estimated now, so that an input arrives
      // at or after the moment the page has reached: it is then recorded without a fork.
      const t = edgeOf(attached);
      if (waiting) {
        // Replaying the log so far, a slice per frame, up to each input heard meanwhile in turn.
        const next = waiting[0];
        const target = (next ? Math.min(t, next.at) : t) as SimMs;
        lp.player.extendEnd(t);
        const deadline = performance.now() + CATCH_UP_SLICE_MS;
        if (!lp.readyToSee(target, () => performance.now() > deadline) || next) {
          if (next && lp.recording.simulatedTo >= target) lp.record(waiting.shift() as typeof next);
          setCatchingUp(t > 0 ? Math.floor((lp.recording.simulatedTo / t) * 100) / 100 : 0);
          id = requestAnimationFrame(follow);
          return;
        }
        waiting = undefined;
        lp.syncTour();
        lp.player.ceiling = t;
        lp.player.seek(t);
        lp.player.play();
        setCatchingUp(undefined);
      }
      lp.player.ceiling = t;
      if (ts - grown >= GROW_EVERY_MS) {
        grown = ts;
        lp.player.extendEnd(t);
        lp.syncTour();
        const s = lp.player.getSnapshot();
        if (s.playing && s.holdAt === undefined && t - s.now > MAX_LAG_MS)
          lp.player.seek((t - MAX_LAG_MS / 4) as SimMs);
      }
      id = requestAnimationFrame(follow);
    });
    return () => {
      stop();
      cancelAnimationFrame(id);
      lp.remote = undefined;
    };
  }, [lp, attached]);
  return {
    catchingUp,
    connected,
    problem,
    dismiss: () => setProblem(undefined),
    goLive: () => {
      if (!attached) return;
      const t = edgeOf(attached);
      lp.player.extendEnd(t);
      lp.player.seek(t as SimMs);
      lp.player.play();
      setProblem(undefined);
    },
  };
}
