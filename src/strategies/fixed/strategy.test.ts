import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';

describe('fixed', () => {
  it('fixed uses cfg.weights[taskId] ?? 1', () => {
    const s = createStrategy({ kind: 'fixed', params: {}, weights: { a: 0.25 } }, ['a', 'b'], 0, 0.1);
    expect(s.step({ step: 0, losses: [1, 1], gram: null })).toEqual({ shared: [0.25, 1], task: [0.25, 1] });
  });
});
