// kube-proxy on one node (iptables mode): it lists and watches Services and
// Endpoints through the API server and, whenever what it has seen changes,
// rewrites its chains in the node's nat and filter tables (iptables-restore).
// It runs inside its DaemonSet pod: when that container is not running, nothing
// rewrites the rules, and the last ones it wrote stay in the kernel until a reboot.
import { ApiClient } from '../client';
import { Informer } from '../informer';
import type { Message, Net } from '../net';
import type { Endpoints, Service } from '../objects';
import type { ProxierTables, ProxierVersion } from '../proxierRules';
import { proxierTables } from '../proxierRules';
import type { ComponentLogic } from './processMachine';

export const kubeProxyId = (node: string) => `kube-proxy@${node}`;

/** What kube-proxy last wrote on a node, and when (a reboot empties the tables). */
export interface WrittenRules {
  readonly at: number;
  readonly tables: ProxierTables;
}

export class KubeProxyLogic implements ComponentLogic {
  private readonly client: ApiClient;
  private readonly services: Informer<Service>;
  private readonly endpoints: Informer<Endpoints>;
  private dirty = false;
  private wasAlive = false;
  private lastText = '';

  constructor(
    private readonly net: Net,
    private readonly node: string,
    /** Its container runs on the node now. */
    private readonly alive: () => boolean,
    private readonly write: (rules: WrittenRules) => void,
    /** Whose proxier this is (the profile's netfilter). */
    private readonly version?: ProxierVersion,
  ) {
    this.client = new ApiClient(net, kubeProxyId(node));
    const changed = () => {
      this.dirty = true;
    };
    this.services = new Informer<Service>(this.client, 'services', changed);
    this.endpoints = new Informer<Endpoints>(this.client, 'endpoints', changed);
  }

  start(): void {
    this.wasAlive = false;
    this.wake();
  }

  stop(): void {
    this.client.reset();
    this.services.reset();
    this.endpoints.reset();
    this.wasAlive = false;
    this.lastText = '';
  }

  apiDown(): void {
    if (!this.wasAlive) return;
    this.services.disconnected(this.net.now());
    this.endpoints.disconnected(this.net.now());
  }

  /** Its container started or stopped since the last look. */
  private wake(): void {
    const alive = this.alive();
    if (alive && !this.wasAlive) {
      this.client.activate();
      this.services.reset();
      this.endpoints.reset();
      this.lastText = '';
      this.services.start(this.net.now());
      this.endpoints.start(this.net.now());
      // A fresh process writes its rules on its first sync, whatever the kernel holds.
      this.dirty = true;
    } else if (!alive && this.wasAlive) {
      this.client.reset();
      this.services.reset();
      this.endpoints.reset();
    }
    this.wasAlive = alive;
  }

  receive(m: Message): void {
    if (!this.wasAlive) return;
    if (this.client.handle(m)) {
      this.sync();
      return;
    }
    if (this.services.handle(m) || this.endpoints.handle(m)) this.sync();
  }

  tick(): void {
    this.wake();
    if (!this.wasAlive) return;
    const now = this.net.now();
    this.services.tick(now);
    this.endpoints.tick(now);
    this.sync();
  }

  private sync(): void {
    if (!this.dirty || !this.services.synced || !this.endpoints.synced) return;
    this.dirty = false;
    const tables = proxierTables(this.services.list(), this.endpoints.list(), this.version);
    const text = JSON.stringify(tables);
    if (text === this.lastText) return;
    this.lastText = text;
    this.write({ at: this.net.now(), tables });
    const n = tables.nat.rules.length + tables.filter.rules.length;
    this.net.send(
      kubeProxyId(this.node),
      `host@${this.node}`,
      'iptables.restore',
      `iptables-restore: ${n} rules`,
      {},
      { latency: 1 },
    );
  }
}
