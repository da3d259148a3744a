import { describe, expect, it } from 'vitest';
import { WEIGHTINGS } from '../../model';
import { STRATEGY_FACTORIES } from '../../strategies/strategies.gen';
import { createStrategy, registryOf } from './index';

describe('strategy registry', () => {
  const ids = ['a', 'b', 'c'];
  // Conflicting task gradients on 3 shared parameters, and their Gram matrix.
  const G = [[1, 1, 0], [-1, 0.5, 1], [0.5, -0.5, 1]];
  const gram = G.map((a) => G.map((b) => a.reduce((s, x, k) => s + x * b[k], 0)));

  it('every WEIGHTINGS id has an implementation, and no implementation lacks a registry entry', () => {
    expect(Object.keys(STRATEGY_FACTORIES).sort()).toEqual(WEIGHTINGS.map((w) => w.id).sort());
  });

  for (const spec of WEIGHTINGS) {
    it(`${spec.id}: createStrategy runs a few steps with finite length-T weights`, () => {
      const s = createStrategy({ kind: spec.id, params: {}, weights: {} }, ids, 3, 0.01);
      expect(s.id).toBe(spec.id);
      expect(s.needsGrads).toBe(spec.needsGrads);
      for (let step = 0; step < 4; step++) {
        const vectors = spec.gradVectors ? { grads: G.map((g) => Float32Array.from(g)) } : {};
        const w = s.step({ step, losses: [1 / (step + 1), 0.5, 2], gram: spec.needsGrads ? gram : null, ...vectors });
        for (const v of [w.shared, w.task]) {
          expect(v).toHaveLength(3);
          expect(v.every(Number.isFinite)).toBe(true);
        }
        if (w.direction) expect(w.direction.length).toBe(G[0].length);
        s.emit('afterStep', spec.lossesAfterStep ? { step, losses: [0.9 / (step + 1), 0.4, 1.9] } : { step });
        s.emit('epochEnd', { step, meanLosses: [1 / (step + 1), 0.5, 2] });
        s.emit('eval', { step: step + 1, valLosses: [1 / (step + 1), 0.5, 2] });
      }
    });
  }

  it('a direction that is not finite, or not as long as the gradients, falls back to the mean gradient', () => {
    const spec = { ...WEIGHTINGS.find((w) => w.gradVectors)!, id: 'bad' };
    const make = (direction: Float64Array) =>
      createStrategy({ kind: 'bad', params: {}, weights: {} }, ids, 0, 0.01, registryOf((id) => (id === 'bad' ? spec : undefined), { bad: () => ({ step: () => ({ shared: [1, 2, 3], task: [1, 1, 1], direction }) }) }));
    const input = { step: 0, losses: [1, 1, 1], gram, grads: G.map((g) => Float32Array.from(g)) };
    expect(make(new Float64Array([1, 2, 3])).step(input)).toEqual({ shared: [1, 2, 3], task: [1, 1, 1], direction: new Float64Array([1, 2, 3]) });
    expect(make(new Float64Array([1, NaN, 3])).step(input)).toEqual({ shared: [1 / 3, 1 / 3, 1 / 3], task: [1, 1, 1] });
    expect(make(new Float64Array([1, 2])).step(input)).toEqual({ shared: [1 / 3, 1 / 3, 1 / 3], task: [1, 1, 1] });
  });

  it('rejects unknown ids and a missing Gram for gradient methods', () => {
    expect(() => createStrategy({ kind: 'nope', params: {}, weights: {} }, ids, 0, 0.01)).toThrow(/unknown/);
    expect(() => createStrategy({ kind: 'toString', params: {}, weights: {} }, ids, 0, 0.01)).toThrow(/unknown/);
    const s = createStrategy({ kind: 'pcgrad', params: {}, weights: {} }, ids, 0, 0.01);
    expect(() => s.step({ step: 0, losses: [1, 1, 1], gram: null })).toThrow(/Gram/);
  });

  it('coerces params: an out-of-range value is clamped, a bad select falls back to its default', () => {
    // dwa τ clamped to 10 after two epochs of ratios (0.5, 1, 1): w₁ = 3e^{0.05}/(e^{0.05} + 2e^{0.1}) = 0.950…
    const s = createStrategy({ kind: 'dwa', params: { temperature: 1e6 }, weights: {} }, ids, 0, 0.01);
    s.emit('epochEnd', { step: 0, meanLosses: [1, 1, 1] });
    s.emit('epochEnd', { step: 1, meanLosses: [0.5, 1, 1] });
    const e = Math.exp(0.05);
    expect(s.step({ step: 0, losses: [1, 1, 1], gram: null }).shared[0]).toBeCloseTo((3 * e) / (e + 2 * e * e), 12);
    const m = createStrategy({ kind: 'mgda', params: { normalize: 'bogus' }, weights: {} }, ['a', 'b'], 0, 0.01);
    expect(m.step({ step: 0, losses: [1, 1], gram: [[1, 0], [0, 4]] }).shared[0]).toBeCloseTo(0.8, 12);
  });
});
