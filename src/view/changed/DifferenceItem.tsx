// One difference between the two labs: what it is, each profile's value of the fields it
// names, where the later value comes from (and what could not be checked), and, opened,
// its script typed in a fresh lab of each profile, the two outputs side by side.
import { useState } from 'react';
import type { Lang } from '../../lessons';
import type { Difference, ProfileId } from '../../sim/profiles';
import { profiles } from '../../sim/profiles';
import { changedText } from './changedText';
import { differencesKo } from './differencesKo';
import { fieldValue } from './fieldValues';
import { PAIR } from './pairing';
import { SideBySide } from './SideBySide';
import { useRun } from './useRun';

interface Props {
  readonly difference: Difference;
  readonly lang: Lang;
  readonly own: ProfileId | undefined;
}

function ScriptRuns({ d, lang, own }: { d: Difference; lang: Lang; own: ProfileId | undefined }) {
  const script = d.script ?? [];
  const lab = d.lab ?? 'ready';
  const left = useRun(`script:${d.id}:${PAIR[0]}`, () => ({ kind: 'script', profile: PAIR[0], script, lab }));
  const right = useRun(`script:${d.id}:${PAIR[1]}`, () => ({
    kind: 'script',
    profile: PAIR[1],
    script,
    lab,
  }));
  return (
    <SideBySide lang={lang} what={script[script.length - 1] ?? d.id} left={left} right={right} own={own} />
  );
}

export function DifferenceItem({ difference: d, lang, own }: Props) {
  const t = changedText[lang];
  const [opened, setOpened] = useState(false);
  const ko = lang === 'ko' ? differencesKo[d.id] : undefined;
  const what = ko?.what ?? d.what;
  // A difference not yet in Korean is shown in English, and said to be.
  const whatLang = lang === 'ko' && !ko ? 'en' : undefined;
  const unverified = d.unverified === undefined ? undefined : (ko?.unverified ?? d.unverified);
  const [a, b] = PAIR.map((p) => profiles[p]);
  return (
    <li className="difference">
      <details onToggle={(e) => setOpened(e.currentTarget.open)}>
        <summary>
          <span lang={whatLang}>{what}</span>
          {unverified !== undefined && <span className="badge-unverified">{t.unverified}</span>}
        </summary>
        <div className="difference-body">
          <table className="difference-values">
            <thead>
              <tr>
                <th scope="col">{t.field}</th>
                <th scope="col">{a?.id}</th>
                <th scope="col">{b?.id}</th>
              </tr>
            </thead>
            <tbody>
              {d.fields.map((f) => (
                <tr key={f}>
                  <th scope="row">
                    <code>{f}</code>
                  </th>
                  {PAIR.map((p) => {
                    const v = fieldValue(profiles[p], f);
                    return (
                      <td key={p}>
                        {v === undefined ? '' : v === '' ? t.none : <pre className="value">{v}</pre>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="difference-source">
            <strong>{t.source}:</strong> <span lang="en">{d.source}</span>
          </p>
          {unverified !== undefined && (
            <p className="difference-unverified">
              <strong>{t.unverified}:</strong>{' '}
              <span lang={lang === 'ko' && ko?.unverified ? undefined : 'en'}>{unverified}</span>
            </p>
          )}
          {d.script ? (
            <>
              <p>{t.typed(`${a?.master.name} / ${b?.master.name}`)}</p>
              <pre className="difference-script">{d.script.join('\n')}</pre>
              {opened && <ScriptRuns d={d} lang={lang} own={own} />}
            </>
          ) : (
            <p>{t.noScript}</p>
          )}
        </div>
      </details>
    </li>
  );
}
