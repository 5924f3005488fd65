// The page attached to `npm run api` replays the server's log: a server in this process
// gets real HTTP requests (nginx-pod.yaml created as kubectl 1.20.2 posts it, reads, a
// watch that is closed; the newest real kubectl's protobuf create and websocket exec) and
// lines on its stdin (`ssh w2-k8s`, `systemctl stop kubelet`) and a fault posted by the
// page; a fresh world of the same seed, driven by the page's own lesson player and driver,
// must hold the same trace (the fingerprints of src/proof) and the same etcd, key by key.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kubeconfigText } from '../../api/kubeconfig';
import type { LabDescription } from '../../api/labLog';
import { httpRequestOf, loggedRequest } from '../../api/labLog';
import { replayLog } from '../../api/replay';
import type { ApiServer } from '../../api/server';
import { newToken, startApiServer } from '../../api/server';
import { tablePrinter } from '../../api/tables';
import { newestKubectl } from '../../api/testing/realKubectl';
import { selfSigned } from '../../api/tls';
import { podCreate } from '../../lessons';
import { LessonPlayer } from '../../player';
import type { RecordedInput } from '../../player/recording';
import { fingerprint } from '../../proof/fingerprintScenarios';
import { Session } from '../../shell/session';
import type { ProfileId } from '../../sim/profiles';
import type { SimMs } from '../../sim/units';
import { AttachedFollower } from '../../view/attachedFollower';
import { attachedDriver } from './driver';

const NGINX_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx-pod', namespace: 'default' },
  spec: { containers: [{ image: 'nginx', name: 'container-name' }] },
};

let server: ApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function lab(speed: number, profile: ProfileId = '1.18') {
  const session = new Session({ seed: 3, lab: 'ready', profile });
  const token = newToken();
  const tls = selfSigned([]);
  server = await startApiServer({
    session,
    token,
    tls,
    address: '127.0.0.1',
    port: 0,
    speed,
    seed: 3,
    lab: 'ready',
    tables: tablePrinter,
  });
  const base = `http://127.0.0.1:${server.port}`;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
  const dir = mkdtempSync(join(tmpdir(), 'podscope-attached-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigText(`https://127.0.0.1:${server.port}`, tls.cert, token));
  writeFileSync(join(dir, 'nginx-pod.yaml'), `${JSON.stringify(NGINX_POD)}\n`);
  const kubectl = (bin: string, ...args: string[]) =>
    new Promise<string>((resolve) =>
      execFile(bin, args, { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir } }, (_e, out, err) =>
        resolve(`${out}${err}`),
      ),
    );
  return { session, server, base, api, dir, kubectl };
}

function replayInPage(d: LabDescription, inputs: readonly RecordedInput[], until: SimMs) {
  // As App does for an attached page: the server's profile, from its lab.json.
  return new LessonPlayer(
    { ...podCreate, inputs: [] },
    d.seed,
    attachedDriver(d),
    d.lab,
    inputs,
    3,
    d.profile,
    until,
  );
}

describe('the page attached to npm run api', () => {
  it('replays the log to the same trace and the same etcd', { timeout: 60_000 }, async () => {
    const { session, server: s, base, api } = await lab(4);
    // kubectl create -f nginx-pod.yaml, as kubectl 1.20.2 sends it.
    const created = await api('/api/v1/namespaces/default/pods?fieldManager=kubectl-create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(NGINX_POD),
    });
    expect(created.status).toBe(201);
    // A watch that kubectl -w would open, closed after a moment: its end is an input too.
    const abort = new AbortController();
    const watch = await api('/api/v1/namespaces/default/pods?watch=true', { signal: abort.signal });
    expect(watch.status).toBe(200);
    await wait(700);
    abort.abort();
    const got = await api('/api/v1/namespaces/default/pods', {
      headers: { accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json' },
    });
    expect(got.status).toBe(200);
    // Lines typed on the server's stdin go to the m-k8s window, as cli.ts types them.
    s.input({ host: 'm-k8s', line: 'ssh w2-k8s', tab: 'm-k8s' });
    await wait(300);
    s.input({ host: 'm-k8s', line: 'systemctl stop kubelet', tab: 'm-k8s' });
    // A fault from the page's palette, posted as the page posts it (same origin).
    const posted = await fetch(`${base}/podscope/input`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ fault: { id: 'docker', target: 'w1-k8s' }, heal: false }),
    });
    expect(posted.status).toBe(200);
    await wait(500);
    const description = (await (await fetch(`${base}/podscope/lab.json`)).json()) as LabDescription;
    expect(description).toMatchObject({ kind: 'podscope-lab', seed: 3, lab: 'ready', speed: 4 });
    await s.close();
    server = undefined;
    const kinds = s.log.map((i) =>
      'api' in i ? `${i.api.kind}` : 'line' in i ? `line ${i.line}` : 'fault' in i ? 'fault' : 'interrupt',
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['request', 'close', 'line ssh w2-k8s', 'line systemctl stop kubelet', 'fault']),
    );
    const until = session.now();
    const d = { ...description, inputs: s.log };
    const page = replayInPage(d, s.log as readonly RecordedInput[], until);
    page.recording.simulateTo(until);
    expect(page.recording.cluster.now).toBe(until);
    const want = fingerprint(session.cluster);
    expect(fingerprint(page.recording.cluster)).toEqual(want);
    expect(page.recording.cluster.etcdEntries()).toEqual(session.cluster.etcdEntries());
    // The pod reached a worker, and kubectl's request is on the trace, from kubectl to the API server.
    const trace = page.recording.cluster.trace.all();
    expect(trace.some((e) => e.from === 'kubectl@m-k8s' && e.to === 'apiserver')).toBe(true);
    expect(session.cluster.pods().find((p) => p.name === 'nginx-pod')?.node).toMatch(/^w\d-k8s$/);
    // And the log replayed straight on a Session, without the player, agrees too.
    expect(fingerprint(replayLog(d, until).cluster)).toEqual(want);

    // The times count: kubectl's POST replayed half a second later gives another trace.
    const shifted = d.inputs.map((i, n) => (n === 0 ? { ...i, at: (i.at + 500) as SimMs } : i));
    expect(fingerprint(replayLog({ ...d, inputs: shifted }, until).cluster)).not.toEqual(want);

    // Live, the page hears the inputs one by one as its clock moves (the event stream): at
    // the moment each was applied, or after it has already shown a little more (a late
    // arrival, which forks from a parked world). Both end with the server's trace.
    for (const lateMs of [0, 400]) {
      const live = replayInPage(d, [], 0 as SimMs);
      for (const i of s.log) {
        live.recording.simulateTo((i.at + lateMs) as SimMs);
        live.record(i as RecordedInput);
      }
      live.recording.simulateTo(until);
      expect(fingerprint(live.recording.cluster), `${lateMs} ms late`).toEqual(want);
      expect(live.recording.traceMismatches).toBe(0);
    }
  });

  it('under --profile 1.36 says so in lab.json, and the page replays the 1.36 lab: cp-k8s, its kubectl, its trace', {
    timeout: 60_000,
  }, async () => {
    const { session, server: s, base, api } = await lab(4, '1.36');
    const created = await api('/api/v1/namespaces/default/pods?fieldManager=kubectl-create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(NGINX_POD),
    });
    expect(created.status).toBe(201);
    // The server's stdin types in the master's window: cp-k8s's here, as cli.ts types them.
    s.input({ host: 'cp-k8s', line: 'ssh w2-k8s', tab: 'cp-k8s' });
    await wait(300);
    s.input({ host: 'cp-k8s', line: 'systemctl stop kubelet', tab: 'cp-k8s' });
    await wait(500);
    const description = (await (await fetch(`${base}/podscope/lab.json`)).json()) as LabDescription;
    expect(description).toMatchObject({ kind: 'podscope-lab', seed: 3, lab: 'ready', profile: '1.36' });
    // A post from the page names the lab's own hosts: cp-k8s is one, m-k8s is not.
    const post = (host: string) =>
      fetch(`${base}/podscope/input`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ host, line: 'hostname', tab: host }),
      });
    expect((await post('m-k8s')).status).toBe(400);
    expect((await post('cp-k8s')).status).toBe(200);
    await wait(300);
    await s.close();
    server = undefined;
    const until = session.now();
    const d = { ...description, inputs: s.log };
    const page = replayInPage(d, s.log as readonly RecordedInput[], until);
    page.recording.simulateTo(until);
    expect(page.recording.cluster.hosts().map((h) => h.name)).toEqual([
      'cp-k8s',
      'w1-k8s',
      'w2-k8s',
      'w3-k8s',
    ]);
    expect(fingerprint(page.recording.cluster)).toEqual(fingerprint(session.cluster));
    expect(page.recording.cluster.etcdEntries()).toEqual(session.cluster.etcdEntries());
    const trace = page.recording.cluster.trace.all();
    expect(trace.some((e) => e.from === 'kubectl@cp-k8s' && e.to === 'apiserver')).toBe(true);
    expect(trace.some((e) => e.from.includes('m-k8s') || e.to.includes('m-k8s'))).toBe(false);
  });

  it('follows the server live: attached midway, the rest heard as the clock moves, nothing forked', {
    timeout: 60_000,
  }, async () => {
    const { session, server: s, api } = await lab(4);
    await api('/api/v1/namespaces/default/pods', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(NGINX_POD),
    });
    for (let i = 0; i < 6; i++) {
      await wait(250);
      await api('/api/v1/nodes', { headers: { accept: 'application/json' } });
    }
    s.input({ host: 'm-k8s', line: 'kubectl get pods', tab: 'm-k8s' });
    await wait(250);
    const description = (await (
      await fetch(`http://127.0.0.1:${s.port}/podscope/lab.json`)
    ).json()) as LabDescription;
    await s.close();
    server = undefined;
    const until = session.now();
    const d = { ...description, inputs: s.log };
    // The page opens with the first half of the log; the rest reaches it 30 ms after the server applied it.
    const half = Math.floor(s.log.length / 2);
    let clock = (s.log[half - 1] as RecordedInput).at as number;
    const lp = replayInPage(d, s.log.slice(0, half) as readonly RecordedInput[], 0 as SimMs);
    lp.lookaheadBudgetMs = 8;
    const follower = new AttachedFollower(lp, { now: () => clock as SimMs, speed: 4 }, () =>
      performance.now(),
    );
    const pending = s.log.slice(half) as RecordedInput[];
    let ts = 0;
    // Frames of 16 ms at 4x, as the page's animation loop runs them, until past the server's end.
    while (ts < 60_000 && (clock < until || follower.catchingUp !== undefined)) {
      ts += 16;
      clock = Math.min(until + 2_000, clock + 64);
      while (pending[0] && pending[0].at + 30 <= clock) follower.hear(pending.shift() as RecordedInput);
      follower.frame(ts);
      lp.player.tick(16);
      lp.player.frame();
      lp.story();
    }
    expect(follower.catchingUp).toBeUndefined();
    expect(pending).toEqual([]);
    expect(lp.player.getSnapshot().playing).toBe(true);
    expect(lp.forks).toBe(0);
    // Play never passed the server's now (less the margin).
    expect(lp.recording.simulatedTo).toBeLessThanOrEqual(until + 2_000);
    const at = Math.max(lp.recording.simulatedTo, until) as SimMs;
    lp.recording.simulateTo(at);
    session.advanceTo(at);
    expect(fingerprint(lp.recording.cluster)).toEqual(fingerprint(session.cluster));
    expect(lp.recording.cluster.etcdEntries()).toEqual(session.cluster.etcdEntries());
  });

  it('replays the newest kubectl’s protobuf create and its websocket exec', { timeout: 90_000 }, async () => {
    const newest = newestKubectl();
    if (!newest) throw new Error('no kubectl.1.NN beside the kubectl on the PATH (or set KUBECTL_NEWEST)');
    const { session, server: s, dir, kubectl } = await lab(4);
    expect(await kubectl(newest, 'create', '-f', join(dir, 'nginx-pod.yaml'))).toBe(
      'pod/nginx-pod created\n',
    );
    expect(await kubectl(newest, 'create', 'deployment', 'web', '--image=nginx')).toBe(
      'deployment.apps/web created\n',
    );
    const posted = s.log.find(
      (i) => 'api' in i && i.api.kind === 'request' && i.api.request.path.endsWith('/deployments'),
    );
    // kubectl 1.33's typed clients post protobuf, logged byte for byte (as text while it is
    // valid UTF-8, else as base64: see the last test).
    const request =
      posted && 'api' in posted && posted.api.kind === 'request' ? posted.api.request : undefined;
    expect(request?.contentType).toBe('application/vnd.kubernetes.protobuf');
    for (
      let i = 0;
      i < 120 && session.cluster.pods().find((p) => p.name === 'nginx-pod')?.status !== 'Running';
      i++
    )
      await wait(250);
    expect(await kubectl(newest, 'exec', 'nginx-pod', '--', 'cat', '/etc/hostname')).toBe('nginx-pod\n');
    expect(await kubectl(newest, 'exec', 'nosuch', '--', 'ls')).toContain('pods "nosuch" not found');
    const base = `http://127.0.0.1:${s.port}`;
    const description = (await (await fetch(`${base}/podscope/lab.json`)).json()) as LabDescription;
    await s.close();
    server = undefined;
    const kinds = s.log.flatMap((i) => ('api' in i && i.api.kind === 'exec' ? [i.api.line] : []));
    // kubectl looks the pod up itself first: no websocket for a pod that is not there.
    expect(kinds).toEqual(['kubectl exec nginx-pod -n default -c container-name -- cat /etc/hostname']);
    const until = session.now();
    const d = { ...description, inputs: s.log };
    const page = replayInPage(d, s.log as readonly RecordedInput[], until);
    page.recording.simulateTo(until);
    expect(fingerprint(page.recording.cluster)).toEqual(fingerprint(session.cluster));
    expect(page.recording.cluster.etcdEntries()).toEqual(session.cluster.etcdEntries());
  });

  it('logs a body that is not UTF-8 as base64, and gives back the same bytes', () => {
    const raw = new Uint8Array([0x6b, 0x38, 0x73, 0x00, 0xff, 0xfe, 0x80, 0x0a]);
    const logged = loggedRequest({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      query: '',
      headers: { 'content-type': 'application/vnd.kubernetes.protobuf' },
      body: '',
      raw,
    });
    expect(logged).toMatchObject({
      base64: true,
      body: 'azhzAP/+gAo=',
      contentType: 'application/vnd.kubernetes.protobuf',
    });
    expect([...(httpRequestOf(logged).raw ?? [])]).toEqual([...raw]);
    const text = loggedRequest({ method: 'POST', path: '/x', query: '', headers: {}, body: '{"a":"é"}' });
    expect(text).toEqual({ method: 'POST', path: '/x', query: '', body: '{"a":"é"}' });
    expect(httpRequestOf(text).body).toBe('{"a":"é"}');
  });

  it('refuses a post from another origin and inputs that are not the lab’s', async () => {
    const { base } = await lab(1);
    const post = (body: unknown, origin = base) =>
      fetch(`${base}/podscope/input`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(body),
      });
    expect((await post({ host: 'm-k8s', line: 'kubectl get nodes' }, 'http://evil.example')).status).toBe(
      403,
    );
    expect((await post({ host: 'nowhere', line: 'ls' })).status).toBe(400);
    expect((await post({ fault: { id: 'no-such-fault' }, heal: false })).status).toBe(400);
    expect((await post({ host: 'm-k8s', line: 'a\nb' })).status).toBe(400);
    const get = await fetch(`${base}/podscope/input`);
    expect(get.status).toBe(405);
    const ok = await post({ host: 'm-k8s', line: 'kubectl get nodes', tab: 'm-k8s' });
    expect(ok.status).toBe(200);
    const d = (await (await fetch(`${base}/podscope/lab.json`)).json()) as LabDescription;
    expect(d.inputs.map((i) => ('line' in i ? i.line : ''))).toEqual(['kubectl get nodes']);
  });
});
