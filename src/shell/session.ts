// A Session is the lab as a person uses it: one cluster, a shell per host, the
// terminal (which host it is on, through ssh and exit), and the log of every
// input with its host and cluster time, so a player can replay it exactly.
import type { ClusterOptions, SimCluster } from '../sim/api';
import { createCluster } from '../sim/index';
import type { HostName } from '../sim/inputs';
import type { SimMs } from '../sim/units';
import type { ShellWorld } from './command';
import type { Completion } from './complete';
import { complete, completionContextOf } from './complete';
import type { InnerShell } from './job';
import { Job } from './job';
import { ADMIN_CONF, HOME, writeBaseFiles, writeControlPlaneFiles, writeWorkerFiles } from './labFiles';
import { labProfile } from './labProfile';
import { Shell } from './shell';

export type LoggedInput =
  | { readonly at: SimMs; readonly host: HostName; readonly line: string; readonly tab?: string }
  | { readonly at: SimMs; readonly host: HostName; readonly interrupt: true };

/** The terminal `npm run shell` has: one window, opened on the master. */
export const MAIN_TAB = 'main';

/** One terminal window: the hosts ssh has carried it through, and every line typed in it with its prompt. */
export interface TerminalWindow {
  /** Where the window was opened. */
  readonly home: HostName;
  /** The host it is on now (ssh and exit move it). */
  readonly host: HostName;
  /** The prompt of its host now (its working directory), or of the container shell it is in. */
  readonly prompt: string;
  /** Inside a container's shell (kubectl exec -it), on `host`. */
  readonly inContainer: boolean;
  /** Each line typed here, in order, with the prompt it was typed after. */
  readonly entries: readonly { readonly prompt: string; readonly job: Job }[];
  /** The command still running in this window, if any. */
  readonly running: Job | undefined;
}

/** Where a window's lines go: a host's shell, or a container's shell reached from that host. */
interface Frame {
  readonly host: HostName;
  readonly inner?: InnerShell;
}

interface WindowState {
  readonly home: HostName;
  readonly stack: Frame[];
  readonly entries: { readonly prompt: string; readonly job: Job }[];
}

export interface SessionOptions extends ClusterOptions {
  /** A cluster to drive instead of a new createCluster(options) (tests pass a fake). */
  readonly cluster?: SimCluster;
}

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly fn: () => void;
}

export class Session implements ShellWorld {
  readonly cluster: SimCluster;
  readonly log: LoggedInput[] = [];
  private readonly shells = new Map<HostName, Shell>();
  private timers: Timer[] = [];
  private seq = 0;
  private readonly windows = new Map<string, WindowState>();
  private readonly lastJob = new Map<HostName, Job>();

  constructor(options: SessionOptions = {}) {
    const { cluster, ...clusterOptions } = options;
    this.cluster = cluster ?? createCluster(clusterOptions);
    for (const h of this.cluster.hosts()) {
      const shell = new Shell(h.name, this);
      const master = h.role === 'master';
      writeBaseFiles(shell.fs, h.name, master, labProfile(shell));
      if (h.joined && master) {
        writeControlPlaneFiles(shell.fs, h.name);
        shell.fs.write(`${HOME}/.kube/config`, shell.fs.read(ADMIN_CONF) ?? '');
      } else if (h.joined) writeWorkerFiles(shell.fs, h.name);
      this.shells.set(h.name, shell);
    }
    const master = this.cluster.hosts().find((h) => h.role === 'master') ?? this.cluster.hosts()[0];
    this.openWindow(MAIN_TAB, master?.name ?? 'm-k8s');
  }

  /** Opens a terminal window on `home` (a no-op if `tab` is open already). */
  openWindow(tab: string, home: HostName): void {
    if (!this.windows.has(tab)) this.windows.set(tab, { home, stack: [{ host: home }], entries: [] });
  }

  private window(tab: string): WindowState {
    let w = this.windows.get(tab);
    if (!w) {
      // A window named after a host is opened on that host (the page keeps one per machine).
      const home = this.shells.has(tab) ? tab : this.host;
      this.openWindow(tab, home);
      w = this.windows.get(tab) as WindowState;
    }
    return w;
  }

  /** A terminal window as it stands now: its host, what was typed in it, what still runs. */
  terminal(tab: string): TerminalWindow {
    const w = this.window(tab);
    const last = w.entries[w.entries.length - 1]?.job;
    const top = w.stack[w.stack.length - 1] ?? { host: w.home };
    return {
      home: w.home,
      host: top.host,
      prompt: (top.inner ?? this.shell(top.host)).prompt(),
      inContainer: top.inner !== undefined,
      entries: w.entries,
      running: last && !last.done ? last : undefined,
    };
  }

  /** Replays a log on a new cluster: same seed and inputs give the same lab. */
  static replay(options: SessionOptions, log: readonly LoggedInput[], until?: SimMs): Session {
    const s = new Session(options);
    for (const input of log) {
      s.advanceTo(input.at);
      if ('line' in input) {
        if (input.tab !== undefined || s.host === input.host) s.type(input.line, input.tab);
        else s.run(input.host, input.line);
      } else s.interrupt(input.host);
    }
    if (until !== undefined) s.advanceTo(until);
    return s;
  }

  now(): SimMs {
    return this.cluster.now;
  }

  shell(host: HostName): Shell {
    const s = this.shells.get(host);
    if (!s) throw new Error(`no host ${host} in this lab`);
    return s;
  }

  shellOf(host: HostName): Shell | undefined {
    return this.shells.get(host);
  }

  resolveHost(target: string): HostName | undefined {
    const name = target.replace(/^[^@]*@/, '');
    return this.cluster.hosts().find((h) => h.name === name || h.ip === name)?.name;
  }

  after(ms: number, fn: () => void): () => void {
    const timer: Timer = { due: this.now() + Math.max(0, ms), seq: ++this.seq, fn };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** When the cluster or a shell (sleep, timeout) next has something to do. */
  nextEventAt(): SimMs | undefined {
    const a = this.cluster.nextEventAt();
    const b = this.timers[0]?.due;
    if (a === undefined) return b as SimMs | undefined;
    return (b === undefined ? a : Math.min(a, b)) as SimMs;
  }

  /** The last command line run on `host` (what Ctrl+C there would stop). */
  jobOf(host: HostName): Job | undefined {
    return this.lastJob.get(host);
  }

  /** Runs the cluster and the shells' timers (sleep, timeout) forward to `t`, in time order. */
  advanceTo(t: SimMs): void {
    for (;;) {
      const next = this.timers[0];
      if (!next || next.due > t) break;
      this.timers.shift();
      if (next.due > this.now()) this.cluster.advanceTo(next.due as SimMs);
      next.fn();
    }
    if (t > this.now()) this.cluster.advanceTo(t);
  }

  /** A command line typed at `host`'s shell (a terminal window on that host). */
  run(host: HostName, line: string, tab?: string): Job {
    this.log.push({ at: this.now(), host, line, ...(tab && tab !== MAIN_TAB ? { tab } : {}) });
    const job = this.shell(host).run(line);
    this.lastJob.set(host, job);
    return job;
  }

  /** Ctrl+C at `host`'s terminal. */
  interrupt(host: HostName): void {
    const job = this.lastJob.get(host);
    if (this.shell(host).continuing) {
      // At the `> ` prompt Ctrl+C drops the command whose here-document was being typed.
      this.log.push({ at: this.now(), host, interrupt: true });
      this.shell(host).cancelContinuation();
      return;
    }
    if (!job || job.done) return;
    this.log.push({ at: this.now(), host, interrupt: true });
    job.interrupt();
  }

  /** The host the main terminal is on now (ssh and exit move it). */
  get host(): HostName {
    const w = this.windows.get(MAIN_TAB);
    return (w?.stack[w.stack.length - 1]?.host ?? this.cluster.hosts()[0]?.name ?? 'm-k8s') as HostName;
  }

  /** A line typed in a terminal window: runs on its current host and follows ssh, exit and reboot. */
  type(line: string, tab: string = MAIN_TAB): Job {
    const w = this.window(tab);
    const top = w.stack[w.stack.length - 1] ?? { host: w.home };
    const host = top.host;
    const prompt = (top.inner ?? this.shell(host)).prompt();
    const job = top.inner ? this.runInside(top.inner, host, line, tab) : this.run(host, line, tab);
    w.entries.push({ prompt, job });
    job.onDone((j) => {
      const { enter, enterContainer, leave } = j.effects;
      const here = w.stack[w.stack.length - 1] ?? { host: w.home };
      if (enterContainer) w.stack.push({ host: here.host, inner: enterContainer });
      else if (enter) {
        const fromIp = this.cluster.host(here.host)?.ip ?? '';
        this.shell(enter).vars.set('SSH_CLIENT', `${fromIp} 50022 22`);
        w.stack.push({ host: enter });
      } else if (leave && w.stack.length > 1) {
        if (!here.inner) this.shell(here.host).vars.delete('SSH_CLIENT');
        w.stack.pop();
        // kubectl ends with the status of the shell it started: the host's `$?`.
        const back = w.stack[w.stack.length - 1];
        if (here.inner && back && !back.inner) this.shell(back.host).lastExit = j.exitCode;
      }
    });
    return job;
  }

  /** Tab in a window: completes against the shell its lines go to (a container's, inside one). */
  complete(tab: string, line: string, cursor: number): Completion {
    const w = this.window(tab);
    const top = w.stack[w.stack.length - 1] ?? { host: w.home };
    const ctx = top.inner
      ? completionContextOf(top.inner.shell, top.inner.programs)
      : completionContextOf(this.shell(top.host));
    return complete(line, ctx, cursor);
  }

  /** The prompt of the main terminal's current host (or of the container shell it is in). */
  prompt(tab: string = MAIN_TAB): string {
    return this.terminal(tab).prompt;
  }

  /**
   * A line typed into a container's shell. kubectl on `host` carries it; once the
   * container is gone (pod deleted, container restarted) its processes were killed with
   * SIGKILL, and kubectl has reported the shell's end: the lab shows it at this line.
   */
  private runInside(inner: InnerShell, host: HostName, line: string, tab: string): Job {
    this.log.push({ at: this.now(), host, line, ...(tab !== MAIN_TAB ? { tab } : {}) });
    let job: Job;
    const status = inner.status();
    if (status === 'alive') job = inner.run(line);
    else {
      // Killed with its container: SIGKILL's 137, reported by kubectl. A broken stream (the
      // kubelet, which serves it, stopped) just ends kubectl, with status 0 and no message.
      job = new Job(host, line, this.now(), () => this.now());
      if (status === 'killed') job.print('stderr', 'command terminated with exit code 137');
      job.effects.leave = true;
      job.finish(status === 'killed' ? 137 : 0, this.now());
    }
    this.lastJob.set(host, job);
    return job;
  }
}
