// The same seed and inputs give the same trace as before a change meant to make the
// simulation cheaper, not different (issue 14): every scenario of fingerprintScenarios.ts
// is run and its fingerprints compared with traceFingerprints.json, recorded before that
// work. A change that alters behaviour on purpose (a new message, a fixed timing) changes
// these too: re-record them with `UPDATE_FINGERPRINTS=1 npx vitest run
// src/proof/traceFingerprints.test.ts` and say why in the commit; the lead re-baselines
// them when merging branches that change traces legitimately.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Fingerprint } from './fingerprintScenarios';
import { fingerprint, scenarios } from './fingerprintScenarios';

const file = join(__dirname, 'traceFingerprints.json');
const update = process.env.UPDATE_FINGERPRINTS === '1';
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Fingerprint>;
const seen: Record<string, Fingerprint> = {};

describe('trace fingerprints', () => {
  it('cover every scenario', () => {
    if (update) return;
    expect(Object.keys(recorded).sort()).toEqual(Object.keys(scenarios).sort());
  });

  it.each(Object.keys(scenarios))('%s gives the recorded trace', { timeout: 120_000 }, (name) => {
    const run = scenarios[name];
    if (!run) throw new Error(name);
    const got = fingerprint(run());
    seen[name] = got;
    if (!update) expect(got).toEqual(recorded[name]);
  });

  afterAll(() => {
    if (update) writeFileSync(file, `${JSON.stringify(seen, null, 2)}\n`);
  });
});
