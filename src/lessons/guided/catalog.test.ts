import { describe, expect, it } from 'vitest';
import { guidedCatalog } from './catalog';
import { guidedLessons } from './lessons/index';

describe('the guided lesson catalog', () => {
  it('lists exactly the built-in lessons with their titles and labs (regenerate: npx tsx scripts/lessonCatalog.ts)', () => {
    expect(guidedCatalog).toEqual(
      guidedLessons.map((l) => ({ id: l.id, title: l.title, lab: l.lab ?? 'ready' })),
    );
  });
});
