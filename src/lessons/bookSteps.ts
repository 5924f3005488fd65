// Which messages make up the book's steps of pod creation. The simulation knows nothing
// of the book: every message carries its cause (the message whose handling sent it), and
// this table reads the steps off the kinds, the components and the causes.
import type { BookStep, Envelope } from '../sim';

interface Context {
  /** The step of the message that caused this one. */
  readonly cause: BookStep | undefined;
  /** The first message of its kind between these two components about this object (not a restart's). */
  readonly first: boolean;
}

interface Rule {
  readonly kind: string | RegExp;
  readonly from?: RegExp;
  readonly to?: RegExp;
  readonly step: (c: Context) => BookStep | undefined;
}

const onFirst =
  (step: BookStep) =>
  ({ first }: Context): BookStep | undefined =>
    first ? step : undefined;
const same = ({ cause }: Context) => cause;

/** The book's eight steps as message patterns (DESIGN: the book lives in the lessons). */
export const BOOK_STEP_RULES: readonly Rule[] = [
  // (1) kubectl asks the API server for a pod (or a Deployment).
  { kind: /^api\.create\.(pods|deployments)$/, from: /^kubectl@/, step: () => 1 },
  // (2) the API server writes it to etcd and is told it is written — and so on every later change.
  { kind: /^etcd\.(txn|range)$/, from: /^apiserver$/, step: ({ cause }) => (cause === 1 ? 2 : cause) },
  { kind: 'etcd.result', step: same },
  // (3) the controller manager hears of the new pod.
  {
    kind: 'watch.pods.added',
    to: /^controller-manager$/,
    step: ({ cause }) => (cause === 2 ? 3 : undefined),
  },
  // (4) the scheduler hears of a pod without a node and binds it.
  { kind: 'watch.pods.added', to: /^scheduler$/, step: ({ cause }) => (cause === 2 ? 4 : undefined) },
  { kind: 'api.bind.pods', step: () => 4 },
  // (5) the node's kubelet takes the pod (a kubelet that starts again takes its pods anew) and reports it.
  { kind: 'watch.pods.added', to: /^kubelet@/, step: () => 5 },
  {
    kind: 'api.updateStatus.pods',
    from: /^kubelet@/,
    // (8) the report that the container runs is the kubelet's answer to step 7.
    step: ({ cause, first }) => (cause === 7 ? 8 : first ? 5 : undefined),
  },
  // (6) the kubelet asks the runtime for the sandbox (and Calico for its IP) and the image.
  { kind: 'cri.runPodSandbox', step: onFirst(6) },
  { kind: /^cni\.(add|result)$/, step: ({ cause, first }) => (cause === 6 || first ? 6 : undefined) },
  { kind: 'cri.pullImage', step: onFirst(6) },
  // (7) the container is created and started.
  { kind: 'cri.createContainer', step: onFirst(7) },
  { kind: 'cri.startContainer', step: onFirst(7) },
  { kind: 'container.started', step: onFirst(7) },
  { kind: 'cri.result', step: same },
  // Every answer of the API server belongs to the step of its request (BookStepReader.requestStep).
];

function matches(rule: Rule, e: Envelope): boolean {
  const kind = typeof rule.kind === 'string' ? rule.kind === e.kind : rule.kind.test(e.kind);
  return kind && (!rule.from || rule.from.test(e.from)) && (!rule.to || rule.to.test(e.to));
}

/** Reads the steps of a growing trace, message by message, in order. */
export class BookStepReader {
  private readonly steps = new Map<number, BookStep>();
  private readonly byId = new Map<number, Envelope>();
  private readonly seen = new Set<string>();
  private fed = 0;

  /** The step of every message so far (by id), reading only the messages not read before. */
  read(envelopes: readonly Envelope[]): ReadonlyMap<number, BookStep> {
    if (envelopes.length < this.fed) this.reset();
    for (let i = this.fed; i < envelopes.length; i++) this.feed(envelopes[i] as Envelope);
    this.fed = envelopes.length;
    return this.steps;
  }

  stepOf(e: Envelope): BookStep | undefined {
    return this.steps.get(e.id);
  }

  private reset(): void {
    this.steps.clear();
    this.byId.clear();
    this.seen.clear();
    this.fed = 0;
  }

  private feed(e: Envelope): void {
    this.byId.set(e.id, e);
    const cause = e.cause === undefined ? undefined : this.steps.get(e.cause);
    let step: BookStep | undefined;
    if (e.kind === 'api.response') step = this.requestStep(e);
    else {
      // A kubelet that starts again (it opens its pod watch anew) starts its pods as the first time.
      if (/^api\.(watch|list)\.pods$/.test(e.kind) && e.from.startsWith('kubelet@'))
        this.forget(e.from.slice(8));
      const key = `${e.kind}|${e.from}|${e.to}|${e.subject ?? ''}`;
      const first = !this.seen.has(key);
      this.seen.add(key);
      step = BOOK_STEP_RULES.find((r) => matches(r, e))?.step({ cause, first });
    }
    if (step !== undefined) this.steps.set(e.id, step);
  }

  private forget(node: string): void {
    const here = new RegExp(`\\|(kubelet|runtime|pods)@${node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\|`);
    for (const key of [...this.seen]) if (here.test(`|${key}`)) this.seen.delete(key);
  }

  /** An answer belongs to the step of the request it answers: the nearest cause its receiver sent. */
  private requestStep(e: Envelope): BookStep | undefined {
    let c = e.cause === undefined ? undefined : this.byId.get(e.cause);
    for (let depth = 0; c && depth < 8; depth++) {
      if (c.from === e.to) return this.steps.get(c.id);
      c = c.cause === undefined ? undefined : this.byId.get(c.cause);
    }
    return undefined;
  }
}

const readers = new WeakMap<readonly Envelope[], BookStepReader>();

/**
 * The book's step of message `e` of trace `envelopes` (the trace's own array, which only
 * grows; a fork makes a new one). Each trace is read once, incrementally.
 */
export function bookStepOf(envelopes: readonly Envelope[], e: Envelope): BookStep | undefined {
  let reader = readers.get(envelopes);
  if (!reader) {
    reader = new BookStepReader();
    readers.set(envelopes, reader);
  }
  return reader.read(envelopes).get(e.id);
}
