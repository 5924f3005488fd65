// "Why is it stuck?": shown while a pod of the default namespace does not progress;
// it names the step, the component that is not acting, and a command that shows it.

import { useEffect, useState } from 'react';
import type { Lang } from '../../lessons';
import type { Diagnosis } from '../../lessons/faults/diagnose';
import { diagnose } from '../../lessons/faults/diagnose';
import type { Frame, LessonPlayer } from '../../player';
import { momentOf } from '../../player';
import { profileOf } from '../../sim/profiles';
import { accessibleName } from '../i18n';
import { runningJob } from '../terminal/running';
import { labText } from './labText';

interface Props {
  readonly lp: LessonPlayer;
  readonly frame: Frame;
  readonly lang: Lang;
  readonly onRun: (host: string, line: string) => void;
  readonly onPoint: (componentId: string | undefined) => void;
  /** A pod on its way (Pending for a second during the tour) is not stuck: ask only while something is broken. */
  readonly faultsInForce: number;
}

export function StuckButton({ lp, frame, lang, onRun, onPoint, faultsInForce }: Props) {
  // Once asked, the answer follows the moment on screen (scrub back and it is the answer of then).
  const [asked, setAsked] = useState(false);
  const t = labText[lang];
  const waiting = frame.pods.filter(
    (p) => p.namespace === 'default' && !(p.status === 'Running' && p.ready.startsWith('1/')),
  );
  const moment = momentOf(frame);
  let found: { pod: string; d: Diagnosis } | undefined;
  if (asked)
    for (const p of waiting) {
      const d = diagnose(moment, p.name, p.namespace, profileOf(lp.profile).runtime.service);
      if (d) {
        found = { pod: p.name, d };
        break;
      }
    }
  const pointAt = found?.d.component;
  useEffect(() => onPoint(pointAt), [onPoint, pointAt]);
  if (waiting.length === 0 || faultsInForce === 0) return null;
  const ask = () => setAsked(true);
  const component = found ? frame.components.find((c) => c.id === found.d.component) : undefined;
  // A clicked command waits for its host's prompt, as a guided step's do: never typed into a running job.
  const busy = found ? !!runningJob(lp.terminal(found.d.host), frame.at) : false;
  return (
    <div className="stuck">
      <button type="button" onClick={ask}>
        {t.stuck}
      </button>
      {found && (
        <div className="stuck-answer" role="status">
          <p>
            <strong>{t.stuckTitle(found.pod, found.d.step)}</strong>
          </p>
          <p>{found.d.why[lang]}</p>
          {component && (
            <p>
              {t.notActing}: {accessibleName(component, lang)}
            </p>
          )}
          <p>
            {t.tryCommand}: <code>{`[root@${found.d.host} ~]# ${found.d.command}`}</code>{' '}
            <button
              type="button"
              disabled={busy}
              aria-describedby={busy ? 'stuck-busy' : undefined}
              onClick={() => onRun(found.d.host, found.d.command)}
            >
              {t.runIt}
            </button>
          </p>
          {busy && <p id="stuck-busy">{t.runBusy(found.d.host)}</p>}
        </div>
      )}
    </div>
  );
}
