import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Embedding shape rule', () => {
  it('turns [L] ids into [L×dim]', () => {
    expect(shapeOf('embedding', [[12]], { vocab: 50, dim: 6 })).toEqual([12, 6]);
    expect(shapeOf('embedding', [[3, 4]])).toBe('expects a vector of token ids [L], got [3×4]; add a Flatten');
  });
});
