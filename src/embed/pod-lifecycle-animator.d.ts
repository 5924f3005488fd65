// Types of dist/embed/pod-lifecycle-animator.js (DESIGN contract 2), shipped beside it.
// The script loads the rest of the element from dist/embed/chunks/, beside itself.
// Times are milliseconds of cluster time.

export interface StepDetail {
  /** The book's step on screen (0 before step 1). */
  readonly step: number;
  readonly of: number;
}

export interface MessageDetail {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  /** 'api.create.pods', 'etcd.put', 'watch.pods.added', 'cri.pull', ... */
  readonly kind: string;
  readonly summary: string;
  /** 1–8 when the message is one of the book's numbered arrows. */
  readonly bookStep?: number;
  readonly sentAt: number;
  readonly deliverAt: number;
}

export interface FaultDetail {
  /** 'kubelet', 'docker', 'br_netfilter', 'power', 'apiserver', 'etcd', 'scheduler', ... */
  readonly fault: string;
  readonly target?: string;
  /** false when injected, true when healed. */
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

export interface PodLifecycleAnimatorEventMap extends HTMLElementEventMap {
  /** The step on screen changed. */
  step: CustomEvent<StepDetail>;
  /** A message left a component while playing (a jump does not report the messages it skips). */
  message: CustomEvent<MessageDetail>;
  /** A fault was injected or healed, by a method or from the lab panel. */
  fault: CustomEvent<FaultDetail>;
  /** Play, pause, speed or the timeline's length changed. */
  statechange: CustomEvent<StateDetail>;
  /**
   * The lesson and the shells have loaded; methods answer without waiting from now on.
   * With terminal="hide" the shells load only when first wanted (a method call, autoplay,
   * faults, a step, the reader's pointer or keys on the element), and `ready` follows.
   */
  ready: CustomEvent<StateDetail>;
}

/**
 * `<pod-lifecycle-animator lesson="pod-create" step="3" lang="en" speed="1" autoplay
 * theme="light|dark|projector" view="book|watch" faults="kubelet@w2-k8s" seed="1" profile="1.18|1.36"
 * controls="show|hide" terminal="show|hide" height="480" poster="none">`
 *
 * Every method wakes the element if it still shows its poster and waits for the lesson.
 * Until its chunks have come the element shows a poster or the lab's first moment.
 *
 * Errors: an argument of the wrong kind rejects at once with a `TypeError` naming the
 * method and the parameter (`run(line, host): line must be a string`, `seek(ms): ms must
 * be a finite number`; a line is at most 4,096 characters, a fault, target or host 128).
 * At most 16 calls wait at once (they run one at a time, in order); more reject with a
 * `BusyError` (`name: 'BusyError'`, `code: 'busy'`). A command's own failure is its
 * output, as in a terminal; an unknown host or fault rejects with an `Error` in words.
 */
export declare class PodLifecycleAnimator extends HTMLElement {
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Plays `delta` steps on (negative: back); resolves to the step shown. */
  step(delta?: number): Promise<number>;
  /** Shows step `n` from its start, paused. */
  goToStep(n: number): Promise<number>;
  seek(ms: number): Promise<void>;
  inject(fault: string, target?: string): Promise<void>;
  heal(fault: string, target?: string): Promise<void>;
  /** Types `commandLine` on `host` (default the master: 'm-k8s', or 'cp-k8s' with profile="1.36") and resolves to what it printed. */
  run(commandLine: string, host?: string): Promise<string>;
  state(): Promise<StateDetail>;
  addEventListener<K extends keyof PodLifecycleAnimatorEventMap>(
    type: K,
    listener: (this: PodLifecycleAnimator, ev: PodLifecycleAnimatorEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'pod-lifecycle-animator': PodLifecycleAnimator;
  }
}
