import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';

const ids = ['a', 'b'];
const make = (kind: string, params: Record<string, number | string | boolean> = {}, lr = 0.1, seed = 7, weights = {}) =>
  createStrategy({ kind, params, weights }, ids, seed, lr);
const close = (got: number[], want: number[], digits = 6) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
};

describe('DWA (Liu et al.)', () => {
  it('weights 1 until two epochs, then T·softmax(ratio/τ)', () => {
    const s = make('dwa', { temperature: 2 });
    const w0 = () => s.step({ step: 0, losses: [1, 1], gram: null }).shared;
    expect(w0()).toEqual([1, 1]);
    s.emit('epochEnd', { step: 0, meanLosses: [1, 1] });
    expect(w0()).toEqual([1, 1]);
    // r = (0.5/1, 0.9/1); w₁ = 2/(1 + e^{(0.9−0.5)/2}) = 2/(1 + 1.221402758) = 0.900332
    s.emit('epochEnd', { step: 1, meanLosses: [0.5, 0.9] });
    close(w0(), [0.900332, 1.099668]);
    // next epoch: r = (0.25/0.5, 0.9/0.9) = (0.5, 1); w₁ = 2/(1 + e^{0.25}) = 2/2.284025417 = 0.875647
    s.emit('epochEnd', { step: 2, meanLosses: [0.25, 0.9] });
    close(w0(), [0.875647, 1.124353]);
  });
});
