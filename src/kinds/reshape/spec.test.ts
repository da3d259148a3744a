import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';
import { reshapeTarget } from './spec';

describe('Reshape shape rule', () => {
  it('resolves one −1 and checks sizes', () => {
    expect(shapeOf('reshape', [[784]], { d1: 28, d2: 28, d3: 1 })).toEqual([28, 28, 1]);
    expect(shapeOf('reshape', [[784]], { d1: -1, d2: 28, d3: 1 })).toEqual([28, 28, 1]);
    expect(shapeOf('reshape', [[4]])).toEqual([4, 1]); // defaults −1, 1, 0: a vector as a sequence of scalars
    expect(shapeOf('reshape', [[2, 3, 2]], { d1: 12, d2: 0, d3: 0 })).toEqual([12]);
    expect(shapeOf('reshape', [[16]], { d1: 4, d2: 5, d3: 0 })).toBe('cannot reshape [16] (16 values) into [4×5] (20 values)');
    expect(shapeOf('reshape', [[16]], { d1: -1, d2: 3, d3: 0 })).toBe('cannot reshape [16] (16 values) into [?×3]: 16 is not a multiple of 3');
    expect(shapeOf('reshape', [[16]], { d1: -1, d2: -1, d3: 0 })).toBe('only one Dim may be −1');
    expect(shapeOf('reshape', [[16]], { d1: 4, d2: 0, d3: 4 })).toBe('Dim 2 is 0 but a later Dim is set; only trailing Dims may be 0');
    expect(reshapeTarget({ d1: 0, d2: 0, d3: 0 })).toBe('set Dim 1 (the target shape is empty)');
  });
});
