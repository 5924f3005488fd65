import { describe, expect, it } from 'vitest';
import { shellNeeded } from './shellGate';

const hidden = { terminal: false, autoplay: false, faults: '', step: null };

async function isOpen(gate: { opened: Promise<void> }): Promise<boolean> {
  let open = false;
  void gate.opened.then(() => {
    open = true;
  });
  await Promise.resolve();
  await Promise.resolve();
  return open;
}

describe("when the element asks for the shells' code", () => {
  it('waits while only the lab at its first moment is shown (terminal hidden, no step, faults or autoplay)', async () => {
    expect(await isOpen(shellNeeded(hidden))).toBe(false);
    expect(await isOpen(shellNeeded({ ...hidden, step: '0' }))).toBe(false);
    expect(await isOpen(shellNeeded({ ...hidden, faults: '  ' }))).toBe(false);
  });

  it('asks at once for a shown terminal, autoplay, faults or a later step', async () => {
    expect(await isOpen(shellNeeded({ ...hidden, terminal: true }))).toBe(true);
    expect(await isOpen(shellNeeded({ ...hidden, autoplay: true }))).toBe(true);
    expect(await isOpen(shellNeeded({ ...hidden, faults: 'kubelet@w2-k8s' }))).toBe(true);
    expect(await isOpen(shellNeeded({ ...hidden, step: '3' }))).toBe(true);
  });

  it('asks once opened by hand (a method, a pointer, a key)', async () => {
    const gate = shellNeeded(hidden);
    gate.open();
    gate.open();
    expect(await isOpen(gate)).toBe(true);
  });
});
