import { describe, expect, it } from 'vitest';
import { deriveSeed, makeRng } from '../../data/rng';
import { createStrategy } from '../../train/weighting';

const ids = ['a', 'b'];
const make = (kind: string, params: Record<string, number | string | boolean> = {}, lr = 0.1, seed = 7, weights = {}) =>
  createStrategy({ kind, params, weights }, ids, seed, lr);

describe('RLW (Lin et al.)', () => {
  it('softmax of seeded N(0, I) draws: deterministic per seed, sums to 1', () => {
    const run = (seed: number) => {
      const s = make('random', {}, 0.1, seed);
      return Array.from({ length: 5 }, (_, i) => s.step({ step: i, losses: [1, 1], gram: null }));
    };
    const a = run(11);
    expect(run(11)).toEqual(a);
    expect(run(12)).not.toEqual(a);
    for (const w of a) {
      expect(w.shared[0] + w.shared[1]).toBeCloseTo(1, 12);
      expect(w.task).toEqual(w.shared);
    }
    // First step by hand from the same stream: w₁ = e^{z₁}/(e^{z₁}+e^{z₂}).
    const rng = makeRng(deriveSeed(11, 'rlw'));
    const z1 = rng.normal();
    const z2 = rng.normal();
    expect(a[0].shared[0]).toBeCloseTo(1 / (1 + Math.exp(z2 - z1)), 12);
  });
});
