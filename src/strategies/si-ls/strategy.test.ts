import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';

describe('SI-LS (Σ log L)', () => {
  it('weights each task by 1/L_t, so a task whose loss is 10× larger weighs 10× less', () => {
    // d/dθ Σ log L_t = Σ ∇L_t / L_t: losses (2, 0.5, 4) ⇒ weights (0.5, 2, 0.25).
    const s = createStrategy({ kind: 'si-ls', params: {}, weights: {} }, ['a', 'b', 'c'], 1, 0.01);
    expect(s.step({ step: 0, losses: [2, 0.5, 4], gram: null })).toEqual({ shared: [0.5, 2, 0.25], task: [0.5, 2, 0.25] });
  });

  it('is scale invariant: rescaling a loss leaves the weighted gradient w_t·∇L_t unchanged', () => {
    // L_b → 10·L_b multiplies ∇L_b by 10 and w_b by 1/10.
    const s = createStrategy({ kind: 'si-ls', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    const w1 = s.step({ step: 0, losses: [2, 0.5], gram: null }).shared;
    const w2 = s.step({ step: 1, losses: [2, 5], gram: null }).shared;
    expect(w2[1] * 10).toBeCloseTo(w1[1], 12);
    expect(w2[0]).toBe(w1[0]);
  });

  it('a zero loss is read as 1e-20 (finite weight)', () => {
    const s = createStrategy({ kind: 'si-ls', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    expect(s.step({ step: 0, losses: [0, 1], gram: null }).shared).toEqual([1e20, 1]);
  });
});
