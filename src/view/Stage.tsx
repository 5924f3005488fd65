// The cluster as the book draws it: master m-k8s above, the workers below, Calico across
// the nodes, with every component a named group (DESIGN contract 4).
import { memo, useMemo } from 'react';
import type { Lang, Lesson } from '../lessons';
import { resolveComponent } from '../lessons';
import type { Frame, LessonPlayer } from '../player';
import { BookArrows, bookBadges } from './BookArrows';
import { ComponentBox } from './ComponentBox';
import { EtcdPanel } from './EtcdPanel';
import { accessibleName, componentName, ui } from './i18n';
import type { BoxTexts } from './labelPlacement';
import { badgeRects, stageObstacles } from './labelPlacement';
import type { Layout } from './layout';
import { MessageTokens } from './MessageTokens';
import { nodeLabel, nodeStatus, nodeStatusText } from './nodeStatus';
import { PodChips } from './PodChips';
import { textWidth } from './textFit';
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
  const { lp, lesson, layout, view, motion, lang, frame, fontBase, node, step, presenter } = props;
  // A node's name and, when it is not Ready, its status: the small texts keep clear of both.
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
      state: `● ${t.state[c.state]}${c.why ? ` — ${c.why}` : ''}`,
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
      className={`stage-svg view-${view}`}
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
      <StillPicture {...props} />
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

/** Everything but the messages: redrawn only when the frame, step, language or layout change. */
const StillPicture = memo(function StillPicture({
  lp,
  lesson,
  frame,
  layout,
  lang,
  step,
  node,
  motion,
  fontBase,
  onComponentActivate,
  pointed,
}: Props) {
  const t = ui[lang];
  const current = lesson.steps.find((s) => s.n === step);
  const actors = new Set((current?.actors ?? []).map((a) => resolveComponent(a, node)));
  const subjectKey = `/registry/${lesson.subject.replace('/', '/default/')}`;
  // Redrawn with each frame, which is when a component stops or starts.
  const piled = waitingMessages(lp.recording.envelopes(), frame.components, frame.at);
  return (
    <g className="still">
      {layout.nodes.map((n) => {
        const status = nodeStatus(frame, n.host);
        const healthy = status.condition === 'Ready' && !status.cordoned;
        return (
          // biome-ignore lint/a11y: an SVG <g> is the only grouping element SVG has; <fieldset> cannot live in it
          <g
            key={n.host}
            role="group"
            aria-label={nodeLabel(n.host, status, lang)}
            className={`${n.host === 'm-k8s' ? 'node master' : 'node worker'} node-${status.condition}${status.cordoned ? ' node-cordoned' : ''}`}
          >
            <rect x={n.box.x} y={n.box.y} width={n.box.w} height={n.box.h} rx={12} />
            <text className="node-name" x={n.box.x + 14} y={n.box.y + 24}>
              {n.host}
              {!healthy && <tspan className="node-status">{` · ${nodeStatusText(status, lang)}`}</tspan>}
            </text>
            {!healthy && status.taints.length > 0 && (
              <text className="node-taints" x={n.box.x + 14} y={n.box.y + n.box.h - 8}>
                {status.taints.join(', ')}
              </text>
            )}
          </g>
        );
      })}
      {/* biome-ignore lint/a11y: an SVG <g> is the only grouping element SVG has; <fieldset> cannot live in it */}
      <g
        role="group"
        aria-label={`kubelet, ${componentName('container runtime', lang)} (m-k8s)`}
        className="comp agent"
      >
        {(() => {
          const b = layout.components['agent@m-k8s'];
          return b ? (
            <>
              <rect className="comp-box" x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
              <text className="comp-name small" x={b.x + 10} y={b.y + 24}>
                kubelet · CRI
              </text>
              <text className="comp-state" x={b.x + 10} y={b.y + 44}>
                m-k8s
              </text>
            </>
          ) : null;
        })()}
      </g>
      {frame.components.map((c) => {
        const box = layout.components[c.id];
        if (!box) return null;
        const podsHere =
          c.id.startsWith('pods@') && c.host ? frame.pods.filter((p) => p.node === c.host) : undefined;
        return (
          <ComponentBox
            key={c.id}
            box={box}
            label={accessibleName(c, lang)}
            title={c.id === 'cni' ? `${componentName(c.name, lang)} (Calico)` : componentName(c.name, lang)}
            number={c.number}
            state={c.state}
            stateText={t.state[c.state]}
            why={c.why === undefined ? undefined : whyText(c.why, lang)}
            active={actors.has(c.id)}
            fontBase={fontBase}
            onActivate={onComponentActivate ? (el) => onComponentActivate(c.id, el) : undefined}
            pointed={pointed === c.id}
            waiting={piled.get(c.id)}
            waitingText={
              lang === 'ko'
                ? `마지막으로 응답한 뒤 도착해 읽히지 않은 메시지 ${piled.get(c.id) ?? 0}개`
                : `${piled.get(c.id) ?? 0} messages arrived after it last spoke, unread`
            }
          >
            {c.id === 'etcd' && (
              <EtcdPanel
                box={box}
                keys={frame.etcdKeys}
                revision={frame.etcdRevision}
                highlight={subjectKey}
                words={{ keys: t.keys, revision: t.revision }}
                fontBase={fontBase}
              />
            )}
            {podsHere && (
              <PodChips
                box={box}
                pods={podsHere.filter((p) => p.namespace !== 'kube-system')}
                systemCount={t.systemPods(podsHere.filter((p) => p.namespace === 'kube-system').length)}
                systemN={podsHere.filter((p) => p.namespace === 'kube-system').length}
                nameWidth={38 + textWidth(componentName(c.name, lang), fontBase, 600)}
                fontBase={fontBase}
                motion={motion}
              />
            )}
          </ComponentBox>
        );
      })}
    </g>
  );
});
