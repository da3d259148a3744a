import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { combine, gramOf } from '../_shared';
import { imtlgWeights } from './strategy';

const projections = (alpha: number[], vecs: number[][]) => {
  const g = combine(alpha, vecs);
  return vecs.map((v) => v.reduce((s, x, k) => s + x * g[k], 0) / Math.hypot(...v));
};

describe('IMTL-G (Liu et al. 2021)', () => {
  it('two tasks by hand: g1 = (1,0), g2 = (0,2) ⇒ α = (2/3, 1/3)', () => {
    // D = g1−g2 = (1,−2), U = u1−u2 = (1,−1): α₂ = (g1·U)/(D·U) = 1/3, α₁ = 2/3;
    // g = (2/3, 2/3) has projection 2/3 on both u1 and u2.
    const vecs = [[1, 0], [0, 2]];
    const a = imtlgWeights(gramOf(vecs));
    expect(a[0]).toBeCloseTo(2 / 3, 12);
    expect(a[1]).toBeCloseTo(1 / 3, 12);
    projections(a, vecs).forEach((p) => expect(p).toBeCloseTo(2 / 3, 12));
  });

  it('three tasks: equal projections on every unit gradient and Σα = 1', () => {
    const vecs = [[1, 0, 0.5], [-0.5, 2, 0], [0.3, -1, 3]];
    const s = createStrategy({ kind: 'imtlg', params: {}, weights: {} }, ['a', 'b', 'c'], 0, 0.01);
    const w = s.step({ step: 0, losses: [1, 1, 1], gram: gramOf(vecs) });
    expect(w.task).toEqual([1, 1, 1]);
    expect(w.shared[0] + w.shared[1] + w.shared[2]).toBeCloseTo(1, 12);
    const p = projections(w.shared, vecs);
    expect(p[1]).toBeCloseTo(p[0], 10);
    expect(p[2]).toBeCloseTo(p[0], 10);
  });

  it('T = 1 ⇒ α = (1); a zero gradient falls back to the mean', () => {
    expect(imtlgWeights([[9]])).toEqual([1]);
    expect(imtlgWeights(gramOf([[1, 0], [0, 0]]))).toEqual([0.5, 0.5]);
  });
});
