// The built-in guided lessons, in the order the page lists them (issue 6). Each is a
// file of its own beside this one; the walker test (../walk.test.ts) walks them all.
import type { GuidedLesson } from '../types';
import { controlPlaneLesson } from './controlPlane';
import { deploymentLesson } from './deployment';
import { dnsAndNetworkLesson } from './dnsAndNetwork';
import { etcdLesson } from './etcd';
import { kubeconfigLesson } from './kubeconfig';
import { kubeletStopLesson } from './kubeletStop';
import { kubeProxyLesson } from './kubeProxy';
import { podCreateGuidedLesson } from './podCreateGuided';
import { setupLesson } from './setup';

export const guidedLessons: readonly GuidedLesson[] = [
  setupLesson,
  podCreateGuidedLesson,
  deploymentLesson,
  kubeletStopLesson,
  kubeProxyLesson,
  kubeconfigLesson,
  etcdLesson,
  controlPlaneLesson,
  dnsAndNetworkLesson,
];
