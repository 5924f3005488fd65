// free under 1.36: Ubuntu 24.04's procps-ng 4.0.4 lays it out (labels in 9 columns, Gi/Mi
// units; as a real 4.x free prints `Mem:            15Gi       504Mi …`), over the second
// edition's VM sizes (cp-k8s 4096 MB, the workers 2048 MB).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';

describe('free under 1.36', () => {
  it('is procps 4’s, over the second edition’s memory', () => {
    const s = new Session({ seed: 1, profile: '1.36' });
    const [head, mem, swap] = runAt(s, 'cp-k8s', 'free -h').text.split('\n');
    expect(head).toBe('               total        used        free      shared  buff/cache   available');
    expect(mem).toMatch(/^Mem: {11}3\.8Gi( +\d+(\.\d)?[KMG]i){5}$/);
    expect(swap).toBe('Swap:             0B          0B          0B');
    expect(runAt(s, 'w1-k8s', 'free -h').text.split('\n')[1]).toMatch(/^Mem: {11}1\.9Gi /);
    // In MiB, as -m prints it.
    expect(runAt(s, 'cp-k8s', 'free -m').text.split('\n')[1]).toMatch(/^Mem: {12}3917 /);
  });

  it('stays procps 3.3.10’s in the book’s lab', () => {
    const s = new Session({ seed: 1 });
    expect(runAt(s, 'm-k8s', 'free -h').text.split('\n')[0]).toBe(
      '              total        used        free      shared  buff/cache   available',
    );
    expect(runAt(s, 'm-k8s', 'free -h').text.split('\n')[1]).toMatch(/^Mem: {11}2\.9G /);
  });
});
