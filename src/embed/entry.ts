// The element's script (dist/embed/pod-lifecycle-animator.js): loading it with a plain
// <script> tag defines <pod-lifecycle-animator>. It holds the element and its poster
// only; the app's chunks are fetched from beside it when an element wakes.
import { define, PodLifecycleAnimator } from './element';

define();

// The global the one-file build had (`PodLifecycleAnimator.PodLifecycleAnimator`).
(globalThis as { PodLifecycleAnimator?: unknown }).PodLifecycleAnimator = { PodLifecycleAnimator };

export type { EmbedEvents, FaultDetail, MessageDetail, StateDetail, StepDetail } from './events';
