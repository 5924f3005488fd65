// How the page is used besides as the app itself: inside an iframe (chrome-less) or
// inside the <pod-lifecycle-animator> element, whose shadow root is not the page.
// The embed layer fills these in; the view only obeys them.
import type { ReactNode } from 'react';
import type { Lang } from '../lessons';
import type { LessonPlayer } from '../player';

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
  /** Extra buttons in the header (Share, Export), loaded by the embed layer. */
  readonly header?: (ctx: HeaderContext) => ReactNode;
}
