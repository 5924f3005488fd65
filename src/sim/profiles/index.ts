// The lab's profiles by name: `?profile=1.18|1.36`, `--profile 1.36`, the element's attribute.
import type { Profile, ProfileId } from './profile';
import { profile118 } from './v1_18';
import { profile136 } from './v1_36';

export type { DescribeVersion, Difference, Profile, ProfileId, Taint } from './profile';
// `differences136` is imported from './differences' itself: the first page holds this module, and a
// re-export here would bring the table (texts only the "what changed" view shows) into it.

export const DEFAULT_PROFILE: ProfileId = '1.18';

export const profiles: Readonly<Record<ProfileId, Profile>> = { '1.18': profile118, '1.36': profile136 };

export const profileIds = Object.keys(profiles) as ProfileId[];

export function isProfileId(s: string): s is ProfileId {
  return Object.hasOwn(profiles, s);
}

/** The profile named `id`, the book's 1.18 when there is none. */
export function profileOf(id: ProfileId | undefined): Profile {
  return profiles[id ?? DEFAULT_PROFILE];
}
