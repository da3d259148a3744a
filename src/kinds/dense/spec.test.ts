import { describe, expect, it } from 'vitest';
import { shapeOf, summaryOf } from '../../model/nodes/testing';

describe('Dense spec', () => {
  it('needs a vector and says to add a Flatten', () => {
    expect(shapeOf('dense', [[5]], { units: 7 })).toEqual([7]);
    expect(shapeOf('dense', [[28, 28, 1]])).toBe('expects a vector input, got [28×28×1]; add a Flatten');
  });

  it('summarises its params on the canvas', () => {
    expect(summaryOf('dense')).toBe('16 · relu');
    expect(summaryOf('dense', { units: 8, activation: 'tanh' })).toBe('8 · tanh');
  });
});
