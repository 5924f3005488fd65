// The page attached to `npm run api` (AttachedLab): the server's inputs are recorded as
// they arrive, the timeline grows with the server's clock and play never passes it (it
// follows the live edge: attachedFollower.ts), and the page's own inputs go to the server.
// The real cluster cannot be rewound: an input made while the moment on screen lies in the
// past is refused.
import { useEffect, useState } from 'react';
import type { LessonPlayer } from '../player';
import type { AttachedLab } from './appOptions';
import { AttachedFollower } from './attachedFollower';

/** Paused within this much cluster time of the server's now counts as at the live edge. */
export const LIVE_SLACK_MS = 2_000;

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

export function useAttached(lp: LessonPlayer, attached: AttachedLab | undefined): AttachedState {
  const [connected, setConnected] = useState(true);
  const [catchingUp, setCatchingUp] = useState<number | undefined>(attached ? 0 : undefined);
  const [problem, setProblem] = useState<AttachedState['problem']>();
  const [follower, setFollower] = useState<AttachedFollower | undefined>();
  useEffect(() => {
    if (!attached) return;
    const f = new AttachedFollower(lp, attached, () => performance.now());
    setFollower(f);
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
    const stop = attached.listen(
      (input) => f.hear(input),
      (up) => setConnected(up),
    );
    let id = requestAnimationFrame(function follow(ts) {
      f.frame(ts);
      setCatchingUp(f.catchingUp);
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
      follower?.goLive();
      setProblem(undefined);
    },
  };
}
