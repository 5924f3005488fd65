// The page's first paint, while the app's code (the simulation, the player, the
// terminal) is still loading: the tour's lab as it stands at its first moment, drawn by
// the same StillPicture the live stage uses, and a line saying the rest is on its way.
// Where the first moment is not the tour's bare start (another lesson, a step, a shared
// link's inputs or faults), the picture would be wrong: only the line is shown.
import { useLayoutEffect } from 'react';
import { guidedCatalog } from '../../lessons/guided/catalog';
import { podCreate } from '../../lessons/podCreate';
import type { AppOptions } from '../appOptions';
import { LessonSelect } from '../guided/LessonSelect';
import { offerLessonFile } from '../guided/pendingFile';
import { ui } from '../i18n';
import { parseUrlState } from '../urlState';
import '../embedded.css';
import { posterShowsLab, ReadyLabPicture } from './ReadyLabPicture';

export { posterShowsLab };

/** The lesson list as the app's LessonPicker has it (poster.test.tsx compares the two), without the lessons' code. */
export const POSTER_LESSONS = [podCreate, ...guidedCatalog];
export function Poster({ options, search }: { readonly options: AppOptions; readonly search: string }) {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  // Any lesson id passes here: the app, once loaded, says whether it is a bad one.
  const { state } = parseUrlState(search, languages, [new URLSearchParams(search).get('lesson') ?? '']);
  const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;
  const t = ui[state.lang];
  const lesson = POSTER_LESSONS.find((l) => l.id === state.lesson);
  // The theme's colours hang on <html data-theme>, which the app sets once it is here:
  // set before the first paint, or a dark page would flash light.
  useLayoutEffect(() => {
    document.documentElement.lang = state.lang;
    document.documentElement.dataset.theme = state.theme;
  }, [state.lang, state.theme]);
  const chrome = `${options.embedded ? ' embedded' : ''}${options.controls === false ? ' no-controls' : ''}${options.terminal === false ? ' no-terminal' : ''}`;
  return (
    <div className={`app theme-${state.theme}${narrow ? ' narrow' : ''}${chrome}`} aria-busy="true">
      <header className="app-header">
        <h1>Podscope</h1>
        {lesson && <p className="lesson-title">{lesson.title[state.lang]}</p>}
        {/* A file chosen here, even in a dialog answered after the app has replaced this picker, is handed to the app. */}
        <LessonSelect
          all={POSTER_LESSONS}
          current={state.lesson}
          lang={state.lang}
          onOpenFile={offerLessonFile}
        />
      </header>
      <main className="layout">
        <section className="stage" aria-label={t.stage}>
          {posterShowsLab(search) && (
            <ReadyLabPicture
              lang={state.lang}
              theme={state.theme}
              view={state.view}
              narrow={narrow}
              profile={state.profile}
            />
          )}
          <p className="poster-loading" role="status">
            {t.loadingLab}
          </p>
        </section>
      </main>
    </div>
  );
}
