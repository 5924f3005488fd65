// The element's app (the chunks after its first script): the lesson player's controller
// and the app rendered into the element's box. The box first shows the lab's first
// moment, drawn from a stored frame (still.tsx); the app's own chunk (simulation, player,
// lessons) is asked for once that is painted, so five elements on a page are all drawn
// before any of them parses the simulation.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { LessonPlayer } from '../player';
import type { AppOptions } from '../view/appOptions';
import type { EmbedController } from './controller';
import type { Emit } from './events';
import { PlayerSlot } from './playerSlot';
import { stillFor } from './still';
import { sheet } from './styles';

export interface MountOptions {
  readonly shadow: ShadowRoot;
  /** The element's box in its shadow root, already sized. */
  readonly box: HTMLElement;
  /** The app's parameters, read from the attributes (`?lesson=pod-create&lang=ko`). */
  readonly search: string;
  readonly emit: Emit;
  readonly faults: string;
  readonly autoplay: boolean;
  readonly controls: boolean;
  readonly terminal: boolean;
  /** Settles when the shells' code is wanted (shellGate.ts). */
  readonly shellWanted: Promise<void>;
}

export interface Mounted {
  /** The verbs' controller; its code comes with the simulation's, after the still is painted. */
  readonly controller: Promise<EmbedController>;
  unmount(): void;
}

/**
 * Settles after the next frame is painted (a task queued from requestAnimationFrame runs
 * after that frame's rendering), or after 100 ms in a tab that paints no frames.
 */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/**
 * The app makes a new lesson player once the shells have come (the lesson's commands can
 * only be simulated then). A Play pressed on the player before (the press itself asked
 * for the shells) carries over to the new one: the reader sees the lesson play on.
 */
function keepPlaying(slot: PlayerSlot): void {
  let early: LessonPlayer | undefined;
  const off = slot.subscribe(() => {
    if (!slot.lp) return;
    if (!slot.ready) {
      early = slot.lp;
      return;
    }
    if (early && early !== slot.lp && early.player.getSnapshot().playing) slot.lp.player.play();
    off();
  });
}

export function mount(o: MountOptions): Mounted {
  if (!o.shadow.adoptedStyleSheets.includes(sheet()))
    o.shadow.adoptedStyleSheets = [...o.shadow.adoptedStyleSheets, sheet()];
  const slot = new PlayerSlot();
  const options: AppOptions = {
    search: o.search,
    embedded: true,
    ownsPage: false,
    keyTarget: o.shadow,
    controls: o.controls,
    terminal: o.terminal,
    onPlayer: slot.attach,
    shellWanted: o.shellWanted,
  };
  keepPlaying(slot);
  const still = stillFor(o.search, o.faults, options);
  if (still) o.box.append(still);
  const live = still ? painted() : Promise.resolve();
  const controller = live
    .then(() => import('./controller'))
    .then((m) => new m.EmbedController(slot, o.emit, { faults: o.faults, autoplay: o.autoplay }));
  let unmounted = false;
  const root = live
    .then(() => import('../view/App'))
    .then(({ App }) => {
      if (unmounted) return undefined;
      // The still goes and the app's first frame comes in the same task: nothing blank between.
      o.box.replaceChildren();
      const r = createRoot(o.box);
      flushSync(() => r.render(<App options={options} />));
      return r;
    });
  return {
    controller,
    unmount() {
      unmounted = true;
      void root.then((r) => r?.unmount());
      void controller.then((c) => c.dispose());
      slot.lp?.dispose();
    },
  };
}
