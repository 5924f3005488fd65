// free -h, df -h (coreutils 8.22) and date, as the book's CentOS 7 VMs answer (free as
// procps-ng 3.3.10 or, under 1.36, Ubuntu's 4.0.4 lays it out): memory from the
// Vagrantfile's sizes (the profile's) and the processes running now, the box's disk plus
// docker's overlay2 and shm mounts for each container.
import { defineCommand, fail, ok } from '../command';
import { layerId } from '../host/containerIds';
import { hostProcesses } from '../host/hostProcesses';
import { nodeContainers } from '../host/nodeContainers';
import { BASE_USED_KIB, BUFF_CACHE_KIB } from '../hostFacts';
import { labProfile } from '../labProfile';
import { labEpoch } from '../wallClock';

/**
 * procps 4's scale_size (free.c): binary units named Ki, Mi, Gi; one decimal below 10,
 * else a whole number (`3.8Gi`, `504Mi`, `15Gi`, as a real 4.x free prints them).
 */
function human4(kib: number): string {
  if (kib === 0) return '0B';
  const units = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let v = kib;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return v < 10 ? `${v.toFixed(1)}${units[i]}` : `${Math.floor(v)}${units[i]}`;
}

/** procps' scale_size: one decimal when it fits in 4 characters, else a whole number. */
function human(kib: number): string {
  if (kib === 0) return '0B';
  const units = 'KMGTPE';
  for (let i = 0; i < units.length; i++) {
    const v = kib / 1024 ** i;
    const one = `${v.toFixed(1)}${units[i]}`;
    if (one.length <= 4) return one;
    const whole = `${Math.floor(v)}${units[i]}`;
    if (whole.length <= 4) return whole;
  }
  return `${kib}K`;
}

export const free = defineCommand<'human' | 'kib' | 'mib'>({
  name: 'free',
  parse(args) {
    const bad = args.find((a) => !['-h', '--human', '-m', '--mega', '-k', '--kilo'].includes(a));
    if (bad)
      return fail(
        `free: invalid option -- '${bad.replace(/^-+/, '').slice(0, 1)}'\n\nUsage:\n free [options]`,
        1,
      );
    return ok(
      args.some((a) => a.startsWith('-h') || a === '--human')
        ? 'human'
        : args.some((a) => a === '-m' || a === '--mega')
          ? 'mib'
          : 'kib',
    );
  },
  run(unit, io) {
    const cluster = io.shell.world.cluster;
    const host = cluster.host(io.shell.host);
    if (!host) return io.exit(1);
    const role = host.role;
    const { memTotalKib, freeLayout } = labProfile(io.shell).node;
    const four = freeLayout === 'procps-4';
    const total = memTotalKib[role];
    const rss = hostProcesses(cluster, host, io.shell.world.now()).reduce((n, p) => n + p.rssKib, 0);
    const used = Math.min(total - 100_000, BASE_USED_KIB + rss);
    const cache = Math.min(BUFF_CACHE_KIB[role], total - used - 60_000);
    const freeKib = total - used - cache;
    const shared = 9_868;
    const available = freeKib + Math.floor(cache * 0.78);
    const show = (kib: number) =>
      unit === 'human' ? (four ? human4 : human)(kib) : String(unit === 'mib' ? Math.floor(kib / 1024) : kib);
    // 4.x prints its labels in 9 columns ("%-9s"), 3.3.10 in 7.
    const labelWidth = four ? 9 : 7;
    const row = (label: string, values: number[]) =>
      `${label.padEnd(labelWidth)}${values.map((v, i) => `${four && i === 0 ? '' : ' '}${show(v).padStart(11)}`).join('')}`;
    io.out(
      [
        `${four ? ' ' : ''}              total        used        free      shared  buff/cache   available`,
        row('Mem:', [total, used, freeKib, shared, cache, available]),
        // config.sh turns swap off (swapoff -a, and comments it out of /etc/fstab).
        row('Swap:', [0, 0, 0]),
      ].join('\n'),
    );
    io.exit(0);
  },
});

interface Mount {
  readonly source: string;
  readonly sizeKib: number;
  readonly usedKib: number;
  /** ext4's blocks kept for root: not in Avail. */
  readonly reservedKib?: number;
  readonly target: string;
}

/**
 * The memory file systems each distribution mounts before /boot, for a machine of `total` KiB:
 * CentOS 7's devtmpfs and tmpfs at half of memory, cgroup v1's /sys/fs/cgroup; Ubuntu 24.04's
 * /run at a tenth (initramfs-tools), /dev/shm at half, /run/lock at 5 MiB, and no cgroup tmpfs
 * (cgroup v2). Ubuntu's /dev (devtmpfs `udev`) is not listed, as its df shows none.
 */
const MEMORY_MOUNTS: Record<'centos7' | 'ubuntu24', (total: number) => readonly Mount[]> = {
  centos7: (total) => {
    const half = Math.floor(total / 2);
    return [
      { source: 'devtmpfs', sizeKib: half - 12_000, usedKib: 0, target: '/dev' },
      { source: 'tmpfs', sizeKib: half, usedKib: 0, target: '/dev/shm' },
      { source: 'tmpfs', sizeKib: half, usedKib: 9_868, target: '/run' },
      { source: 'tmpfs', sizeKib: half, usedKib: 0, target: '/sys/fs/cgroup' },
    ];
  },
  ubuntu24: (total) => [
    { source: 'tmpfs', sizeKib: Math.floor(total / 2), usedKib: 0, target: '/dev/shm' },
    { source: 'tmpfs', sizeKib: 5_120, usedKib: 0, target: '/run/lock' },
  ],
};

/** Where /run sits: CentOS 7 mounts it after /dev/shm; Ubuntu's initramfs mounts it before the root. */
const RUN_FIRST: Record<'centos7' | 'ubuntu24', boolean> = { centos7: false, ubuntu24: true };

/** df's sizes: like free's, but rounded up, as df rounds (coreutils human_ceiling). */
function dfHuman(kib: number): string {
  if (kib === 0) return '0';
  const units = 'KMGTPE';
  for (let i = 0; i < units.length; i++) {
    const v = kib / 1024 ** i;
    // Below 10 of a unit, one decimal (df counts bytes: 4 KiB is `4.0K`).
    if (v < 10) return `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[i]}`;
    if (v < 1024) return `${Math.ceil(v)}${units[i]}`;
  }
  return `${kib}K`;
}

export const df = defineCommand<boolean>({
  name: 'df',
  parse(args) {
    const bad = args.find((a) => !['-h', '--human-readable', '-k'].includes(a));
    if (bad)
      return fail(
        `df: invalid option -- '${bad.replace(/^-+/, '').slice(0, 1)}'\nTry 'df --help' for more information.`,
        1,
      );
    return ok(args.includes('-h') || args.includes('--human-readable'));
  },
  run(humanSizes, io) {
    const cluster = io.shell.world.cluster;
    const host = cluster.host(io.shell.host);
    if (!host) return io.exit(1);
    const { memTotalKib, disk } = labProfile(io.shell).node;
    const total = memTotalKib[host.role];
    const containerd = labProfile(io.shell).runtime.service === 'containerd';
    const containers = nodeContainers(cluster, io.shell.host);
    const fs = (f: typeof disk.root, target: string): Mount => ({
      source: f.device,
      sizeKib: f.sizeKib,
      usedKib: f.usedKib,
      ...(f.reservedKib ? { reservedKib: f.reservedKib } : {}),
      target,
    });
    const root = fs(disk.root, '/');
    const runFirst = RUN_FIRST[disk.memoryMounts];
    const mounts: Mount[] = [
      // Ubuntu's /run: a tenth of memory, containerd's state and systemd's in it.
      ...(runFirst
        ? [{ source: 'tmpfs', sizeKib: Math.floor(total / 10), usedKib: 1_844, target: '/run' }]
        : []),
      root,
      ...MEMORY_MOUNTS[disk.memoryMounts](total),
      fs(disk.boot, '/boot'),
      { source: 'tmpfs', sizeKib: Math.floor(total / 10), usedKib: runFirst ? 4 : 0, target: '/run/user/0' },
      ...containers.flatMap((c) =>
        containerd
          ? // containerd's runc shim mounts each container's (and sandbox's) rootfs under its task
            // directory; the CRI plugin gives each sandbox its /dev/shm.
            [
              {
                ...root,
                source: 'overlay',
                target: `/run/containerd/io.containerd.runtime.v2.task/k8s.io/${c.fullId}/rootfs`,
              },
              ...(c.container
                ? []
                : [
                    {
                      source: 'shm',
                      sizeKib: 65_536,
                      usedKib: 0,
                      target: `/run/containerd/io.containerd.grpc.v1.cri/sandboxes/${c.fullId}/shm`,
                    },
                  ]),
            ]
          : // docker's overlay2 mounts every container's root; a pod's sandbox holds its /dev/shm.
            [
              // overlay2 names the directory after the container's read-write layer, not the container.
              { ...root, source: 'overlay', target: `/var/lib/docker/overlay2/${layerId(c.id)}/merged` },
              ...(c.container
                ? []
                : [
                    {
                      source: 'shm',
                      sizeKib: 65_536,
                      usedKib: 0,
                      target: `/var/lib/docker/containers/${c.fullId}/shm`,
                    },
                  ]),
            ],
      ),
    ];
    const size = (k: number) => (humanSizes ? dfHuman(k) : String(k));
    const rows = mounts.map((m) => {
      const avail = m.sizeKib - m.usedKib - (m.reservedKib ?? 0);
      // coreutils: Use% is used / (used + avail), rounded up (the same as / size with nothing reserved).
      return [
        m.source,
        size(m.sizeKib),
        size(m.usedKib),
        size(avail),
        `${m.usedKib === 0 ? 0 : Math.ceil((m.usedKib / (m.usedKib + avail)) * 100)}%`,
        m.target,
      ];
    });
    const header = [
      'Filesystem',
      humanSizes ? 'Size' : '1K-blocks',
      'Used',
      humanSizes ? 'Avail' : 'Available',
      'Use%',
      'Mounted on',
    ];
    // coreutils 8.22's smallest widths: Filesystem 14, the sizes 5, Use% 4.
    const minWidths = [14, 5, 5, 5, 4, 0];
    const widths = header.map((h, i) =>
      Math.max(minWidths[i] as number, h.length, ...rows.map((r) => (r[i] as string).length)),
    );
    const line = (r: string[]) =>
      r
        .map((cell, i) =>
          i === 0 || i === 5
            ? i === 5
              ? cell
              : cell.padEnd(widths[i] as number)
            : cell.padStart(widths[i] as number),
        )
        .join(' ');
    io.out([header, ...rows].map(line).join('\n'));
    io.exit(0);
  },
});

export const date = defineCommand<null>({
  name: 'date',
  parse: (args) => (args.length === 0 ? ok(null) : fail(`date: invalid date ‘${args[0]}’`, 1)),
  run(_, io) {
    const d = new Date(labEpoch(io.shell.world.cluster) + Math.floor(io.shell.world.now() / 1000) * 1000);
    const [wd, mon, day, year, time] = [
      ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()],
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()],
      String(d.getUTCDate()).padStart(2),
      d.getUTCFullYear(),
      d.toISOString().slice(11, 19),
    ];
    io.out(`${wd} ${mon} ${day} ${time} UTC ${year}`);
    io.exit(0);
  },
});
