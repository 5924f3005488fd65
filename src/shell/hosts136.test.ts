// The second edition's hosts under 1.36: their NICs as systemd-networkd sets them up (the box
// keeps eth0/eth1, bento's net.ifnames=0) with IPv6 off, and their disk as Ubuntu's installer
// lays it out, with containerd's mounts (not docker's). The book's lab keeps CentOS 7's.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { runAt } from './testing/drive';

describe('ip under 1.36', () => {
  it('shows networkd’s addresses on eth0/eth1 and no IPv6', () => {
    const s = new Session({ seed: 1, profile: '1.36' });
    const addr = runAt(s, 'w1-k8s', 'ip addr').text;
    expect(addr).toContain('    inet 10.0.2.15/24 metric 100 brd 10.0.2.255 scope global dynamic eth0\n');
    expect(addr).toContain(
      '    inet 192.168.1.101/24 brd 192.168.1.255 scope global eth1\n       valid_lft forever preferred_lft forever\n',
    );
    expect(addr).not.toContain('inet6');
    expect(addr).not.toContain('noprefixroute');
    expect(runAt(s, 'w1-k8s', 'ip -6 addr')).toMatchObject({ text: '', code: 0 });
    expect(runAt(s, 'w1-k8s', 'ifconfig eth1').text).not.toContain('inet6');
    expect(runAt(s, 'w1-k8s', 'ip route').text.split('\n').slice(0, 4)).toEqual([
      'default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100 ',
      '10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100 ',
      '10.0.2.2 dev eth0 proto dhcp scope link src 10.0.2.15 metric 100 ',
      '10.0.2.3 dev eth0 proto dhcp scope link src 10.0.2.15 metric 100 ',
    ]);
    expect(runAt(s, 'w1-k8s', 'ip route').text).toMatch(
      /^192\.168\.1\.0\/24 dev eth1 proto kernel scope link src 192\.168\.1\.101 $/m,
    );
  });

  it('stays NetworkManager’s with IPv6 in the book’s lab', () => {
    const s = new Session({ seed: 1 });
    const addr = runAt(s, 'w1-k8s', 'ip addr').text;
    expect(addr).toContain('    inet 10.0.2.15/24 brd 10.0.2.255 scope global noprefixroute dynamic eth0\n');
    expect(addr).toContain('    inet6 ::1/128 scope host \n');
    expect(runAt(s, 'w1-k8s', 'ip route').text.split('\n')[0]).toBe(
      'default via 10.0.2.2 dev eth0 proto dhcp metric 100 ',
    );
  });
});

describe('df under 1.36', () => {
  it('lists Ubuntu’s LVM root, its memory mounts and containerd’s rootfs and shm mounts', () => {
    const s = new Session({ seed: 1, profile: '1.36' });
    const lines = runAt(s, 'w1-k8s', 'df -h').text.split('\n');
    // A worker has 2 GB: /run is a tenth of it, /dev/shm half.
    expect(lines.slice(0, 7)).toEqual([
      'Filesystem                         Size  Used Avail Use% Mounted on',
      'tmpfs                              197M  1.9M  195M   1% /run',
      '/dev/mapper/ubuntu--vg-ubuntu--lv   31G  7.0G   22G  25% /',
      'tmpfs                              983M     0  983M   0% /dev/shm',
      'tmpfs                              5.0M     0  5.0M   0% /run/lock',
      '/dev/sda2                          2.0G  110M  1.7G   6% /boot',
      'tmpfs                              197M  4.0K  197M   1% /run/user/0',
    ]);
    const rest = lines.slice(7);
    expect(rest.length).toBeGreaterThan(0);
    for (const l of rest)
      expect(l).toMatch(
        /^(overlay {29}31G {2}7\.0G {3}22G {2}25% \/run\/containerd\/io\.containerd\.runtime\.v2\.task\/k8s\.io\/[0-9a-f]{64}\/rootfs|shm {33}64M {5}0 {3}64M {3}0% \/run\/containerd\/io\.containerd\.grpc\.v1\.cri\/sandboxes\/[0-9a-f]{64}\/shm)$/,
      );
    // Each sandbox's shm is under the sandbox's own ID, which crictl pods names (its first 13 digits).
    const pods = runAt(s, 'w1-k8s', 'crictl pods')
      .text.split('\n')
      .slice(1)
      .map((l) => l.slice(0, 13));
    const shm = rest.filter((l) => l.startsWith('shm')).map((l) => (l.split('/')[5] ?? '').slice(0, 13));
    expect(shm.sort()).toEqual(pods.sort());
  });

  it('stays CentOS 7’s with docker’s mounts in the book’s lab', () => {
    const s = new Session({ seed: 1 });
    const text = runAt(s, 'w1-k8s', 'df -h').text;
    expect(text.split('\n')[1]).toBe('/dev/mapper/centos-root   38G  3.7G   35G  10% /');
    expect(text).toContain('tmpfs                    1.2G     0  1.2G   0% /sys/fs/cgroup');
    expect(text).toMatch(/\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged$/m);
  });
});
