// A lab driver for the bench page: the lesson's command line runs in the simulated shells
// as in the app, and at the same moment a Deployment of `replicas` pods is created.

import { sessionDriver } from '../../src/lessons/sessionDriver';
import type { LabDriver, RecordedInput } from '../../src/player';
import { Session } from '../../src/shell';
import { deployment } from '../../src/sim/labs/addons';

export function busyLabDriver(workers: number, replicas: number): LabDriver<Session> {
  return {
    createWorld: (options) => new Session({ ...options, workers }),
    run: (session: Session, input: RecordedInput, print) => {
      const job = sessionDriver.run(session, input, print);
      const template = { labels: { app: 'web' }, containers: [{ name: 'nginx', image: 'nginx' }] };
      const body = deployment('web', 'default', replicas, template, session.cluster.now);
      session.cluster.request(
        'm-k8s',
        { verb: 'create', resource: 'deployments', namespace: 'default', body },
        () => {},
      );
      return job;
    },
  };
}
