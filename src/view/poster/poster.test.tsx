// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { podCreate } from '../../lessons';
import type { Frame } from '../../player';
import { LessonPlayer } from '../../player';
import { allLessons } from '../guided/LessonPicker';
import { accessibleName } from '../i18n';
import { wideLayout } from '../layout';
import { StillPicture } from '../StillPicture';
import { POSTER_LESSONS, Poster, posterShowsLab } from './Poster';
import { posterFrame } from './posterFrame';
import { readyLabFrame } from './readyLabFrame';
import { readyLabFrame136 } from './readyLabFrame136';

afterEach(cleanup);

/** The frame the live app shows first for the tour: step 0 of pod-create. */
function liveFirstFrame(seed: number, profile?: '1.36') {
  const lp = new LessonPlayer(podCreate, seed, undefined, 'ready', [], 3, profile);
  lp.goToStep(0);
  return lp.player.frame();
}

describe('the poster (the first paint before the app has loaded)', () => {
  it('is the simulation’s own first frame of the tour (npx tsx scripts/writePosterFrame.ts rewrites it)', () => {
    expect(posterFrame(liveFirstFrame(1))).toEqual(readyLabFrame);
  });

  it('draws what the live stage draws at that moment, whatever the seed (only unseen uids differ)', () => {
    const still = (frame: Frame) =>
      render(
        <svg>
          <title>stage</title>
          <StillPicture
            frame={frame}
            layout={wideLayout(['w1-k8s', 'w2-k8s', 'w3-k8s'])}
            lang="en"
            actors={new Set()}
            subjectKey=""
            piled={new Map()}
            motion={false}
            fontBase={15}
          />
        </svg>,
      ).container.innerHTML;
    const poster = still(readyLabFrame);
    expect(poster).toContain('aria-label="1 API server (m-k8s)"');
    for (const seed of [7, 2 ** 31 - 1]) expect(still(liveFirstFrame(seed))).toBe(poster);
  });

  it('draws every component of the lab under the names the live stage gives them, and says the app is loading', () => {
    render(<Poster options={{}} search="?lang=en" />);
    expect(screen.getByRole('group', { name: 'Cluster diagram' })).toBeTruthy();
    for (const c of liveFirstFrame(1).components)
      expect(screen.getByRole('group', { name: accessibleName(c, 'en') })).toBeTruthy();
    expect(screen.getByRole('group', { name: '1 API server (m-k8s)' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '7 pods (w2-k8s)' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading the lab…');
  });

  it('speaks Korean when the link says so', () => {
    render(<Poster options={{}} search="?lang=ko" />);
    expect(screen.getByRole('group', { name: '클러스터 구성도' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('실습 환경을 불러오는 중…');
  });

  it('draws no lab where the first moment is not the tour’s start, only the loading line', () => {
    for (const search of [
      '?step=4',
      '?lesson=self-healing',
      '?inputs=abc',
      '?faults=kubelet@w2-k8s',
      '?lesson-file=x.yaml',
    ])
      expect(posterShowsLab(search)).toBe(false);
    expect(posterShowsLab('?lang=ko&theme=dark&seed=9&view=watch')).toBe(true);
    render(<Poster options={{ embedded: true }} search="?step=4&lang=en" />);
    expect(screen.queryByRole('group', { name: 'Cluster diagram' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Loading the lab…');
  });
});

describe('the poster of the 1.36 profile (issue 18)', () => {
  it('is the 1.36 lab’s own first frame (cp-k8s), stored beside the 1.18 one', () => {
    expect(posterFrame(liveFirstFrame(1, '1.36'))).toEqual(readyLabFrame136);
  });

  it('draws cp-k8s on a profile=1.36 page, under the names the live stage gives them', () => {
    expect(posterShowsLab('?profile=1.36&lang=en')).toBe(true);
    render(<Poster options={{}} search="?profile=1.36&lang=en" />);
    for (const c of liveFirstFrame(1, '1.36').components)
      expect(screen.getByRole('group', { name: accessibleName(c, 'en') })).toBeTruthy();
    expect(screen.getByRole('group', { name: '1 API server (cp-k8s)' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: '1 API server (m-k8s)' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Loading the lab…');
  });

  it('draws the book’s lab for profile=1.18 and for a bad profile, as the app falls back to it', () => {
    for (const search of ['?profile=1.18&lang=en', '?profile=2.0&lang=en']) {
      render(<Poster options={{}} search={search} />);
      expect(screen.getByRole('group', { name: '1 API server (m-k8s)' })).toBeTruthy();
      cleanup();
    }
  });
});

describe('the poster on the page', () => {
  it('sets the theme and language on <html> before its first paint, as the app does once loaded', () => {
    render(<Poster options={{}} search="?lang=ko&theme=dark" />);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.lang).toBe('ko');
  });
});

describe('the poster’s header', () => {
  it('lists the lessons the app lists, in its order, with the tour’s title over the stage', () => {
    expect(POSTER_LESSONS.map((l) => [l.id, l.title])).toEqual(allLessons().map((l) => [l.id, l.title]));
    const { container } = render(<Poster options={{}} search="?lang=ko" />);
    const options = [...screen.getByRole('combobox', { name: '레슨' }).querySelectorAll('option')].map(
      (o) => o.value,
    );
    expect(options).toEqual(allLessons().map((l) => l.id));
    expect(container.querySelector('.lesson-title')?.textContent).toBe(POSTER_LESSONS[0]?.title.ko);
  });
});
