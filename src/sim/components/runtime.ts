// 6 container runtime (docker): runs sandboxes and containers for its kubelet.
// Its containers outlive the kubelet; they die with docker or the machine.
import { processOf } from '../containerProcess';
import { imageKey, lookupImage, pullMs } from '../images';
import { dockerId } from '../names';
import type { Message, Net } from '../net';
import type { Rng } from '../rng';
import type { World } from '../world';
import type { CniAdd, CniReply } from './cni';
import { CNI } from './cni';
import type { ContainerDied, ContainerInfo, CriReply, CriRequest, CriResult, SandboxInfo } from './cri';
import type { ComponentLogic } from './processMachine';

export const runtimeId = (node: string) => `runtime@${node}`;
export const kubeletId = (node: string) => `kubelet@${node}`;
export const podsId = (node: string) => `pods@${node}`;

export class RuntimeState {
  readonly sandboxes = new Map<string, SandboxInfo>();
  readonly containers = new Map<string, ContainerInfo>();
  readonly images = new Set<string>();
  /** When a pull still under way finishes (images the lab seeded, or whose pull is done, have none). */
  readonly pullingUntil = new Map<string, number>();
  seq = 0;

  /** The images docker can list now: those whose pull has finished. */
  pulledImages(now: number): string[] {
    return [...this.images].filter((k) => (this.pullingUntil.get(k) ?? -Infinity) <= now);
  }
}

export class RuntimeLogic implements ComponentLogic {
  private cniReq = 1;
  private readonly waitingCni = new Map<number, (r: CniReply) => void>();

  constructor(
    private readonly net: Net,
    private readonly rng: Rng,
    private readonly world: World,
    readonly node: string,
    readonly state: RuntimeState,
  ) {}

  get id(): string {
    return runtimeId(this.node);
  }

  /** Bumped when the runtime stops: answers it owed are never sent. */
  private generation = 0;
  /** Bumped when its containers die with it: their pending exits never happen. */
  private lives = 0;
  private running = false;

  start(): void {
    this.running = true;
  }

  /**
   * docker stopped (or the machine went down): every container exits with it. containerd
   * stopped on a machine that stays up: only the daemon goes; its shims keep the containers
   * (containerd.service's KillMode=process) and it reconnects to them when it starts again.
   */
  stop(): void {
    this.running = false;
    this.waitingCni.clear();
    this.generation += 1;
    if (this.world.profile.runtime.containersOutliveService && this.world.up(this.node, this.net.now()))
      return;
    this.lives += 1;
    const now = this.net.now();
    for (const [id, c] of this.state.containers)
      if (c.state === 'running')
        this.state.containers.set(id, { ...c, state: 'exited', exitCode: 137, finishedAt: now });
    for (const [id, s] of this.state.sandboxes) this.state.sandboxes.set(id, { ...s, ready: false });
  }

  tick(): void {}

  receive(m: Message): void {
    if (m.kind === 'cni.result') {
      const r = m.body as CniReply;
      const cb = this.waitingCni.get(r.reqId);
      this.waitingCni.delete(r.reqId);
      cb?.(r);
      return;
    }
    if (m.kind.startsWith('cri.')) this.serve(m);
  }

  /** Answer after `after` ms of work, unless docker stops (or the machine dies) meanwhile. */
  private reply(m: Message, reqId: number, result: CriResult, summary: string, after: number): void {
    const body: CriReply = { reqId, result };
    const generation = this.generation;
    this.net.later(after, () => {
      if (generation !== this.generation) return;
      this.net.send(this.id, m.from, 'cri.result', summary, body, {
        ...(m.envelope.subject ? { subject: m.envelope.subject } : {}),
      });
    });
  }

  private nextId(prefix: string): string {
    this.state.seq += 1;
    // Docker's IDs are 64 hex digits; `docker ps` shows the first 12.
    return `${prefix}${dockerId(this.rng.string('0123456789abcdef', 12))}`;
  }

  private serve(m: Message): void {
    const { reqId, call } = m.body as CriRequest;
    const s = this.state;
    switch (call.op) {
      case 'list':
        this.reply(
          m,
          reqId,
          { ok: true, sandboxes: [...s.sandboxes.values()], containers: [...s.containers.values()] },
          `${s.containers.size} containers`,
          2,
        );
        return;
      case 'runPodSandbox': {
        const pod = call.pod;
        const id = this.nextId('');
        const host = this.world.host(this.node);
        if (pod.spec.hostNetwork) {
          const sandbox: SandboxInfo = {
            id,
            podUid: pod.metadata.uid,
            podName: pod.metadata.name,
            ip: host?.ip ?? '',
            ready: true,
          };
          s.sandboxes.set(id, sandbox);
          this.reply(
            m,
            reqId,
            { ok: true, sandbox },
            `sandbox ${id.slice(0, 12)} (host network)`,
            this.rng.between(200, 400),
          );
          return;
        }
        if (!host?.cniInstalled) {
          const message =
            'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized';
          this.reply(
            m,
            reqId,
            { ok: false, reason: 'FailedCreatePodSandBox', message },
            'network plugin is not ready',
            this.rng.between(100, 300),
          );
          return;
        }
        const cniReq = this.cniReq++;
        this.waitingCni.set(cniReq, (r) => {
          if (!r.ip) {
            this.reply(
              m,
              reqId,
              {
                ok: false,
                reason: 'FailedCreatePodSandBox',
                message: `networkPlugin cni failed to set up pod "${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}" network: ${r.error}`,
              },
              `error: ${r.error}`,
              50,
            );
            return;
          }
          const sandbox: SandboxInfo = {
            id,
            podUid: pod.metadata.uid,
            podName: pod.metadata.name,
            ip: r.ip,
            ready: true,
          };
          s.sandboxes.set(id, sandbox);
          this.reply(
            m,
            reqId,
            { ok: true, sandbox },
            `sandbox ready, IP ${r.ip}`,
            this.rng.between(100, 300),
          );
        });
        const add: CniAdd = {
          reqId: cniReq,
          node: this.node,
          sandboxId: id,
          pod: pod.metadata.name,
          namespace: pod.metadata.namespace ?? 'default',
        };
        this.net.send(this.id, CNI, 'cni.add', `ADD ${pod.metadata.name} on ${this.node}`, add, {
          subject: `pods/${pod.metadata.name}`,
        });
        return;
      }
      case 'imageStatus':
        this.reply(m, reqId, { ok: true, present: s.images.has(imageKey(call.image)) }, 'ImageStatus', 5);
        return;
      case 'pullImage': {
        const image = call.image;
        if (this.world.imagePullFails(image, this.node)) {
          const message = `rpc error: code = Unknown desc = Error response from daemon: pull access denied for ${image}, repository does not exist or may require 'docker login'`;
          this.reply(
            m,
            reqId,
            { ok: false, reason: 'ErrImagePull', message },
            `pull ${image} failed`,
            this.rng.between(1000, 2500),
          );
          return;
        }
        const found = lookupImage(image);
        if (!found.ok) {
          this.reply(
            m,
            reqId,
            { ok: false, reason: found.reason, message: found.message },
            `pull ${image} failed`,
            this.rng.between(1000, 2500),
          );
          return;
        }
        const present = s.images.has(imageKey(image));
        s.images.add(imageKey(image));
        // Layers already on the machine: the registry is only asked for the manifest.
        const after = present
          ? this.rng.between(800, 1500)
          : pullMs(found.image.sizeMB, this.rng.between(3000, 6000));
        if (!present) this.state.pullingUntil.set(imageKey(image), this.net.now() + after);
        this.reply(m, reqId, { ok: true, pulled: 'pulled' }, `pulled ${image}`, after);
        return;
      }
      case 'createContainer': {
        const id = this.nextId('');
        const info = lookupImage(call.container.image);
        const sb = s.sandboxes.get(call.sandboxId);
        s.containers.set(id, {
          id,
          sandboxId: call.sandboxId,
          podUid: call.pod.metadata.uid,
          podName: call.pod.metadata.name,
          podNamespace: call.pod.metadata.namespace ?? 'default',
          name: call.container.name,
          image: call.container.image,
          state: 'created',
          ...(info.ok ? { process: processOf(info.image, call.container, call.pod.metadata.name) } : {}),
        });
        this.reply(
          m,
          reqId,
          sb
            ? { ok: true, containerId: id }
            : { ok: false, reason: 'CreateContainerError', message: 'sandbox not found' },
          `container ${id.slice(0, 12)} created`,
          this.rng.between(100, 300),
        );
        return;
      }
      case 'startContainer': {
        const c = s.containers.get(call.containerId);
        if (!c) {
          this.reply(
            m,
            reqId,
            { ok: false, reason: 'RunContainerError', message: 'container not found' },
            'not found',
            20,
          );
          return;
        }
        const startedAt = this.net.now() + 150;
        if (c.process?.kind === 'cannotRun') {
          s.containers.set(c.id, { ...c, state: 'exited', exitCode: 127, startedAt, finishedAt: startedAt });
          this.reply(
            m,
            reqId,
            {
              ok: false,
              reason: 'RunContainerError',
              message: `failed to start container "${c.id}": Error response from daemon: ${c.process.message}`,
            },
            'cannot run',
            160,
          );
          return;
        }
        s.containers.set(c.id, { ...c, state: 'running', startedAt });
        // calico-node's install-cni step writes /etc/cni/net.d on its node: from now on pods there get IPs.
        const host = this.world.host(this.node);
        // Docker Hub's calico/node (the first edition's) or quay.io's (the second's).
        if (host && /^(quay\.io\/)?calico\/node(:|$)/.test(c.image)) host.cniInstalled = true;
        this.net.send(
          this.id,
          podsId(this.node),
          'container.started',
          `${c.podName}/${c.name} running`,
          { podUid: c.podUid },
          { subject: `pods/${c.podName}` },
        );
        this.reply(m, reqId, { ok: true, containerId: c.id }, `container ${c.id.slice(0, 12)} started`, 160);
        if (this.world.crashes(c.podName)) {
          const lifetime = this.rng.between(1000, 3000);
          // The container's own process ends it; the runtime notices and tells the kubelet.
          const died: ContainerDied = { podUid: c.podUid, containerId: c.id, exitCode: 1 };
          this.exitLater(c.id, lifetime, died);
        } else if (c.process?.kind === 'exits') {
          const died: ContainerDied = { podUid: c.podUid, containerId: c.id, exitCode: c.process.exitCode };
          this.exitLater(c.id, 150 + c.process.afterMs, died);
        }
        return;
      }
      case 'stopContainer': {
        const c = s.containers.get(call.containerId);
        const after = this.rng.between(300, 900);
        if (c && c.state === 'running')
          s.containers.set(c.id, { ...c, state: 'exited', exitCode: 0, finishedAt: this.net.now() + after });
        if (c)
          this.net.send(
            this.id,
            podsId(this.node),
            'container.stop',
            `SIGTERM ${c.podName}/${c.name}`,
            {},
            { subject: `pods/${c.podName}`, latency: 100 },
          );
        this.reply(m, reqId, { ok: true }, `container ${call.containerId.slice(0, 12)} stopped`, after);
        return;
      }
      case 'stopPodSandbox': {
        const sb = s.sandboxes.get(call.sandboxId);
        s.sandboxes.delete(call.sandboxId);
        for (const [id, c] of s.containers) if (c.sandboxId === call.sandboxId) s.containers.delete(id);
        if (sb && !sb.ip.startsWith('192.168.'))
          this.net.send(this.id, CNI, 'cni.del', `DEL ${sb.podName}`, {
            reqId: 0,
            sandboxId: call.sandboxId,
          });
        this.reply(m, reqId, { ok: true }, 'sandbox removed', this.rng.between(100, 300));
        return;
      }
    }
  }

  private exitLater(_containerId: string, after: number, died: ContainerDied): void {
    const lives = this.lives;
    this.net.later(after, () => {
      if (lives === this.lives) this.exited(died);
    });
  }

  /** A container process ended on its own. */
  exited(died: ContainerDied): void {
    const c = this.state.containers.get(died.containerId);
    if (c?.state !== 'running') return;
    this.state.containers.set(c.id, {
      ...c,
      state: 'exited',
      exitCode: died.exitCode,
      finishedAt: this.net.now(),
    });
    // With containerd down its shim keeps the exit; the kubelet finds it at its next relist.
    if (!this.running) return;
    this.net.send(
      this.id,
      kubeletId(this.node),
      'cri.event.died',
      `${c.podName}/${c.name} exited (${died.exitCode})`,
      {
        ...died,
        ...(c.startedAt !== undefined ? { startedAt: c.startedAt } : {}),
        finishedAt: this.net.now(),
      },
      { subject: `pods/${c.podName}` },
    );
  }
}
