// What the element's box shows while the app's own chunk (simulation, player, lessons)
// is on its way: the tour's lab at its first moment, drawn from the stored frame the
// page's poster uses (src/view/poster), by the same StillPicture the live stage uses.
// Unlike the page's poster it leaves <html> alone: the element does not own the page.
// The picture is the same for every element with the same attributes: drawn once, then
// copied into each box, so five elements cost about one drawing.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { AppOptions } from '../view/appOptions';
import { ui } from '../view/i18n';
import { posterShowsLab, ReadyLabPicture } from '../view/poster/ReadyLabPicture';
import { parseUrlState } from '../view/urlState';

const drawn = new Map<string, Node>();

/**
 * A copy of the still for these attributes, or undefined where the first live frame is not
 * the tour's lab at t=0 (another step, faults): there the box stays empty until the app comes.
 */
export function stillFor(search: string, faults: string, options: AppOptions): Node | undefined {
  if (faults.trim() !== '' || !posterShowsLab(search)) return undefined;
  const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 640px)').matches;
  const key = `${search} ${options.controls} ${options.terminal} ${narrow}`;
  let picture = drawn.get(key);
  if (!picture) {
    const holder = document.createElement('div');
    const root = createRoot(holder);
    flushSync(() => root.render(<EmbedStill search={search} options={options} narrow={narrow} />));
    picture = holder.firstChild?.cloneNode(true);
    root.unmount();
    if (!picture) return undefined;
    drawn.set(key, picture);
  }
  return picture.cloneNode(true);
}

interface StillProps {
  readonly search: string;
  readonly options: AppOptions;
  readonly narrow: boolean;
}

function EmbedStill({ search, options, narrow }: StillProps) {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const { state } = parseUrlState(search, languages, ['pod-create']);
  const chrome = `${options.controls === false ? ' no-controls' : ''}${options.terminal === false ? ' no-terminal' : ''}`;
  const t = ui[state.lang];
  return (
    <div className={`app theme-${state.theme}${narrow ? ' narrow' : ''} embedded${chrome}`} aria-busy="true">
      <main className="layout">
        <section className="stage" aria-label={t.stage}>
          <ReadyLabPicture
            lang={state.lang}
            theme={state.theme}
            view={state.view}
            narrow={narrow}
            profile={state.profile}
          />
          <p className="poster-loading" role="status">
            {t.loadingLab}
          </p>
        </section>
      </main>
    </div>
  );
}
