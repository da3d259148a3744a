import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Add shape rule', () => {
  it('needs inputs of one shape', () => {
    expect(shapeOf('add', [[4, 3], [4, 3], [4, 3]])).toEqual([4, 3]);
    expect(shapeOf('add', [[16], [8]])).toBe('inputs must all have the same shape, got [16] and [8]');
    expect(shapeOf('add', [[4], [4, 1]])).toBe('inputs must all have the same shape, got [4] and [4×1]');
    expect(shapeOf('add', [])).toBe('needs at least one input edge');
  });
});
