import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Concatenate shape rule', () => {
  it('joins vectors only', () => {
    expect(shapeOf('concat', [[2], [3]])).toEqual([5]);
    expect(shapeOf('concat', [[2], [3, 1]])).toBe('can only join vectors, got [3×1]; add a Flatten');
  });
});
