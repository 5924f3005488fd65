// The menu a component of the diagram opens (what can happen to it), placed by the
// component and loaded the first time it is needed; picking acts on the lab.
import { lazy, Suspense, useCallback, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Frame, LessonPlayer } from '../../player';
import type { FaultRef } from '../../sim';
import { accessibleName } from '../i18n';
import { componentActions } from './componentActions';
import type { LabTab } from './LabPanel';
import { labText } from './labText';

const FaultMenu = lazy(() => import('./FaultMenu').then((m) => ({ default: m.FaultMenu })));

interface Opened {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly back: Element;
}

/** The menu's state: `open` for the diagram's components, `element` to render. */
export function useComponentMenu(onOpen: (id: string) => void) {
  const [menu, setMenu] = useState<Opened | undefined>();
  const open = useCallback(
    (id: string, target: Element) => {
      const r = target.getBoundingClientRect();
      const x = Math.max(8, Math.min(window.innerWidth - 280, r.left + 12));
      const y = Math.max(8, Math.min(window.innerHeight - 200, r.top + 28));
      setMenu({ id, x, y, back: target });
      onOpen(id);
    },
    [onOpen],
  );
  const close = useCallback(() => {
    setMenu((m) => {
      // Focus goes back to the component the menu was opened from.
      (m?.back as HTMLElement | SVGElement | undefined)?.focus?.();
      return undefined;
    });
  }, []);
  return { menu, open, close };
}

interface Props {
  readonly menu: Opened | undefined;
  readonly close: () => void;
  readonly lp: LessonPlayer;
  readonly frame: Frame;
  readonly lang: Lang;
  readonly faults: readonly FaultRef[];
  readonly workers: readonly string[];
  readonly onTab: (t: LabTab) => void;
}

export function ComponentMenu({ menu, close, lp, frame, lang, faults, workers, onTab }: Props) {
  const component = menu ? frame.components.find((c) => c.id === menu.id) : undefined;
  if (!menu || !component) return null;
  return (
    <Suspense fallback={null}>
      <FaultMenu
        title={labText[lang].menuOf(accessibleName(component, lang))}
        actions={componentActions(component, faults, workers, lp.profile)}
        lang={lang}
        at={menu}
        onClose={close}
        onDetails={() => {
          close();
          onTab('inspect');
        }}
        onPick={(a) => {
          close();
          if (a.kind === 'fault') {
            lp.queue.submit({ fault: a.fault, heal: a.heal });
            if (!a.heal) onTab('faults');
          } else lp.queue.submit({ host: a.host, line: a.line });
        }}
      />
    </Suspense>
  );
}
