// An HTTP exchange as data: what a client sent, and what the API server answers. The
// server (server.ts) turns node:http's objects into these and back; everything else in
// src/api works on them, so the same code answers real kubectl and the page's replay.

export interface HttpRequest {
  readonly method: string;
  /** The path without the query: `/api/v1/namespaces/default/pods`. */
  readonly path: string;
  /** The raw query without `?`. */
  readonly query: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  /** The body's bytes, for a content type that is not text (protobuf). */
  readonly raw?: Uint8Array;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

/** A long answer written as things happen: a watch, `logs -f`. */
export interface HttpStream {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Starts writing; returns the function that stops (the client went away). */
  open(sink: { write(chunk: string): void; end(): void }): () => void;
}

export type Reply =
  | { readonly answer: HttpAnswer }
  | { readonly stream: HttpStream }
  /** Nothing listens (the simulated API server is stopped): the connection is closed unanswered. */
  | { readonly drop: true };

export function json(status: number, body: unknown): Reply {
  return {
    answer: {
      status,
      headers: { 'content-type': 'application/json' },
      body: `${JSON.stringify(body)}\n`,
    },
  };
}

export function text(status: number, body: string): Reply {
  return { answer: { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body } };
}

export function queryOf(q: string): URLSearchParams {
  return new URLSearchParams(q);
}
