// Where the app hands its lesson player to the embed layer. The page's first script
// only fills the slot; the bridge and the element read it once they have loaded.
import type { LessonPlayer } from '../player';

export class PlayerSlot {
  lp: LessonPlayer | undefined;
  /** The shells' code is loaded: commands can run. */
  ready = false;
  private readonly listeners = new Set<() => void>();

  /** Given to the app as `onPlayer`; stable, so the app's effect runs once per player. */
  readonly attach = (lp: LessonPlayer, ready: boolean): void => {
    this.lp = lp;
    this.ready = ready;
    for (const l of this.listeners) l();
  };

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
