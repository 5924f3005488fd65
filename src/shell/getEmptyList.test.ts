// kubectl 1.18.4 pkg/cmd/get/get.go printGeneric: zero or several items are coerced into
// a v1 List, so `-o yaml` with no pods prints an empty List rather than nothing.
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

describe('kubectl get -o yaml|json with nothing to list', () => {
  it('prints an empty List, and exits 0', () => {
    const s = new Session({ seed: 7 });
    const yaml = typeAndWait(s, 'kubectl get pods -o yaml');
    expect(yaml.text()).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n  selfLink: ""',
    );
    expect(yaml.exitCode).toBe(0);
    expect(typeAndWait(s, 'kubectl get pods -o json').text()).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": "",\n        "selfLink": ""\n    }\n}',
    );
  });

  it('prints only the error for a named object that is not there', () => {
    const s = new Session({ seed: 7 });
    const job = typeAndWait(s, 'kubectl get pod nope -o yaml');
    expect(job.output.map((l) => [l.stream, l.text])).toEqual([
      ['stderr', 'Error from server (NotFound): pods "nope" not found'],
    ]);
    expect(job.exitCode).toBe(1);
  });
});
