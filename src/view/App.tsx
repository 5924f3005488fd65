// The page: the cluster stage, the narration, the controls and the timeline, with the
// state mirrored in the URL (DESIGN contract 1) and every action on a key.
import { useSelector } from '@xstate/react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Lang } from '../lessons';
import { bookStepOf, isBookMessage, lessons, podCreate, resolveComponent } from '../lessons';
import { withMaster } from '../lessons/inLab';
import type { LabDriver } from '../player';
import { LessonPlayer } from '../player';
import type { Envelope, SimMs } from '../sim';
import { formatFaultList, parseFaultList } from '../sim';
import { AttachedBanner } from './AttachedBanner';
import type { AppOptions } from './appOptions';
import { Controls } from './Controls';
import { HelpOverlay } from './HelpOverlay';
import { useAnimationLoop, useBoxAspect, useFrame, useMediaQuery } from './hooks';
import './embedded.css';
import { guidedCatalog } from '../lessons/guided/catalog';
import { asTour } from './guided/asTour';
import { accessibleName, ui } from './i18n';
import { decodeInputs, encodeInputs } from './inputCodec';
import { Legend } from './Legend';
import { ComponentMenu, useComponentMenu } from './lab/ComponentMenu';
import type { LabTab, TerminalRequest } from './lab/LabPanel';
import { LabPanel } from './lab/LabPanel';
import { fitToAspect, narrowLayout, wideLayout } from './layout';

const GuidedSide = lazy(() => import('./guided/GuidedSide'));
// Loaded when first needed: a component's menu, and the "why is it stuck?" diagnosis.
const StuckButton = lazy(() => import('./lab/StuckButton').then((m) => ({ default: m.StuckButton })));
// "What changed in 1.36": the differences and both labs side by side, loaded when opened.
const WhatChanged = lazy(() => import('./changed/WhatChanged'));

import { profileOf } from '../sim/profiles';
import { LessonErrorItem } from './guided/LessonErrorItem';
import { LessonPicker } from './guided/LessonPicker';
import { useTeacherLesson } from './guided/useTeacherLesson';
import { Narration } from './Narration';
import { noticeText } from './noticeText';
import { Stage } from './Stage';
import { Timeline } from './Timeline';
import { Transcript } from './Transcript';
import { UpdateNotice } from './UpdateNotice';
import type { Theme, ViewMode } from './urlState';
import { parseUrlState, serializeUrlState } from './urlState';
import { LIVE_SLACK_MS, useAttached } from './useAttached';
import { useKeyboard } from './useKeyboard';

/** How long the story may simulate ahead in one frame, in ms. */
const LOOKAHEAD_SLICE_MS = 8;

function readUrl(search: string) {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return parseUrlState(search, languages, [...Object.keys(lessons), ...guidedCatalog.map((g) => g.id)]);
}

const NO_OPTIONS: AppOptions = {};
/** Attached to `npm run api`: the tour of the book's steps, with no command of its own (real kubectl gives them). */
const ATTACHED_LESSON = { ...podCreate, inputs: [] };
/** Classes that hide the parts an embed leaves out (embedded.css). */
const chrome = (o: AppOptions) =>
  `${o.embedded ? ' embedded' : ''}${o.controls === false ? ' no-controls' : ''}${o.terminal === false ? ' no-terminal' : ''}`;

export function App({ options = NO_OPTIONS }: { readonly options?: AppOptions }) {
  const ownsPage = options.ownsPage !== false;
  const { attached } = options;
  const [initial] = useState(() => readUrl(options.search ?? window.location.search));
  const [initialSearch] = useState(() => new URLSearchParams(options.search ?? window.location.search));
  const [lang, setLang] = useState<Lang>(initial.state.lang);
  const [view, setView] = useState<ViewMode>(initial.state.view);
  const [theme, setTheme] = useState<Theme>(initial.state.theme);
  const [presenter, setPresenter] = useState(initial.state.presenter);
  const [notices, setNotices] = useState(() =>
    options.attachError ? [...initial.notices, `npm run api: ${options.attachError}`] : initial.notices,
  );
  const [help, setHelp] = useState(false);
  const [labTab, setLabTab] = useState<LabTab>('terminal');
  const [inspected, setInspected] = useState<string | undefined>();
  const [pointed, setPointed] = useState<string | undefined>();
  // A teacher's lesson file (?lesson-file= or opened from disk) wins over the built-in ones.
  // Read from the address the page was opened with: the page rewrites its own URL as it goes
  // (without `lesson-file` until the file has loaded), which must not cancel the load.
  const [openedWith] = useState(() => options.search ?? window.location.search);
  const teacher = useTeacherLesson(openedWith);
  const guided = teacher.lesson ?? guidedCatalog.find((g) => g.id === initial.state.lesson);
  const lesson = useMemo(
    () =>
      // The tour's words name the lab's own master (cp-k8s in the second edition's lab).
      withMaster(
        attached ? ATTACHED_LESSON : guided ? asTour(guided) : (lessons[initial.state.lesson] ?? podCreate),
        profileOf(attached ? undefined : initial.state.profile).master.name,
      ),
    [attached, guided, initial.state.lesson, initial.state.profile],
  );
  const seed = initial.state.seed;

  // The shells' code (kubectl's printers, YAML, ...) loads after the first frame: until
  // it is here the stage shows the lab as it stands before the lesson's first command.
  const [driver, setDriver] = useState<LabDriver | undefined>(() => attached?.driver);
  useEffect(() => {
    if (attached) return;
    let live = true;
    (options.shellWanted ?? Promise.resolve())
      .then(() => import('../lessons/sessionDriver'))
      .then((m) => live && setDriver(() => m.sessionDriver));
    return () => {
      live = false;
    };
  }, [options.shellWanted, attached]);
  // A shared link's own inputs (typed lines, Ctrl+C, faults) are replayed; bad ones are a notice.
  const shared = useMemo(() => {
    const hosts = [profileOf(initial.state.profile).master.name, 'w1-k8s', 'w2-k8s', 'w3-k8s'];
    const decoded = decodeInputs(initial.state.inputs ?? '', hosts);
    const faults = initial.state.inputs
      ? { faults: [], errors: [] }
      : parseFaultList(
          initial.state.faults ?? '',
          hosts.map((name) => ({ name })),
        );
    return { inputs: decoded.inputs, faults: faults.faults, errors: [...decoded.errors, ...faults.errors] };
  }, [initial]);
  useEffect(() => {
    if (shared.errors.length > 0) setNotices((n) => [...n, ...shared.errors]);
  }, [shared]);
  const lp = useMemo(() => {
    if (attached && driver) {
      // The server's log, replayed to its now a slice per frame (useAttached), then played on from there.
      const p = new LessonPlayer(
        lesson,
        attached.seed,
        driver,
        attached.lab,
        attached.inputs,
        3,
        attached.profile,
        0 as SimMs,
      );
      // At the server's pace, unless the address asks for another.
      p.player.setSpeed(initialSearch.has('speed') ? initial.state.speed : attached.speed);
      p.lookaheadBudgetMs = LOOKAHEAD_SLICE_MS;
      return p;
    }
    const p = new LessonPlayer(
      lesson,
      seed,
      driver,
      guided?.lab ?? 'ready',
      driver ? shared.inputs : [],
      initial.state.workers,
      initial.state.profile,
    );
    p.player.setSpeed(initial.state.speed);
    // Looking ahead for the story takes a slice of each frame, never the whole frame (DESIGN: no task over 50 ms).
    p.lookaheadBudgetMs = LOOKAHEAD_SLICE_MS;
    p.goToStep(initial.state.step);
    // `faults=` alone (a teacher's scenario without typed inputs): in force from the step the link opens on.
    if (driver) for (const fault of shared.faults) p.act({ fault, heal: false });
    if (driver && initial.state.at !== undefined) p.player.seek(initial.state.at);
    return p;
  }, [lesson, seed, initial, initialSearch, driver, guided, shared, attached]);
  const attachedState = useAttached(lp, attached);
  // No dispose on unmount: StrictMode's trial unmount would stop the tour of the player it keeps.
  useAnimationLoop(lp);
  const step = useSelector(lp.tour, (s) => s.context.step);
  const speed = useSyncExternalStore(lp.player.subscribe, () => lp.player.getSnapshot().speed);
  const frame = useFrame(lp);
  // The moment on screen to a tenth of a second: enough for "in 23 s", without a redraw every frame.
  const tenths = useSyncExternalStore(lp.player.subscribe, () => Math.floor(lp.player.now / 100));
  const narrow = useMediaQuery('(max-width: 640px)');
  // A screen wide and tall enough holds the diagram, the narration and the terminal at once, without scrolling.
  const roomy = useMediaQuery('(min-width: 1100px) and (min-height: 560px)');
  const fit = !options.embedded && !narrow && (presenter || roomy);
  const [stageBox, stageAspect] = useBoxAspect(fit);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');

  const workers = frame.components.filter((c) => c.id.startsWith('kubelet@')).map((c) => c.host ?? '');
  // The API server's host: the book's m-k8s, or cp-k8s in the second edition's lab.
  const master = frame.components.find((c) => c.number === 1)?.host ?? 'm-k8s';
  const workersKey = workers.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the workers' names are the key
  const layout = useMemo(() => {
    if (narrow) return narrowLayout(workers, master);
    const wide = wideLayout(workers, master);
    return fit && stageAspect ? fitToAspect(wide, stageAspect) : wide;
  }, [narrow, workersKey, master, fit, stageAspect]);
  // Attached, the pod's messages arrive as real kubectl sends them: read again as the trace grows.
  const envelopeCount = attached ? lp.player.envelopes().length : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trace's length is the key
  const node = useMemo(() => podNode(lesson.subject, lp.player.envelopes()), [lesson, lp, envelopeCount]);

  // What the URL says besides the step: the teacher's lesson file, the person's own inputs, the moment (when paused) and the faults in force.
  const playing = useSyncExternalStore(lp.player.subscribe, () => lp.player.getSnapshot().playing);
  // Attached, the server holds the inputs: a reload attaches again and replays them from there.
  const own = attached ? '' : encodeInputs(lp.inputs().filter((i) => !i.scripted));
  const lessonFile = teacher.lesson ? (initialSearch.get('lesson-file') ?? undefined) : undefined;
  const faultsText = attached ? '' : formatFaultList(frame.faults);
  const extra = {
    lessonFile,
    inputs: own || undefined,
    at: own && !playing ? tenths * 100 : undefined,
    faults: faultsText || undefined,
  };
  const urlSearch = serializeUrlState({
    lesson: lesson.id,
    step,
    lang,
    speed,
    theme,
    view,
    seed,
    workers: initial.state.workers,
    profile: initial.state.profile,
    presenter,
    ...extra,
  });
  useEffect(() => {
    // Until the lesson can be walked, the URL keeps the step it was opened with.
    if (!driver || !ownsPage) return;
    const search = `${urlSearch}${options.keepInUrl ?? ''}`;
    if (window.location.search !== search) window.history.replaceState(null, '', search);
  }, [driver, ownsPage, options.keepInUrl, urlSearch]);
  const { onPlayer } = options;
  useEffect(() => onPlayer?.(lp, !!driver), [onPlayer, lp, driver]);
  useEffect(() => {
    if (!ownsPage) return;
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
  }, [ownsPage, lang, theme]);

  const actorNames = useMemo(() => {
    const current = lesson.steps.find((s) => s.n === step);
    return (current?.actors ?? []).flatMap((a) => {
      const c = frame.components.find((x) => x.id === resolveComponent(a, node));
      return c ? [accessibleName(c, lang)] : [];
    });
  }, [lesson, step, frame.components, node, lang]);
  const messageFilter = useMemo(
    () => (view === 'book' ? (e: Envelope) => isBookMessage(lesson, lp.player.envelopes(), e) : undefined),
    [view, lesson, lp],
  );
  const togglePresenter = useCallback(() => {
    setPresenter((on) => {
      if (!on) document.documentElement.requestFullscreen?.().catch(() => {});
      else if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
      return !on;
    });
  }, []);

  useKeyboard({
    // In presenter mode nothing beyond the current step plays before the teacher moves on.
    togglePlay: () =>
      presenter && !lp.player.getSnapshot().playing ? lp.playToStepEnd() : lp.player.toggle(),
    previousStep: () => lp.previousStep(),
    nextStep: () => lp.nextStep(),
    messageBack: () => lp.player.stepMessage(-1, messageFilter),
    messageForward: () => lp.player.stepMessage(1, messageFilter),
    home: () => lp.home(),
    end: () => lp.end(),
    fullscreen: () => {
      if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
      else document.documentElement.requestFullscreen?.().catch(() => {});
    },
    presenter: togglePresenter,
    toggleView: () => setView((v) => (v === 'book' ? 'watch' : 'book')),
    help: () => setHelp((h) => !h),
    escape: () => {
      if (help) setHelp(false);
      else if (presenter) togglePresenter();
    },
    keyTarget: options.keyTarget,
  });

  const componentMenu = useComponentMenu(setInspected);
  // The faults in force at the moment on screen, whatever caused them (a menu, a typed command); the story tells the latest.
  const faults = frame.faults;
  const latestFault = faults[faults.length - 1];
  const [aheadTick, setAheadTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the story is read at the moment on screen, which the frame stands for; aheadTick asks again while it looks ahead
  const tourStory = useMemo(
    () => (driver ? lp.story(frame.at) : undefined),
    [lp, driver, frame, step, aheadTick],
  );
  // Looking ahead goes a slice a frame: paused, nothing else would ask for the next slice.
  useEffect(() => {
    if (!tourStory?.lookingAhead) return;
    const id = requestAnimationFrame(() => setAheadTick((n) => n + 1));
    return () => cancelAnimationFrame(id);
  }, [tourStory]);
  const [stepCommands, setStepCommands] = useState<readonly StepCommand[]>([]);
  const [termRequest, setTermRequest] = useState<TerminalRequest | undefined>();
  const samples = useMemo(
    () => (guided ? stepCommands.map((c) => c.line) : lesson.inputs.map((i) => i.line)),
    [guided, stepCommands, lesson],
  );
  const [changedOpen, setChangedOpen] = useState(false);
  const changedButton = useRef<HTMLButtonElement>(null);

  const t = ui[lang];
  return (
    <div
      className={`app theme-${theme}${presenter ? ' presenter' : ''}${narrow ? ' narrow' : ''}${fit ? ' fit' : ''}${chrome(options)}`}
    >
      <header className="app-header">
        <h1>Podscope</h1>
        <p className="lesson-title">{lesson.title[lang]}</p>
        {!attached && <LessonPicker current={lesson.id} lang={lang} onOpenFile={teacher.openFile} />}
        <button
          ref={changedButton}
          type="button"
          className="changed-open"
          aria-haspopup="dialog"
          disabled={!driver}
          onClick={() => setChangedOpen(true)}
        >
          {t.whatChanged}
        </button>
        {options.header?.({
          lp,
          lang,
          search: urlSearch,
        })}
      </header>
      {teacher.errors.length > 0 && (
        <div className="notice lesson-errors" role="alert">
          <p>{lang === 'ko' ? '레슨 파일에 오류가 있습니다:' : 'The lesson file has errors:'}</p>
          <ul>
            {teacher.errors.map((e) => (
              <LessonErrorItem
                key={`${e.line}:${e.message}`}
                line={e.line}
                lang={lang}
                {...teacher.errorText(e, lang)}
              />
            ))}
          </ul>
          <button type="button" onClick={teacher.dismiss} aria-label={t.dismiss}>
            ×
          </button>
        </div>
      )}
      <UpdateNotice lang={lang} enabled={ownsPage && !options.embedded} />
      {attached && (
        <AttachedBanner
          address={attached.address}
          state={attachedState}
          live={playing || attached.now() - tenths * 100 <= LIVE_SLACK_MS + 100}
          lang={lang}
        />
      )}
      {notices.length > 0 && (
        <div className="notice" role="status">
          <span>{notices.map((n) => noticeText(n, lang)).join(' · ')}</span>
          <button type="button" onClick={() => setNotices([])} aria-label={t.dismiss}>
            ×
          </button>
        </div>
      )}
      <main className="layout">
        <section className="stage" aria-label={t.stage}>
          <div className="stage-fit" ref={stageBox}>
            <Stage
              lp={lp}
              lesson={lesson}
              frame={frame}
              layout={layout}
              lang={lang}
              view={view}
              step={step}
              node={node}
              motion={!reducedMotion}
              presenter={presenter}
              fontBase={theme === 'projector' ? 18 : 15}
              onComponentActivate={driver ? componentMenu.open : undefined}
              pointed={pointed}
            />
          </div>
          <Legend lang={lang} view={view} />
        </section>
        <div className="side">
          <Transcript lp={lp} lang={lang} />
          {guided ? (
            <Suspense fallback={null}>
              <GuidedSide
                id={guided.id}
                teacherLesson={teacher.lesson}
                lp={lp}
                frame={frame}
                ready={!!driver}
                lang={lang}
                onSamples={setStepCommands}
                onRun={(c) => {
                  // Typed in the host's terminal tab, as if by hand (and so onto the timeline).
                  setLabTab('terminal');
                  setTermRequest((r) => ({ id: (r?.id ?? 0) + 1, host: c.host, line: c.line }));
                }}
                onInterrupt={(host) => {
                  // Through the host's terminal tab, as the key: onto the timeline.
                  setLabTab('terminal');
                  setTermRequest((r) => ({ id: (r?.id ?? 0) + 1, host, interrupt: true }));
                }}
                onFault={(f) =>
                  lp.queue.submit({
                    fault: f.target ? { id: f.fault, target: f.target } : { id: f.fault },
                    heal: !!f.heal,
                  })
                }
              />
            </Suspense>
          ) : (
            <Narration
              lesson={lesson}
              lang={lang}
              step={step}
              actors={actorNames}
              story={tourStory}
              now={tenths * 100}
            />
          )}
          {driver && faults.length > 0 && (
            <Suspense fallback={null}>
              <StuckButton
                lp={lp}
                frame={frame}
                lang={lang}
                onPoint={setPointed}
                faultsInForce={faults.length}
                onRun={(host, line) => {
                  setLabTab('terminal');
                  lp.queue.submit({ host, line });
                }}
              />
            </Suspense>
          )}
        </div>
        <div className="player-bar">
          <Timeline lp={lp} lesson={lesson} lang={lang} step={step} />
          <Controls
            lp={lp}
            lesson={lesson}
            lang={lang}
            view={view}
            theme={theme}
            onView={setView}
            onLang={setLang}
            onTheme={setTheme}
            onPresenter={togglePresenter}
            onHelp={() => setHelp(true)}
            messageFilter={messageFilter}
          />
          {presenter && (
            <button type="button" className="leave-presenter" onClick={togglePresenter}>
              {t.leavePresenter}
            </button>
          )}
        </div>
        <LabPanel
          lp={lp}
          lang={lang}
          ready={!!driver}
          faults={faults}
          story={latestFault}
          samples={samples}
          fontScale={theme === 'projector' ? 1.6 : 1}
          tab={labTab}
          onTab={setLabTab}
          frame={frame}
          componentId={inspected}
          onCloseComponent={() => setInspected(undefined)}
          request={termRequest}
        />
      </main>
      {help && <HelpOverlay lang={lang} onClose={() => setHelp(false)} />}
      {changedOpen && driver && (
        <Suspense fallback={null}>
          <WhatChanged
            lp={lp}
            lang={lang}
            attached={!!attached}
            seed={seed}
            lab={guided?.lab ?? 'ready'}
            workers={initial.state.workers}
            profile={initial.state.profile}
            hosts={[master, ...workers]}
            stepCommands={guided ? stepCommands : NO_COMMANDS}
            onClose={() => {
              setChangedOpen(false);
              // Back to the button that opened it.
              changedButton.current?.focus();
            }}
          />
        </Suspense>
      )}
      <ComponentMenu
        menu={componentMenu.menu}
        close={componentMenu.close}
        lp={lp}
        frame={frame}
        lang={lang}
        faults={faults}
        workers={workers}
        onTab={setLabTab}
      />
    </div>
  );
}

/** A guided step's command: a line for a machine (the lessons name the book's m-k8s). */
interface StepCommand {
  readonly host: string;
  readonly line: string;
}

const NO_COMMANDS: readonly StepCommand[] = [];

/** The worker the lesson's pod lands on, as the trace says (the kubelet that takes it in step 5). */
function podNode(subject: string, envelopes: readonly Envelope[]): string | undefined {
  const e = envelopes.find(
    (x) => x.subject === subject && x.to.startsWith('kubelet@') && bookStepOf(envelopes, x) === 5,
  );
  return e?.to.split('@')[1];
}
