import { describe, expect, it } from 'vitest';
import { actionForKey } from './useKeyboard';

describe('actionForKey', () => {
  it.each([
    [' ', 'togglePlay'],
    ['ArrowLeft', 'previousStep'],
    ['PageUp', 'previousStep'],
    ['ArrowRight', 'nextStep'],
    ['PageDown', 'nextStep'],
    [',', 'messageBack'],
    ['.', 'messageForward'],
    ['Home', 'home'],
    ['End', 'end'],
    ['f', 'fullscreen'],
    ['p', 'presenter'],
    ['v', 'toggleView'],
    ['?', 'help'],
    ['Escape', 'escape'],
    ['x', undefined],
    ['Enter', undefined],
  ])('%j → %s', (key, action) => {
    expect(actionForKey(key)).toBe(action);
  });
});
