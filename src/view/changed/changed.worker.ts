// The "what changed" view's runs, off the page's thread: making a lab of a profile takes
// 12–64 ms in one piece (the cluster's processes and the ready lab's objects), longer than
// a task may take (DESIGN: none over 50 ms), so the view posts its runs here. Each message
// is a RunRequest; the answer is what the run's terminal printed, or why it failed.
import { sessionDriver } from '../../lessons/sessionDriver';
import type { Line, RunRequest } from './runs';
import { requestRun } from './runs';

export interface RunAsked {
  readonly id: number;
  readonly request: RunRequest;
}

export type RunAnswer =
  | { readonly id: number; readonly lines: readonly Line[] }
  | { readonly id: number; readonly error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RunAsked>) => void) | null;
  postMessage(answer: RunAnswer): void;
};

scope.onmessage = (e) => {
  const { id, request } = e.data;
  try {
    const run = requestRun(sessionDriver, request);
    let r = run.next();
    while (!r.done) r = run.next();
    scope.postMessage({ id, lines: r.value });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
