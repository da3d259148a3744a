import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { combine, dot, gramOf } from '../_shared';
import { upgradWeights } from './strategy';

describe('UPGrad (TorchJD)', () => {
  it('two conflicting tasks, hand-worked (ε = 0)', () => {
    // g1 = (1,0), g2 = (−2,1): G = [[1,−2],[−2,5]] (the trace scaling does not move the projection when ε = 0).
    // Project u = (½,0): v₁ = ½ active, 5v₂ = 2·½ ⇒ v₂ = 0.2, μ₁ = ½ − 0.4 = 0.1 ≥ 0 ⇒ (½, 0.2).
    // Project u = (0,½): v₂ = ½ active, v₁ = 2·½ = 1, μ₂ = −2 + 2.5 = ½ ≥ 0 ⇒ (1, ½).
    // Sum (1.5, 0.7): d = (1.5 − 1.4, 0.7) = (0.1, 0.7); g1·d = 0.1 ≥ 0, g2·d = 0.5 ≥ 0.
    const g = [[1, 0], [-2, 1]];
    const w = upgradWeights(gramOf(g), 0, 0);
    expect(w[0]).toBeCloseTo(1.5, 12);
    expect(w[1]).toBeCloseTo(0.7, 12);
    const d = combine(w, g);
    g.forEach((gt) => expect(dot(gt, d)).toBeGreaterThanOrEqual(0));
  });

  it('three orthogonal tasks: nothing to project, weights 1/T each', () => {
    const w = upgradWeights(gramOf([[2, 0, 0], [0, 1, 0], [0, 0, 3]]), 0, 0);
    w.forEach((x) => expect(x).toBeCloseTo(1 / 3, 12));
  });

  it('the strategy uses TorchJD’s defaults (ε = 1e-4) and weighs heads 1', () => {
    const g = [[1, 0], [-2, 1]];
    const s = createStrategy({ kind: 'upgrad', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    const w = s.step({ step: 0, losses: [1, 1], gram: gramOf(g) });
    expect(w.task).toEqual([1, 1]);
    // G' = G/6 + 1e-4·I: close to the ε = 0 answer (1.5, 0.7), not equal.
    expect(w.shared[0]).toBeCloseTo(1.5, 2);
    expect(w.shared[1]).toBeCloseTo(0.7, 2);
    expect(w.shared[0]).not.toBe(1.5);
  });
});
