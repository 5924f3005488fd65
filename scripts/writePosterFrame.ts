// npx tsx scripts/writePosterFrame.ts: writes src/view/poster/readyLabFrame.ts, the
// tour's lab at its first moment, which the page paints before the simulation's code
// has loaded. src/view/poster/poster.test.tsx fails when the two drift apart.
import { writeFileSync } from 'node:fs';
import { podCreate } from '../src/lessons';
import { LessonPlayer } from '../src/player';
import { posterFrame } from '../src/view/poster/posterFrame';

const lp = new LessonPlayer(podCreate, 1, undefined, 'ready', []);
lp.goToStep(0);
const { at, ...rest } = posterFrame(lp.player.frame());
const out = `// Written by scripts/writePosterFrame.ts; do not edit. The ready lab at t=${at} ms, as the
// simulation draws it (poster.test.tsx compares the two). JSON has no branded numbers
// (SimMs), hence the cast; the test, not the type, keeps it true.
import type { Frame } from '../../player';
import type { SimMs } from '../../sim';

export const readyLabFrame: Frame = { at: ${at} as SimMs, ...${JSON.stringify(rest)} } as unknown as Frame;
`;
writeFileSync(new URL('../src/view/poster/readyLabFrame.ts', import.meta.url), out);
