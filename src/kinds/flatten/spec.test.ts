import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Flatten shape rule', () => {
  it('multiplies the axes out', () => {
    expect(shapeOf('flatten', [[28, 28, 1]])).toEqual([784]);
    expect(shapeOf('flatten', [[5]])).toEqual([5]);
    expect(shapeOf('flatten', [])).toBe('needs an input edge');
  });
});
