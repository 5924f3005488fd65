// The side panel of a guided lesson, loaded with the lessons' steps and the engine
// that checks them only when a guided lesson is opened.
import { useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../lessons';
import { lessonForProfile } from '../../lessons/guided/forProfile';
import type { GuidedLesson, LessonCommand, LessonFault } from '../../lessons/guided/types';
import type { Frame, LessonPlayer } from '../../player';
import { profileOf } from '../../sim/profiles';
import { runningJob } from '../terminal/running';
import { GuidedPanel } from './GuidedPanel';
import { useGuidedRun } from './useGuidedRun';

interface Props {
  /** A built-in lesson by id, or a teacher's lesson already loaded. */
  readonly id: string;
  readonly teacherLesson: GuidedLesson | undefined;
  readonly lp: LessonPlayer;
  readonly frame: Frame;
  readonly ready: boolean;
  readonly lang: Lang;
  readonly onRun: (c: LessonCommand) => void;
  readonly onFault: (f: LessonFault) => void;
  /** Ctrl+C in a host's terminal. */
  readonly onInterrupt: (host: string) => void;
  /** The current step's commands, for the terminal's sample strip and the "what changed" view. */
  readonly onSamples: (commands: readonly { readonly host: string; readonly line: string }[]) => void;
}

export default function GuidedSide({
  id,
  teacherLesson,
  lp,
  frame,
  ready,
  lang,
  onRun,
  onFault,
  onInterrupt,
  onSamples,
}: Props) {
  const [builtIn, setBuiltIn] = useState<GuidedLesson | undefined>();
  useEffect(() => {
    if (teacherLesson) return;
    let live = true;
    import('../../lessons/guided/lessons/index').then((m) => {
      if (!live) return;
      // As the lab on screen has it: its master's name, its runtime's commands, what its version says differently.
      const found = m.guidedLessonFor(id, profileOf(lp.profile));
      setBuiltIn(found);
      setMissing(!found);
    });
    return () => {
      live = false;
    };
  }, [id, teacherLesson, lp.profile]);
  const [missing, setMissing] = useState(false);
  // A teacher's file names the book's hosts: in another lab they are that lab's.
  const teacherHere = useMemo(
    () => teacherLesson && lessonForProfile(teacherLesson, profileOf(lp.profile)),
    [teacherLesson, lp.profile],
  );
  const lesson = teacherHere ?? builtIn;
  const run = useGuidedRun(lesson, lp, frame, ready);
  const stepIndex = run.run?.step;
  useEffect(() => {
    const step = lesson?.steps[stepIndex ?? -1];
    onSamples(step?.commands ?? []);
  }, [lesson, stepIndex, onSamples]);
  if (missing)
    return (
      <p className="notice" role="status">
        {lang === 'ko'
          ? `레슨 "${id}" 은(는) 이 임베드에 들어 있지 않습니다. iframe 으로 임베드하면 볼 수 있습니다.`
          : `The lesson "${id}" is not part of this embed; embed it with the iframe to show it.`}
      </p>
    );
  if (!lesson || !run.run) return null;
  // The hosts of the step's commands whose terminal runs a job at the moment on screen (read each frame).
  const now = lp.player.now;
  const busy = new Set(
    (lesson.steps[run.run.step]?.commands ?? [])
      .map((c) => c.host)
      .filter((h) => runningJob(lp.terminal(h), now)),
  );
  return (
    <GuidedPanel
      lesson={lesson}
      lang={lang}
      index={run.run.step}
      done={run.done}
      predicted={run.predicted}
      onPredict={(choice) => run.actor?.send({ type: 'guided.predict', choice })}
      onStep={(n) => run.actor?.send({ type: 'guided.goto', step: n })}
      onReset={run.reset}
      onRun={onRun}
      onFault={onFault}
      busy={busy}
      onInterrupt={onInterrupt}
    />
  );
}
