// The cluster as the book draws it: master m-k8s above, the workers below, Calico across
// the nodes, with every component a named group (DESIGN contract 4).
import { useMemo } from 'react';
import type { Lang, Lesson } from '../lessons';
import { resolveComponent } from '../lessons';
import type { Frame, LessonPlayer } from '../player';
import { BookArrows, bookBadges } from './BookArrows';
import { componentName, ui } from './i18n';
import type { BoxTexts } from './labelPlacement';
import { badgeRects, stageObstacles } from './labelPlacement';
import type { Layout } from './layout';
import { MessageTokens } from './MessageTokens';
import { nodeStatus, nodeStatusText } from './nodeStatus';
import { StillPicture } from './StillPicture';
import type { ViewMode } from './urlState';
import { waitingMessages } from './waitingMessages';
import { whyText } from './whyText';

interface Props {
  readonly lp: LessonPlayer;
  readonly lesson: Lesson;
  readonly frame: Frame;
  readonly layout: Layout;
  readonly lang: Lang;
  readonly view: ViewMode;
  readonly step: number;
  readonly node: string | undefined;
  readonly motion: boolean;
  readonly presenter: boolean;
  readonly fontBase: number;
  /** A component was clicked or activated from the keyboard. */
  readonly onComponentActivate?: ((id: string, target: Element) => void) | undefined;
  /** The component "Why is it stuck?" points at. */
  readonly pointed?: string | undefined;
}

export function Stage(props: Props) {
  const { lp, lesson, frame, layout, view, motion, lang, step, node, fontBase, presenter } = props;
  const actors = useMemo(() => {
    const current = lesson.steps.find((s) => s.n === step);
    return new Set((current?.actors ?? []).map((a) => resolveComponent(a, node)));
  }, [lesson, step, node]);
  const subjectKey = `/registry/${lesson.subject.replace('/', '/default/')}`;
  // Counted anew with each frame, which is when a component stops or starts.
  const piled = useMemo(
    () => waitingMessages(lp.recording.envelopes(), frame.components, frame.at),
    [lp, frame],
  );
  // What the stage draws, as drawn (a node's status when it is not Ready, each box's name
  // and state): the step numbers and the message labels keep clear of all of it.
  const nodeTexts = Object.fromEntries(
    layout.nodes.map((n) => {
      const status = nodeStatus(frame, n.host);
      const healthy = status.condition === 'Ready' && !status.cordoned;
      return [n.host, healthy ? n.host : `${n.host} · ${nodeStatusText(status, lang)}`];
    }),
  );
  const t = ui[lang];
  const boxTexts: Record<string, BoxTexts> = {};
  for (const c of frame.components) {
    const pods = c.id.startsWith('pods@') ? frame.pods.filter((p) => p.node === c.host) : undefined;
    const system = pods?.filter((p) => p.namespace === 'kube-system').length ?? 0;
    boxTexts[c.id] = {
      name: c.id === 'cni' ? `${componentName(c.name, lang)} (Calico)` : componentName(c.name, lang),
      state: `● ${t.state[c.state]}${c.why ? ` — ${whyText(c.why, lang)}` : ''}`,
      ...(pods ? { chips: pods.length - system, count: t.systemPods(system) } : {}),
    };
  }
  const textsKey = JSON.stringify([nodeTexts, boxTexts]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts as drawn are the key
  const obstacles = useMemo(
    () => stageObstacles(layout, fontBase, nodeTexts, boxTexts),
    [layout, fontBase, textsKey],
  );
  const badges = useMemo(
    () => (view === 'book' ? bookBadges(lesson, layout, node, step, presenter, obstacles) : []),
    [view, lesson, layout, node, step, presenter, obstacles],
  );
  const labelObstacles = useMemo(() => [...obstacles, ...badgeRects(badges)], [obstacles, badges]);
  return (
    // biome-ignore lint/a11y: role group on <svg> keeps the components inside it in the accessibility tree (role img would hide them)
    <svg
      role="group"
      aria-label={ui[lang].diagram}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className={`stage-svg view-${view}${layout.tall ? ' tall' : ''}`}
      preserveAspectRatio="xMidYMin meet"
    >
      <defs>
        <marker
          id="arrowhead"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="12"
          markerHeight="12"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="arrowhead" />
        </marker>
        <marker
          id="arrowhead-hot"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="12"
          markerHeight="12"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="arrowhead-hot" />
        </marker>
      </defs>
      <StillPicture
        frame={frame}
        layout={layout}
        lang={lang}
        actors={actors}
        subjectKey={subjectKey}
        piled={piled}
        motion={motion}
        fontBase={fontBase}
        onComponentActivate={props.onComponentActivate}
        pointed={props.pointed}
      />
      {view === 'book' && (
        <BookArrows
          lesson={lesson}
          layout={layout}
          node={node}
          step={step}
          hideFuture={presenter}
          badges={badges}
        />
      )}
      <MessageTokens
        lp={lp}
        lesson={lesson}
        layout={layout}
        view={view}
        motion={motion}
        obstacles={labelObstacles}
        fontBase={fontBase}
        lang={lang}
      />
    </svg>
  );
}
