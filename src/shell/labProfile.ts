// The profile of the lab a shell lives in (src/sim/profiles): its prompt, kubectl's texts.
import type { Profile } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import type { HostShell } from './command';
import type { WireShown } from './kubectl/objectPrinter';

export function labProfile(shell: Pick<HostShell, 'world'>): Profile {
  return profileOf(shell.world.cluster.options.profile);
}

/** What the lab's kubectl shows of the objects its API server sends (objectPrinter's WireShown). */
export function wireShown(shell: Pick<HostShell, 'world'>): WireShown {
  const p = labProfile(shell);
  return {
    selfLink: p.apiServer.selfLink,
    managedFields: p.kubectl.showManagedFields,
    listSelfLink: p.kubectl.listSelfLink,
    jsonPathMapsAsJson: p.kubectl.jsonPathMapsAsJson,
    nullTemplateTimestamp: p.apiServer.nullTemplateTimestamp,
  };
}
