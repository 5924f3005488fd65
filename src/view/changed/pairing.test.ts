// The pairing of the "what changed" view: the same machine and line in the other lab,
// and two terminals' lines set side by side.
import { describe, expect, it } from 'vitest';
import type { RecordedInput } from '../../player';
import { profiles } from '../../sim/profiles';
import type { SimMs } from '../../sim/units';
import { changedWords, hostIn, inputIn, lineIn, pairLines } from './pairing';

const book = profiles['1.18'];
const second = profiles['1.36'];
const at = 1000 as SimMs;

describe('the same command in the other lab', () => {
  it('renames the control plane and keeps the workers', () => {
    expect(hostIn(second, book, 'm-k8s')).toBe('cp-k8s');
    expect(hostIn(book, second, 'cp-k8s')).toBe('m-k8s');
    expect(hostIn(second, book, 'w2-k8s')).toBe('w2-k8s');
    expect(hostIn(book, book, 'm-k8s')).toBe('m-k8s');
  });

  it('swaps the master’s name where it is a word of the line, and nowhere else', () => {
    expect(lineIn(second, book, 'kubectl describe node m-k8s | grep Taints')).toBe(
      'kubectl describe node cp-k8s | grep Taints',
    );
    expect(lineIn(second, book, 'ssh m-k8s')).toBe('ssh cp-k8s');
    expect(lineIn(second, book, 'ping -c 1 m-k8s.')).toBe('ping -c 1 cp-k8s.');
    expect(lineIn(second, book, 'curl root@m-k8s:6443')).toBe('curl root@cp-k8s:6443');
    expect(lineIn(book, second, 'kubectl get node cp-k8s -o wide')).toBe('kubectl get node m-k8s -o wide');
    // Not a part of a longer name, not a file name that only contains it.
    expect(lineIn(second, book, 'cat /tmp/hm-k8s /tmp/m-k8s_old x.m-k8s')).toBe(
      'cat /tmp/hm-k8s /tmp/m-k8s_old x.m-k8s',
    );
    expect(lineIn(second, book, 'kubectl get nodes w2-k8s')).toBe('kubectl get nodes w2-k8s');
    expect(lineIn(second, second, 'kubectl describe node {master}')).toBe('kubectl describe node cp-k8s');
  });

  it('moves the timeline’s inputs to the other lab’s machines: lines, windows, Ctrl+C, faults', () => {
    const inputs: RecordedInput[] = [
      { at, host: 'm-k8s', line: 'kubectl cordon m-k8s', tab: 'm-k8s' },
      { at, host: 'w2-k8s', line: 'systemctl stop kubelet', tab: 'w2-k8s' },
      { at, host: 'm-k8s', interrupt: true },
      { at, fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false },
      { at, fault: { id: 'power', target: 'm-k8s' }, heal: true },
      { at, fault: { id: 'scheduler' }, heal: false },
    ];
    expect(inputs.map((i) => inputIn(second, book, i))).toEqual([
      { at, host: 'cp-k8s', line: 'kubectl cordon cp-k8s', tab: 'cp-k8s' },
      { at, host: 'w2-k8s', line: 'systemctl stop kubelet', tab: 'w2-k8s' },
      { at, host: 'cp-k8s', interrupt: true },
      { at, fault: { id: 'kubelet', target: 'w2-k8s' }, heal: false },
      { at, fault: { id: 'power', target: 'cp-k8s' }, heal: true },
      { at, fault: { id: 'scheduler' }, heal: false },
    ]);
    // And back again, to the same inputs.
    expect(inputs.map((i) => inputIn(book, second, inputIn(second, book, i)))).toEqual(inputs);
  });
});

describe('two terminals side by side', () => {
  const left = [
    '[root@m-k8s ~]# kubectl get nodes',
    'NAME     STATUS   ROLES    AGE   VERSION',
    'm-k8s    Ready    master   29m   v1.18.4',
    'w1-k8s   Ready    <none>   28m   v1.18.4',
  ];
  const right = [
    'root@cp-k8s:~# kubectl get nodes',
    'NAME     STATUS   ROLES           AGE   VERSION',
    'cp-k8s   Ready    control-plane   29m   v1.36.0',
    'w1-k8s   Ready    <none>          28m   v1.36.0',
  ];

  it('pairs the answer to the same command row by row, every changed line marked', () => {
    const rows = pairLines(left, right);
    expect(rows).toHaveLength(4);
    // The header differs only in its padding (ROLES is wider): the same words, the same line.
    expect(rows.map((r) => r.same)).toEqual([false, true, false, false]);
    expect(rows.map((r) => [r.left, r.right])).toEqual(left.map((l, i) => [l, right[i]]));
  });

  it('keeps the lines both print on one row and puts a line only one prints on a row of its own', () => {
    const rows = pairLines(
      [
        '$ kubectl delete pod nginx-pod',
        'pod "nginx-pod" deleted',
        '$ kubectl get pods',
        'No resources found in default namespace.',
      ],
      [
        '$ kubectl delete pod nginx-pod',
        'pod "nginx-pod" deleted from default namespace',
        '$ kubectl get pods',
        'No resources found in default namespace.',
        'extra',
      ],
    );
    expect(rows).toEqual([
      { left: '$ kubectl delete pod nginx-pod', right: '$ kubectl delete pod nginx-pod', same: true },
      {
        left: 'pod "nginx-pod" deleted',
        right: 'pod "nginx-pod" deleted from default namespace',
        same: false,
      },
      { left: '$ kubectl get pods', right: '$ kubectl get pods', same: true },
      {
        left: 'No resources found in default namespace.',
        right: 'No resources found in default namespace.',
        same: true,
      },
      { right: 'extra', same: false },
    ]);
    // Lines only on the left: rows with nothing on the right.
    expect(pairLines(['a', 'b', 'c'], ['a', 'c'])).toEqual([
      { left: 'a', right: 'a', same: true },
      { left: 'b', same: false },
      { left: 'c', right: 'c', same: true },
    ]);
    expect(pairLines([], [])).toEqual([]);
  });

  it('marks the words that differ in a changed line, not the columns’ padding', () => {
    const w = changedWords(left[2] as string, right[2] as string);
    expect(w.left.filter((p) => p.changed).map((p) => p.text)).toEqual(['m-k8s', 'master', 'v1.18.4']);
    expect(w.right.filter((p) => p.changed).map((p) => p.text)).toEqual([
      'cp-k8s',
      'control-plane',
      'v1.36.0',
    ]);
    // The parts put together are the lines themselves.
    expect(w.left.map((p) => p.text).join('')).toBe(left[2]);
    expect(w.right.map((p) => p.text).join('')).toBe(right[2]);
  });
});
