// `npm run api`: the simulated lab as a Kubernetes API server for real kubectl.
// Writes a kubeconfig (https, the server's own certificate, a bearer token), serves
// the API and the app (/podscope/) on one port, and reads shell lines on stdin, run on
// the lab's master as if typed there (`ssh w2-k8s`, `systemctl stop kubelet`, ...).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Session } from '../shell/session';
import type { LabKind } from '../sim/api';
import type { ProfileId } from '../sim/profiles';
import { DEFAULT_PROFILE, isProfileId, profileIds, profileOf } from '../sim/profiles';
import { kubeconfigText } from './kubeconfig';
import { newToken, startApiServer } from './server';
import { tablePrinter } from './tables';
import { selfSigned } from './tls';

export interface ApiCliOptions {
  lab: LabKind;
  profile: ProfileId;
  seed: number;
  speed: number;
  port: number;
  address: string;
  kubeconfig: string;
  quiet: boolean;
}

export const USAGE = `usage: npm run api -- [--lab ready|fresh] [--profile 1.18|1.36] [--seed N] [--speed S] [--port P] [--address A] [--kubeconfig FILE] [--quiet]

Runs the simulated lab as an API server for real kubectl.
  --lab ready|fresh   the lab after the book's setup (default), or freshly booted machines
  --profile 1.18|1.36 the book's lab, Kubernetes 1.18.4 on m-k8s (default), or its second
                      edition's, Kubernetes 1.36.0 with containerd on cp-k8s
  --seed N            seeds every random choice (default 1)
  --speed S           cluster seconds per wall second, 0.25 to 4 (default 1)
  --port P            the port to listen on (default 6443)
  --address A         the address to listen on (default 127.0.0.1, loopback only)
  --kubeconfig FILE   where to write the kubeconfig (default ./podscope.kubeconfig)
  --quiet             do not print each request
Lines typed on stdin run in the lab's terminal on its master, m-k8s or cp-k8s (ssh w2-k8s, systemctl stop kubelet, ...).
Once npm run build has made dist/, the page at /podscope/ is attached to this lab: it draws each
request as it arrives, and lines typed and faults injected there run here.`;

export function parseApiArgs(argv: readonly string[]): ApiCliOptions | string {
  const o: ApiCliOptions = {
    lab: 'ready',
    profile: DEFAULT_PROFILE,
    seed: 1,
    speed: 1,
    port: 6443,
    address: '127.0.0.1',
    kubeconfig: './podscope.kubeconfig',
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const eq = a.indexOf('=');
    const [name, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '--help' || name === '-h') return USAGE;
    if (name === '--quiet') o.quiet = true;
    else if (name === '--lab') {
      const v = value();
      if (v !== 'ready' && v !== 'fresh') return 'api: --lab is ready or fresh';
      o.lab = v;
    } else if (name === '--profile') {
      const v = value();
      if (!isProfileId(v)) return `api: --profile is ${profileIds.join(' or ')}`;
      o.profile = v;
    } else if (name === '--seed') {
      const n = Number(value());
      if (!Number.isInteger(n)) return 'api: --seed needs an integer';
      o.seed = n;
    } else if (name === '--speed') {
      const n = Number(value());
      if (!(n >= 0.25 && n <= 4)) return 'api: --speed is a number from 0.25 to 4';
      o.speed = n;
    } else if (name === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        return 'api: --port is a port number (0 picks a free one)';
      o.port = n;
    } else if (name === '--address') o.address = value();
    else if (name === '--kubeconfig') o.kubeconfig = value();
    else return `api: unknown option ${a}\n${USAGE}`;
  }
  return o;
}

async function main(): Promise<void> {
  const parsed = parseApiArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    const help = parsed === USAGE;
    (help ? process.stdout : process.stderr).write(`${parsed}\n`);
    process.exit(help ? 0 : 2);
  }
  const o = parsed;
  const session = new Session({ seed: o.seed, lab: o.lab, profile: o.profile });
  const profile = profileOf(o.profile);
  // The terminal window stdin types into: the attached page's tab of the master (ssh moves it, as there).
  const stdinTab = profile.master.name;
  const token = newToken();
  const host = o.address === '0.0.0.0' || o.address === '::' ? '127.0.0.1' : o.address;
  const tls = selfSigned([host]);
  const distDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
  let server: Awaited<ReturnType<typeof startApiServer>>;
  try {
    server = await startApiServer({
      session,
      token,
      tls,
      address: o.address,
      port: o.port,
      speed: o.speed,
      seed: o.seed,
      lab: o.lab,
      tables: tablePrinter,
      ...(existsSync(resolve(distDir, 'index.html')) ? { distDir } : {}),
      ...(o.quiet ? {} : { onRequest: (line: string) => process.stderr.write(`${line}\n`) }),
    });
  } catch (e) {
    process.stderr.write(
      `api: cannot listen on ${o.address}:${o.port}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(1);
  }
  const server_ = `https://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  writeFileSync(o.kubeconfig, kubeconfigText(server_, tls.cert, token), { mode: 0o600 });
  process.stdout.write(
    [
      `Podscope: ${o.profile === DEFAULT_PROFILE ? "the book's lab" : "the book's second-edition lab"} (${profile.title}, ${o.lab}, seed ${o.seed}, speed ${o.speed}) is serving on ${server_}`,
      `kubeconfig written to ${o.kubeconfig}; try:`,
      `  kubectl --kubeconfig ${o.kubeconfig} get nodes`,
      existsSync(resolve(distDir, 'index.html'))
        ? `the page, attached to this lab: http://${host.includes(':') ? `[${host}]` : host}:${server.port}/podscope/`
        : 'the page is not built (npm run build), so /podscope/ is not served',
      `lines typed here run on ${stdinTab} (ssh w2-k8s, systemctl stop kubelet, ...); Ctrl+C stops the server`,
      '',
    ].join('\n'),
  );
  const rl = createInterface({ input: process.stdin, terminal: false });
  const queue: string[] = [];
  let busy = false;
  const next = () => {
    const line = queue.shift();
    if (line === undefined) {
      busy = false;
      return;
    }
    busy = true;
    server.tick();
    const prompt = session.prompt(stdinTab);
    process.stdout.write(`${prompt}${line}\n`);
    const job = server.input({ host: stdinTab, line, tab: stdinTab });
    if (!job) return next();
    for (const l of job.output) process.stdout.write(`${l.text}\n`);
    job.onOutput((l) => process.stdout.write(`${l.text}\n`));
    job.onDone(() => next());
  };
  rl.on('line', (line) => {
    queue.push(line);
    if (!busy) next();
  });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  // Ctrl+D at a terminal stops the server; a script's stdin that ends leaves it serving.
  rl.on('close', () => {
    if (process.stdin.isTTY) void stop();
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
