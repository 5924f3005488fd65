// The events an embed sends (DOM events of the element, `event` messages of the
// iframe), with their `detail`. Times are cluster milliseconds.

export interface StepDetail {
  /** The book's step on screen, 0 before the first. */
  readonly step: number;
  readonly of: number;
}

export interface MessageDetail {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  /** Dot-namespaced: 'api.create.pods', 'etcd.put', 'watch.pods.added', ... */
  readonly kind: string;
  readonly summary: string;
  /** The book's step number (1–8) when the message is one of its arrows. */
  readonly bookStep?: number;
  readonly sentAt: number;
  readonly deliverAt: number;
}

export interface FaultDetail {
  /** A fault id of the catalog: 'kubelet', 'apiserver', 'br_netfilter', ... */
  readonly fault: string;
  readonly target?: string;
  /** false: injected; true: healed. */
  readonly heal: boolean;
  readonly at: number;
}

export interface StateDetail {
  readonly playing: boolean;
  readonly speed: number;
  readonly now: number;
  readonly end: number;
  readonly step: number;
}

export interface EmbedEvents {
  step: StepDetail;
  message: MessageDetail;
  fault: FaultDetail;
  statechange: StateDetail;
  /** The lesson has loaded and every method works without waiting. */
  ready: StateDetail;
}

export type Emit = <K extends keyof EmbedEvents>(type: K, detail: EmbedEvents[K]) => void;
