// Every fault in force, each with a one-click heal, and the story of the latest one:
// what broke, what kubectl will show, what happens next and when.
import type { Lang } from '../../lessons';
import { faultStory } from '../../lessons/faults/faultStory';
import type { Frame, LessonPlayer } from '../../player';
import { momentOf } from '../../player';
import type { FaultRef } from '../../sim';
import { faultLabel } from '../../sim';
import type { ProfileId } from '../../sim/profiles';
import { profileOf } from '../../sim/profiles';
import { labText } from './labText';

interface Props {
  readonly lp: LessonPlayer;
  readonly lang: Lang;
  readonly faults: readonly FaultRef[];
  readonly story: FaultRef | undefined;
  readonly frame: Frame;
}

export function faultName(f: FaultRef, lang: Lang, profile?: ProfileId): string {
  const label = faultLabel(f.id, profile)?.[lang] ?? f.id;
  return f.target ? `${label} (${f.target})` : label;
}

export function FaultPanel({ lp, lang, faults, story, frame }: Props) {
  const t = labText[lang];
  const told = story ? faultStory(story, momentOf(frame), profileOf(lp.profile)) : undefined;
  return (
    <div className="fault-panel">
      <h3>{t.faultsInForce}</h3>
      {faults.length === 0 ? (
        <p className="fault-none">{t.none}</p>
      ) : (
        <ul className="fault-list">
          {faults.map((f) => (
            <li key={`${f.id}@${f.target ?? ''}`}>
              <span>{faultName(f, lang, lp.profile)}</span>
              <button
                type="button"
                onClick={() => lp.queue.submit({ fault: f, heal: true })}
                aria-label={`${t.heal}: ${faultName(f, lang, lp.profile)}`}
              >
                {t.heal}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="fault-story" aria-live="polite">
        {story && told && (
          <>
            <h3>{faultName(story, lang, lp.profile)}</h3>
            <dl>
              <dt>{t.broke}</dt>
              <dd>{told.what[lang]}</dd>
              <dt>{t.observe}</dt>
              <dd>{told.observe[lang]}</dd>
              <dt>{t.next}</dt>
              <dd>{told.next[lang]}</dd>
            </dl>
          </>
        )}
      </div>
    </div>
  );
}
