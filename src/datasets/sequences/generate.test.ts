import { describe, expect, it } from 'vitest';
import { sequenceLabels } from './generate';

describe('sequences', () => {
  it('labels by hand', () => {
    expect(sequenceLabels([0, 0, 1, 2, 3, 2])).toEqual({ motif: 1, more_a: 1, rising: 1 });
    expect(sequenceLabels([1, 1, 0, 5, 4, 3])).toEqual({ motif: 0, more_a: 0, rising: 0 });
    expect(sequenceLabels([0, 1, 3, 4, 5, 0])).toEqual({ motif: 0, more_a: 1, rising: 1 });
    expect(sequenceLabels([0, 1, 1, 4, 5, 0])).toEqual({ motif: 0, more_a: 0, rising: 0 });
  });
});
