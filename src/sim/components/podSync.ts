// The kubelet's syncPod for one pod worker, step by step as kuberuntime's SyncPod
// does it: decide whether a dead container may start again (restartPolicy and the
// crash back-off), make the sandbox, make sure the image is there (pull policy and
// the pull back-off), create and start the container. Each step is one CRI call;
// the decisions are the pure rules of podWorkerRules.ts.
import { imageNameError, lookupImage } from '../images';
import type { Pod } from '../objects';
import type { Profile } from '../profiles';
import { profile118 } from '../profiles/v1_18';
import type { Rng } from '../rng';
import type { ContainerDied, CriCall, CriResult } from './cri';
import type { PodWorker } from './kubeletStatus';
import type { RestartPolicy } from './podWorkerRules';
import {
  inBackoffSince,
  inBackoffSinceUpdate,
  nextBackoff,
  pullDecision,
  REQUEUE_MS,
  shouldRestart,
} from './podWorkerRules';

/**
 * The kubelet's reference to a pod's container (kubecontainer.GenerateContainerRef): its
 * events name the container by field path, which `get events -o wide` shows as SUBOBJECT.
 */
export function containerRef(pod: Pod, name = pod.spec.containers[0]?.name ?? ''): string {
  return `spec.containers{${name}}`;
}

export interface SyncHost {
  now(): number;
  readonly rng: Rng;
  cri(call: CriCall, summary: string, onResult: (r: CriResult) => void, subject?: string): void;
  /** `fieldPath`: the container the event is about (`spec.containers{nginx}`); none for the pod's sandbox. */
  event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  report(w: PodWorker): void;
  /** Sync the worker again after `ms` (if it is still the same worker and idle). */
  retry(w: PodWorker, ms: number): void;
  /** PLEG: the container is gone. */
  died(d: ContainerDied): void;
  /** The lab's version: the wording of the kubelet's events. */
  readonly profile?: Profile;
}

export const restartPolicyOf = (pod: Pod): RestartPolicy => pod.spec.restartPolicy ?? 'Always';

/** Go's time.Duration.String for whole seconds: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

const podKey = (pod: Pod) =>
  `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`;

export class PodSync {
  constructor(private readonly host: SyncHost) {}

  /** An event about the pod's container, named by its field path. */
  private containerEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.host.event(pod, type, reason, message, containerRef(pod));
  }

  /** The sync failed or waits: the pod worker requeues it after backOffPeriod with jitter. */
  private requeue(w: PodWorker): void {
    w.busy = false;
    const ms = REQUEUE_MS + this.host.rng.between(0, REQUEUE_MS / 2);
    w.retryAt = this.host.now() + ms;
    this.host.retry(w, ms);
    this.host.report(w);
  }

  /** Starts the pod's container if it should run and may run now; false when nothing was to do. */
  run(w: PodWorker): void {
    const now = this.host.now();
    const pod = w.pod;
    const container = pod.spec.containers[0];
    if (!container || w.running || w.done || now < w.retryAt) return;
    if (w.exited) {
      if (!shouldRestart(restartPolicyOf(pod), w.exited.exitCode)) {
        w.done = true;
        this.host.report(w);
        return;
      }
      if (inBackoffSince(w.crashBackoff, w.exited.finishedAt, now)) {
        this.containerEvent(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
        w.waiting = {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(w.crashBackoff?.backoffMs ?? 0)} restarting failed container=${container.name} pod=${podKey(pod)}`,
        };
        this.requeue(w);
        return;
      }
      w.crashBackoff = nextBackoff(w.crashBackoff, w.exited.finishedAt, now);
    }
    w.busy = true;
    if (w.sandbox) this.ensureImage(w);
    else this.sandbox(w);
  }

  private sandbox(w: PodWorker): void {
    const pod = w.pod;
    this.host.cri(
      { op: 'runPodSandbox', pod },
      `RunPodSandbox ${pod.metadata.name}`,
      (r) => {
        if (!r.ok || !r.sandbox) {
          const message = r.ok ? 'no sandbox' : `Failed create pod sandbox: ${r.message}`;
          this.host.event(pod, 'Warning', 'FailedCreatePodSandBox', message);
          w.waiting = { reason: 'ContainerCreating', message };
          this.requeue(w);
          return;
        }
        w.sandbox = r.sandbox;
        if (w.restartCount > 0 || w.pod.status.podIP !== r.sandbox.ip) this.host.report(w);
        this.ensureImage(w);
      },
      `pods/${pod.metadata.name}`,
    );
  }

  private ensureImage(w: PodWorker): void {
    const pod = w.pod;
    const container = pod.spec.containers[0];
    if (!container) return;
    const image = container.image;
    const invalid = imageNameError(image);
    if (invalid) {
      this.containerEvent(pod, 'Warning', 'InspectFailed', invalid);
      this.containerEvent(pod, 'Warning', 'Failed', 'Error: InvalidImageName');
      w.waiting = { reason: 'InvalidImageName', message: invalid };
      this.requeue(w);
      return;
    }
    const decide = (present: boolean) => {
      const d = pullDecision(container, present);
      if (d === 'present') {
        this.containerEvent(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
        this.create(w);
      } else if (d === 'neverPull') {
        const message = `Container image "${image}" is not present with pull policy of Never`;
        this.containerEvent(pod, 'Warning', 'ErrImageNeverPull', message);
        this.containerEvent(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
        w.waiting = { reason: 'ErrImageNeverPull', message };
        this.requeue(w);
      } else this.pull(w);
    };
    // Always needs no look at the machine: the registry is asked in any case.
    if (pullDecision(container, false) === 'pull' && pullDecision(container, true) === 'pull') decide(false);
    else
      this.host.cri({ op: 'imageStatus', image }, `ImageStatus ${image}`, (r) => decide(r.ok && !!r.present));
  }

  private pull(w: PodWorker): void {
    const pod = w.pod;
    const image = pod.spec.containers[0]?.image ?? '';
    const now = this.host.now();
    if (inBackoffSinceUpdate(w.pullBackoff, now)) {
      const message = `Back-off pulling image "${image}"`;
      this.containerEvent(pod, 'Normal', 'BackOff', message);
      this.containerEvent(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      w.waiting = { reason: 'ImagePullBackOff', message };
      this.requeue(w);
      return;
    }
    this.containerEvent(pod, 'Normal', 'Pulling', `Pulling image "${image}"`);
    const pullingAt = this.host.now();
    this.host.cri(
      { op: 'pullImage', image, pod: pod.metadata.name },
      `PullImage ${image}`,
      (r) => {
        if (!r.ok) {
          this.containerEvent(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${r.message}`);
          this.containerEvent(pod, 'Warning', 'Failed', 'Error: ErrImagePull');
          w.pullBackoff = nextBackoff(w.pullBackoff, this.host.now(), this.host.now());
          w.waiting = { reason: 'ErrImagePull', message: r.message };
          this.requeue(w);
          return;
        }
        const tookMs = this.host.now() - pullingAt;
        const found = lookupImage(image);
        const sizeBytes = found.ok ? Math.round(found.image.sizeMB * 1_000_000) : 0;
        this.containerEvent(
          pod,
          'Normal',
          'Pulled',
          (this.host.profile ?? profile118).kubelet.pulledMessage(image, tookMs, tookMs, sizeBytes),
        );
        this.create(w);
      },
      `pods/${pod.metadata.name}`,
    );
  }

  private create(w: PodWorker): void {
    const pod = w.pod;
    const container = pod.spec.containers[0];
    if (!container) return;
    const subject = `pods/${pod.metadata.name}`;
    this.host.cri(
      { op: 'createContainer', sandboxId: w.sandbox?.id ?? '', pod, container },
      `CreateContainer ${container.name}`,
      (r) => {
        if (!r.ok || !r.containerId) {
          const message = `Error: ${r.ok ? 'CreateContainerError' : r.message}`;
          this.containerEvent(pod, 'Warning', 'Failed', message);
          w.waiting = { reason: 'CreateContainerError', message };
          this.requeue(w);
          return;
        }
        // The new container counts the ones that died before it (kubelet's restartCount label).
        if (w.exited) {
          w.lastExit = w.exited;
          w.exited = undefined;
          w.restartCount += 1;
        }
        const id = r.containerId;
        this.containerEvent(
          pod,
          'Normal',
          'Created',
          (this.host.profile ?? profile118).kubelet.createdMessage(container.name),
        );
        this.host.cri(
          { op: 'startContainer', containerId: id },
          `StartContainer ${container.name}`,
          (r2) => {
            if (!r2.ok) {
              const at = this.host.now();
              this.containerEvent(pod, 'Warning', 'Failed', `Error: ${r2.message}`);
              w.exited = { exitCode: 127, startedAt: at, finishedAt: at, reason: 'ContainerCannotRun' };
              w.waiting = { reason: 'RunContainerError', message: r2.message };
              this.requeue(w);
              return;
            }
            w.busy = false;
            this.containerEvent(
              pod,
              'Normal',
              'Started',
              (this.host.profile ?? profile118).kubelet.startedMessage(container.name),
            );
            Object.assign(w, {
              containerId: id,
              running: true,
              startedAt: this.host.now(),
              waiting: undefined,
            });
            w.starts += 1;
            const early = w.diedEarly;
            w.diedEarly = undefined;
            // Gone before the first relist: its status goes from waiting straight to terminated.
            if (early?.containerId === id) return this.host.died(early);
            this.host.report(w);
          },
          subject,
        );
      },
      subject,
    );
  }
}
