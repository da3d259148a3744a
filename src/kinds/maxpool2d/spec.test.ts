import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('MaxPool2D shape rule', () => {
  it('shrinks H and W and keeps channels', () => {
    expect(shapeOf('maxpool2d', [[28, 28, 8]])).toEqual([14, 14, 8]);
    expect(shapeOf('maxpool2d', [[5, 5, 2]], { pool: 2, stride: 2, padding: 'valid' })).toEqual([2, 2, 2]);
    expect(shapeOf('maxpool2d', [[5, 5, 2]], { pool: 2, stride: 2, padding: 'same' })).toEqual([3, 3, 2]);
    expect(shapeOf('maxpool2d', [[10, 4]])).toBe('expects an image input [H×W×C], got [10×4]; add a Reshape');
    expect(shapeOf('maxpool2d', [[1, 1, 2]], { pool: 2, padding: 'valid' })).toBe(
      'pool 2×2 does not fit the 1×1 input with valid padding; use same padding or a smaller pool',
    );
  });
});
