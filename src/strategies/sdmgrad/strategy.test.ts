import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { gramOf } from '../_shared';
import { sdmgradStep } from './strategy';

describe('SDMGrad', () => {
  it('one weight iteration, hand-worked: g1 = (1,0), g2 = (0,2), λ = 0.3', () => {
    // diag √ = (1, 2), s = 1.5: GG = diag(1, 4)/2.25 = diag(0.4444, 1.7778), Gg = (0.2222, 0.8889).
    // grad at w = (½,½): (0.2222 + 0.0667, 0.8889 + 0.2667) = (0.2889, 1.1556);
    // w − 5·grad = (−0.9444, −5.2778) → simplex projection (gap 4.33 > 1) = (1, 0).
    // α = (w + λ/T)/(1 + λ) = ((1 + 0.15)/1.3, 0.15/1.3) = (0.884615, 0.115385).
    const w = [0.5, 0.5];
    const a = sdmgradStep(gramOf([[1, 0], [0, 2]]), w, 0.3, 1);
    expect(w).toEqual([1, 0]);
    expect(a[0]).toBeCloseTo(1.15 / 1.3, 7);
    expect(a[1]).toBeCloseTo(0.15 / 1.3, 7);
  });

  it('two iterations carry the momentum buffer: buf = 0.5·grad₁ + grad₂', () => {
    // From w = (1,0): grad₂ = (0.4444 + 0.0667, 0 + 0.2667) = (0.5111, 0.2667); buf = (0.6556, 0.8444);
    // w − 5·buf = (−2.2778, −4.2222) → (1, 0) (gap 1.94 > 1).
    const w = [0.5, 0.5];
    sdmgradStep(gramOf([[1, 0], [0, 2]]), w, 0.3, 2);
    expect(w).toEqual([1, 0]);
  });

  it('orthogonal equal gradients keep w = 1/T: α = 1/T', () => {
    const s = createStrategy({ kind: 'sdmgrad', params: {}, weights: {} }, ['a', 'b', 'c'], 1, 0.01);
    const out = s.step({ step: 0, losses: [1, 1, 1], gram: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
    out.shared.forEach((x) => expect(x).toBeCloseTo(1 / 3, 12));
    expect(out.task).toEqual([1, 1, 1]);
  });
});
