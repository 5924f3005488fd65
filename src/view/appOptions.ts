// How the page is used besides as the app itself: inside an iframe (chrome-less) or
// inside the <pod-lifecycle-animator> element, whose shadow root is not the page.
// The embed layer fills these in; the view only obeys them.
import type { ReactNode } from 'react';
import type { Lang } from '../lessons';
import type { LabDriver, LessonPlayer, RecordedInput } from '../player';
import type { LabKind, SimMs } from '../sim';
import type { ProfileId } from '../sim/profiles';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The lab of `npm run api` the page is attached to (src/embed/attached): its log replayed, its clock followed. */
export interface AttachedLab {
  /** Where the server is, for the banner: `http://127.0.0.1:6443`. */
  readonly address: string;
  readonly seed: number;
  readonly lab: LabKind;
  /** The server's lab version (`npm run api -- --profile 1.36`): its hosts, texts and tabs. */
  readonly profile: ProfileId;
  /** Cluster seconds per wall second on the server. */
  readonly speed: number;
  readonly driver: LabDriver;
  /** Every input the server had applied when the page attached. */
  readonly inputs: readonly RecordedInput[];
  /** The server's cluster time now, from its last word and the time since. */
  now(): SimMs;
  /** Hears each input the server applies from now on, and whether the connection stands. */
  listen(onInput: (input: RecordedInput) => void, onConnected: (up: boolean) => void): () => void;
  /** Sends one of the page's inputs (a line typed in a tab, a fault); resolves to an error text, or undefined. */
  send(input: DistributiveOmit<RecordedInput, 'at'>): Promise<string | undefined>;
}

export interface HeaderContext {
  readonly lp: LessonPlayer;
  readonly lang: Lang;
  /** The query string of the state on screen (DESIGN contract 1). */
  readonly search: string;
}

export interface AppOptions {
  /** Read the state from this query string instead of the page's URL (the element's attributes). */
  readonly search?: string;
  /** Without the header: the host page already says what this is. */
  readonly embedded?: boolean;
  /** Show the timeline and the player's buttons (default true). */
  readonly controls?: boolean;
  /** Show the lab panel: terminal, faults, inspectors (default true). */
  readonly terminal?: boolean;
  /**
   * The app owns the page: it writes the URL and `<html lang data-theme>` and hears keys
   * on the window. An element in someone else's page must do none of that.
   */
  readonly ownsPage?: boolean;
  /** Parameters the URL keeps besides the state (`&embed=1&allowOrigin=...` in an iframe). */
  readonly keepInUrl?: string;
  /** Where the player's keys are heard when the app does not own the page (the shadow root). */
  readonly keyTarget?: EventTarget;
  /**
   * The shells' code is fetched once this settles (default: at once). The element waits
   * until something past the lab's first moment is asked for (src/embed/shellGate.ts).
   */
  readonly shellWanted?: Promise<void>;
  /** Told of each lesson player; `ready` once the shells' code has loaded and commands run. */
  readonly onPlayer?: (lp: LessonPlayer, ready: boolean) => void;
  /** Attached to `npm run api`: the page replays its lab and follows its clock (the page served there). */
  readonly attached?: AttachedLab;
  /** Served by `npm run api` but its lab did not answer: why (a notice). */
  readonly attachError?: string;
  /** Extra buttons in the header (Share, Export), loaded by the embed layer. */
  readonly header?: (ctx: HeaderContext) => ReactNode;
}
