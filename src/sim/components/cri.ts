// The CRI calls between a kubelet and its node's container runtime, as message bodies.
import type { LogEntry } from '../containerLogs';
import type { Process } from '../containerProcess';
import type { Container, Pod } from '../objects';

export type CriCall =
  | { readonly op: 'runPodSandbox'; readonly pod: Pod }
  | { readonly op: 'pullImage'; readonly image: string; readonly pod: string }
  | { readonly op: 'imageStatus'; readonly image: string }
  | {
      readonly op: 'createContainer';
      readonly sandboxId: string;
      readonly pod: Pod;
      readonly container: Container;
    }
  | { readonly op: 'startContainer'; readonly containerId: string }
  | { readonly op: 'stopContainer'; readonly containerId: string; readonly graceMs: number }
  | { readonly op: 'stopPodSandbox'; readonly sandboxId: string }
  | { readonly op: 'list' };

export interface CriRequest {
  readonly reqId: number;
  readonly call: CriCall;
}

export interface SandboxInfo {
  readonly id: string;
  readonly podUid: string;
  readonly podName: string;
  readonly ip: string;
  readonly ready: boolean;
}

export interface ContainerInfo {
  readonly id: string;
  readonly sandboxId: string;
  readonly podUid: string;
  readonly podName: string;
  readonly podNamespace: string;
  readonly name: string;
  readonly image: string;
  readonly state: 'created' | 'running' | 'exited';
  readonly exitCode?: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** What its main process does and prints. */
  readonly process?: Process;
  /** Lines written to it from outside its own program (nginx's access log). */
  readonly extraLogs?: readonly LogEntry[];
}

export type CriResult =
  | {
      readonly ok: true;
      readonly sandbox?: SandboxInfo;
      readonly containerId?: string;
      readonly sandboxes?: readonly SandboxInfo[];
      readonly containers?: readonly ContainerInfo[];
      readonly pulled?: 'pulled' | 'present';
      /** imageStatus: whether the image is on the machine. */
      readonly present?: boolean;
    }
  | { readonly ok: false; readonly reason: string; readonly message: string };

export interface CriReply {
  readonly reqId: number;
  readonly result: CriResult;
}

/** Pushed by the runtime when a container exits (what PLEG's relist would find). */
export interface ContainerDied {
  readonly podUid: string;
  readonly containerId: string;
  readonly exitCode: number;
  /** When the process started and ended, as docker records them. */
  readonly startedAt?: number;
  readonly finishedAt?: number;
}
