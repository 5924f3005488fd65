// The generated worker must be valid JavaScript: a syntax error there is a page that
// never goes offline, and nothing else reports it.
import { describe, expect, it } from 'vitest';
import { workerSource } from './offlinePlugin';

describe('the offline worker', () => {
  it('is valid JavaScript whose asset rule matches hashed assets only', () => {
    const src = workerSource('podscope-test', ['index.html']);
    expect(() => new Function(src)).not.toThrow();
    const rule = /const immutable = (\/.*\/)\.test\(path\);/.exec(src)?.[1] ?? '';
    const re = new Function(`return ${rule}`)() as RegExp;
    expect(re.test('/podscope/assets/index-CscaNdc8.js')).toBe(true);
    expect(re.test('/lessons/mine.yaml')).toBe(false);
    expect(re.test('/version.json')).toBe(false);
    expect(re.test('/embed/pod-lifecycle-animator.js')).toBe(false);
  });
});
