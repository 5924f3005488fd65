// Fixed-seed runs of the book's scenarios and every lesson, each reduced to a
// fingerprint of what it produced: the sha256 of its serialized trace and of the
// objects etcd holds at its end. traceFingerprints.test.ts compares them with the
// fingerprints recorded before a change that must not change behaviour.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'yaml';
import { guidedLessons } from '../lessons/guided/lessons/index';
import { sampleLesson } from '../lessons/guided/lessons/sample';
import { parseLessonFile } from '../lessons/guided/parseLessonFile';
import { typeAndSettle, walkLesson } from '../lessons/guided/walk';
import { podCreate } from '../lessons/podCreate';
import { Session } from '../shell/session';
import type { SimCluster } from '../sim/api';
import { createCluster } from '../sim/cluster';
import { deployment } from '../sim/labs/addons';
import { simHourCluster } from '../sim/scenarios/simHour';
import type { SimMs } from '../sim/units';

export interface Fingerprint {
  readonly messages: number;
  readonly trace: string;
  readonly objects: string;
}

function sha256(lines: Iterable<string>): string {
  const h = createHash('sha256');
  for (const l of lines) h.update(`${l}\n`);
  return h.digest('hex');
}

export function fingerprint(c: SimCluster): Fingerprint {
  const trace = c.trace.all();
  return {
    messages: trace.length,
    trace: sha256(trace.map((e) => JSON.stringify(e))),
    objects: sha256(c.objects().map((o) => JSON.stringify(o))),
  };
}

function exampleLesson() {
  const text = readFileSync(join(__dirname, '../../public/lessons/example.yaml'), 'utf8');
  const r = parseLessonFile(text, yaml);
  if ('errors' in r) throw new Error(`example.yaml: ${JSON.stringify(r.errors)}`);
  return r.lesson;
}

/** The tour: the lesson's inputs at their times, then a minute of the cluster. */
function podCreateTour(): SimCluster {
  const s = new Session({ seed: 1 });
  for (const input of podCreate.inputs) {
    s.advanceTo(input.at as SimMs);
    s.run(input.host, input.line);
  }
  s.advanceTo(60_000 as SimMs);
  return s.cluster;
}

/** Chapter 3 of the book typed in order, with its failures (kubelet stopped, a worker rebooted). */
function bookChapter(seed: number): SimCluster {
  const s = new Session({ seed });
  s.advanceTo(1000 as SimMs);
  const lines: [string, string][] = [
    ['m-k8s', 'kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml'],
    ['m-k8s', 'kubectl create deployment dpy-nginx --image=nginx'],
    ['m-k8s', 'kubectl scale deployment dpy-nginx --replicas=3'],
    ['m-k8s', 'kubectl get pods -o wide'],
    ['w2-k8s', 'systemctl stop kubelet'],
    ['m-k8s', 'kubectl delete pod nginx-pod'],
    ['w2-k8s', 'systemctl start kubelet'],
    ['m-k8s', 'kubectl scale deployment dpy-nginx --replicas=9'],
    ['w3-k8s', 'reboot'],
    ['m-k8s', 'kubectl get pods -o wide'],
    ['m-k8s', 'kubectl delete deployment dpy-nginx'],
  ];
  for (const [host, line] of lines) typeAndSettle(s, host, line);
  s.advanceTo((s.now() + 400_000) as SimMs);
  return s.cluster;
}

/** The bench's hour (bench/simHour.ts): 100 replicas, then w3-k8s powered off and its pods replaced. */
const simHour = (): SimCluster => simHourCluster(1);

/** More replicas than the workers hold: most stay Pending and the scheduler keeps retrying. */
function pending(): SimCluster {
  const c = createCluster({ seed: 3, workers: 1 });
  const d = deployment(
    'big',
    'default',
    200,
    { labels: { app: 'big' }, containers: [{ name: 'nginx', image: 'nginx' }] },
    0 as SimMs,
  );
  c.request('m-k8s', { verb: 'create', resource: 'deployments', namespace: 'default', body: d }, () => {});
  c.advanceTo(120_000 as SimMs);
  return c;
}

export const scenarios: Readonly<Record<string, () => SimCluster>> = {
  'tour pod-create': podCreateTour,
  'book chapter 3 (seed 1)': () => bookChapter(1),
  'book chapter 3 (seed 7)': () => bookChapter(7),
  'sim-hour': simHour,
  'pending 1x200': pending,
  ...Object.fromEntries(
    [...guidedLessons, sampleLesson, exampleLesson()].map((l) => [
      `lesson ${l.id}`,
      () => {
        const r = walkLesson(l, { seed: 1 });
        if (!r.ok) throw new Error(r.message);
        return r.session.cluster;
      },
    ]),
  ),
};
