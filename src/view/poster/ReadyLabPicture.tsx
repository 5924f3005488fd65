// The tour's lab at its first moment, drawn from the stored frame by the same
// StillPicture the live stage uses: the page's poster and the element's still both show
// it while the app's code is on its way.
import type { Lang } from '../../lessons/lesson';
import type { ProfileId } from '../../sim/profiles';
import { profiles } from '../../sim/profiles';
import { ui } from '../i18n';
import { narrowLayout, wideLayout } from '../layout';
import { StillPicture } from '../StillPicture';
import type { Theme, ViewMode } from '../urlState';
import { readyLabFrame } from './readyLabFrame';
import { readyLabFrame136 } from './readyLabFrame136';

/** The stored first frame of each profile's lab: the book's m-k8s, the second edition's cp-k8s. */
const frames: Readonly<Record<ProfileId, typeof readyLabFrame>> = {
  '1.18': readyLabFrame,
  '1.36': readyLabFrame136,
};

const NONE: ReadonlySet<string> = new Set();
const NO_PILES: ReadonlyMap<string, number> = new Map();
const WORKERS = readyLabFrame.components.filter((c) => c.id.startsWith('kubelet@')).map((c) => c.host ?? '');
/** Parameters that move the first moment away from the tour's t=0. */
const MOVED = ['step', 'inputs', 'faults', 'at', 'lesson-file'];

/** Whether the first live frame of this URL is the tour's lab at t=0, which the picture shows. */
export function posterShowsLab(search: string): boolean {
  const q = new URLSearchParams(search);
  const lesson = q.get('lesson');
  const workers = q.get('workers');
  // Every profile has its stored frame (a bad one is the book's 1.18, as in the app): `profile` moves nothing.
  return (
    (lesson === null || lesson === 'pod-create') &&
    (workers === null || workers === '3') &&
    MOVED.every((name) => q.get(name) === null)
  );
}

interface Props {
  readonly lang: Lang;
  readonly theme: Theme;
  readonly view: ViewMode;
  readonly narrow: boolean;
  /** The lab's profile: its stored frame is drawn (the book's 1.18 without one). */
  readonly profile?: ProfileId | undefined;
}

export function ReadyLabPicture({ lang, theme, view, narrow, profile }: Props) {
  const id = profile ?? '1.18';
  const frame = frames[id];
  const master = profiles[id].master.name;
  const layout = narrow ? narrowLayout(WORKERS, master) : wideLayout(WORKERS, master);
  return (
    // biome-ignore lint/a11y: role group on <svg> keeps the components inside it in the accessibility tree, as on the live stage
    <svg
      role="group"
      aria-label={ui[lang].diagram}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className={`stage-svg view-${view}`}
      preserveAspectRatio="xMidYMin meet"
    >
      <StillPicture
        frame={frame}
        layout={layout}
        lang={lang}
        actors={NONE}
        subjectKey=""
        piled={NO_PILES}
        motion={false}
        fontBase={theme === 'projector' ? 18 : 15}
      />
    </svg>
  );
}
