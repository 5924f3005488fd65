import { describe, expect, it } from 'vitest';
import { podTone } from './podStatus';

describe('podTone', () => {
  it.each([
    ['Pending', 'pending'],
    ['ContainerCreating', 'creating'],
    ['Init:0/1', 'creating'],
    ['Running', 'running'],
    ['Terminating', 'terminating'],
    ['Completed', 'done'],
    ['CrashLoopBackOff', 'failed'],
    ['ErrImagePull', 'failed'],
    ['ImagePullBackOff', 'failed'],
    ['Error', 'failed'],
  ])('%s → %s', (status, tone) => {
    expect(podTone(status)).toBe(tone);
  });
});
