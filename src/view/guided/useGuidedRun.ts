// The guided run of the lesson on screen: started from the progress kept in this
// browser, told of the lab after every frame, and saved as the student moves on.
import { useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createActor } from 'xstate';
// Straight from the engine's files, not the index: the schema and the file parser stay out.
import { checkContext } from '../../lessons/guided/context';
import { loadProgress, resetProgress, saveProgress } from '../../lessons/guided/progress';
import { guidedRunMachine } from '../../lessons/guided/runMachine';
import { toSaved } from '../../lessons/guided/runner';
import type { GuidedLesson } from '../../lessons/guided/types';
import type { Frame, LessonPlayer } from '../../player';
import { momentOf } from '../../player';
import type { Session } from '../../shell';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function useGuidedRun(
  lesson: GuidedLesson | undefined,
  lp: LessonPlayer,
  frame: Frame,
  ready: boolean,
) {
  const [generation, setGeneration] = useState(0);
  const actor = useMemo(() => {
    if (!lesson) return undefined;
    const store = storage();
    const saved = store && generation === 0 ? loadProgress(store, lesson.id) : undefined;
    return createActor(guidedRunMachine, { input: saved ? { lesson, saved } : { lesson } }).start();
  }, [lesson, generation]);
  const run = useSelector(actor, (s) => s?.context);
  // The checks read the cluster at the moment on screen, so "Step done" comes when the
  // diagram and the terminal show it, not when the simulation (ahead by a few seconds
  // after an input) has got there; the lines typed are the live edge's shells'.
  useEffect(() => {
    if (!actor || !ready) return;
    const session = lp.recording.world as unknown as Session;
    if (typeof session.jobOf !== 'function') return;
    const moment = momentOf(frame);
    const ctx = {
      ...checkContext(session),
      cluster: {
        pods: moment.pods,
        nodes: moment.nodes,
        components: moment.components,
        faults: () => frame.faults,
      },
    };
    actor.send({ type: 'guided.update', ctx });
  }, [actor, lp, frame, ready]);
  useEffect(() => {
    const store = storage();
    if (store && run && lesson) saveProgress(store, lesson.id, toSaved(run));
  }, [run, lesson]);
  const reset = useCallback(() => {
    const store = storage();
    if (store && lesson) resetProgress(store, lesson.id);
    setGeneration((g) => g + 1);
  }, [lesson]);
  const step = run ? lesson?.steps[run.step] : undefined;
  const predicted = run && step ? run.predictions[step.id] : undefined;
  // Done once the check held: a lab that changes afterwards (the student went on typing) does not undo it.
  return { actor, run, done: run?.met ?? false, predicted, reset };
}
