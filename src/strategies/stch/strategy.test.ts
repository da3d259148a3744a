import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { stchWeights } from './strategy';

const make = (params: Record<string, number>) => createStrategy({ kind: 'stch', params, weights: {} }, ['a', 'b'], 1, 0.01);

describe('STCH (smooth Tchebycheff)', () => {
  it('after warm-up, two tasks: weights T·softmax(log(L/n)/μ)/L', () => {
    // L = (2, 1), nadir n = (1, 1), μ = 1: l = (log 2, 0), softmax = (2/3, 1/3);
    // w_a = 2·(2/3)/2 = 2/3, w_b = 2·(1/3)/1 = 2/3.
    const w = stchWeights([2, 1], [1, 1], 1);
    expect(w[0]).toBeCloseTo(2 / 3, 12);
    expect(w[1]).toBeCloseTo(2 / 3, 12);
    // μ = 0.5: softmax(2·l) = (4/5, 1/5) ⇒ w = (2·0.8/2, 2·0.2/1) = (0.8, 0.4): the worse task (a) leads more.
    const s = stchWeights([2, 1], [1, 1], 0.5);
    expect(s[0]).toBeCloseTo(0.8, 12);
    expect(s[1]).toBeCloseTo(0.4, 12);
  });

  it('the nadir point normalises: L = (2, 1) against n = (2, 0.5) reads as ratios (1, 2)', () => {
    // l = (0, log 2), μ = 1: softmax = (1/3, 2/3); w_a = 2·(1/3)/2 = 1/3, w_b = 2·(2/3)/1 = 4/3.
    const w = stchWeights([2, 1], [2, 0.5], 1);
    expect(w[0]).toBeCloseTo(1 / 3, 12);
    expect(w[1]).toBeCloseTo(4 / 3, 12);
  });

  it('warm-up on Σ log L, nadir = mean loss of the last warm-up epoch, then the soft maximum', () => {
    const s = make({ mu: 1, warmup: 1 });
    // epoch 0: weights 1/L.
    expect(s.step({ step: 0, losses: [4, 2], gram: null }).shared).toEqual([0.25, 0.5]);
    s.emit('epochEnd', { step: 0, meanLosses: [4, 2] });
    // epoch 1 (= warmup): weights 1/L, and the nadir averages (2, 1) and (2, 0): n = (2, 0.5).
    expect(s.step({ step: 1, losses: [2, 1], gram: null }).shared).toEqual([0.5, 1]);
    s.step({ step: 2, losses: [2, 0], gram: null });
    s.emit('epochEnd', { step: 2, meanLosses: [2, 0.5] });
    // epoch 2: L = (2, 1) against n = (2, 0.5) — the case above: (1/3, 4/3).
    const w = s.step({ step: 3, losses: [2, 1], gram: null });
    expect(w.shared[0]).toBeCloseTo(1 / 3, 12);
    expect(w.shared[1]).toBeCloseTo(4 / 3, 12);
    expect(w.task).toEqual(w.shared);
  });
});
