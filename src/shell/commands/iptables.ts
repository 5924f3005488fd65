// iptables and iptables-save on the lab's CentOS 7 (iptables v1.4.21, legacy), or on
// Ubuntu 24.04 (iptables-nft 1.8.10, the profile's netfilter): `-L [CHAIN] [-n]` with
// print_header/print_firewall's columns, `-S [CHAIN]` and iptables-save in the normalised
// order of their save functions (addresses, interfaces and protocol first, then each match
// as it was given, then the target).
import type { HostTables, Match, Rule, Table, TableName } from '../../sim/api';
import { builtinChains } from '../../sim/hostIptables';
import type { NetfilterVersion } from '../../sim/profiles/profile';
import type { CommandIO } from '../command';
import { defineCommand, fail, ok } from '../command';
import { labProfile } from '../labProfile';
import { LAB_EPOCH_MS, labEpoch } from '../wallClock';

const builtins: Record<TableName, readonly string[]> = builtinChains;

/** xtables_save_string: bare when only [-_0-9a-zA-Z], else in double quotes. */
function saveString(s: string): string {
  return /^[-_0-9a-zA-Z]+$/.test(s) ? s : `"${s.replace(/(["\\'])/g, '\\$1')}"`;
}

/** `-d 10.96.0.1/32`: iptables-save always writes the mask. */
function saveAddr(flag: string, a: Rule['src']): string {
  if (!a) return '';
  const cidr = a.cidr.includes('/') ? a.cidr : `${a.cidr}/32`;
  return `${a.not ? ' !' : ''} ${flag} ${cidr}`;
}

function saveMatch(m: Match): string {
  switch (m.m) {
    case 'comment':
      return ` -m comment --comment ${saveString(m.comment)}`;
    case 'tcp':
    case 'udp':
      return ` -m ${m.m}${m.dport !== undefined ? ` --dport ${m.dport}` : ''}`;
    case 'statistic':
      return ` -m statistic --mode random --probability ${kernelProbability(m.probability)}`;
    case 'addrtype':
      return ` -m addrtype --dst-type ${m.dstType}`;
    case 'mark':
      return ` -m mark${m.not ? ' !' : ''} --mark ${m.mark}`;
    case 'conntrack':
      return ` -m conntrack${m.not ? ' !' : ''} --ctstate ${m.ctstate}`;
    case 'nfacct':
      // libxt_nfacct's save prints the option and the name with two spaces between.
      return ` -m nfacct --nfacct-name  ${m.name}`;
  }
}

/** The kernel keeps the probability as a 31-bit fraction; libxt_statistic prints it with %.11f. */
function kernelProbability(p: string): string {
  return (Math.round(0x80000000 * Number(p)) / 0x80000000).toFixed(11);
}

function saveTarget(r: Rule): string {
  if (r.target === 'DNAT') return ` -j DNAT --to-destination ${r.toDestination ?? ''}`;
  if (r.target === 'MARK') return ` -j MARK --set-xmark ${r.setXmark ?? ''}`;
  if (r.target === 'REJECT') return ' -j REJECT --reject-with icmp-port-unreachable';
  if (r.randomFully) return ` -j ${r.target} --random-fully`;
  return ` -j ${r.target}`;
}

export function saveRule(r: Rule): string {
  const iface =
    (r.inIface ? ` -i ${r.inIface}` : '') +
    (r.outIface ? `${r.outIface.not ? ' !' : ''} -o ${r.outIface.cidr}` : '');
  return `-A ${r.chain}${saveAddr('-s', r.src)}${saveAddr('-d', r.dst)}${iface}${r.proto ? ` -p ${r.proto}` : ''}${r.matches.map(saveMatch).join('')}${saveTarget(r)}`;
}

/** `iptables -S [CHAIN]`. */
export function listRules(t: Table, table: TableName, chain?: string): string[] {
  const chains = chain ? [chain] : [...builtins[table], ...t.chains];
  const out: string[] = [];
  for (const c of chains) out.push(builtins[table].includes(c) ? `-P ${c} ACCEPT` : `-N ${c}`);
  for (const c of chains) for (const r of t.rules) if (r.chain === c) out.push(saveRule(r));
  return out;
}

/** What `iptables -L` prints for an address when it may look names up (/etc/hosts, /etc/networks). */
const bookNames: Record<string, string> = {
  '192.168.1.10': 'm-k8s',
  '192.168.1.101': 'w1-k8s',
  '192.168.1.102': 'w2-k8s',
  '192.168.1.103': 'w3-k8s',
  '127.0.0.0': 'loopback',
};
/** /etc/services names of the ports the lab's rules use. */
const services: Record<number, string> = { 53: 'domain', 80: 'http', 443: 'https' };

/** The lab's names: the book's, with the profile's control plane (cp-k8s) at 192.168.1.10 (its /etc/hosts). */
function namesOf(master: string): Record<string, string> {
  return master === 'm-k8s' ? bookNames : { ...bookNames, '192.168.1.10': master };
}

function listAddr(a: Rule['src'], numeric: boolean, names: Record<string, string>): string {
  if (!a) return numeric ? '0.0.0.0/0' : 'anywhere';
  const [ip = '', bits] = a.cidr.split('/');
  const mask = bits && bits !== '32' ? `/${bits}` : '';
  if (numeric) return `${ip}${mask}`;
  return `${names[ip] ?? ip}${mask}`;
}

function listMatch(m: Match, numeric: boolean): string {
  switch (m.m) {
    case 'comment':
      return ` /* ${m.comment} */`;
    case 'tcp':
    case 'udp':
      return ` ${m.m}${m.dport !== undefined ? ` dpt:${numeric ? m.dport : (services[m.dport] ?? m.dport)}` : ''}`;
    case 'statistic':
      return ` statistic mode random probability ${kernelProbability(m.probability)}`;
    case 'addrtype':
      return ` ADDRTYPE match dst-type ${m.dstType}`;
    case 'mark':
      return ` mark match${m.not ? ' !' : ''} ${m.mark}`;
    case 'conntrack':
      return `${m.not ? ' !' : ''} ctstate ${m.ctstate}`;
    case 'nfacct':
      return ` nfacct-name  ${m.name}`;
  }
}

function listTarget(r: Rule): string {
  if (r.target === 'DNAT') return ` to:${r.toDestination ?? ''}`;
  if (r.target === 'MARK') {
    // libxt_MARK's print: `or` for value = mask, `xor` for mask 0.
    const [value = '', mask = ''] = (r.setXmark ?? '').split('/');
    return Number(mask) === 0 ? ` MARK xor ${value}` : ` MARK or ${value}`;
  }
  if (r.target === 'REJECT') return ' reject-with icmp-port-unreachable';
  if (r.randomFully) return ' random-fully';
  return '';
}

/** /etc/protocols' numbers, which iptables-nft 1.8.9–1.8.10 prints for `-n`. */
const protocolNumbers: Record<string, number> = { all: 0, tcp: 6, udp: 17 };

function listRule(r: Rule, numeric: boolean, nft: boolean, names: Record<string, string>): string {
  const target = `${r.target.padEnd(9)} `;
  const name = r.proto ?? 'all';
  // 1.8.10's print_rule_details: `%-4s ` (or `%-4hu ` with -n); 1.4.21's `%-5s`: the same width.
  const proto = ` ${(nft && numeric ? String(protocolNumbers[name]) : name).padEnd(5)}`;
  const src = `${r.src?.not ? '!' : ' '}${listAddr(r.src, numeric, names).padEnd(19)} `;
  const dst = `${r.dst?.not ? '!' : ' '}${listAddr(r.dst, numeric, names).padEnd(19)} `;
  return `${target}${proto}-- ${src}${dst}${r.matches.map((m) => listMatch(m, numeric)).join('')}${listTarget(r)}`.trimEnd();
}

/** `iptables -L [CHAIN] [-n]`. */
export function listChains(
  t: Table,
  table: TableName,
  chain: string | undefined,
  numeric: boolean,
  /** iptables-nft's protocol numbers under -n, and the control plane's name. */
  lab: { readonly nft: boolean; readonly master: string } = { nft: false, master: 'm-k8s' },
): string[] {
  const names = namesOf(lab.master);
  const chains = chain ? [chain] : [...builtins[table], ...t.chains];
  const out: string[] = [];
  chains.forEach((c, i) => {
    if (i > 0) out.push('');
    const refs = t.rules.filter((r) => r.target === c).length;
    out.push(builtins[table].includes(c) ? `Chain ${c} (policy ACCEPT)` : `Chain ${c} (${refs} references)`);
    out.push('target     prot opt source               destination         ');
    for (const r of t.rules) if (r.chain === c) out.push(listRule(r, numeric, lab.nft, names));
  });
  return out;
}

/** ctime(3): `Mon Jul  6 01:02:03 2020`. */
function ctime(simMs: number, epochMs: number): string {
  const d = new Date(epochMs + Math.floor(simMs / 1000) * 1000);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ];
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * iptables-save: each table between `*name` and COMMIT. The lab keeps no packet
 * counters, so every chain shows [0:0] (a real host counts its traffic there).
 */
export function saveTables(
  tables: HostTables,
  now: number,
  only?: TableName,
  epochMs = LAB_EPOCH_MS,
  version: Pick<NetfilterVersion, 'iptables' | 'backend'> = LEGACY,
): string[] {
  const out: string[] = [];
  // Legacy lists the tables as the kernel loaded them (nat, then filter here); iptables-nft in
  // the order of its table list, mangle before filter before nat.
  const order =
    version.backend === 'nft' ? (['mangle', 'filter', 'nat'] as const) : (['nat', 'filter'] as const);
  for (const name of order) {
    if (only && only !== name) continue;
    const t = tables[name];
    if (!t) continue;
    out.push(`# Generated by iptables-save ${version.iptables} on ${ctime(now, epochMs)}`, `*${name}`);
    for (const c of builtins[name]) out.push(`:${c} ACCEPT [0:0]`);
    for (const c of t.chains) out.push(`:${c} - [0:0]`);
    for (const c of [...builtins[name], ...t.chains])
      for (const r of t.rules) if (r.chain === c) out.push(saveRule(r));
    out.push('COMMIT', `# Completed on ${ctime(now, epochMs)}`);
  }
  return out;
}

interface IptablesCmd {
  readonly table: TableName;
  readonly action: 'L' | 'S';
  readonly chain?: string;
  readonly numeric: boolean;
}

const LEGACY: Pick<NetfilterVersion, 'iptables' | 'backend'> = { iptables: 'v1.4.21', backend: 'legacy' };

function tablesOf(io: CommandIO): HostTables | undefined {
  return io.shell.world.cluster.iptables(io.shell.host);
}

function netfilterOf(io: Pick<CommandIO, 'shell'>): NetfilterVersion {
  return labProfile(io.shell).netfilter;
}

export const iptables = defineCommand<IptablesCmd>({
  name: 'iptables',
  parse(args, shell) {
    const nf = netfilterOf({ shell });
    let table: TableName = 'filter';
    let action: 'L' | 'S' | undefined;
    let chain: string | undefined;
    let numeric = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-t' || a === '--table') {
        const t = args[++i];
        if (t !== 'nat' && t !== 'filter' && !(t === 'mangle' && nf.backend === 'nft'))
          return fail(
            `iptables ${nf.iptables}: can't initialize iptables table \`${t ?? ''}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.`,
            3,
          );
        table = t;
      } else if (/^-[LSn]+$/.test(a) || a === '--list' || a === '--list-rules' || a === '--numeric') {
        if (a.includes('L') || a === '--list') action = 'L';
        if (a.includes('S') || a === '--list-rules') action = 'S';
        if (a.includes('n') || a === '--numeric') numeric = true;
        const next = args[i + 1];
        if ((a.includes('L') || a.includes('S') || a.startsWith('--list')) && next && !next.startsWith('-')) {
          chain = next;
          i++;
        }
      } else if (a === '-v' || a === '--line-numbers') {
        // Accepted; counters and line numbers are not modelled.
      } else
        return fail(
          `iptables ${nf.iptables}: podscope: only -L, -S, -n and -t ${nf.backend === 'nft' ? 'nat|filter|mangle' : 'nat|filter'} are simulated (changing rules is kube-proxy's job)\nTry \`iptables -h' or 'iptables --help' for more information.`,
          2,
        );
    }
    if (!action)
      return fail(
        `iptables ${nf.iptables}: no command specified\nTry \`iptables -h' or 'iptables --help' for more information.`,
        2,
      );
    return ok({ table, action, ...(chain ? { chain } : {}), numeric });
  },
  run(cmd, io) {
    const tables = tablesOf(io);
    if (!tables) return io.exit(1);
    const t = tables[cmd.table];
    if (!t) return io.exit(1);
    if (cmd.chain && !builtins[cmd.table].includes(cmd.chain) && !t.chains.includes(cmd.chain)) {
      io.err('iptables: No chain/target/match by that name.');
      return io.exit(1);
    }
    const lines =
      cmd.action === 'S'
        ? listRules(t, cmd.table, cmd.chain)
        : listChains(t, cmd.table, cmd.chain, cmd.numeric, {
            nft: netfilterOf(io).backend === 'nft',
            master: labProfile(io.shell).master.name,
          });
    io.out(lines.join('\n'));
    // iptables-nft's check for legacy tables (nft_check_xt_legacy), written to stderr: a `| grep` keeps it.
    if (netfilterOf(io).legacyTablesPresent)
      io.err('# Warning: iptables-legacy tables present, use iptables-legacy to see them');
    io.exit(0);
  },
});

export const iptablesSave = defineCommand<{ readonly table?: TableName }>({
  name: 'iptables-save',
  parse(args, shell) {
    const nft = netfilterOf({ shell }).backend === 'nft';
    const at = args.findIndex((a) => a === '-t' || a === '--table');
    if (at < 0) return ok({});
    const t = args[at + 1];
    if (t !== 'nat' && t !== 'filter' && !(t === 'mangle' && nft))
      return fail(
        `iptables-save: podscope: only the ${nft ? 'mangle, nat' : 'nat'} and filter tables are simulated`,
        1,
      );
    return ok({ table: t });
  },
  run(cmd, io) {
    const tables = tablesOf(io);
    if (!tables) return io.exit(1);
    io.out(
      saveTables(
        tables,
        io.shell.world.now(),
        cmd.table,
        labEpoch(io.shell.world.cluster),
        netfilterOf(io),
      ).join('\n'),
    );
    if (netfilterOf(io).legacyTablesPresent)
      io.err('# Warning: iptables-legacy tables present, use iptables-legacy-save to see them');
    io.exit(0);
  },
});
