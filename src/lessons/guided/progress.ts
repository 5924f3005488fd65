// Progress in the browser, per lesson: the step reached and the predictions made.
// No account: one localStorage entry, resettable. Storage is an interface so tests
// run in Node, and every read survives a corrupt or foreign value (another tab, an
// older build, a student's devtools) by treating it as no progress.
import type { SavedRun } from './runner';

export const PROGRESS_KEY = 'podscope.progress.v1';

/** The part of the Web Storage API used here (window.localStorage fits). */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Progress = Readonly<Record<string, SavedRun>>;

function isSaved(v: unknown): v is SavedRun {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (typeof r.step !== 'number' || !Number.isInteger(r.step) || r.step < 0) return false;
  if (typeof r.predictions !== 'object' || r.predictions === null || Array.isArray(r.predictions))
    return false;
  return Object.values(r.predictions).every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0);
}

export function readProgress(storage: ProgressStorage): Progress {
  let raw: string | null;
  try {
    // Storage can throw (disabled cookies, sandboxed iframes).
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return {};
  }
  if (raw === null) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    // A null-prototype record, so a lesson named "__proto__" stays a plain key.
    const out: Record<string, SavedRun> = Object.create(null);
    for (const [id, run] of Object.entries(parsed)) if (isSaved(run)) out[id] = run;
    return out;
  } catch {
    return {};
  }
}

function write(storage: ProgressStorage, progress: Progress): void {
  try {
    if (Object.keys(progress).length === 0) storage.removeItem(PROGRESS_KEY);
    else storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Full or forbidden storage: progress is a convenience, the lesson goes on without it.
  }
}

export function loadProgress(storage: ProgressStorage, lessonId: string): SavedRun | undefined {
  const p = readProgress(storage);
  return Object.hasOwn(p, lessonId) ? p[lessonId] : undefined;
}

export function saveProgress(storage: ProgressStorage, lessonId: string, run: SavedRun): void {
  const p = readProgress(storage);
  write(storage, { ...p, [lessonId]: { step: run.step, predictions: { ...run.predictions } } });
}

/** Forgets one lesson, or every lesson when no id is given. */
export function resetProgress(storage: ProgressStorage, lessonId?: string): void {
  if (lessonId === undefined) {
    write(storage, {});
    return;
  }
  const p = { ...readProgress(storage) };
  delete p[lessonId];
  write(storage, p);
}

/** A Storage in memory, for tests and for pages where localStorage is unavailable. */
export function memoryStorage(): ProgressStorage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
