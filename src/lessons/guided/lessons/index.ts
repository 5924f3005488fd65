// The built-in guided lessons, in the order the page lists them (issue 6). Each is a
// file of its own beside this one; the walker test (../walk.test.ts) walks them all,
// in every lab's profile, with what each lesson says differently there (its versions).
import type { Profile } from '../../../sim/profiles';
import { lessonForProfile } from '../forProfile';
import type { GuidedLesson, LessonVersions } from '../types';
import { apiserverUnloadLesson, apiserverUnloadVersions } from './apiserverUnload';
import { controlPlaneLesson } from './controlPlane';
import { deploymentLesson } from './deployment';
import { dnsAndNetworkLesson } from './dnsAndNetwork';
import { etcdLesson, etcdVersions } from './etcd';
import { kubeconfigLesson, kubeconfigVersions } from './kubeconfig';
import { kubeletStopLesson, kubeletStopVersions } from './kubeletStop';
import { kubeProxyLesson, kubeProxyVersions } from './kubeProxy';
import { podCreateGuidedLesson, podCreateGuidedVersions } from './podCreateGuided';
import { setupLesson, setupVersions } from './setup';

export const guidedLessons: readonly GuidedLesson[] = [
  setupLesson,
  podCreateGuidedLesson,
  deploymentLesson,
  kubeletStopLesson,
  kubeProxyLesson,
  kubeconfigLesson,
  etcdLesson,
  controlPlaneLesson,
  apiserverUnloadLesson,
  dnsAndNetworkLesson,
];

/** What each lesson says or does differently in a lab other than the book's, by lesson id. */
export const guidedLessonVersions: Readonly<Record<string, LessonVersions>> = {
  [setupLesson.id]: setupVersions,
  [podCreateGuidedLesson.id]: podCreateGuidedVersions,
  [kubeletStopLesson.id]: kubeletStopVersions,
  [kubeProxyLesson.id]: kubeProxyVersions,
  [kubeconfigLesson.id]: kubeconfigVersions,
  [etcdLesson.id]: etcdVersions,
  [apiserverUnloadLesson.id]: apiserverUnloadVersions,
};

/** A built-in lesson as the lab of `profile` has it. */
export function guidedLessonFor(id: string, profile: Profile): GuidedLesson | undefined {
  const lesson = guidedLessons.find((l) => l.id === id);
  return lesson && lessonForProfile(lesson, profile, guidedLessonVersions[id]);
}
