// The table of commands every host's shell knows, by name.
import type { CommandEntry } from '../command';
import { crictl } from './crictl';
import { docker } from './docker';
import { cat, cd, chown, cp, ls, mkdir, mv, pwd, rm } from './files';
import { kubelet, uname } from './host';
import { ip } from './ip';
import { iptables, iptablesSave } from './iptables';
import { journalctl } from './journalctl';
import { kubeadm } from './kubeadm';
import { kubectl } from './kubectl';
import { ifconfig, route } from './netTools';
import { curl, nslookup, ping } from './network';
import { ps } from './ps';
import { date, df, free } from './resources';
import { sed } from './sed';
import {
  clear,
  exit,
  exportCommand,
  falseCommand,
  history,
  logout,
  scp,
  sleep,
  ssh,
  sudo,
  timeout,
  trueCommand,
  whoami,
} from './session';
import { hostname, lsmod, modprobe, poweroff, reboot, systemctl } from './system';
import { echo, grep, head, tail, wc } from './text';

const entries: CommandEntry[] = [
  kubectl,
  kubeadm,
  docker,
  crictl,
  systemctl,
  journalctl,
  modprobe,
  lsmod,
  reboot,
  poweroff,
  hostname,
  uname,
  kubelet,
  curl,
  iptables,
  iptablesSave,
  ip,
  ifconfig,
  route,
  ps,
  free,
  df,
  date,
  sed,
  ping,
  nslookup,
  ssh,
  exit,
  logout,
  scp,
  sleep,
  timeout,
  sudo,
  clear,
  history,
  trueCommand,
  falseCommand,
  whoami,
  exportCommand,
  cd,
  pwd,
  ls,
  cat,
  mkdir,
  cp,
  mv,
  rm,
  chown,
  grep,
  head,
  tail,
  wc,
  echo,
];

export const commandTable: ReadonlyMap<string, CommandEntry> = new Map(entries.map((e) => [e.name, e]));
