// While inputs made in the past wait for their fork (a cold one: the person jumped there
// and acted at once), a status line says what waits; it goes once they are applied.
import { useEffect, useState } from 'react';
import type { Lang } from '../../lessons';
import type { LessonPlayer } from '../../player';
import { faultLabel } from '../../sim';
import { labText } from './labText';

export function CatchingUp({ lp, lang }: { lp: LessonPlayer; lang: Lang }) {
  const [waiting, setWaiting] = useState<string>('');
  useEffect(() => {
    let id = requestAnimationFrame(function check() {
      const what = lp.queue
        .waitingInputs()
        .map((i) =>
          'line' in i
            ? i.line
            : 'interrupt' in i
              ? 'Ctrl+C'
              : 'fault' in i
                ? (faultLabel(i.fault.id, lp.profile)?.[lang] ?? i.fault.id)
                : 'API',
        )
        .join(', ');
      setWaiting(what);
      id = requestAnimationFrame(check);
    });
    return () => cancelAnimationFrame(id);
  }, [lp, lang]);
  return (
    <p className="lab-catching-up" role="status">
      {waiting ? labText[lang].catchingUp(waiting) : ''}
    </p>
  );
}
