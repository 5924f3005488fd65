// When the element asks for the shells' code (src/shell: kubectl, its printers, YAML).
// The lesson's own commands are typed into those shells, so everything past the lab's
// first moment needs them: a shown terminal, `autoplay`, `faults`, a `step`, any method
// call, a pointer over the element or a key in it. A docs page showing a still diagram
// with terminal="hide" never downloads them.

export interface FirstMoment {
  readonly terminal: boolean;
  readonly autoplay: boolean;
  readonly faults: string;
  readonly step: string | null;
}

export interface ShellGate {
  /** Settles once the shells' code is wanted. */
  readonly opened: Promise<void>;
  readonly open: () => void;
}

export function shellNeeded(first: FirstMoment): ShellGate {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const step = first.step?.trim() ?? '';
  if (first.terminal || first.autoplay || first.faults.trim() !== '' || (step !== '' && step !== '0')) open();
  return { opened, open };
}
