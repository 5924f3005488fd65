// What can happen to each component of the diagram, from its menu: the fault
// catalog's inject or heal as the component stands now, and the reboot and
// network restart of the book's scenarios.
import type { Lang, Localized } from '../../lessons';
import type { ComponentView, FaultId, FaultRef } from '../../sim';
import { faultLabel } from '../../sim';
import type { ProfileId } from '../../sim/profiles';

export type LabAction =
  | { readonly kind: 'fault'; readonly fault: FaultRef; readonly heal: boolean; readonly label: Localized }
  | { readonly kind: 'line'; readonly host: string; readonly line: string; readonly label: Localized };

function fault(id: FaultId, target: string | undefined, heal: boolean, profile?: ProfileId): LabAction {
  const label0 = faultLabel(id, profile);
  const on = target ? { ko: ` (${target})`, en: ` on ${target}` } : { ko: '', en: '' };
  const label: Localized = heal
    ? { ko: `복구: ${label0?.ko ?? id}${on.ko}`, en: `Heal: ${label0?.en ?? id}${on.en}` }
    : { ko: `${label0?.ko ?? id}${on.ko}`, en: `${label0?.en ?? id}${on.en}` };
  return { kind: 'fault', fault: target ? { id, target } : { id }, heal, label };
}

const has = (faults: readonly FaultRef[], id: FaultId, target?: string) =>
  faults.some((f) => f.id === id && (target === undefined || f.target === target));

/** The menu of a component, given the faults in force. */
export function componentActions(
  c: ComponentView,
  faults: readonly FaultRef[],
  workers: readonly string[],
  /** The lab's profile, which names the runtime (docker or containerd). */
  profile?: ProfileId,
): LabAction[] {
  const host = c.host;
  const toggle = (id: FaultId, target?: string) => fault(id, target, has(faults, id, target), profile);
  switch (true) {
    case c.id === 'apiserver':
      return [toggle('apiserver')];
    case c.id === 'etcd':
      return [toggle('etcd'), toggle('etcd-corrupt')];
    case c.id === 'scheduler':
      return [toggle('scheduler')];
    case c.id === 'controller-manager':
      return [toggle('controller-manager')];
    case c.id === 'coredns':
      return [toggle('coredns')];
    case c.id === 'cni':
      return workers.map((w) => toggle('cni', w));
    case c.id.startsWith('kubelet@') && !!host:
      return [toggle('kubelet', host)];
    case c.id.startsWith('runtime@') && !!host:
      return [toggle('docker', host), toggle('image-pull')];
    case c.id.startsWith('kube-proxy@') && !!host:
      return [
        toggle('br_netfilter', host),
        {
          kind: 'line',
          host: host as string,
          line: 'systemctl restart network',
          label: { ko: `네트워크 재시작 (${host})`, en: `Restart the network on ${host}` },
        },
      ];
    case c.id.startsWith('pods@') && !!host: {
      const off = has(faults, 'power', host);
      return [
        toggle('power', host),
        ...(off
          ? []
          : [
              {
                kind: 'line',
                host: host as string,
                line: 'reboot',
                label: { ko: `재부팅 (${host})`, en: `Reboot ${host}` },
              } as const,
            ]),
        toggle('crash'),
      ];
    }
    default:
      return [];
  }
}

export function actionLabel(a: LabAction, lang: Lang): string {
  return a.label[lang];
}
