// The profile of the lab a shell lives in (src/sim/profiles): its prompt, kubectl's texts.
import type { Profile } from '../sim/profiles';
import { profileOf } from '../sim/profiles';
import type { HostShell } from './command';

export function labProfile(shell: Pick<HostShell, 'world'>): Profile {
  return profileOf(shell.world.cluster.options.profile);
}
