// A node's state as Kubernetes reports it (kubectl get nodes' STATUS, with its taints),
// and the machine's power, for the diagram: the picture says what kubectl says.

import type { Lang } from '../lessons';
import type { Frame } from '../player';

export type NodeCondition = 'Ready' | 'NotReady' | 'off' | 'booting' | 'unknown';

export interface NodeStatus {
  readonly condition: NodeCondition;
  readonly cordoned: boolean;
  readonly taints: readonly string[];
}

export function nodeStatus(frame: Frame, host: string): NodeStatus {
  const machine = frame.hosts.find((h) => h.name === host);
  const node = frame.objects.find((o) => o.kind === 'Node' && o.metadata.name === host);
  const taints =
    node?.kind === 'Node'
      ? node.spec.taints
          .filter((t) => t.key !== 'node-role.kubernetes.io/master')
          .map((t) => `${t.key}:${t.effect}`)
      : [];
  const cordoned = node?.kind === 'Node' && node.spec.unschedulable === true;
  if (machine && !machine.powered) return { condition: 'off', cordoned, taints };
  if (machine?.booting) return { condition: 'booting', cordoned, taints };
  if (node?.kind !== 'Node') return { condition: 'unknown', cordoned, taints };
  const ready = node.status.conditions.find((c) => c.type === 'Ready')?.status === 'True';
  return { condition: ready ? 'Ready' : 'NotReady', cordoned, taints };
}

const words: Record<
  Lang,
  Record<NodeCondition, string> & { cordoned: string; taints: string; node: string }
> = {
  en: {
    Ready: 'Ready',
    NotReady: 'NotReady',
    off: 'powered off',
    booting: 'rebooting',
    unknown: 'not registered',
    cordoned: 'SchedulingDisabled',
    taints: 'taints',
    node: 'node',
  },
  ko: {
    Ready: 'Ready',
    NotReady: 'NotReady',
    off: '전원 꺼짐',
    booting: '재부팅 중',
    unknown: '등록 안 됨',
    cordoned: 'SchedulingDisabled',
    taints: '테인트',
    node: '노드',
  },
};

/** What the node's box says under its name: "NotReady", "Ready,SchedulingDisabled", "powered off". */
export function nodeStatusText(s: NodeStatus, lang: Lang): string {
  const w = words[lang];
  return s.cordoned ? `${w[s.condition]},${w.cordoned}` : w[s.condition];
}

/** The node's accessible name: its name, its status and its taints. */
export function nodeLabel(host: string, s: NodeStatus, lang: Lang): string {
  const w = words[lang];
  const taints = s.taints.length > 0 ? `; ${w.taints}: ${s.taints.join(', ')}` : '';
  return `${w.node} ${host}: ${nodeStatusText(s, lang)}${taints}`;
}
