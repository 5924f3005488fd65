// A Session is the lab as a person uses it: one cluster, a shell per host, the
// terminal (which host it is on, through ssh and exit), and the log of every
// input with its host and cluster time, so a player can replay it exactly.
import type { ClusterOptions, SimCluster } from '../sim/api';
import { createCluster } from '../sim/index';
import type { HostName } from '../sim/inputs';
import type { SimMs } from '../sim/units';
import type { ShellWorld } from './command';
import type { Job } from './job';
import { ADMIN_CONF, HOME, writeBaseFiles, writeControlPlaneFiles, writeWorkerFiles } from './labFiles';
import { Shell } from './shell';

export type LoggedInput =
  | { readonly at: SimMs; readonly host: HostName; readonly line: string }
  | { readonly at: SimMs; readonly host: HostName; readonly interrupt: true };

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
  private readonly stack: HostName[] = [];
  private readonly lastJob = new Map<HostName, Job>();

  constructor(options: SessionOptions = {}) {
    const { cluster, ...clusterOptions } = options;
    this.cluster = cluster ?? createCluster(clusterOptions);
    for (const h of this.cluster.hosts()) {
      const shell = new Shell(h.name, this);
      const master = h.role === 'master';
      writeBaseFiles(shell.fs, h.name, master);
      if (h.joined && master) {
        writeControlPlaneFiles(shell.fs);
        shell.fs.write(`${HOME}/.kube/config`, shell.fs.read(ADMIN_CONF) ?? '');
      } else if (h.joined) writeWorkerFiles(shell.fs, h.name);
      this.shells.set(h.name, shell);
      if (master && this.stack.length === 0) this.stack.push(h.name);
    }
    if (this.stack.length === 0) this.stack.push(this.cluster.hosts()[0]?.name ?? 'm-k8s');
  }

  /** Replays a log on a new cluster: same seed and inputs give the same lab. */
  static replay(options: SessionOptions, log: readonly LoggedInput[], until?: SimMs): Session {
    const s = new Session(options);
    for (const input of log) {
      s.advanceTo(input.at);
      if ('line' in input) s.run(input.host, input.line);
      else s.interrupt(input.host);
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
  run(host: HostName, line: string): Job {
    this.log.push({ at: this.now(), host, line });
    const job = this.shell(host).run(line);
    this.lastJob.set(host, job);
    return job;
  }

  /** Ctrl+C at `host`'s terminal. */
  interrupt(host: HostName): void {
    const job = this.lastJob.get(host);
    if (!job || job.done) return;
    this.log.push({ at: this.now(), host, interrupt: true });
    job.interrupt();
  }

  /** The host the terminal is on now (ssh and exit move it). */
  get host(): HostName {
    return this.stack[this.stack.length - 1] as HostName;
  }

  /** A line typed at the terminal: runs on its current host and follows ssh, exit and reboot. */
  type(line: string): Job {
    const job = this.run(this.host, line);
    job.onDone((j) => {
      const { enter, leave } = j.effects;
      if (enter) {
        const from = this.shells.get(this.host);
        const fromIp = this.cluster.host(from?.host ?? '')?.ip ?? '';
        this.shell(enter).vars.set('SSH_CLIENT', `${fromIp} 50022 22`);
        this.stack.push(enter);
      } else if (leave && this.stack.length > 1) {
        this.shell(this.host).vars.delete('SSH_CLIENT');
        this.stack.pop();
      }
    });
    return job;
  }

  /** The prompt of the terminal's current host. */
  prompt(): string {
    return this.shell(this.host).prompt();
  }
}
