import { describe, expect, it } from 'vitest';
import { shapeOf, summaryOf } from '../../model/nodes/testing';

describe('Learning-to-Branch spec', () => {
  it('summarises its params on the canvas', () => {
    expect(summaryOf('ltb')).toBe('2 levels × 2 blocks × 16');
  });

  it('gives one [units] leaf per task from a vector input', () => {
    expect(shapeOf('ltb', [[4]], { units: 5 })).toEqual([[5], [5], [5]]);
    expect(shapeOf('ltb', [[4, 2]])).toMatch(/vector/);
  });
});
