// What the page asks of a terminal tab from outside: a lesson's command clicked (typed
// as if by hand) or a Ctrl+C button pressed (sent as the key sends it). Each new `id`
// is done once, in the tab opened on `host`.
export type TerminalRequest =
  | { readonly id: number; readonly host: string; readonly line: string; readonly interrupt?: undefined }
  | { readonly id: number; readonly host: string; readonly interrupt: true; readonly line?: undefined };
