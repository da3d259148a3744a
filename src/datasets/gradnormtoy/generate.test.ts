import { describe, expect, it } from 'vitest';
import { gradnormToy } from '../../data/paperToys';
import { datasetExperiment } from '../../model';
import { generateDataset } from '../build';
import { gradnormScales, spec } from './spec';

const std = (v: Float32Array) => {
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
};

describe('GradNorm toy dataset', () => {
  it('scales run geometrically from 1 to maxScale: 4 tasks up to 27 give 1, 3, 9, 27', () => {
    const s = gradnormScales({ taskCount: 4, maxScale: 27 });
    [1, 3, 9, 27].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 12));
    expect(spec.tasks({ ...spec.make(), taskCount: 4, maxScale: 27 }).map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('is the paper generator’s rows: first nTrain train, the next nVal validate', () => {
    const ds = { ...spec.make(), nTrain: 30, nVal: 12, dim: 6, taskCount: 3, maxScale: 9 };
    const cfg = datasetExperiment(ds);
    const data = generateDataset(cfg);
    const ref = gradnormToy(42, 6, [1, 3, 9], cfg.seed);
    expect(data.xTrain).toEqual(ref.x.slice(0, 30 * 6));
    expect(data.xVal).toEqual(ref.x.slice(30 * 6));
    expect(data.yTrain.t1).toEqual(ref.y[0].slice(0, 30));
    expect(data.yVal.t3).toEqual(ref.y[2].slice(30));
  });

  it('the tasks’ spreads stand in the ratio of their σ (1 : 10 : 100), each bounded by its σ', () => {
    const ds = { ...spec.make(), nTrain: 5000, nVal: 10, dim: 32, taskCount: 3, maxScale: 100 };
    const data = generateDataset({ ...datasetExperiment(ds), seed: 5 });
    const s = ['t1', 't2', 't3'].map((t) => std(data.yTrain[t]));
    // tanh of a pre-activation of variance ≈ 13.5 is near ±1 mostly, so each std is a bit under its σ; the ratios are ≈ σ's
    expect(s[1] / s[0]).toBeGreaterThan(8);
    expect(s[1] / s[0]).toBeLessThan(12.5);
    expect(s[2] / s[0]).toBeGreaterThan(80);
    expect(s[2] / s[0]).toBeLessThan(125);
    ['t1', 't2', 't3'].forEach((t, i) => expect(Math.max(...data.yTrain[t].map(Math.abs))).toBeLessThanOrEqual([1, 10, 100][i] * (1 + 1e-6)));
  });

  it('a single-task baseline reads the same targets as the multi-task run', () => {
    const cfg = datasetExperiment({ ...spec.make(), nTrain: 40, nVal: 10 });
    const all = generateDataset(cfg);
    const alone = generateDataset({ ...cfg, tasks: [cfg.tasks[2]] });
    expect(alone.yTrain.t3).toEqual(all.yTrain.t3);
  });
});
