// A guided lesson in the lab of a profile (issue 18). Lessons are written for the book's
// lab: its master m-k8s and docker. In another lab the same lesson names that lab's
// control plane (cp-k8s) in every text, command, fault and check, types the runtime's
// lines as that lab has them (the profile's `lessons.runtimeCommands`: `docker ps` →
// `crictl ps`), and says what really differs between the versions from the lesson's own
// data (its LessonVersions), never from a test of the version here.
import type { Profile } from '../../sim/profiles';
import { withMaster } from '../inLab';
import type { Check, GuidedLesson, GuidedStep, LessonCommand, LessonVersion, LessonVersions } from './types';

/** A command line as the profile's lab types it: the longest runtime line it starts with, replaced. */
export function runtimeLine(line: string, profile: Profile): string {
  const table = profile.lessons.runtimeCommands;
  const key = Object.keys(table)
    .filter((k) => line === k || line.startsWith(`${k} `))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? line : `${table[key]}${line.slice(key.length)}`;
}

/** The runtime's lines in a check's `typed`, so "the student typed docker ps" holds for crictl ps. */
function checkLines(check: Check, profile: Profile): Check {
  if ('typed' in check) return { ...check, typed: runtimeLine(check.typed, profile) };
  if ('all' in check) return { all: check.all.map((c) => checkLines(c, profile)) };
  if ('any' in check) return { any: check.any.map((c) => checkLines(c, profile)) };
  return check;
}

function withVersion(lesson: GuidedLesson, v: LessonVersion | undefined): GuidedLesson {
  if (!v) return lesson;
  const steps = lesson.steps.map((s): GuidedStep => {
    const sv = v.steps?.[s.id];
    return sv ? { ...s, ...sv } : s;
  });
  return {
    ...lesson,
    ...(v.title ? { title: v.title } : {}),
    ...(v.summary ? { summary: v.summary } : {}),
    steps,
  };
}

/** `lesson` as the lab of `profile` has it; the book's 1.18 lab gets the lesson as written. */
export function lessonForProfile(
  lesson: GuidedLesson,
  profile: Profile,
  versions?: LessonVersions,
): GuidedLesson {
  const versioned = withVersion(lesson, versions?.[profile.id]);
  const renamed = withMaster(versioned, profile.master.name);
  const line = (c: LessonCommand): LessonCommand => ({ ...c, line: runtimeLine(c.line, profile) });
  return {
    ...renamed,
    steps: renamed.steps.map((s) => ({
      ...s,
      ...(s.commands ? { commands: s.commands.map(line) } : {}),
      ...(s.doneWhen ? { doneWhen: checkLines(s.doneWhen, profile) } : {}),
    })),
  };
}
