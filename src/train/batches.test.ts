import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import { stepGeometry } from './batches';

const cfg = (steps: number, batchSize: number, evalEvery: number, seed = 1) => {
  const c = defaultExperiment();
  return { ...c, seed, evalEvery, optimizer: { ...c.optimizer, steps, batchSize } };
};

describe('stepGeometry', () => {
  it('rounds and clamps the config: whole batches per epoch (ragged tail dropped), batch ≤ nTrain, evalEvery ≥ 1', () => {
    const g = stepGeometry(cfg(10.4, 32, 0.2), 100, 40);
    expect([g.totalSteps, g.evalEvery, g.batch, g.perEpoch, g.nEvalTrain]).toEqual([10, 1, 32, 3, 40]);
    const tiny = stepGeometry(cfg(-3, 500, 10), 7);
    expect([tiny.totalSteps, tiny.batch, tiny.perEpoch, tiny.nEvalTrain]).toEqual([0, 7, 1, 7]);
  });

  it('walks each epoch’s row order batch by batch; the order depends on (seed, epoch) only', () => {
    const g = stepGeometry(cfg(100, 32, 10), 100);
    expect([0, 1, 2, 3, 7].map((s) => [g.epochOf(s), g.startOf(s)])).toEqual([[0, 0], [0, 32], [0, 64], [1, 0], [2, 32]]);
    const o0 = g.order(0);
    expect([...o0].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(g.order(0)).toEqual(o0);
    expect(g.order(1)).not.toEqual(o0);
    expect(stepGeometry(cfg(100, 32, 10, 2), 100).order(0)).not.toEqual(o0);
  });

  it('evaluates step 0, every evalEvery steps and the last step, each once', () => {
    const g = stepGeometry(cfg(25, 32, 10), 100);
    expect([0, 5, 10, 20, 25].map((s) => g.evalDue(s, -1))).toEqual([true, false, true, true, true]);
    expect(g.evalDue(10, 10)).toBe(false);
  });
});
