// What the cluster does off the book's script: a fault comes or goes, a node turns
// NotReady or Ready again and is tainted, a pod is evicted, deleted, or created in its
// place. Read off the recorded moments in order (the same frames the diagram draws), so
// the narration and PageDown can go from one to the next, each at its own time.
import type { FaultRef, KubeObject, Node, PodView, SimMs } from '../sim';
import { faultSpec } from '../sim';
import type { Localized } from './lesson';

/** What the story reads of one recorded moment (the player's Frame is one). */
export interface MomentRecord {
  readonly at: SimMs;
  readonly faults: readonly FaultRef[];
  readonly objects: readonly KubeObject[];
  readonly pods: readonly PodView[];
}

export type HappeningKind =
  | 'fault'
  | 'heal'
  | 'node.notReady'
  | 'node.ready'
  | 'node.tainted'
  | 'pod.created'
  | 'pod.terminating'
  | 'pod.deleted'
  | 'pod.running';

export interface Happening {
  readonly at: SimMs;
  readonly kind: HappeningKind;
  /** The node or pod (or the fault, as `id@target`) it is about. */
  readonly subject: string;
  readonly title: Localized;
  readonly text: Localized;
}

const faultKey = (f: FaultRef) => (f.target ? `${f.id}@${f.target}` : f.id);

function readyOf(n: Node): string {
  return n.status.conditions.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

function noExecuteTaints(n: Node): string[] {
  return n.spec.taints.filter((t) => t.effect === 'NoExecute').map((t) => t.key);
}

interface Seen {
  readonly faults: ReadonlyMap<string, FaultRef>;
  readonly nodes: ReadonlyMap<string, { ready: string; taints: string[] }>;
  readonly pods: ReadonlyMap<string, string>;
}

function seen(m: MomentRecord): Seen {
  const nodes = new Map<string, { ready: string; taints: string[] }>();
  for (const o of m.objects)
    if (o.kind === 'Node') nodes.set(o.metadata.name, { ready: readyOf(o), taints: noExecuteTaints(o) });
  const pods = new Map<string, string>();
  for (const p of m.pods) if (p.namespace === 'default') pods.set(p.name, p.status);
  return { faults: new Map(m.faults.map((f) => [faultKey(f), f])), nodes, pods };
}

/**
 * The happenings between consecutive moments, from `since` on (before it, the book's
 * script is the story). Fed one moment at a time, in order, so a growing recording costs
 * only its new moments.
 */
export class HappeningLog {
  readonly list: Happening[] = [];
  private before: Seen | undefined;
  private lastFaults: readonly FaultRef[] | undefined;
  private lastObjects: readonly KubeObject[] | undefined;
  private lastPods: readonly PodView[] | undefined;
  /** How many moments were fed. */
  fed = 0;

  constructor(readonly since: number) {}

  feed(m: MomentRecord): void {
    this.fed++;
    // Frames reuse unchanged arrays: nothing to compare when none changed.
    if (m.faults === this.lastFaults && m.objects === this.lastObjects && m.pods === this.lastPods) return;
    this.lastFaults = m.faults;
    this.lastObjects = m.objects;
    this.lastPods = m.pods;
    const now = seen(m);
    if (this.before && m.at >= this.since) this.list.push(...diff(this.before, now, m.at));
    this.before = now;
  }
}

export function happenings(moments: Iterable<MomentRecord>, since: number): Happening[] {
  const log = new HappeningLog(since);
  for (const m of moments) log.feed(m);
  return log.list;
}

function diff(a: Seen, b: Seen, at: SimMs): Happening[] {
  const out: Happening[] = [];
  const add = (kind: HappeningKind, subject: string, title: Localized, text: Localized) =>
    out.push({ at, kind, subject, title, text });
  for (const [k, f] of b.faults)
    if (!a.faults.has(k)) add('fault', k, faultTitle(f, true), faultText(f, true));
  for (const [k, f] of a.faults)
    if (!b.faults.has(k)) add('heal', k, faultTitle(f, false), faultText(f, false));
  for (const [name, n] of b.nodes) {
    const was = a.nodes.get(name);
    if (!was) continue;
    if (was.ready === 'True' && n.ready !== 'True')
      add(
        'node.notReady',
        name,
        { ko: `${name}: NotReady`, en: `${name}: NotReady` },
        n.ready === 'Unknown'
          ? {
              ko: `노드 수명 주기 컨트롤러가 ${name} 의 상태 보고를 40초 동안 받지 못해 Ready 조건을 Unknown 으로 바꿨습니다. kubectl get nodes 는 이제 NotReady 를 보여 줍니다.`,
              en: `The node lifecycle controller heard no status from ${name} for 40 s and set its Ready condition to Unknown: kubectl get nodes now says NotReady.`,
            }
          : {
              ko: `${name} 의 kubelet 이 노드가 준비되지 않았다고(Ready=False) 보고했습니다. kubectl get nodes 는 NotReady 를 보여 줍니다.`,
              en: `The kubelet on ${name} reported the node not ready (Ready=False): kubectl get nodes says NotReady.`,
            },
      );
    if (was.ready !== 'True' && n.ready === 'True')
      add(
        'node.ready',
        name,
        { ko: `${name}: 다시 Ready`, en: `${name}: Ready again` },
        {
          ko: `${name} 의 kubelet 이 다시 상태를 보고해 노드가 Ready 로 돌아왔습니다. 테인트가 걷히고 다시 파드를 받을 수 있습니다.`,
          en: `The kubelet on ${name} reports again and the node is Ready: its taints are lifted and it can take pods again.`,
        },
      );
    const added = n.taints.filter((t) => !was.taints.includes(t));
    if (added.length > 0)
      add(
        'node.tainted',
        name,
        { ko: `${name}: 테인트 ${added.join(', ')}`, en: `${name}: tainted ${added.join(', ')}` },
        {
          ko: `${name} 에 NoExecute 테인트(${added.join(', ')})가 붙었습니다. 파드의 기본 톨러레이션은 300초이므로, 그 시간이 지나면 이 노드의 파드가 축출됩니다.`,
          en: `${name} now has the NoExecute taint ${added.join(', ')}. Pods tolerate it for 300 s by default; after that the pods on this node are evicted.`,
        },
      );
  }
  for (const [name, status] of b.pods) {
    const was = a.pods.get(name);
    if (was === undefined)
      add(
        'pod.created',
        name,
        { ko: `${name} 생성`, en: `${name} created` },
        {
          ko: `파드 ${name} 가 새로 만들어졌습니다(${status}).`,
          en: `A new pod, ${name}, was created (${status}).`,
        },
      );
    else if (status === 'Terminating' && was !== 'Terminating')
      add(
        'pod.terminating',
        name,
        { ko: `${name}: Terminating`, en: `${name}: Terminating` },
        {
          ko: `${name} 의 삭제가 시작되었습니다. 노드의 kubelet 이 컨테이너를 멈추고 삭제를 마무리할 때까지 Terminating 으로 남습니다.`,
          en: `${name} is being deleted: it stays Terminating until its node's kubelet stops the containers and finishes the deletion.`,
        },
      );
    else if (status === 'Running' && was !== 'Running')
      add(
        'pod.running',
        name,
        { ko: `${name}: Running`, en: `${name}: Running` },
        { ko: `${name} 의 컨테이너가 실행 중입니다.`, en: `The containers of ${name} are running.` },
      );
  }
  for (const name of a.pods.keys())
    if (!b.pods.has(name))
      add(
        'pod.deleted',
        name,
        { ko: `${name} 삭제됨`, en: `${name} deleted` },
        { ko: `파드 ${name} 가 클러스터에서 사라졌습니다.`, en: `The pod ${name} is gone from the cluster.` },
      );
  return out;
}

function faultLabel(f: FaultRef): Localized {
  const label = faultSpec(f.id)?.label ?? { ko: f.id, en: f.id };
  const at = f.target ? ` (${f.target})` : '';
  return { ko: `${label.ko}${at}`, en: `${label.en}${at}` };
}

function faultTitle(f: FaultRef, on: boolean): Localized {
  const { ko, en } = faultLabel(f);
  return on ? { ko: `고장: ${ko}`, en: `Fault: ${en}` } : { ko: `복구: ${ko}`, en: `Healed: ${en}` };
}

function faultText(f: FaultRef, on: boolean): Localized {
  const { ko, en } = faultLabel(f);
  return on
    ? {
        ko: `고장이 일어났습니다: ${ko}. 클러스터는 이제 이 고장을 안고 움직입니다.`,
        en: `A fault is in force: ${en}. The cluster goes on with it from here.`,
      }
    : {
        ko: `복구되었습니다: ${ko}. 각 구성 요소가 원하는 상태로 되돌리기 시작합니다.`,
        en: `Healed: ${en}. Each component starts to bring the cluster back to the desired state.`,
      };
}
