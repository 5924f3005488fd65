// In the custom element's one-file build the guided lessons' steps are left out to keep
// it under its 200 KB budget: the element plays the eight-step tour, and a guided
// lesson is embedded with the iframe, which loads them as the app does.
import type { GuidedLesson } from '../../lessons/guided/types';

export const guidedLessons: readonly GuidedLesson[] = [];
