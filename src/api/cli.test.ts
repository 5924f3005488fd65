// `npm run api` as a person starts it: options, the kubeconfig it writes, the lines its
// stdin takes (a fault typed on the lab's hosts) and what real kubectl then sees.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApiArgs, USAGE } from './cli';
import { KUBECTL_120, newestKubectl, sleep } from './testing/realKubectl';

const run = (bin: string, args: string[], env: Record<string, string>) =>
  new Promise<string>((resolve) =>
    execFile(bin, args, { env: { ...process.env, ...env } }, (_e, out, err) => resolve(`${out}${err}`)),
  );

/**
 * `npm run api` started as a person starts it, with `args` and a kubeconfig of its own, once
 * it has printed its banner. `stop` ends npx, tsx and the server: they share the process
 * group made here (detached), and tsx runs the server in a child of its own, found by the
 * kubeconfig's path.
 */
async function startApi(args: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'podscope-cli-'));
  const kubeconfig = join(dir, 'kc');
  const child = spawn('npx', ['tsx', 'src/api/cli.ts', ...args, '--kubeconfig', kubeconfig], {
    cwd: join(__dirname, '../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  for (let i = 0; i < 200 && !out.includes('Ctrl+C'); i++) await sleep(100);
  return {
    dir,
    kubeconfig,
    out: () => out,
    type: (lines: string) => child.stdin.write(lines),
    port: () => /serving on https:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1],
    async stop() {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => execFile('pkill', ['-f', kubeconfig], r));
    },
  };
}

describe('npm run api', () => {
  it('reads its options, and says what is wrong with a bad one', () => {
    expect(parseApiArgs([])).toEqual({
      lab: 'ready',
      profile: '1.18',
      seed: 1,
      speed: 1,
      port: 6443,
      address: '127.0.0.1',
      kubeconfig: './podscope.kubeconfig',
      quiet: false,
    });
    expect(parseApiArgs(['--lab=fresh', '--seed', '7', '--speed', '2', '--port=0', '--quiet'])).toMatchObject(
      {
        lab: 'fresh',
        seed: 7,
        speed: 2,
        port: 0,
        quiet: true,
      },
    );
    expect(parseApiArgs(['--help'])).toBe(USAGE);
    expect(parseApiArgs(['--speed', '9'])).toBe('api: --speed is a number from 0.25 to 4');
    expect(parseApiArgs(['--lab', 'x'])).toBe('api: --lab is ready or fresh');
    expect(parseApiArgs(['--profile', '1.36'])).toMatchObject({ profile: '1.36' });
    expect(parseApiArgs(['--profile=2.0'])).toBe('api: --profile is 1.18 or 1.36');
    expect(parseApiArgs(['--nope'])).toBe(`api: unknown option --nope\n${USAGE}`);
  });

  it('prints how to use it, and a kubelet stopped from its stdin makes real kubectl see the node NotReady', async () => {
    const api = await startApi(['--port', '0', '--speed', '4', '--quiet']);
    const { dir, kubeconfig } = api;
    try {
      const port = api.port();
      expect(api.out().split('\n').slice(0, 3)).toEqual([
        `Podscope: the book's lab (Kubernetes v1.18.4 · docker 1.13.1 · CentOS 7, ready, seed 1, speed 4) is serving on https://127.0.0.1:${port}`,
        `kubeconfig written to ${kubeconfig}; try:`,
        `  kubectl --kubeconfig ${kubeconfig} get nodes`,
      ]);
      expect(readFileSync(kubeconfig, 'utf8')).toContain(`server: https://127.0.0.1:${port}`);
      const env = { KUBECONFIG: kubeconfig, HOME: dir };
      const ready = () =>
        run(
          KUBECTL_120,
          ['get', 'node', 'w2-k8s', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'],
          env,
        );
      expect(await ready()).toBe('True');
      api.type('ssh w2-k8s\nsystemctl stop kubelet\n');
      let now = '';
      // The node lifecycle controller marks it after the 40 s grace period: about 12 s at 4×.
      for (let i = 0; i < 120 && now !== 'Unknown'; i++) {
        await sleep(500);
        now = await ready();
      }
      expect(now).toBe('Unknown');
      // The lines ran in the lab's terminal, after their prompts.
      expect(api.out()).toContain('[root@m-k8s ~]# ssh w2-k8s');
      expect(api.out()).toContain('[root@w2-k8s ~]# systemctl stop kubelet');
    } finally {
      await api.stop();
    }
  }, 90_000);

  it('--profile 1.36 serves the second edition’s lab: real kubectl 1.33 sees cp-k8s, its stdin types on cp-k8s', async () => {
    const bin = newestKubectl();
    expect(bin, 'no versioned kubectl (kubectl.1.NN) beside the kubectl on the PATH').toBeDefined();
    const api = await startApi(['--profile', '1.36', '--port', '0', '--quiet']);
    const { dir, kubeconfig } = api;
    try {
      const port = api.port();
      expect(api.out().split('\n')[0]).toBe(
        `Podscope: the book's second-edition lab (Kubernetes v1.36.0 · containerd 2.2.3 · Ubuntu 24.04, ready, seed 1, speed 1) is serving on https://127.0.0.1:${port}`,
      );
      expect(api.out()).toContain('lines typed here run on cp-k8s');
      const env = { KUBECONFIG: kubeconfig, HOME: dir };
      const nodes = await run(bin as string, ['get', 'nodes'], env);
      expect(nodes).toMatch(
        /^NAME +STATUS +ROLES +AGE +VERSION\ncp-k8s +Ready +control-plane +\S+ +v1\.36\.0\n/,
      );
      expect(nodes).not.toContain('m-k8s');
      const version = await run(bin as string, ['version'], env);
      expect(version).toContain('Server Version: v1.36.0');
      api.type('hostname\n');
      for (let i = 0; i < 50 && !api.out().includes('root@cp-k8s:~# hostname\ncp-k8s'); i++) await sleep(100);
      expect(api.out()).toContain('root@cp-k8s:~# hostname\ncp-k8s\n');
    } finally {
      await api.stop();
    }
  }, 90_000);
});
