// "At this moment": the command the person typed last (or the lesson step's, or one they
// type here) run under both profiles after the page's timeline, replayed in a lab of each.
import { useId, useMemo, useState } from 'react';
import type { Lang } from '../../lessons';
import type { LessonPlayer, RecordedInput } from '../../player';
import type { LabKind } from '../../sim';
import type { ProfileId } from '../../sim/profiles';
import { profileOf } from '../../sim/profiles';
import { ui } from '../i18n';
import { changedText } from './changedText';
import { hostIn, PAIR } from './pairing';
import type { MomentCommand } from './runs';
import { SideBySide } from './SideBySide';
import { useRun } from './useRun';

export interface MomentProps {
  readonly lp: LessonPlayer;
  readonly lang: Lang;
  readonly seed: number;
  readonly lab: LabKind;
  readonly workers: number;
  readonly profile: ProfileId | undefined;
  /** The lab's machines as this page names them: its master first. */
  readonly hosts: readonly string[];
  /** The guided lesson's current step's commands (written for the book's m-k8s). */
  readonly stepCommands: readonly { readonly host: string; readonly line: string }[];
}

interface Choice {
  readonly label: string;
  readonly command: MomentCommand;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

const sameCommand = (a: MomentCommand, b: MomentCommand) =>
  a.host === b.host && a.line === b.line && a.at === b.at && !!a.onTimeline === !!b.onTimeline;

function Result({
  props,
  inputs,
  command,
  generation,
}: {
  props: MomentProps;
  inputs: readonly RecordedInput[];
  command: MomentCommand;
  generation: number;
}) {
  const { seed, lab, workers, profile, lang } = props;
  const from = profileOf(profile).id;
  const key = (p: ProfileId) =>
    `moment:${p}:${from}:${seed}:${lab}:${workers}:${generation}:${inputs.length}:${inputs[inputs.length - 1]?.at ?? 0}:${JSON.stringify(command)}`;
  const run = (p: ProfileId) => () =>
    ({ kind: 'moment', seed, lab, workers, from, profile: p, inputs, command }) as const;
  const left = useRun(key(PAIR[0]), run(PAIR[0]));
  const right = useRun(key(PAIR[1]), run(PAIR[1]));
  return <SideBySide lang={lang} what={command.line} left={left} right={right} own={from} />;
}

export function MomentCompare(props: MomentProps) {
  const { lp, lang, hosts, stepCommands, profile } = props;
  const t = changedText[lang];
  const own = profileOf(profile);
  const book = profileOf(undefined);
  // The moment and the timeline as they stood when the view was opened.
  const [snapshot] = useState(() => ({
    now: lp.player.now,
    inputs: [...lp.inputs()],
    generation: lp.recording.generation,
    step: lp.step,
    steps: lp.stepCount,
  }));
  const choices = useMemo(() => {
    const out: Choice[] = [];
    const { now, inputs } = snapshot;
    const typed = inputs.filter((i) => !i.scripted && 'line' in i && i.at <= now);
    const last = typed[typed.length - 1];
    if (last && 'line' in last)
      out.push({
        label: t.lastTyped,
        command: {
          host: last.host,
          line: last.line,
          ...(last.tab ? { tab: last.tab } : {}),
          at: last.at,
          onTimeline: true,
        },
      });
    // The lessons are written for the book's m-k8s: under another profile they go to its master.
    for (const c of stepCommands)
      out.push({ label: t.stepCommand, command: { host: hostIn(own, book, c.host), line: c.line, at: now } });
    const scripted = inputs.filter((i) => i.scripted && 'line' in i && i.at <= now);
    const lesson = scripted[scripted.length - 1];
    if (lesson && 'line' in lesson)
      out.push({
        label: t.lessonCommand,
        command: {
          host: lesson.host,
          line: lesson.line,
          ...(lesson.tab ? { tab: lesson.tab } : {}),
          at: lesson.at,
          onTimeline: true,
        },
      });
    return out;
  }, [snapshot, stepCommands, t, own, book]);
  const [chosen, setChosen] = useState<MomentCommand | undefined>(() => choices[0]?.command);
  const [line, setLine] = useState(choices[0]?.command.line ?? 'kubectl get nodes');
  const [host, setHost] = useState(choices[0]?.command.host ?? hosts[0] ?? own.master.name);
  const lineId = useId();
  const hostId = useId();
  return (
    <section className="changed-moment" aria-labelledby={`${lineId}-title`}>
      <h3 id={`${lineId}-title`}>{t.momentTitle}</h3>
      <p>
        {snapshot.steps > 0 && <strong>{`${ui[lang].step(snapshot.step, snapshot.steps)}. `}</strong>}
        {t.momentIntro(seconds(snapshot.now))}
      </p>
      {choices.length > 0 && (
        <ul className="moment-choices">
          {choices.map((c) => (
            <li key={`${c.label}:${c.command.host}:${c.command.line}:${c.command.at}`}>
              <button
                type="button"
                aria-pressed={chosen !== undefined && sameCommand(chosen, c.command)}
                onClick={() => {
                  setChosen(c.command);
                  setLine(c.command.line);
                  setHost(c.command.host);
                }}
              >
                <span className="choice-label">{c.label}</span> <code>{c.command.line}</code>{' '}
                <span className="choice-where">{t.on(c.command.host, seconds(c.command.at))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="moment-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (line.trim() === '') return;
          setChosen({ host, line: line.trim(), tab: host, at: snapshot.now });
        }}
      >
        <label htmlFor={lineId}>{t.command}</label>
        <input
          id={lineId}
          type="text"
          value={line}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setLine(e.target.value)}
        />
        <label htmlFor={hostId}>{t.host}</label>
        <select id={hostId} value={host} onChange={(e) => setHost(e.target.value)}>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <button type="submit">{t.compare}</button>
      </form>
      {chosen && (
        <Result props={props} inputs={snapshot.inputs} command={chosen} generation={snapshot.generation} />
      )}
    </section>
  );
}
