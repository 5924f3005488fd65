// A guided lesson drives the same player as the tour, without the tour's steps: its
// timeline starts short and grows with what the student does.
import type { Lesson, Localized } from '../../lessons';

export function asTour(g: {
  readonly id: string;
  readonly title: Localized;
  readonly summary?: Localized;
}): Lesson {
  return {
    id: g.id,
    title: g.title,
    subject: '',
    inputs: [],
    intro: { title: g.title, narration: g.summary ?? g.title },
    steps: [],
  };
}
