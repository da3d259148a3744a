import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { combine, dot, gramOf } from '../_shared';
import { dualprojWeights } from './strategy';

describe('DualProj (TorchJD)', () => {
  it('two conflicting tasks, hand-worked (ε = 0): the mean is projected onto g1’s boundary', () => {
    // g1 = (1,0), g2 = (−2,1): the mean (−½, ½) has g1·mean = −½ < 0. v₂ = ½ active, v₁ = −G₁₂·½/G₁₁ = 1;
    // μ₂ = −2 + 2.5 = ½ ≥ 0 ⇒ v = (1, ½), d = (0, ½): g1·d = 0, g2·d = ½.
    const g = [[1, 0], [-2, 1]];
    const w = dualprojWeights(gramOf(g), 0, 0);
    expect(w[0]).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(0.5, 12);
    expect(dot(g[0], combine(w, g))).toBeCloseTo(0, 12);
  });

  it('three tasks without conflict keep the mean (1/T each)', () => {
    const w = dualprojWeights(gramOf([[1, 0, 0], [1, 1, 0], [0, 1, 1]]), 0, 0);
    w.forEach((x) => expect(x).toBeCloseTo(1 / 3, 12));
  });

  it('the strategy weighs heads 1', () => {
    const s = createStrategy({ kind: 'dualproj', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    expect(s.step({ step: 0, losses: [1, 1], gram: gramOf([[1, 0], [-2, 1]]) }).task).toEqual([1, 1]);
  });
});
