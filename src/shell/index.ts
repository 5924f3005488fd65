// shell: the simulated shell of each host (parsing, kubectl, kubeadm, systemctl, ...) printing what the real tools print; may import sim.
export type { HostShell, ShellWorld } from './command';
export type { JobEffects, OutputLine, Stream } from './job';
export { Job } from './job';
export type { LoggedInput, SessionOptions, TerminalWindow } from './session';
export { MAIN_TAB, Session } from './session';
export { Shell } from './shell';
export { BETWEEN_LINES_MS, GIVE_UP_MS, runScript, typeAndWait } from './transcript';
