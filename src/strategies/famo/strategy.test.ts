import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../train/weighting';
import { famoLogitGradient, famoWeights } from './strategy';

describe('FAMO', () => {
  it('weights z_t/(c·L_t): z = (½,½), L = (1, 2) ⇒ c = ¾, weights (2/3, 1/3)', () => {
    const w = famoWeights([0.5, 0.5], [1, 2]);
    expect(w[0]).toBeCloseTo(2 / 3, 7);
    expect(w[1]).toBeCloseTo(1 / 3, 7);
  });

  it('the logit gradient: δ = (log 2, log(2/1.8)), d = z(δ − z·δ)', () => {
    // δ = (0.693147, 0.105361), z·δ = 0.399254 ⇒ d = ½·(0.293893, −0.293893) = (0.146947, −0.146947).
    const d = famoLogitGradient([0.5, 0.5], [1, 2], [0.5, 1.8]);
    expect(d[0]).toBeCloseTo(0.146947, 6);
    expect(d[1]).toBeCloseTo(-0.146947, 6);
  });

  it('after the step, the task that improved most loses weight: one Adam step moves ξ by ∓lr', () => {
    // Adam's first step is lr·g/(|g| + 1e-8) ≈ lr·sign(g) (decay γ·ξ = 0 at ξ = 0): ξ = (−0.025, 0.025),
    // z = softmax(ξ) = (0.487503, 0.512497); next weights for L = (1, 1): c = 1 ⇒ w = z.
    const s = createStrategy({ kind: 'famo', params: {}, weights: {} }, ['a', 'b'], 1, 0.01);
    const w0 = s.step({ step: 0, losses: [1, 2], gram: null });
    expect(w0.task).toEqual(w0.shared);
    s.emit('afterStep', { step: 0, losses: [0.5, 1.8] });
    const w1 = s.step({ step: 1, losses: [1, 1], gram: null }).shared;
    const z0 = Math.exp(-0.025) / (Math.exp(-0.025) + Math.exp(0.025));
    expect(w1[0]).toBeCloseTo(z0, 6);
    expect(w1[1]).toBeCloseTo(1 - z0, 6);
  });

  it('an afterStep without losses (another engine path) leaves the logits alone', () => {
    const s = createStrategy({ kind: 'famo', params: {}, weights: {} }, ['a', 'b', 'c'], 1, 0.01);
    s.step({ step: 0, losses: [1, 2, 3], gram: null });
    s.emit('afterStep', { step: 0 });
    const w = s.step({ step: 1, losses: [1, 1, 1], gram: null }).shared;
    w.forEach((x) => expect(x).toBeCloseTo(1 / 3, 7));
  });
});
