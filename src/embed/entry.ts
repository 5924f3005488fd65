// The element's script (dist/embed/pod-lifecycle-animator.js): loading it with a plain
// <script> tag defines <pod-lifecycle-animator>.
import { define } from './element';

define();

export { PodLifecycleAnimator } from './element';
export type { EmbedEvents, FaultDetail, MessageDetail, StateDetail, StepDetail } from './events';
