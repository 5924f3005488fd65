// The terminal panel, for the page to place beside the cluster once it is wired to the player.
export type { TerminalProps } from './Terminal';
export { BOOK_HOSTS, Terminal } from './Terminal';
export type { Entry, TerminalSession } from './terminalModel';
export { TerminalModel } from './terminalModel';
export type { TerminalText } from './text';
export { terminalText } from './text';
