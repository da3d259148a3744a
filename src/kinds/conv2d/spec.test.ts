import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Conv2D shape rule', () => {
  it('follows same/valid padding and stride', () => {
    expect(shapeOf('conv2d', [[28, 28, 1]], { filters: 8, kernel: 3, padding: 'same' })).toEqual([28, 28, 8]);
    expect(shapeOf('conv2d', [[28, 28, 1]], { filters: 8, kernel: 3, padding: 'valid' })).toEqual([26, 26, 8]);
    // same: ⌈28 / 2⌉ = 14; valid: ⌊(28 − 5) / 2⌋ + 1 = 12
    expect(shapeOf('conv2d', [[28, 28, 1]], { filters: 4, kernel: 5, stride: 2, padding: 'same' })).toEqual([14, 14, 4]);
    expect(shapeOf('conv2d', [[28, 28, 1]], { filters: 4, kernel: 5, stride: 2, padding: 'valid' })).toEqual([12, 12, 4]);
    expect(shapeOf('conv2d', [[784]])).toBe('expects an image input [H×W×C], got [784]; add a Reshape');
    expect(shapeOf('conv2d', [[3, 3, 1]], { kernel: 5, padding: 'valid' })).toBe(
      'kernel 5×5 does not fit the 3×3 input with valid padding; use same padding or a smaller kernel',
    );
  });
});
