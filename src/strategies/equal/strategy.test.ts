import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';

describe('equal', () => {
  it('equal weighs every task 1 on shared and heads', () => {
    const s = createStrategy({ kind: 'equal', params: {}, weights: {} }, ['a', 'b'], 7, 0.1);
    expect(s.step({ step: 0, losses: [3, 1], gram: null })).toEqual({ shared: [1, 1], task: [1, 1] });
  });
});
