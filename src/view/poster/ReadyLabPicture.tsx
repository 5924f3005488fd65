// The tour's lab at its first moment, drawn from the stored frame by the same
// StillPicture the live stage uses: the page's poster and the element's still both show
// it while the app's code is on its way.
import type { Lang } from '../../lessons/lesson';
import { ui } from '../i18n';
import { narrowLayout, wideLayout } from '../layout';
import { StillPicture } from '../StillPicture';
import type { Theme, ViewMode } from '../urlState';
import { readyLabFrame } from './readyLabFrame';

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
  const profile = q.get('profile');
  // The stored frame is the book's 1.18 lab (m-k8s): another profile's lab is not that picture.
  return (
    (lesson === null || lesson === 'pod-create') &&
    (workers === null || workers === '3') &&
    (profile === null || profile === '1.18') &&
    MOVED.every((name) => q.get(name) === null)
  );
}

interface Props {
  readonly lang: Lang;
  readonly theme: Theme;
  readonly view: ViewMode;
  readonly narrow: boolean;
}

export function ReadyLabPicture({ lang, theme, view, narrow }: Props) {
  const layout = narrow ? narrowLayout(WORKERS) : wideLayout(WORKERS);
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
        frame={readyLabFrame}
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
