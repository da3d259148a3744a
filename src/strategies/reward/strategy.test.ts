import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';

const ids = ['a', 'b'];
const make = (kind: string, params: Record<string, number | string | boolean> = {}, lr = 0.1, seed = 7, weights = {}) =>
  createStrategy({ kind, params, weights }, ids, seed, lr);
const close = (got: number[], want: number[], digits = 6) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
};

describe('reward-driven online alignment', () => {
  it('exponentiated-gradient update on a given validation sequence', () => {
    const s = make('reward', { eta: 2 });
    const w = () => s.step({ step: 0, losses: [1, 1], gram: null }).shared;
    s.emit('eval', { step: 0, valLosses: [1, 1] }); // first evaluation only stores prev
    expect(w()).toEqual([1, 1]);
    // improvements (0.5, 0.1), mean 0.3 ⇒ rewards (−0.2, +0.2) ⇒ w ∝ (e^{−0.4}, e^{0.4}), Σ = 2:
    // w₁ = 2/(1 + e^{0.8}) = 2/3.225540928 = 0.620051
    s.emit('eval', { step: 1, valLosses: [0.5, 0.9] });
    close(w(), [0.620051, 1.379949]);
    // improvements (0, 0.5), mean 0.25 ⇒ rewards (0.25, −0.25) ⇒ w₁/w₂ = e^{−0.8}·e^{1} = e^{0.2}:
    // w₁ = 2e^{0.2}/(1 + e^{0.2}) = 1.099668
    s.emit('eval', { step: 2, valLosses: [0.5, 0.45] });
    close(w(), [1.099668, 0.900332]);
  });
});
