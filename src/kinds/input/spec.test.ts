import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../model/nodes/testing';

describe('Input shape rule', () => {
  it('is the dataset width', () => {
    expect(shapeOf('input', [])).toEqual([4]);
  });
});
