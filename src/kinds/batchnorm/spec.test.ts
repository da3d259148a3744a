import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('BatchNorm shape rule', () => {
  it('keeps the shape', () => {
    expect(shapeOf('batchnorm', [[5, 4, 3]])).toEqual([5, 4, 3]);
    expect(shapeOf('batchnorm', [[]])).toBe('cannot normalise a scalar input []');
  });
});
