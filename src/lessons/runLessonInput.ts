// A stand-in for the simulated shell (src/shell's Session) until it lands: it runs the
// one command line the pod-create lesson types, `kubectl create -f .../nginx-pod.yaml`,
// by sending kubectl's request to the API server as the real kubectl would.
import type { Pod, SimCluster } from '../sim';
import { seconds } from '../sim';

/** nginx-pod.yaml of the book (3.1.6), as kubectl sends it. */
export function nginxPod(name = 'nginx-pod'): Pod {
  return {
    kind: 'Pod',
    metadata: { name, uid: '', resourceVersion: 0, creationTimestamp: seconds(0) },
    spec: {
      containers: [{ name: 'container-name', image: 'nginx' }],
      tolerations: [],
      terminationGracePeriodSeconds: 30,
    },
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
}

export interface LineInput {
  readonly host: string;
  readonly line: string;
}

/** Runs a lesson's command line on `host`; false when it is not a line this stand-in knows. */
export function runLessonInput(cluster: SimCluster, input: LineInput): boolean {
  const m = /^kubectl\s+create\s+-f\s+(\S*nginx-pod\.yaml)\s*$/.exec(input.line.trim());
  if (!m) return false;
  cluster.request(
    input.host,
    { verb: 'create', resource: 'pods', namespace: 'default', body: nginxPod(), source: m[1] },
    () => {},
  );
  return true;
}
