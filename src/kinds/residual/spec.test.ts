import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Residual block shape rule', () => {
  it('keeps a vector width', () => {
    expect(shapeOf('residual', [[9]])).toEqual([9]);
    expect(shapeOf('residual', [[3, 3]])).toBe('expects a vector input, got [3×3]; add a Flatten');
  });
});
