import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { gramOf, matVec } from '../_shared';
import { nashWeights } from './strategy';

describe('Nash-MTL (Navon et al.)', () => {
  it('orthogonal gradients: α_t = 1/‖g_t‖', () => {
    // gram = diag(4, 0.25) ⇒ 4α₁ = 1/α₁, 0.25α₂ = 1/α₂ ⇒ α = (0.5, 2) (to the 1e-8 ridge).
    const a = nashWeights(gramOf([[2, 0], [0, 0.5]]));
    expect(a[0]).toBeCloseTo(0.5, 7);
    expect(a[1]).toBeCloseTo(2, 7);
  });

  it('two unit gradients at cos 0.6: α = 1/√1.6 each', () => {
    // by symmetry α₁ = α₂ = a with a(1 + 0.6) = 1/a ⇒ a = 1/√1.6 = 0.790569.
    const a = nashWeights(gramOf([[1, 0], [0.6, 0.8]]));
    expect(a[0]).toBeCloseTo(0.790569, 6);
    expect(a[1]).toBeCloseTo(0.790569, 6);
  });

  it('solves gram·α = 1/α on a three-task toy with conflict', () => {
    const gram = gramOf([[1, 0.2, 0], [-0.5, 1, 0.3], [0.3, -2, 1]]);
    const s = createStrategy({ kind: 'nash', params: {}, weights: {} }, ['a', 'b', 'c'], 0, 0.01);
    const w = s.step({ step: 0, losses: [1, 1, 1], gram });
    expect(w.task).toEqual([1, 1, 1]);
    const Ga = matVec(gram, w.shared);
    w.shared.forEach((a, t) => {
      expect(a).toBeGreaterThan(0);
      expect(a * Ga[t]).toBeCloseTo(1, 6);
    });
  });

  it('stays finite on a singular Gram (opposite gradients) and on zero gradients', () => {
    const a = nashWeights(gramOf([[1, 0], [-1, 0]]));
    expect(a.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    expect(nashWeights([[0, 0], [0, 0]])).toEqual([1, 1]);
  });
});
