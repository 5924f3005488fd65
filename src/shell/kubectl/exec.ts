// kubectl exec POD [-c C] -- CMD: the API server upgrades the connection to the pod's
// kubelet (port 10250), which runs CMD in the container. What CMD finds is the
// container's own world: its hostname, the kubelet's /etc/hosts and /etc/resolv.conf
// (ClusterFirst: CoreDNS at 10.96.0.10), the image's files and environment.
import { lookupImage } from '../../sim/images';
import type { Pod } from '../../sim/objects';
import { apiError, send } from './client';
import type { KubectlContext, Verb } from './context';
import { failWith } from './context';
import { runNetworkCommand } from './execNet';
import { flagString } from './flags';

interface Inside {
  readonly pod: Pod;
  readonly container: string;
  readonly kind: string;
  readonly nginxVersion?: string;
}

const KUBERNETES_ENV = [
  'KUBERNETES_SERVICE_PORT=443',
  'KUBERNETES_SERVICE_PORT_HTTPS=443',
  'KUBERNETES_PORT=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP_PROTO=tcp',
  'KUBERNETES_PORT_443_TCP_PORT=443',
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
  'KUBERNETES_SERVICE_HOST=10.96.0.1',
];

function files(x: Inside): Record<string, string> {
  const ip = x.pod.status.podIP ?? '';
  return {
    '/etc/hostname': x.pod.metadata.name,
    '/etc/resolv.conf': [
      'nameserver 10.96.0.10',
      `search ${x.pod.metadata.namespace ?? 'default'}.svc.cluster.local svc.cluster.local cluster.local`,
      'options ndots:5',
    ].join('\n'),
    '/etc/hosts': [
      '# Kubernetes-managed hosts file.',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix',
      'fe00::1\tip6-allnodes',
      'fe00::2\tip6-allrouters',
      `${ip}\t${x.pod.metadata.name}`,
    ].join('\n'),
    ...(x.kind === 'nginx' || x.kind === 'echo-hname'
      ? {
          '/etc/os-release':
            'PRETTY_NAME="Debian GNU/Linux 10 (buster)"\nNAME="Debian GNU/Linux"\nVERSION_ID="10"',
        }
      : {}),
  };
}

function root(kind: string): string[] {
  if (kind === 'busybox') return ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];
  return [
    'bin',
    'boot',
    'dev',
    'docker-entrypoint.d',
    'docker-entrypoint.sh',
    'etc',
    'home',
    'lib',
    'lib64',
    'media',
    'mnt',
    'opt',
    'proc',
    'root',
    'run',
    'sbin',
    'srv',
    'sys',
    'tmp',
    'usr',
    'var',
  ];
}

/** njs shipped with each nginx image (nginxinc/docker-nginx Dockerfiles). */
const njs: Record<string, string> = { '1.19.0': '0.4.1', '1.18.0': '0.4.0' };

function env(x: Inside): string[] {
  const path = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const image =
    x.kind === 'nginx' || x.kind === 'echo-hname'
      ? [
          `NGINX_VERSION=${x.nginxVersion ?? ''}`,
          `NJS_VERSION=${njs[x.nginxVersion ?? ''] ?? '0.4.1'}`,
          'PKG_RELEASE=1~buster',
        ]
      : [];
  return [path, `HOSTNAME=${x.pod.metadata.name}`, ...KUBERNETES_ENV, ...image, 'HOME=/root'];
}

const has = (kind: string, cmd: string) =>
  kind === 'busybox'
    ? [
        'hostname',
        'cat',
        'ls',
        'env',
        'ps',
        'echo',
        'sh',
        'true',
        'false',
        'pwd',
        'id',
        'whoami',
        'wget',
        'nslookup',
      ].includes(cmd)
    : [
        'hostname',
        'cat',
        'ls',
        'env',
        'echo',
        'sh',
        'bash',
        'nginx',
        'true',
        'false',
        'pwd',
        'id',
        'whoami',
        'curl',
      ].includes(cmd);

/** Runs one command in the container; returns its output lines and exit code. */
function run(x: Inside, argv: readonly string[]): { out: string[]; err: string[]; code: number } {
  const [cmd0 = '', ...args] = argv;
  const cmd = cmd0.replace(/^\/(usr\/)?s?bin\//, '');
  if (!has(x.kind, cmd))
    return {
      out: [],
      err: [
        `rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:247: starting container process caused "exec: \\"${cmd0}\\": executable file not found in $PATH"`,
        'command terminated with exit code 126',
      ],
      code: 126,
    };
  const f = files(x);
  switch (cmd) {
    case 'hostname':
      return { out: [x.pod.metadata.name], err: [], code: 0 };
    case 'echo':
      return { out: [args.join(' ')], err: [], code: 0 };
    case 'true':
      return { out: [], err: [], code: 0 };
    case 'false':
      return { out: [], err: ['command terminated with exit code 1'], code: 1 };
    case 'pwd':
      return { out: ['/'], err: [], code: 0 };
    case 'id':
      return { out: ['uid=0(root) gid=0(root) groups=0(root)'], err: [], code: 0 };
    case 'whoami':
      return { out: ['root'], err: [], code: 0 };
    case 'env':
      return { out: env(x), err: [], code: 0 };
    case 'nginx':
      return args[0] === '-v'
        ? { out: [], err: [`nginx version: nginx/${x.nginxVersion ?? ''}`], code: 0 }
        : { out: [], err: ['command terminated with exit code 1'], code: 1 };
    case 'ls':
      return args.length === 0 || args[0] === '/'
        ? { out: root(x.kind), err: [], code: 0 }
        : cat(f, args, 'ls');
    case 'cat':
      return cat(f, args, 'cat');
    case 'ps': {
      const spec = x.pod.spec.containers.find((c) => c.name === x.container);
      const main = [...(spec?.command ?? []), ...(spec?.args ?? [])].join(' ') || 'sh';
      return {
        out: ['PID   USER     TIME  COMMAND', `    1 root      0:00 ${main}`, '    7 root      0:00 ps'],
        err: [],
        code: 0,
      };
    }
    default:
      return { out: [], err: [], code: 0 };
  }
}

function cat(f: Record<string, string>, args: readonly string[], tool: string) {
  const out: string[] = [];
  const err: string[] = [];
  for (const a of args) {
    const text = f[a];
    if (text === undefined) err.push(`${tool}: ${a}: No such file or directory`);
    else out.push(tool === 'ls' ? a : text);
  }
  if (err.length > 0) err.push('command terminated with exit code 1');
  return { out, err, code: err.length > 0 ? 1 : 0 };
}

function execIn(ctx: KubectlContext, pod: Pod, container: string, argv: readonly string[]) {
  const node = pod.spec.nodeName ?? '';
  const kubelet = ctx.io.shell.world.cluster.components().find((c) => c.id === `kubelet@${node}`);
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed')
    return failWith(
      ctx,
      `error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`,
    );
  if (!node || kubelet?.state !== 'running')
    return failWith(
      ctx,
      node
        ? `Error from server: error dialing backend: dial tcp ${pod.status.hostIP ?? ''}:10250: connect: connection refused`
        : 'error: unable to upgrade connection: pod does not exist',
    );
  const st = pod.status.containerStatuses.find((c) => c.name === container);
  if (!st || !('running' in st.state))
    return failWith(ctx, `error: unable to upgrade connection: container not found ("${container}")`);
  const spec = pod.spec.containers.find((c) => c.name === container);
  const image = lookupImage(spec?.image ?? '');
  const x: Inside = {
    pod,
    container,
    kind: image.ok ? image.image.kind : 'system',
    ...(image.ok && image.image.nginxVersion ? { nginxVersion: image.image.nginxVersion } : {}),
  };
  if (
    has(x.kind, (argv[0] ?? '').replace(/^\/(usr\/)?s?bin\//, '')) &&
    runNetworkCommand(ctx, pod, x.kind, argv)
  )
    return;
  const r = run(x, argv);
  for (const l of r.out) ctx.io.out(l);
  for (const l of r.err) ctx.io.err(l);
  ctx.io.exit(r.code);
}

export const execVerb: Verb = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
  ],
  run(ctx) {
    const [name, ...argv] = ctx.args;
    if (!name)
      return failWith(
        ctx,
        "error: expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME is a required argument for the exec command\nSee 'kubectl exec -h' for help and examples",
      );
    if (argv.length === 0)
      return failWith(ctx, 'error: you must specify at least one command for the container');
    const interactive = ctx.flags.values.has('stdin') && ctx.flags.values.has('tty');
    if (interactive && ['sh', 'bash', '/bin/sh', '/bin/bash'].includes(argv[0] ?? '') && argv.length === 1)
      return failWith(
        ctx,
        'A shell inside the container is not simulated in this lab yet: run one command at a time, as in kubectl exec POD -- hostname',
      );
    const podName = name.replace(/^(pods?|po)\//, '');
    send(
      ctx.io,
      ctx.server,
      { verb: 'get', resource: 'pods', namespace: ctx.namespace, name: podName },
      (res) => {
        if (!res.ok) return failWith(ctx, apiError(res, ctx.server));
        const pod = res.object;
        if (pod?.kind !== 'Pod')
          return failWith(ctx, `Error from server (NotFound): pods "${podName}" not found`);
        const names = pod.spec.containers.map((c) => c.name);
        const container = flagString(ctx.flags, 'container') ?? names[0] ?? '';
        if (!names.includes(container))
          return failWith(
            ctx,
            `Error from server (BadRequest): container ${container} is not valid for pod ${podName}`,
          );
        execIn(ctx, pod, container, argv);
      },
    );
  },
};
