import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('LSTM shape rule', () => {
  it('reads [L×D] sequences', () => {
    expect(shapeOf('lstm', [[10, 3]], { units: 4 })).toEqual([4]);
    expect(shapeOf('lstm', [[10, 3]], { units: 4, returnSequences: true })).toEqual([10, 4]);
    expect(shapeOf('lstm', [[10]])).toBe('expects a sequence input [L×D], got [10]; add an Embedding or a Reshape');
  });
});
