// The hosts' network as CentOS 7's iproute 4.11 and net-tools 2.0 print it: Vagrant's eth0
// and eth1, docker's idle bridge, Calico's tunl0 and one cali* veth per pod, BIRD's routes
// (docs/FACTS-containers.md, "Hosts"). Whole outputs, trailing spaces included.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';

const BASE_W3 = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP group default qlen 1000
    link/ether 08:00:27:2f:c2:03 brd ff:ff:ff:ff:ff:ff
    inet 10.0.2.15/24 brd 10.0.2.255 scope global noprefixroute dynamic eth0
       valid_lft LEASEsec preferred_lft LEASEsec
    inet6 fe80::a00:27ff:fe2f:c203/64 scope link 
       valid_lft forever preferred_lft forever
3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP group default qlen 1000
    link/ether 08:00:27:28:a0:06 brd ff:ff:ff:ff:ff:ff
    inet 192.168.1.103/24 brd 192.168.1.255 scope global noprefixroute eth1
       valid_lft forever preferred_lft forever
    inet6 fe80::a00:27ff:fe28:a006/64 scope link 
       valid_lft forever preferred_lft forever
4: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default 
    link/ether 02:42:f3:9f:39:aa brd ff:ff:ff:ff:ff:ff
    inet 172.17.0.1/16 scope global docker0
       valid_lft forever preferred_lft forever
5: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1440 qdisc noqueue state UNKNOWN group default qlen 1000
    link/ipip 0.0.0.0 brd 0.0.0.0
    inet 172.16.132.0/32 brd 172.16.132.0 scope global tunl0
       valid_lft forever preferred_lft forever`;

// Calico names the host side "cali" + sha1("default.nginx-pod")[:11] = 8b56182ddcf…
const NGINX_VETH = `6: cali8b56182ddcf@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1440 qdisc noqueue state UP group default 
    link/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netnsid 0
    inet6 fe80::ecee:eeff:feee:eeee/64 scope link 
       valid_lft forever preferred_lft forever`;

const ROUTES_W3 = (pod: string) =>
  [
    'default via 10.0.2.2 dev eth0 proto dhcp metric 100 ',
    '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100 ',
    '172.16.103.128/26 via 192.168.1.102 dev tunl0 proto bird onlink ',
    'blackhole 172.16.132.0/26 proto bird ',
    ...(pod ? [pod] : []),
    '172.16.171.64/26 via 192.168.1.10 dev tunl0 proto bird onlink ',
    '172.16.221.128/26 via 192.168.1.101 dev tunl0 proto bird onlink ',
    '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 ',
    '192.168.1.0/24 dev eth1 proto kernel scope link src 192.168.1.103 metric 101 ',
  ].join('\n');

describe('ip, ifconfig and route on a worker', () => {
  it('show a cali veth and its /32 route while a pod runs on the node, and neither after', () => {
    const s = new Session({ seed: 7 });
    const lease = (text: string) =>
      text.replace(/valid_lft (\d+)sec preferred_lft \1sec/, 'valid_lft LEASEsec preferred_lft LEASEsec');
    expect(lease(runAt(s, 'w3-k8s', 'ip addr').text)).toBe(BASE_W3);
    expect(runAt(s, 'w3-k8s', 'ip route').text).toBe(ROUTES_W3(''));
    runAt(s, 'm-k8s', 'kubectl run nginx-pod --image=nginx');
    runAt(s, 'm-k8s', 'sleep 30');
    expect(runAt(s, 'm-k8s', 'kubectl get pod nginx-pod -o wide').text).toContain('172.16.132.1   w3-k8s');
    expect(lease(runAt(s, 'w3-k8s', 'ip a').text)).toBe(`${BASE_W3}\n${NGINX_VETH}`);
    expect(runAt(s, 'w3-k8s', 'ip addr show cali8b56182ddcf').text).toBe(NGINX_VETH);
    expect(runAt(s, 'w3-k8s', 'ip r').text).toBe(ROUTES_W3('172.16.132.1 dev cali8b56182ddcf scope link '));
    expect(runAt(s, 'w3-k8s', 'route -n').text).toBe(
      [
        'Kernel IP routing table',
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
        '0.0.0.0         10.0.2.2        0.0.0.0         UG    100    0        0 eth0',
        '10.0.2.0        0.0.0.0         255.255.255.0   U     100    0        0 eth0',
        '172.16.103.128  192.168.1.102   255.255.255.192 UG    0      0        0 tunl0',
        '172.16.132.0    0.0.0.0         255.255.255.192 U     0      0        0 *',
        '172.16.132.1    0.0.0.0         255.255.255.255 UH    0      0        0 cali8b56182ddcf',
        '172.16.171.64   192.168.1.10    255.255.255.192 UG    0      0        0 tunl0',
        '172.16.221.128  192.168.1.101   255.255.255.192 UG    0      0        0 tunl0',
        '172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 docker0',
        '192.168.1.0     0.0.0.0         255.255.255.0   U     101    0        0 eth1',
      ].join('\n'),
    );
    runAt(s, 'm-k8s', 'kubectl delete pod nginx-pod');
    expect(lease(runAt(s, 'w3-k8s', 'ip addr').text)).toBe(BASE_W3);
    expect(runAt(s, 'w3-k8s', 'ip route').text).toBe(ROUTES_W3(''));
  });

  it('ifconfig names the flags by bit and scales the byte counters', () => {
    const s = new Session({ seed: 7 });
    const text = runAt(s, 'w3-k8s', 'ifconfig').text;
    const blocks = text.split('\n\n');
    // net-tools sorts by name, and ends each block (the last one too) with an empty line.
    expect(blocks.map((b) => b.split(':')[0])).toEqual(['docker0', 'eth0', 'eth1', 'lo', 'tunl0']);
    expect(text.endsWith('collisions 0\n')).toBe(true);
    expect(blocks[0]).toBe(
      [
        'docker0: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500',
        '        inet 172.17.0.1  netmask 255.255.0.0  broadcast 0.0.0.0',
        '        ether 02:42:f3:9f:39:aa  txqueuelen 0  (Ethernet)',
        '        RX packets 0  bytes 0 (0.0 B)',
        '        RX errors 0  dropped 0  overruns 0  frame 0',
        '        TX packets 0  bytes 0 (0.0 B)',
        '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
      ].join('\n'),
    );
    expect(blocks[3]?.split('\n').slice(0, 4)).toEqual([
      'lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536',
      '        inet 127.0.0.1  netmask 255.0.0.0',
      '        inet6 ::1  prefixlen 128  scopeid 0x10<host>',
      '        loop  txqueuelen 1000  (Local Loopback)',
    ]);
    expect(runAt(s, 'w3-k8s', 'ifconfig tunl0').text.split('\n').slice(0, 3)).toEqual([
      'tunl0: flags=193<UP,RUNNING,NOARP>  mtu 1440',
      '        inet 172.16.132.0  netmask 255.255.255.255',
      '        tunnel   txqueuelen 1000  (IPIP Tunnel)',
    ]);
    expect(runAt(s, 'w3-k8s', 'ifconfig tunl0').text).toMatch(/RX packets \d+ {2}bytes \d+ \(\d+\.\d KiB\)/);
  });

  it('hostname -I lists the global IPv4 addresses; ip -4 leaves out link lines and IPv6', () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'w3-k8s', 'hostname -I').text).toBe('10.0.2.15 192.168.1.103 172.17.0.1 172.16.132.0 ');
    expect(runAt(s, 'w3-k8s', 'hostname -i').text).toBe('192.168.1.103');
    expect(runAt(s, 'w3-k8s', 'ip -4 addr show eth1').text).toBe(
      [
        '3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP group default qlen 1000',
        '    inet 192.168.1.103/24 brd 192.168.1.255 scope global noprefixroute eth1',
        '       valid_lft forever preferred_lft forever',
      ].join('\n'),
    );
    expect(runAt(s, 'w3-k8s', 'ip link show tunl0').text).toBe(
      [
        '5: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1440 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000',
        '    link/ipip 0.0.0.0 brd 0.0.0.0',
      ].join('\n'),
    );
  });

  it("answers bad input with the tools' own errors", () => {
    const s = new Session({ seed: 7 });
    expect(runAt(s, 'w1-k8s', 'ip addr show eth9')).toMatchObject({
      stderr: 'Device "eth9" does not exist.',
      code: 1,
    });
    expect(runAt(s, 'w1-k8s', 'ip foo')).toMatchObject({
      stderr: 'Object "foo" is unknown, try "ip help".',
      code: 255,
    });
    expect(runAt(s, 'w1-k8s', 'ifconfig eth9')).toMatchObject({
      stderr: 'eth9: error fetching interface information: Device not found',
      code: 1,
    });
  });
});
