import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';

describe('errorMessage', () => {
  it('passes ordinary messages through', () => {
    expect(errorMessage(new Error('the loss diverged'))).toBe('the loss diverged');
    expect(errorMessage('plain')).toBe('plain');
  });
  it('turns an engine abort or a failed allocation into what to change', () => {
    for (const raw of ['Aborted(). Build with -sASSERTIONS for more info.', 'Array buffer allocation failed', 'RangeError: WebAssembly.Memory(): could not allocate memory: out of memory']) {
      const m = errorMessage(new Error(raw));
      expect(m).toMatch(/^The training engine ran out of memory \(/);
      expect(m).toContain('Lower the batch size');
    }
  });
});
