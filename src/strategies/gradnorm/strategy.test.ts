import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';

const ids = ['a', 'b'];
const make = (kind: string, params: Record<string, number | string | boolean> = {}, lr = 0.1, seed = 7, weights = {}) =>
  createStrategy({ kind, params, weights }, ids, seed, lr);
const close = (got: number[], want: number[], digits = 6) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
};

describe('GradNorm (Chen et al.)', () => {
  // g₁ ‖2‖, g₂ ‖1‖ (orthogonal), α = 1.5, lr = 0.1.
  const gram = [[4, 0], [0, 1]];
  it('weight update on a toy, returning pre-update weights', () => {
    const s = make('gradnorm', { alpha: 1.5, lr: 0.1 });
    // step 0: L(0) = (1,1), r = (1,1); G = (2, 1), Ḡ = 1.5 = target; ∂/∂w = (+2, −1)
    // w = (0.8, 1.1) → ×2/1.9 = (16/19, 22/19). Returned: the pre-update (1, 1).
    expect(s.step({ step: 0, losses: [1, 1], gram }).shared).toEqual([1, 1]);
    // step 1: losses (0.5, 1): ratios (0.5, 1)/0.75 = (2/3, 4/3); G = (32/19, 22/19), Ḡ = 27/19 = 1.421053;
    // targets Ḡ·r^1.5 = (0.773520, 2.187854) ⇒ signs (+, −) ⇒ w = (16/19 − 0.2, 22/19 + 0.1) = (12.2, 23.9)/19,
    // Σ = 1.9 ⇒ (24.4, 47.8)/36.1. Returned: (16/19, 22/19).
    const w1 = s.step({ step: 1, losses: [0.5, 1], gram });
    close(w1.shared, [16 / 19, 22 / 19], 12);
    expect(w1.task).toEqual(w1.shared);
    close(s.step({ step: 2, losses: [0.5, 1], gram }).shared, [24.4 / 36.1, 47.8 / 36.1], 12);
  });
  it('clamps weights at 1e-4 before renormalising', () => {
    const s = make('gradnorm', { alpha: 1.5, lr: 1 });
    s.step({ step: 0, losses: [1, 1], gram });
    // w = (1 − 2, 1 + 1) = (−1, 2) → clamp (1e-4, 2) → ×2/2.0001
    close(s.step({ step: 1, losses: [1, 1], gram }).shared, [2e-4 / 2.0001, 4 / 2.0001], 12);
  });
});
