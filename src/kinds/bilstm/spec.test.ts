import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Bidirectional LSTM shape rule', () => {
  it('reads [L×D] sequences and joins both directions', () => {
    expect(shapeOf('bilstm', [[10, 3]], { units: 4 })).toEqual([8]);
    expect(shapeOf('bilstm', [[10, 3]], { units: 4, returnSequences: true })).toEqual([10, 8]);
    expect(shapeOf('bilstm', [[2, 2, 1]])).toBe('expects a sequence input [L×D], got [2×2×1]; add an Embedding or a Reshape');
  });
});
