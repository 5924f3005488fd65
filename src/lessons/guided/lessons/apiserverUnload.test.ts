// The second edition's 3.1.6 (issue 18): the API server unloaded by moving its manifest and
// loaded back, walked as a student does it in both labs. What the transcript must show: the
// runtime's list (docker ps, crictl ps in the containerd lab) with the API server's container,
// kubectl refused once the kubelet has stopped it and the list without it, and after the
// manifest is back a new container, seconds old, while the pod object keeps its AGE.
import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../../../sim/profiles';
import { profiles } from '../../../sim/profiles';
import { walkLesson } from '../walk';
import { apiserverUnloadLesson, apiserverUnloadVersions } from './apiserverUnload';

function walk(profile: ProfileId) {
  const r = walkLesson(apiserverUnloadLesson, { profile, versions: apiserverUnloadVersions });
  if (!r.ok) throw new Error(r.message);
  const master = profiles[profile].master.name;
  const lines = r.jobs.map((j) => ({
    host: j.host,
    line: j.line,
    at: j.startedAt,
    out: j.output.map((o) => o.text).join('\n'),
  }));
  const typed = (line: string) => lines.filter((l) => l.line === line);
  return { r, master, lines, typed };
}

const REFUSED =
  'The connection to the server 192.168.1.10:6443 was refused - did you specify the right host or port?';

describe('lesson apiserver-unload (the second edition’s 3.1.6)', () => {
  it('in the containerd lab: cp-k8s, the book’s scripts read, crictl’s list without and with a new API server', () => {
    const { master, lines, typed } = walk('1.36');
    expect(master).toBe('cp-k8s');
    expect(new Set(lines.map((l) => l.host))).toEqual(new Set(['cp-k8s']));
    expect(lines.map((l) => l.line)).toEqual([
      'ls /etc/kubernetes/manifests',
      'kubectl get pods -n kube-system -o wide | grep kube-apiserver',
      'crictl ps | grep kube-apiserver',
      'cat ~/_Book_k8sInfra/ch3/3.1.6/unload-kube-apiserver.sh',
      'cp /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver-backup.yaml',
      'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver.yaml',
      'kubectl get pods -n kube-system',
      'crictl ps | grep kube-apiserver',
      'cat ~/_Book_k8sInfra/ch3/3.1.6/load-kube-apiserver.sh',
      'mv /tmp/kube-apiserver.yaml /etc/kubernetes/manifests/kube-apiserver.yaml',
      'kubectl get pods -n kube-system',
      'crictl ps | grep kube-apiserver',
    ]);
    const [before, during, after] = typed('crictl ps | grep kube-apiserver');
    // crictl's columns: CONTAINER IMAGE CREATED STATE NAME ATTEMPT POD ID POD NAMESPACE.
    const row =
      /^([0-9a-f]{13}) {7}[0-9a-f]{13} {7}(.+? ago) +Running {13}kube-apiserver {12}0 {19}([0-9a-f]{13}) {7}kube-apiserver-cp-k8s {21}kube-system$/;
    const first = row.exec(before?.out ?? '');
    expect(first?.[2]).toBe('28 minutes ago');
    expect(during?.out).toBe('');
    const second = row.exec(after?.out ?? '');
    expect(second?.[2]).toMatch(/^(\d+|1) seconds? ago$/);
    // A new container in a new sandbox.
    expect(second?.[1]).not.toBe(first?.[1]);
    expect(second?.[3]).not.toBe(first?.[3]);
    const [, refused, back] = lines.filter((l) => l.line.startsWith('kubectl get pods -n kube-system'));
    expect(refused?.out).toBe(REFUSED);
    // The mirror pod is the same object: its AGE goes on.
    expect(back?.out).toMatch(/^kube-apiserver-cp-k8s {21}1\/1 {5}Running {3}0 {10}29m$/m);
    // The book's scripts, byte for byte, blank lines and trailing spaces included.
    expect(typed('cat ~/_Book_k8sInfra/ch3/3.1.6/unload-kube-apiserver.sh')[0]?.out).toBe(
      '#!/usr/bin/env bash\n\n# unload k8s API-Server \ncp /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver-backup.yaml \nmv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/kube-apiserver.yaml \necho "Unloading kube-apiserver"\necho "Wait for a mintue!"\n',
    );
  });

  it('in the book’s docker lab: m-k8s, docker ps without and with a new API server, no scripts to read', () => {
    const { lines, typed } = walk('1.18');
    expect(new Set(lines.map((l) => l.host))).toEqual(new Set(['m-k8s']));
    expect(lines.some((l) => l.line.startsWith('cat '))).toBe(false);
    const [before, during, after] = typed('docker ps | grep kube-apiserver');
    expect(before?.out).toMatch(
      /^[0-9a-f]{12} {8}k8s\.gcr\.io\/kube-apiserver:v1\.18\.4 .* 28 minutes ago {6}Up 28 minutes /m,
    );
    expect(during?.out).toBe('');
    expect(after?.out).toMatch(
      /^([0-9a-f]{12}) {8}k8s\.gcr\.io\/kube-apiserver:v1\.18\.4 .* (\d+) seconds? ago {4,}Up \d+ seconds? /m,
    );
    expect(after?.out).toMatch(
      /^[0-9a-f]{12} {8}k8s\.gcr\.io\/pause:3\.2 .*k8s_POD_kube-apiserver-m-k8s_kube-system_/m,
    );
    expect(after?.out.slice(0, 12)).not.toBe(before?.out.slice(0, 12));
    expect(lines.find((l) => l.line === 'kubectl get pods -n kube-system')?.out).toBe(REFUSED);
  });

  it('stops the API server only when the kubelet next reads the folder, and starts it the same way', () => {
    const { r, lines } = walk('1.36');
    const moved = lines.find((l) => l.line.startsWith('mv /etc/kubernetes/manifests/'))?.at ?? 0;
    const refused = lines.find((l) => l.out === REFUSED)?.at ?? 0;
    // The kubelet's fileCheckFrequency: 20 s.
    expect(refused - moved).toBeGreaterThan(0);
    expect(refused - moved).toBeLessThanOrEqual(21_000);
    expect(r.session.cluster.components().find((c) => c.id === 'apiserver')?.state).toBe('running');
  });
});
