// Expected texts: the real kubectl 1.20.2 over the same list (stub server), except maps,
// which 1.18.4's client-go prints with fmt.Fprint (util/jsonpath evalToText): map[k:v].
import { describe, expect, it } from 'vitest';
import { execute, parseTemplate } from './jsonpath';
import type { Plain } from './objectPrinter';

const list: Plain = {
  kind: 'PodList',
  items: [
    {
      metadata: { name: 'nginx-pod', labels: { run: 'nginx-pod', tier: 'web' } },
      spec: { containers: [{ name: 'container-name' }] },
      status: { phase: 'Running', podIP: '172.16.103.129' },
    },
    {
      metadata: { name: 'solo' },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: { phase: 'Pending' },
    },
  ],
};
const run = (t: string) => {
  const p = parseTemplate(t);
  if (!p.ok) throw new Error(p.error);
  return execute(p.nodes, list);
};

describe('jsonpath as kubectl -o jsonpath prints it', () => {
  it.each([
    ['{.items[*].metadata.name}', 'nginx-pod solo'],
    ['{.items[*].spec.containers[*].name}', 'container-name a b'],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}',
      'nginx-pod\t172.16.103.129\nsolo\t\n',
    ],
    ['{.items[?(@.status.phase=="Pending")].metadata.name}', 'solo'],
    ['{.nope}', ''],
    ['{.items[0].metadata.labels}', 'map[run:nginx-pod tier:web]'],
  ])('%s', (t, want) => {
    expect(run(t)).toBe(want);
  });
});
