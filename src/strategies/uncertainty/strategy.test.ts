import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';

const ids = ['a', 'b'];
const make = (kind: string, params: Record<string, number | string | boolean> = {}, lr = 0.1, seed = 7, weights = {}) =>
  createStrategy({ kind, params, weights }, ids, seed, lr);
const close = (got: number[], want: number[], digits = 6) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
};

describe('uncertainty (Kendall et al.)', () => {
  it('step 0 weighs 1/(2e⁰) = 0.5, then one Adam step on s', () => {
    const s = make('uncertainty', {}, 0.1);
    // losses (3, 1): ∂/∂s = −L/(2e⁰) + ½ = (−1, 0).
    expect(s.step({ step: 0, losses: [3, 1], gram: null })).toEqual({ shared: [0.5, 0.5], task: [0.5, 0.5] });
    // Adam t=1 on grad −1: m = −0.1, v = 0.001, step = lr·√(1−β₂)/(1−β₁) = 0.1·0.0316228/0.1,
    // m/(√v + ε√(1−β₂)) = −0.1/(0.0316228·(1+1e-7)) ⇒ Δs = +0.1/(1+1e-7) ≈ 0.1. Task b: grad 0 ⇒ s stays 0.
    // Next weights: 1/(2e^{0.1}) = 0.904837418/2 = 0.452418709, and 0.5.
    const w = s.step({ step: 1, losses: [3, 1], gram: null });
    close(w.shared, [0.452418709, 0.5], 7);
    expect(w.task).toEqual(w.shared);
  });
  it('s converges to the minimiser ln L (e^s = L), i.e. weight 1/(2L)', () => {
    const s = make('uncertainty', {}, 0.05);
    let w = [0, 0];
    for (let i = 0; i < 3000; i++) w = s.step({ step: i, losses: [3, 0.5], gram: null }).shared;
    close(w, [1 / 6, 1], 2);
  });
});
