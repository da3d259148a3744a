import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('LayerNorm shape rule', () => {
  it('keeps the shape', () => {
    expect(shapeOf('layernorm', [[6]])).toEqual([6]);
    expect(shapeOf('layernorm', [[5, 4, 3]])).toEqual([5, 4, 3]);
  });
});
