// npx tsx scripts/writePosterFrame.ts: writes src/view/poster/readyLabFrame.ts (the book's
// 1.18 lab) and readyLabFrame136.ts (the second edition's 1.36, cp-k8s), the tour's lab at
// its first moment, which the page paints before the simulation's code has loaded.
// src/view/poster/poster.test.tsx fails when they drift apart.
import { writeFileSync } from 'node:fs';
import { podCreate } from '../src/lessons';
import { LessonPlayer } from '../src/player';
import type { ProfileId } from '../src/sim/profiles';
import { posterFrame } from '../src/view/poster/posterFrame';

const files: readonly [ProfileId, string, string, string][] = [
  ['1.18', 'readyLabFrame.ts', 'readyLabFrame', 'The ready lab'],
  ['1.36', 'readyLabFrame136.ts', 'readyLabFrame136', "The 1.36 profile's ready lab"],
];
for (const [profile, file, name, what] of files) {
  const lp = new LessonPlayer(
    podCreate,
    1,
    undefined,
    'ready',
    [],
    3,
    profile === '1.18' ? undefined : profile,
  );
  lp.goToStep(0);
  const { at, ...rest } = posterFrame(lp.player.frame());
  const out = `// Written by scripts/writePosterFrame.ts; do not edit. ${what} at t=${at} ms, as the
// simulation draws it (poster.test.tsx compares the two). JSON has no branded numbers
// (SimMs), hence the cast; the test, not the type, keeps it true.
import type { Frame } from '../../player';
import type { SimMs } from '../../sim';

export const ${name}: Frame = { at: ${at} as SimMs, ...${JSON.stringify(rest)} } as unknown as Frame;
`;
  writeFileSync(new URL(`../src/view/poster/${file}`, import.meta.url), out);
}
