// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame } from '../../player';
import { History } from '../../player';
import { createCluster } from '../../sim';
import { advance, createPod } from '../../sim/testing/fixtures';
import { ComponentDetail, EtcdKeysTable, EventsTable, Inspectors, NodesTable, PodsTable } from '.';

afterEach(cleanup);

/** The book's nginx-pod created at 0 s; frames at 1 s and 30 s, as the player records them. */
function lab() {
  const cluster = createCluster();
  const history = new History();
  createPod(cluster);
  advance(cluster, 1);
  const early = history.record(cluster);
  advance(cluster, 29);
  const frame = history.record(cluster);
  return { cluster, early, frame, now: cluster.now as number };
}

const rowText = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent)
    .join(' ');

/** The body's rows (not the header, not the note under them) as text, cell after cell. */
function rowsOf(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .filter((r) => r.parentElement?.tagName === 'TBODY')
    .map((r) => rowText(r));
}

describe('inspector tables', () => {
  it('lists the pod as kubectl get pods -o wide does, and every namespace on -A', () => {
    const { frame, now } = lab();
    render(<PodsTable frame={frame} now={now} lang="en" />);
    const table = screen.getByRole('table', { name: 'kubectl get pods -o wide' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE']);
    expect(rowsOf(table)).toEqual(['nginx-pod 1/1 Running 0 30s 172.16.103.129 w2-k8s']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'All namespaces (-A)' }));
    const all = screen.getByRole('table', { name: 'kubectl get pods -o wide -A' });
    expect(within(all).getAllByRole('columnheader')[0]?.textContent).toBe('NAMESPACE');
    expect(rowsOf(all)).toContain('default nginx-pod 1/1 Running 0 30s 172.16.103.129 w2-k8s');
    expect(rowsOf(all).some((r) => r.startsWith('kube-system coredns-'))).toBe(true);
  });

  it('shows kubectl get events, newest last, with OBJECT as kind/name', () => {
    const { frame, now } = lab();
    render(<EventsTable frame={frame} now={now} lang="en" />);
    const rows = rowsOf(screen.getByRole('table', { name: 'kubectl get events' }));
    // The ready lab's setup events (four nodes, eight each) come first: they are older.
    expect(rows[0]).toBe('29m Normal Starting node/m-k8s Starting kubelet.');
    expect(rows).toHaveLength(32 + 5);
    expect(rows[32]).toBe(
      '30s Normal Scheduled pod/nginx-pod Successfully assigned default/nginx-pod to w2-k8s',
    );
    expect(rows.slice(32).map((r) => r.split(' ')[2])).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
  });

  it('caps the events at the newest ones and says how many are left out', () => {
    const { frame, now } = lab();
    render(<EventsTable frame={frame} now={now} lang="en" cap={2} />);
    const table = screen.getByRole('table', { name: 'kubectl get events' });
    expect(rowsOf(table).map((r) => r.split(' ')[2])).toEqual(['Created', 'Started']);
    expect(within(table).getByText('35 older events not shown')).toBeTruthy();
  });

  it('says what kubectl says when there is nothing', () => {
    // Before kubeadm (the fresh lab) nothing has recorded an event yet.
    const cluster = createCluster({ lab: 'fresh' });
    const frame = new History().record(cluster);
    render(<EventsTable frame={frame} now={0} lang="ko" />);
    expect(screen.getByText('No resources found in default namespace.')).toBeTruthy();
  });

  it('shows nodes as kubectl get nodes does', () => {
    const { frame, now } = lab();
    render(<NodesTable frame={frame} now={now} lang="en" />);
    const rows = rowsOf(screen.getByRole('table', { name: 'kubectl get nodes' }));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^m-k8s Ready master \S+ v1\.18\.4$/);
    expect(rows[2]).toMatch(/^w2-k8s Ready <none> \S+ v1\.18\.4$/);
  });

  it('lists etcd keys with their revisions, marks the latest changes, and filters', () => {
    const { frame } = lab();
    render(<EtcdKeysTable frame={frame} lang="en" />);
    const name = `etcd keys at revision ${frame.etcdRevision}`;
    const pod = frame.etcdKeys.find((k) => k.key === '/registry/pods/default/nginx-pod');
    expect(pod).toBeDefined();
    const rows = rowsOf(screen.getByRole('table', { name }));
    expect(rows).toHaveLength(frame.etcdKeys.length);
    expect(rows.some((r) => r.startsWith('/registry/pods/default/nginx-pod'))).toBe(true);
    expect(rows.find((r) => r.startsWith('/registry/pods/default/nginx-pod'))).toMatch(
      new RegExp(` ${pod?.createRevision} ${pod?.modRevision}$`),
    );
    expect(within(screen.getByRole('table', { name })).getAllByText(/changed most recently/)).toHaveLength(5);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter keys' }), {
      target: { value: 'pods/default' },
    });
    expect(rowsOf(screen.getByRole('table', { name }))).toHaveLength(1);
    expect(screen.getByText(`1 of ${frame.etcdKeys.length} keys`)).toBeTruthy();
  });
});

describe("when a kubelet is stopped (the book's scenario)", () => {
  it('shows the node NotReady, the event, and the kubelet stopped and why', () => {
    const cluster = createCluster();
    cluster.dispatch({ type: 'service.stop', host: 'w2-k8s', service: 'kubelet' });
    createPod(cluster);
    advance(cluster, 120);
    const frame = new History().record(cluster);
    render(
      <>
        <NodesTable frame={frame} now={cluster.now} lang="en" />
        <EventsTable frame={frame} now={cluster.now} lang="en" />
        <ComponentDetail
          frame={frame}
          envelopes={cluster.trace.all()}
          componentId="kubelet@w2-k8s"
          now={cluster.now}
          lang="ko"
        />
      </>,
    );
    expect(rowsOf(screen.getByRole('table', { name: 'kubectl get nodes' }))).toContainEqual(
      expect.stringMatching(/^w2-k8s NotReady <none> /),
    );
    expect(rowsOf(screen.getByRole('table', { name: 'kubectl get events' }))).toContain(
      '70s Normal NodeNotReady node/w2-k8s Node w2-k8s status is now: NodeNotReady',
    );
    const kubelet = screen.getByRole('region', { name: '5 kubelet (w2-k8s)' });
    expect(within(kubelet).getByText('중지됨')).toBeTruthy();
    expect(within(kubelet).getByText('systemctl stop kubelet')).toBeTruthy();
  });
});

describe('ComponentDetail', () => {
  it('shows the scheduler, its state and the bind it sent', () => {
    const { cluster, early } = lab();
    render(
      <ComponentDetail
        frame={early}
        envelopes={cluster.trace.all()}
        componentId="scheduler"
        now={1000}
        lang="en"
      />,
    );
    const region = screen.getByRole('region', { name: '4 scheduler (m-k8s)' });
    expect(within(region).getByText('running')).toBeTruthy();
    const rows = rowsOf(within(region).getByRole('table', { name: 'Last 10 messages sent and received' }));
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(rows).toContain('0.008 s sent → 1 API server (m-k8s) api.bind.pods POST pods/nginx-pod/binding');
  });

  it('lists only what was sent by now, at most ten', () => {
    const { cluster, frame, now } = lab();
    const all = cluster.trace.all();
    render(<ComponentDetail frame={frame} envelopes={all} componentId="scheduler" now={5} lang="ko" />);
    const region = screen.getByRole('region', { name: '4 스케줄러 (m-k8s)' });
    expect(within(region).getByText('동작 중')).toBeTruthy();
    expect(rowsOf(within(region).getByRole('table')).every((r) => !r.includes('binding'))).toBe(true);
    cleanup();
    render(
      <ComponentDetail frame={frame} envelopes={all} componentId="kubelet@w2-k8s" now={now} lang="en" />,
    );
    const rows = rowsOf(screen.getByRole('table'));
    expect(rows).toHaveLength(10);
    // Thirty seconds on, the kubelet's lease renewals (every 10 s) and its node status have
    // pushed the container's start out; hiding them brings it back.
    expect(rows.some((r) => r.includes('api.update.leases PUT leases/w2-k8s'))).toBe(true);
    expect(rows.some((r) => r.includes('started'))).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hide node heartbeats' }));
    const quiet = rowsOf(screen.getByRole('table'));
    expect(quiet.some((r) => /cri\.result container [0-9a-f]{12} started/.test(r))).toBe(true);
    expect(quiet.some((r) => r.includes('leases') || r.includes('nodes/w2-k8s/status'))).toBe(false);
  });
});

describe('Inspectors', () => {
  function renderPanel(frame: Frame, now: number) {
    render(<Inspectors frame={frame} now={now} lang="ko" />);
    return screen.getByRole('tablist', { name: '인스펙터' });
  }

  it('opens on events and moves between tabs with the arrow keys, Home and End', () => {
    const { frame, now } = lab();
    const tablist = renderPanel(frame, now);
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['이벤트', '파드', '노드', 'etcd 키']);
    expect(screen.getByRole('tabpanel', { name: '이벤트' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'kubectl get events' })).toBeTruthy();

    fireEvent.keyDown(tabs[0] as HTMLElement, { key: 'ArrowRight' });
    const pods = screen.getByRole('tab', { name: '파드' });
    expect(pods.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(pods);
    expect(screen.getByRole('tabpanel', { name: '파드' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'kubectl get pods -o wide' })).toBeTruthy();

    fireEvent.keyDown(pods, { key: 'End' });
    expect(screen.getByRole('tabpanel', { name: 'etcd 키' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'etcd 키' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: '이벤트' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: '이벤트' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tabpanel', { name: 'etcd 키' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'etcd 키' }), { key: 'Home' });
    expect(screen.getByRole('tabpanel', { name: '이벤트' })).toBeTruthy();
    // The other panels are hidden, so only the open one is exposed.
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it('shows a picked component above the tabs, with a close button', () => {
    const { cluster, frame, now } = lab();
    let closed = false;
    render(
      <Inspectors
        frame={frame}
        now={now}
        lang="en"
        envelopes={cluster.trace.all()}
        componentId="kubelet@w2-k8s"
        onCloseComponent={() => {
          closed = true;
        }}
      />,
    );
    const region = screen.getByRole('region', { name: '5 kubelet (w2-k8s)' });
    fireEvent.click(within(region).getByRole('button', { name: 'Close' }));
    expect(closed).toBe(true);
  });
});
