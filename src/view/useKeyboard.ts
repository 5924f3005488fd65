// The keys of the player (issue 4): presentation clickers send PageUp/PageDown, so those
// step like the arrows. Keys typed into a field or a select belong to that field.
import { useLayoutEffect, useRef } from 'react';

export interface KeyActions {
  readonly togglePlay: () => void;
  readonly previousStep: () => void;
  readonly nextStep: () => void;
  readonly messageBack: () => void;
  readonly messageForward: () => void;
  readonly home: () => void;
  readonly end: () => void;
  readonly fullscreen: () => void;
  readonly presenter: () => void;
  readonly toggleView: () => void;
  readonly help: () => void;
  readonly escape: () => void;
}

export function actionForKey(key: string): keyof KeyActions | undefined {
  switch (key) {
    case ' ':
    case 'Spacebar':
      return 'togglePlay';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previousStep';
    case 'ArrowRight':
    case 'PageDown':
      return 'nextStep';
    case ',':
      return 'messageBack';
    case '.':
      return 'messageForward';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'p':
    case 'P':
      return 'presenter';
    case 'v':
    case 'V':
      return 'toggleView';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    default:
      return undefined;
  }
}

/** `keyTarget`: where keys are heard; the window unless the app lives in an element's shadow root. */
export function useKeyboard(actions: KeyActions & { readonly keyTarget?: EventTarget | undefined }): void {
  const ref = useRef(actions);
  ref.current = actions;
  const { keyTarget } = actions;
  // Listening from the layout effect: keys work from the first painted frame.
  useLayoutEffect(() => {
    const on = keyTarget ?? window;
    const onKey = (e: Event) => {
      if (!(e instanceof KeyboardEvent)) return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      const tag = target?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable) return;
      const action = actionForKey(e.key);
      if (!action) return;
      // Space on a focused button presses that button, as everywhere else.
      if (action === 'togglePlay' && tag === 'BUTTON') return;
      e.preventDefault();
      ref.current[action]();
    };
    on.addEventListener('keydown', onKey);
    return () => on.removeEventListener('keydown', onKey);
  }, [keyTarget]);
}
