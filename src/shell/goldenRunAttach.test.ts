// kubectl run -it --rm NAME --image=busybox -- sh: texts from kubectl 1.18.4's
// pkg/cmd/run/run.go and pkg/cmd/attach/attach.go (docs/FACTS-containers.md).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';
import { runScript } from './transcript';

function transcript(s: Session, lines: readonly string[]): string {
  const out: string[] = [];
  runScript(s, lines, (t) => out.push(t));
  return out.join('\n');
}

describe('kubectl run -it --rm', () => {
  it('attaches the terminal to the new pod’s shell once it runs, and deletes the pod at exit', () => {
    const s = new Session({ seed: 7 });
    expect(
      transcript(s, [
        'kubectl run -it --rm busy --image=busybox -- sh',
        'hostname',
        'ps',
        'cat /etc/resolv.conf',
        'exit 3',
        'echo $?',
      ]),
    ).toBe(
      [
        '[root@m-k8s ~]# kubectl run -it --rm busy --image=busybox -- sh',
        "If you don't see a command prompt, try pressing enter.",
        '/ # hostname',
        'busy',
        '/ # ps',
        'PID   USER     TIME  COMMAND',
        '    1 root      0:00 sh',
        '    7 root      0:00 ps',
        '/ # cat /etc/resolv.conf',
        'nameserver 10.96.0.10',
        'search default.svc.cluster.local svc.cluster.local cluster.local',
        'options ndots:5',
        '/ # exit 3',
        "Session ended, resume using 'kubectl attach busy -c busy -i -t' command when the pod is running",
        'pod "busy" deleted',
        // restartPolicy Always: kubectl run does not wait for the container's exit code.
        '[root@m-k8s ~]# echo $?',
        '0',
      ].join('\n'),
    );
    // Deleted without waiting (WaitForDeletion false): gone, or on its way out.
    expect(s.cluster.pods().find((p) => p.name === 'busy')?.status ?? 'gone').toMatch(/^(gone|Terminating)$/);
  });

  it('creates the pod with stdin kept open and a terminal, as the 1.18 generator does', () => {
    const s = new Session({ seed: 7 });
    // No command: busybox's CMD is sh, which waits on its open stdin instead of exiting.
    expect(transcript(s, ['kubectl run -it --rm busy --image=busybox'])).toBe(
      [
        '[root@m-k8s ~]# kubectl run -it --rm busy --image=busybox',
        "If you don't see a command prompt, try pressing enter.",
      ].join('\n'),
    );
    expect(s.cluster.pod('default', 'busy')?.spec.containers[0]).toMatchObject({
      stdin: true,
      stdinOnce: true,
      tty: true,
    });
    expect(s.cluster.pods().find((p) => p.name === 'busy')).toMatchObject({ status: 'Running', restarts: 0 });
  });

  it('gives run.go’s usage errors, and creates nothing', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'm-k8s', 'kubectl run -t busy --image=busybox').text).toBe(
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples",
    );
    expect(runAt(s, 'm-k8s', 'kubectl run --rm busy --image=busybox').text).toBe(
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples",
    );
    expect(runAt(s, 'm-k8s', 'kubectl run -it --rm busy --image=busybox --dry-run=client').text).toBe(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples",
    );
    expect(s.cluster.pods().some((p) => p.name === 'busy')).toBe(false);
  });
});
