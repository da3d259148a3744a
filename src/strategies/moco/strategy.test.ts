import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { gramOf } from '../_shared';

const vec = (...rows: number[][]) => ({ gram: gramOf(rows), grads: rows.map((r) => Float32Array.from(r)) });

describe('MoCo', () => {
  it('first step, hand-worked: g = ((3,0), (0,1)), L = (2, 1), defaults (β = 0.5, γ = 0.1, ρ = 0, k = 1)', () => {
    // ĝ = unit·L = ((2,0), (0,1)); y = 0 − 0.5·(0 − ĝ) = ((1,0), (0,0.5)); YYᵀ = diag(1, 0.25);
    // λ = softmax((½,½) − 0.1·(0.5, 0.125)) = softmax(0.45, 0.4875) = (0.490626, 0.509374);
    // direction = 0.490626·(1,0) + 0.509374·(0,0.5) = (0.490626, 0.254687).
    const s = createStrategy({ kind: 'moco', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    const w = s.step({ step: 0, losses: [2, 1], ...vec([3, 0], [0, 1]) });
    const l0 = 1 / (1 + Math.exp(0.0375));
    expect(l0).toBeCloseTo(0.490626, 6);
    expect(w.shared[0]).toBeCloseTo(l0, 7);
    expect(w.direction![0]).toBeCloseTo(l0, 7);
    expect(w.direction![1]).toBeCloseTo(0.5 * (1 - l0), 7);
    expect(w.task).toEqual([1, 1]);
  });

  it('second step: the tracking rate decays as β/√k', () => {
    // k = 2: β₂ = 0.5/√2 = 0.353553; same ĝ: y_a = (1,0) − 0.353553·((1,0) − (2,0)) = (1.353553, 0).
    const s = createStrategy({ kind: 'moco', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    s.step({ step: 0, losses: [2, 1], ...vec([3, 0], [0, 1]) });
    const w = s.step({ step: 1, losses: [2, 1], ...vec([3, 0], [0, 1]) });
    expect(w.direction![0] / w.shared[0]).toBeCloseTo(1 + 0.5 / Math.SQRT2, 7);
  });
});
