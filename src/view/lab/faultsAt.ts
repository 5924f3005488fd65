// The faults in force at the moment on screen. At the live edge the cluster itself
// says (whatever caused them: a menu, or `systemctl stop kubelet` typed by hand); in
// the past, the fault inputs recorded up to that moment are folded.
import type { LessonPlayer, RecordedInput } from '../../player';
import type { FaultRef } from '../../sim';

const key = (f: FaultRef) => `${f.id}@${f.target ?? ''}`;

export function foldFaults(inputs: readonly RecordedInput[], now: number): FaultRef[] {
  const on = new Map<string, FaultRef>();
  for (const i of inputs) {
    if (i.at > now || !('fault' in i)) continue;
    if (i.heal) on.delete(key(i.fault));
    else on.set(key(i.fault), i.fault);
  }
  return [...on.values()];
}

export function faultsAt(lp: LessonPlayer): FaultRef[] {
  const live = lp.recording.simulatedTo - lp.player.now < 50;
  return live
    ? [...lp.recording.cluster.faults()].map((f) => ({ ...f }) as FaultRef)
    : foldFaults(lp.inputs(), lp.player.now);
}

/** The most recent fault injected at or before now, whose story the narration tells. */
export function lastInjected(inputs: readonly RecordedInput[], now: number): FaultRef | undefined {
  let last: FaultRef | undefined;
  for (const i of inputs) if (i.at <= now && 'fault' in i && !i.heal) last = i.fault;
  return last;
}
