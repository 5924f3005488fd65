// Every action is a labelled button (or a labelled select), in the page's language.
import { useSyncExternalStore } from 'react';
import type { Lang, Lesson } from '../lessons';
import type { LessonPlayer } from '../player';
import { SPEEDS } from '../player';
import { Icon } from './Icon';
import { ui } from './i18n';
import type { Theme, ViewMode } from './urlState';

interface Props {
  readonly lp: LessonPlayer;
  readonly lesson: Lesson;
  readonly lang: Lang;
  readonly view: ViewMode;
  readonly theme: Theme;
  readonly onView: (v: ViewMode) => void;
  readonly onLang: (l: Lang) => void;
  readonly onTheme: (t: Theme) => void;
  readonly onPresenter: () => void;
  readonly onHelp: () => void;
  readonly messageFilter: Parameters<LessonPlayer['player']['stepMessage']>[1];
}

export function Controls(props: Props) {
  const { lp, lang, view, theme } = props;
  // Narrow reads (STYLE 7): the buttons redraw when play or speed change, not every frame.
  const playing = useSyncExternalStore(lp.player.subscribe, () => lp.player.getSnapshot().playing);
  const speed = useSyncExternalStore(lp.player.subscribe, () => lp.player.getSnapshot().speed);
  const skipIdle = useSyncExternalStore(lp.player.subscribe, () => lp.player.getSnapshot().skipIdle);
  const t = ui[lang];
  return (
    <div className="controls">
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled row of buttons; a fieldset would bring a legend and form semantics */}
      <div className="control-group" role="group" aria-label={t.timeline}>
        <button type="button" onClick={() => lp.restart()} aria-label={t.restart} title={t.restart}>
          <Icon name="restart" />
        </button>
        <button
          type="button"
          onClick={() => lp.previousStep()}
          aria-label={t.previousStep}
          title={t.previousStep}
        >
          <Icon name="previousStep" />
        </button>
        <button
          type="button"
          onClick={() => lp.player.stepMessage(-1, props.messageFilter)}
          aria-label={t.messageBack}
          title={t.messageBack}
        >
          <Icon name="messageBack" />
        </button>
        <button
          type="button"
          className="play"
          onClick={() => lp.player.toggle()}
          aria-label={playing ? t.pause : t.play}
          title={playing ? t.pause : t.play}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          onClick={() => lp.player.stepMessage(1, props.messageFilter)}
          aria-label={t.messageForward}
          title={t.messageForward}
        >
          <Icon name="messageForward" />
        </button>
        <button type="button" onClick={() => lp.nextStep()} aria-label={t.nextStep} title={t.nextStep}>
          <Icon name="nextStep" />
        </button>
        <button type="button" onClick={() => lp.end()} aria-label={t.end} title={t.end}>
          <Icon name="end" />
        </button>
        <button type="button" aria-pressed={skipIdle} onClick={() => lp.player.setSkipIdle(!skipIdle)}>
          {t.skipIdle}
        </button>
        <label className="speed">
          <span>{t.speed}</span>
          <select value={String(speed)} onChange={(e) => lp.player.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s}×
              </option>
            ))}
            {!(SPEEDS as readonly number[]).includes(speed) && (
              <option value={String(speed)}>{speed}×</option>
            )}
          </select>
        </label>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled row of buttons; a fieldset would bring a legend and form semantics */}
      <div className="control-group" role="group" aria-label={t.view}>
        <button type="button" aria-pressed={view === 'book'} onClick={() => props.onView('book')}>
          {t.bookView}
        </button>
        <button type="button" aria-pressed={view === 'watch'} onClick={() => props.onView('watch')}>
          {t.watchView}
        </button>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled row of buttons; a fieldset would bring a legend and form semantics */}
      <div className="control-group" role="group" aria-label={t.language}>
        <button type="button" lang="ko" aria-pressed={lang === 'ko'} onClick={() => props.onLang('ko')}>
          한국어
        </button>
        <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => props.onLang('en')}>
          English
        </button>
      </div>
      <div className="control-group">
        <label className="theme">
          <span>{t.theme}</span>
          <select value={theme} onChange={(e) => props.onTheme(e.target.value as Theme)}>
            {(['light', 'dark', 'projector'] as const).map((x) => (
              <option key={x} value={x}>
                {t.themes[x]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={props.onPresenter}>
          {t.presenter}
        </button>
        <button type="button" onClick={props.onHelp} aria-label={t.help} title={t.help}>
          ?
        </button>
      </div>
    </div>
  );
}
