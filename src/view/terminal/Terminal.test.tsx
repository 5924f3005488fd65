// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../shell/session';
import type { SimMs } from '../../sim/units';
import { shellSession } from './shellSession';
import { Terminal } from './Terminal';

afterEach(cleanup);

function setup(props: Partial<Parameters<typeof Terminal>[0]> = {}) {
  const session = new Session({ seed: 1 });
  const lab = shellSession(session);
  const onCommand = vi.fn();
  render(<Terminal session={lab} lang="en" onCommand={onCommand} {...props} />);
  const box = (host = 'm-k8s') => screen.getByRole('textbox', { name: `Terminal, ${host}` });
  const log = (host = 'm-k8s') => screen.getByRole('log', { name: `Terminal output, ${host}` });
  const type = (line: string, host = 'm-k8s') => {
    fireEvent.change(box(host), { target: { value: line } });
    fireEvent.keyDown(box(host), { key: 'Enter' });
  };
  const advance = (ms: number) =>
    act(() => {
      session.advanceTo((session.now() + ms) as SimMs);
      lab.changed();
    });
  return { session, onCommand, box, log, type, advance };
}

describe('Terminal', () => {
  it('prints what a command prints, under its prompt and line', () => {
    const t = setup();
    t.type('hostname');
    expect(t.log().textContent).toContain('[root@m-k8s ~]# hostname');
    expect(within(t.log()).getAllByText('m-k8s').length).toBeGreaterThan(0);
    expect(t.onCommand).toHaveBeenCalledWith('m-k8s', 'hostname');
  });

  it('shows kubectl output when cluster time has moved, and marks the line until it is done', () => {
    const t = setup();
    t.type('kubectl get nodes');
    expect(t.log().querySelector('.term-running')?.textContent).toContain('kubectl get nodes');
    t.advance(2_000);
    expect(t.log().textContent).toMatch(/w2-k8s\s+Ready/);
    expect(t.log().querySelector('.term-running')).toBeNull();
  });

  it('styles what a command writes to stderr apart', () => {
    const t = setup();
    t.type('nosuchcommand');
    const err = within(t.log()).getByText('-bash: nosuchcommand: command not found');
    expect(err.className).toContain('term-stderr');
  });

  it('recalls earlier lines with ↑ and comes back with ↓', () => {
    const t = setup();
    t.type('hostname');
    t.type('whoami');
    fireEvent.change(t.box(), { target: { value: 'half' } });
    fireEvent.keyDown(t.box(), { key: 'ArrowUp' });
    expect(t.box()).toHaveProperty('value', 'whoami');
    fireEvent.keyDown(t.box(), { key: 'ArrowUp' });
    expect(t.box()).toHaveProperty('value', 'hostname');
    fireEvent.keyDown(t.box(), { key: 'ArrowDown' });
    fireEvent.keyDown(t.box(), { key: 'ArrowDown' });
    expect(t.box()).toHaveProperty('value', 'half');
  });

  it('completes with Tab, and lists the choices on a second Tab', () => {
    const t = setup();
    fireEvent.change(t.box(), { target: { value: 'kubectl get po' } });
    fireEvent.keyDown(t.box(), { key: 'Tab' });
    expect(t.box()).toHaveProperty('value', 'kubectl get pods ');
    fireEvent.change(t.box(), { target: { value: 'ssh w' } });
    fireEvent.keyDown(t.box(), { key: 'Tab' });
    fireEvent.keyDown(t.box(), { key: 'Tab' });
    expect(t.log().textContent).toContain('w1-k8s  w2-k8s  w3-k8s');
  });

  it('interrupts a waiting command with Ctrl+C, which prints ^C', () => {
    const t = setup();
    t.type('sleep 100');
    t.advance(1_000);
    fireEvent.keyDown(t.box(), { key: 'c', ctrlKey: true });
    expect(t.log().textContent).toContain('^C');
    expect(t.log().querySelector('.term-running')).toBeNull();
    expect(screen.getAllByText('[root@m-k8s ~]#', { exact: false }).length).toBeGreaterThan(1);
  });

  it('abandons a half-typed line with Ctrl+C', () => {
    const t = setup();
    fireEvent.change(t.box(), { target: { value: 'kubectl get' } });
    fireEvent.keyDown(t.box(), { key: 'c', ctrlKey: true });
    expect(t.log().textContent).toContain('kubectl get^C');
    expect(t.box()).toHaveProperty('value', '');
  });

  it('clears the screen with Ctrl+L and with clear', () => {
    const t = setup();
    t.type('hostname');
    fireEvent.keyDown(t.box(), { key: 'l', ctrlKey: true });
    expect(t.log().textContent).toBe('');
    t.type('whoami');
    t.type('clear');
    expect(t.log().textContent).toBe('');
  });

  it('moves the prompt with ssh and back with exit, in that tab only', () => {
    const t = setup();
    t.type('ssh w2-k8s');
    t.advance(3_000);
    const pane = t.box().closest('.term-pane') as HTMLElement;
    expect(within(pane).getAllByText('[root@w2-k8s ~]#', { exact: false }).length).toBeGreaterThan(0);
    t.type('hostname');
    expect(t.log().textContent).toMatch(/hostname\s*w2-k8s/);
    t.type('exit');
    t.advance(3_000);
    expect(pane.querySelector('.term-input-line')?.textContent).toContain('[root@m-k8s ~]#');
  });

  it('shows the container’s prompt inside kubectl exec -it, and the host’s again after Ctrl+D', () => {
    const t = setup();
    t.type('kubectl create -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml');
    t.advance(20_000);
    t.type('kubectl exec -it nginx-pod -- bash');
    t.advance(1_000);
    const pane = t.box().closest('.term-pane') as HTMLElement;
    expect(pane.querySelector('.term-input-line')?.textContent).toBe('root@nginx-pod:/# ');
    t.type('hostname');
    expect(t.log().textContent).toContain('root@nginx-pod:/# hostnamenginx-pod');
    fireEvent.keyDown(t.box(), { key: 'd', ctrlKey: true });
    t.advance(1_000);
    expect(t.log().textContent).toContain('root@nginx-pod:/# exitexit');
    expect(pane.querySelector('.term-input-line')?.textContent).toBe('[root@m-k8s ~]# ');
  });

  it('keeps one terminal per host in its own tab', () => {
    const t = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'w2-k8s' }));
    expect(screen.getByRole('tab', { name: 'w2-k8s' }).getAttribute('aria-selected')).toBe('true');
    t.type('systemctl stop kubelet', 'w2-k8s');
    t.advance(1_000);
    expect(t.onCommand).toHaveBeenCalledWith('w2-k8s', 'systemctl stop kubelet');
    expect(t.session.cluster.host('w2-k8s')?.services.kubelet).toBe('inactive');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'w2-k8s' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'w3-k8s' }).getAttribute('aria-selected')).toBe('true');
  });

  it('runs a sample command when its button is clicked', () => {
    const t = setup({ samples: ['hostname'] });
    fireEvent.click(screen.getByRole('button', { name: 'hostname' }));
    expect(t.log().textContent).toContain('[root@m-k8s ~]# hostname');
  });

  it('runs pasted lines one by one, keeping the last unfinished line in the box', () => {
    const t = setup();
    fireEvent.paste(t.box(), { clipboardData: { getData: () => 'hostname\nwhoami\nkubectl' } });
    expect(t.log().textContent).toMatch(/hostname\s*m-k8s.*whoami\s*root/s);
    expect(t.box()).toHaveProperty('value', 'kubectl');
  });

  it('labels the text box in Korean', () => {
    render(<Terminal session={shellSession(new Session({ seed: 1 }))} lang="ko" />);
    expect(screen.getByRole('textbox', { name: '터미널, m-k8s' })).toBeTruthy();
    expect(screen.getByRole('log', { name: '터미널 출력, m-k8s' })).toBeTruthy();
  });

  it('no key on any line throws', () => {
    const t = setup();
    const lines = [
      '',
      '   ',
      '"',
      "'",
      '|',
      '&&',
      ';;',
      'kubectl',
      'ssh nowhere',
      'cat /',
      '\u0000',
      'a'.repeat(5_000),
    ];
    const keys = ['Tab', 'ArrowUp', 'ArrowDown', 'Escape', 'Enter'];
    for (const line of lines) {
      for (const key of keys) {
        fireEvent.change(t.box(), { target: { value: line } });
        fireEvent.keyDown(t.box(), { key });
        fireEvent.keyDown(t.box(), { key: 'c', ctrlKey: true });
        fireEvent.keyDown(t.box(), { key: 'l', ctrlKey: true });
      }
      t.advance(500);
    }
    expect(t.box()).toBeTruthy();
  });
});
