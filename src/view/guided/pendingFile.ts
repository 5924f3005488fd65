// A lesson file opened on the poster, before the app's code has come: the app opens it as
// soon as it starts, so a teacher who picks a file at once does not lose it.
let pending: File | undefined;
const takers = new Set<(file: File) => void>();

/** The poster's "open a lesson file": handed to the app, now or when it starts. */
export function offerLessonFile(file: File): void {
  if (takers.size === 0) pending = file;
  for (const take of takers) take(file);
}

/** The app takes lesson files opened before it started, and those opened on the poster later. */
export function takeLessonFiles(take: (file: File) => void): () => void {
  takers.add(take);
  const file = pending;
  pending = undefined;
  if (file) take(file);
  return () => {
    takers.delete(take);
  };
}
