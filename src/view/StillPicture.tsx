// Everything on the stage but the messages in flight: the nodes, the components with
// their states, etcd's keys and the pods. Drawn from a Frame alone, so the page's first
// paint (view/poster) can draw the lab before the simulation's code has loaded.
import { memo } from 'react';
import type { Lang } from '../lessons';
import type { Frame } from '../player';
import { ComponentBox } from './ComponentBox';
import { EtcdPanel } from './EtcdPanel';
import { accessibleName, componentName, ui } from './i18n';
import type { Layout } from './layout';
import { nodeLabel, nodeStatus, nodeStatusText } from './nodeStatus';
import { PodChips } from './PodChips';
import { textWidth } from './textFit';
import { whyText } from './whyText';

export interface StillProps {
  readonly frame: Frame;
  readonly layout: Layout;
  readonly lang: Lang;
  /** The components the current step is about (drawn active). */
  readonly actors: ReadonlySet<string>;
  /** The etcd key of the lesson's subject, highlighted in etcd's panel. */
  readonly subjectKey: string;
  /** Per component: messages that reached it while it was not running. */
  readonly piled: ReadonlyMap<string, number>;
  readonly motion: boolean;
  readonly fontBase: number;
  readonly onComponentActivate?: ((id: string, target: Element) => void) | undefined;
  readonly pointed?: string | undefined;
}

/** Everything but the messages: redrawn only when the frame, step, language or layout change. */
export const StillPicture = memo(function StillPicture({
  frame,
  layout,
  lang,
  actors,
  subjectKey,
  piled,
  motion,
  fontBase,
  onComponentActivate,
  pointed,
}: StillProps) {
  const t = ui[lang];
  // The first node is the master: m-k8s in the book's lab, cp-k8s in its second edition's.
  const master = layout.nodes[0]?.host ?? 'm-k8s';
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
            className={`${n.host === master ? 'node master' : 'node worker'} node-${status.condition}${status.cordoned ? ' node-cordoned' : ''}`}
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
        aria-label={`kubelet, ${componentName('container runtime', lang)} (${master})`}
        className="comp agent"
      >
        {(() => {
          const b = layout.components[`agent@${master}`];
          return b ? (
            <>
              <rect className="comp-box" x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
              <text className="comp-name small" x={b.x + 10} y={b.y + 24}>
                kubelet · CRI
              </text>
              <text className="comp-state" x={b.x + 10} y={b.y + 44}>
                {master}
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
                moreText={t.morePods}
              />
            )}
          </ComponentBox>
        );
      })}
    </g>
  );
});
