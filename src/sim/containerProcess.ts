// A container is a process: the image's entrypoint and command (or the pod's
// command and args) decide what it prints, whether it keeps running and how it
// exits. Kubernetes' rule: `command` replaces the entrypoint (and drops the image's
// CMD), `args` replaces CMD.
import type { ImageInfo } from './images';

export interface LogLine {
  /** ms after the process started. */
  readonly at: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export type Process =
  /** Runs until stopped; `serves` says what answers on port 80. */
  | {
      readonly kind: 'runs';
      readonly serves?: 'nginx' | 'echo-hname';
      readonly logs: readonly LogLine[];
      /** A loop's line, printed every `ms` from the start. */
      readonly every?: { readonly text: string; readonly ms: number };
    }
  | {
      readonly kind: 'exits';
      readonly afterMs: number;
      readonly exitCode: number;
      readonly logs: readonly LogLine[];
    }
  /** The runtime cannot even start it (no such executable). */
  | { readonly kind: 'cannotRun'; readonly message: string };

export interface ProcessSpec {
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  /** stdin kept open (kubectl run -i): a shell waits on it. */
  readonly stdin?: boolean;
}

export function argvOf(image: ImageInfo, spec: ProcessSpec): string[] {
  if (spec.command && spec.command.length > 0) return [...spec.command, ...(spec.args ?? [])];
  return [...image.entrypoint, ...(spec.args && spec.args.length > 0 ? spec.args : image.cmd)];
}

// nginxinc/docker-nginx as Docker Hub built nginx 1.19.0 in June–July 2020 (commit 3dcf654;
// unchanged in normal output up to 1.19.2, 9774b52): docker-entrypoint.sh and its two scripts.
const ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const BUSYBOX_APPLETS = new Set([
  'sh',
  'echo',
  'sleep',
  'true',
  'false',
  'hostname',
  'cat',
  'ls',
  'env',
  'ps',
  'wget',
  'nslookup',
  'date',
  'ping',
  'top',
  'exit',
  'printenv',
  'id',
  'pwd',
  'uname',
  'whoami',
  'yes',
  'tail',
  'head',
]);

const out = (text: string, at = 0): LogLine => ({ at, stream: 'stdout', text });

/** Runs a small shell script as busybox sh would: `;`/`&&` lists of echo, sleep, exit, true, false. */
function runScript(script: string, hostname: string): Process {
  const logs: LogLine[] = [];
  let t = 0;
  let code = 0;
  if (/\bwhile\s+(true|:)\b/.test(script)) {
    // A loop that never ends: its body's echo lines repeat each sleep.
    const echo = /echo\s+("([^"]*)"|'([^']*)'|([^;]*))/.exec(script);
    const text = echo ? (echo[2] ?? echo[3] ?? echo[4] ?? '').trim() : '';
    const sleep = Number(/sleep\s+(\d+)/.exec(script)?.[1] ?? '1') || 1;
    return { kind: 'runs', logs: [], ...(text ? { every: { text, ms: sleep * 1000 } } : {}) };
  }
  for (const part of script.split(/;|&&/)) {
    const words =
      part
        .trim()
        .match(/"[^"]*"|'[^']*'|\S+/g)
        ?.map((w) => w.replace(/^["']|["']$/g, '')) ?? [];
    const [cmd, ...rest] = words;
    if (!cmd) continue;
    if (cmd === 'echo') logs.push(out(rest.join(' '), t));
    else if (cmd === 'sleep') t += (Number(rest[0]) || 0) * 1000;
    else if (cmd === 'exit')
      return { kind: 'exits', afterMs: t, exitCode: Number(rest[0] ?? code) || 0, logs };
    else if (cmd === 'true') code = 0;
    else if (cmd === 'false') code = 1;
    else if (cmd === 'hostname') logs.push(out(hostname, t));
    else if (!BUSYBOX_APPLETS.has(cmd)) {
      logs.push({ at: t, stream: 'stderr', text: `sh: ${cmd}: not found` });
      code = 127;
    } else code = 0;
  }
  return { kind: 'exits', afterMs: t, exitCode: code, logs };
}

function notFound(exe: string): Process {
  return {
    kind: 'cannotRun',
    message: `oci runtime error: container_linux.go:235: starting container process caused "exec: \\"${exe}\\": executable file not found in $PATH"`,
  };
}

/** The lines a process has printed `ranMs` after it started. */
export function linesPrinted(p: Process, ranMs: number): LogLine[] {
  if (p.kind === 'cannotRun') return [];
  const lines = p.logs.filter((l) => l.at <= ranMs);
  if (p.kind === 'runs' && p.every) {
    const n = Math.min(Math.floor(ranMs / p.every.ms) + 1, 10_000);
    for (let i = 0; i < n; i++) lines.push(out(p.every.text, i * p.every.ms));
  }
  return lines;
}

/** What the container's main process does, from its argv. */
export function processOf(image: ImageInfo, spec: ProcessSpec, hostname: string): Process {
  let argv = argvOf(image, spec);
  if (image.kind === 'system') return { kind: 'runs', logs: [] };
  if (argv[0] === '/docker-entrypoint.sh') {
    argv = argv.slice(1);
    if (argv[0] === 'nginx' || argv[0] === 'nginx-debug') {
      return {
        kind: 'runs',
        serves: image.kind === 'echo-hname' ? 'echo-hname' : 'nginx',
        logs: ENTRYPOINT_LINES.map((l) => out(l)),
      };
    }
  }
  const [exe = '', ...rest] = argv;
  const name = exe.replace(/^\/(usr\/)?s?bin\//, '');
  if (name === 'nginx' && rest.join(' ') === '-g daemon off;' && image.kind !== 'busybox')
    return { kind: 'runs', serves: image.kind === 'echo-hname' ? 'echo-hname' : 'nginx', logs: [] };
  const has =
    image.kind === 'busybox'
      ? BUSYBOX_APPLETS.has(name)
      : ['sh', 'bash', 'echo', 'sleep', 'true', 'false', 'cat', 'ls', 'env', 'hostname', 'nginx'].includes(
          name,
        );
  if (!has) return notFound(exe);
  if (name === 'sh' || name === 'bash') {
    const c = rest.indexOf('-c');
    // Without -i sh reads an empty stdin and exits at once; with it, sh waits for input.
    if (c < 0 && spec.stdin) return { kind: 'runs', logs: [] };
    if (c < 0) return { kind: 'exits', afterMs: 5, exitCode: 0, logs: [] };
    return runScript(rest[c + 1] ?? '', hostname);
  }
  if (name === 'sleep') {
    const s = rest[0] ?? '';
    if (s === 'infinity' || s === 'inf') return { kind: 'runs', logs: [] };
    if (!/^\d+$/.test(s))
      return {
        kind: 'exits',
        afterMs: 2,
        exitCode: 1,
        logs: [{ at: 0, stream: 'stderr', text: `sleep: invalid number '${s}'` }],
      };
    return { kind: 'exits', afterMs: Number(s) * 1000, exitCode: 0, logs: [] };
  }
  return runScript(argv.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' '), hostname);
}
