import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { gramOf } from '../_shared';

const vec = (...rows: number[][]) => ({ gram: gramOf(rows), grads: rows.map((r) => Float32Array.from(r)) });

describe('ExcessMTL', () => {
  it('two tasks, hand-worked: the first step stores r⁰, the second reweights by exp(η·r/r⁰)', () => {
    const s = createStrategy({ kind: 'excessmtl', params: { stepSize: 0.5 }, weights: {} }, ['a', 'b'], 1, 0.01);
    // step 1: g_a = (1, 0), g_b = (0, 2): S_a = (1, 0), S_b = (0, 4); r_a = 1/√(1+1e-7) ≈ 1, r_b = 4/√(4+1e-7) ≈ 2.
    expect(s.step({ step: 0, losses: [1, 1], ...vec([1, 0], [0, 2]) })).toEqual({ shared: [1, 1], task: [1, 1] });
    // step 2: same gradients: S_a = (2, 0), S_b = (0, 8); r_a = 1/√2, r_b = 4/√8 = √2; ratios r/r⁰ = (1/√2, 1/√2):
    // equal, so the weights stay (1, 1).
    const w2 = s.step({ step: 1, losses: [1, 1], ...vec([1, 0], [0, 2]) });
    expect(w2.shared[0]).toBeCloseTo(1, 6);
    // step 3: g_a = (2, 0), g_b = (0, 0): S_a = (6, 0): r_a = 4/√6 = 1.632993, ratio 1.632993; r_b = 0.
    // w ∝ (e^{0.5·1.632993}, 1) = (2.26255, 1) ⇒ normalised to Σ = 2: (1.38699, 0.61301).
    const w3 = s.step({ step: 2, losses: [1, 1], ...vec([2, 0], [0, 0]) }).shared;
    const e = Math.exp(0.5 * (4 / Math.sqrt(6 + 1e-7)) / (1 / Math.sqrt(1 + 1e-7)));
    expect(w3[0]).toBeCloseTo((2 * e) / (e + 1), 6);
    expect(w3[1]).toBeCloseTo(2 / (e + 1), 6);
    expect(w3[0]).toBeCloseTo(1.38699, 4);
  });
});
