// A guided lesson's current step beside the diagram: what to read, the commands to
// type (or click), the faults to inject, a prediction to make first, and whether the
// lab says the step is done. One rule in every lesson: a done step says so and waits
// for "Next step" (runner.ts). A command is clicked only at a prompt: while its host's
// shell runs a job the button waits, and a Ctrl+C button stops the job.
import './guided.css';
import type { Lang } from '../../lessons';
import type { GuidedLesson, LessonCommand, LessonFault } from '../../lessons/guided/types';
import { faultSpec } from '../../sim';

interface Props {
  readonly lesson: GuidedLesson;
  readonly lang: Lang;
  readonly index: number;
  /** The lab satisfies the step's check (or the step has none). */
  readonly done: boolean;
  readonly onRun: (c: LessonCommand) => void;
  readonly onFault: (f: LessonFault) => void;
  readonly onStep: (index: number) => void;
  readonly onReset: () => void;
  /** The choice made for this step's prediction, if any. */
  readonly predicted: number | undefined;
  readonly onPredict: (choice: number) => void;
  /** Hosts whose terminal runs a command at the moment on screen. */
  readonly busy: ReadonlySet<string>;
  /** Ctrl+C in that host's terminal, as the key would send it. */
  readonly onInterrupt: (host: string) => void;
}

const words = {
  ko: {
    step: (n: number, of: number) => `${of}단계 중 ${n}단계`,
    commands: '입력할 명령 (누르면 그 호스트의 터미널에서 실행합니다)',
    faults: '일으킬 장애',
    predict: '먼저 예측해 보세요',
    right: '맞았습니다.',
    wrong: '아닙니다.',
    really: '실제로는 어떻게 동작하나',
    done: '이 단계를 마쳤습니다. ‘다음 단계’를 눌러 넘어가세요.',
    waiting:
      '실습 환경이 이 단계의 조건을 만족하면 마쳤다고 알려 드립니다. 레슨은 저절로 넘어가지 않습니다: 다음으로는 ‘다음 단계’로 넘어갑니다.',
    read: '다 읽었으면 ‘다음 단계’를 누르세요.',
    answerFirst: '먼저 위의 질문에 답하세요. 답한 뒤부터 이 단계의 조건을 확인합니다.',
    busy: (host: string) =>
      `${host} 에서 명령이 실행 중입니다. 프롬프트가 돌아와야 다음 명령을 누를 수 있습니다. 기다리거나 Ctrl+C 로 멈추세요.`,
    interrupt: (host: string) => `${host} 에 Ctrl+C 보내기`,
    previous: '이전 단계',
    next: '다음 단계',
    finish: '레슨 마치기',
    finished: '이 레슨을 모두 마쳤습니다!',
    reset: '진행 상황 초기화',
    heal: '복구',
  },
  en: {
    step: (n: number, of: number) => `Step ${n} of ${of}`,
    commands: 'Commands to type (click to run it in that host’s terminal)',
    faults: 'Faults to inject',
    predict: 'Predict first',
    right: 'Right.',
    wrong: 'Not quite.',
    really: 'How it really works',
    done: 'Step done. Press “Next step” to go on.',
    waiting:
      'When the lab meets this step’s check, this says the step is done. Lessons never move on by themselves: “Next step” does.',
    read: 'When you have read it, press “Next step”.',
    answerFirst: 'Answer the question above first; the lab’s check counts once you have.',
    busy: (host: string) =>
      `A command is running on ${host}: the next one can be clicked when the prompt is back. Wait, or stop it with Ctrl+C.`,
    interrupt: (host: string) => `Send Ctrl+C to ${host}`,
    previous: 'Previous step',
    next: 'Next step',
    finish: 'Finish the lesson',
    finished: 'You have finished this lesson!',
    reset: 'Reset progress',
    heal: 'Heal',
  },
} as const;

function faultLabel(f: LessonFault, lang: Lang): string {
  const label = faultSpec(f.fault)?.label[lang] ?? f.fault;
  const base = f.target ? `${label} (${f.target})` : label;
  return f.heal ? `${words[lang].heal}: ${base}` : base;
}

export function GuidedPanel({
  lesson,
  lang,
  index,
  done,
  onRun,
  onFault,
  onStep,
  onReset,
  predicted,
  onPredict,
  busy,
  onInterrupt,
}: Props) {
  const w = words[lang];
  const finished = index >= lesson.steps.length;
  const step = lesson.steps[Math.min(index, lesson.steps.length - 1)];
  if (!step) return null;
  const choice = predicted;
  const last = index >= lesson.steps.length - 1;
  const hosts = [...new Set((step.commands ?? []).map((c) => c.host))];
  const running = hosts.filter((h) => busy.has(h));
  const status = finished
    ? w.finished
    : done
      ? w.done
      : step.predict && choice === undefined && step.doneWhen
        ? w.answerFirst
        : step.doneWhen
          ? w.waiting
          : w.read;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls inside a full-screen layout, and a scrolling region must take the focus to be scrolled from the keyboard
    <section className="guided narration" aria-labelledby="guided-title" tabIndex={0}>
      {/* A finished lesson shows its last step: "Step 6 of 6", not 7. */}
      <p className="narration-step">
        {w.step(Math.min(index, lesson.steps.length - 1) + 1, lesson.steps.length)}
      </p>
      <h2 id="guided-title" className="narration-title">
        {step.title[lang]}
      </h2>
      <div aria-live="polite">
        <p className="narration-text">{step.narration[lang]}</p>
      </div>
      {step.predict && (
        <fieldset className="guided-predict">
          <legend>
            {w.predict}: {step.predict.question[lang]}
          </legend>
          {step.predict.choices.map((c, i) => (
            <label key={c.en}>
              <input
                type="radio"
                name={`predict-${step.id}`}
                checked={choice === i}
                disabled={choice !== undefined}
                onChange={() => onPredict(i)}
              />{' '}
              {c[lang]}
            </label>
          ))}
          {choice !== undefined && (
            <p className={choice === step.predict.answer ? 'predict-right' : 'predict-wrong'} role="status">
              {choice === step.predict.answer ? w.right : w.wrong} {step.predict.explain[lang]}
            </p>
          )}
        </fieldset>
      )}
      {step.commands && step.commands.length > 0 && (
        <div className="guided-commands">
          <p>{w.commands}</p>
          {step.commands.map((c) => (
            <button
              key={`${c.host} ${c.line}`}
              type="button"
              className="guided-command"
              disabled={busy.has(c.host)}
              aria-describedby={busy.has(c.host) ? `guided-busy-${c.host}` : undefined}
              onClick={() => onRun(c)}
            >
              <span className="guided-prompt">{`[root@${c.host} ~]#`}</span> {c.line}
            </button>
          ))}
          {running.map((h) => (
            <p key={h} className="guided-busy" id={`guided-busy-${h}`}>
              <span>{w.busy(h)}</span>{' '}
              <button
                type="button"
                className="guided-interrupt"
                aria-label={w.interrupt(h)}
                onClick={() => onInterrupt(h)}
              >
                Ctrl+C
              </button>
            </p>
          ))}
        </div>
      )}
      {step.faults && step.faults.length > 0 && (
        <div className="guided-faults">
          <p>{w.faults}</p>
          {step.faults.map((f) => (
            <button
              key={`${f.fault}@${f.target ?? ''}${f.heal ? '+' : ''}`}
              type="button"
              onClick={() => onFault(f)}
            >
              {faultLabel(f, lang)}
            </button>
          ))}
        </div>
      )}
      {step.really && (
        <aside className="narration-really">
          <h3>{w.really}</h3>
          <p>{step.really[lang]}</p>
        </aside>
      )}
      <p className={done || finished ? 'guided-done' : 'guided-waiting'} role="status">
        {status}
      </p>
      <div className="guided-nav">
        <button type="button" onClick={() => onStep(index - 1)} disabled={index === 0}>
          {w.previous}
        </button>
        <button
          type="button"
          className={done ? 'guided-next ready' : 'guided-next'}
          onClick={() => onStep(index + 1)}
          disabled={finished}
        >
          {last ? w.finish : w.next}
        </button>
        <button type="button" className="guided-reset" onClick={onReset}>
          {w.reset}
        </button>
      </div>
    </section>
  );
}
