// The built-in guided lessons, in the order the page lists them (issue 6). Each is a
// file of its own beside this one; the walker test (../walk.test.ts) walks them all.
import type { GuidedLesson } from '../types';

export const guidedLessons: readonly GuidedLesson[] = [];
