import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../model';
import { generateDataset } from '../build';
import { quantileCuts } from './generate';

describe('seeded data', () => {
  it('quantile cuts split into equal classes', () => {
    expect(quantileCuts(Float64Array.from([5, 1, 4, 2, 3, 6]), 3)).toEqual([3, 5]);
  });

  it('the dataset is deterministic per seed and changes with the seed', () => {
    const cfg = defaultExperiment();
    const a = generateDataset(cfg);
    const b = generateDataset(cfg);
    expect(a).toEqual(b);
    const c = generateDataset({ ...cfg, seed: cfg.seed + 1 });
    expect(c.xTrain).not.toEqual(a.xTrain);
  });

  it('has the configured split, shapes and label ranges', () => {
    const cfg = defaultExperiment();
    const d = generateDataset(cfg);
    expect(d.nTrain + d.nVal).toBe(cfg.dataset.nPoints);
    expect(d.nVal).toBe(Math.round(cfg.dataset.nPoints * cfg.dataset.valFraction));
    expect(d.xTrain.length).toBe(d.nTrain * 2);
    expect(d.xVal.length).toBe(d.nVal * 2);
    expect(new Set(d.yTrain.side)).toEqual(new Set([0, 1]));
    expect(new Set(d.yTrain.zone)).toEqual(new Set([0, 1, 2]));
    const all = [...d.yTrain.height, ...d.yVal.height];
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
  });

  it('relatedness 1 makes every task read the same field', () => {
    const cfg = defaultExperiment();
    cfg.dataset.relatedness = 1;
    cfg.dataset.noise = 0;
    const d = generateDataset(cfg);
    // binary = above the median of the same field that regression reports
    const reg = d.yTrain.height, bin = d.yTrain.side;
    const sorted = Float64Array.from([...d.yTrain.height, ...d.yVal.height]).sort();
    const median = sorted[Math.floor(sorted.length / 2)];
    for (let i = 0; i < d.nTrain; i++) expect(bin[i]).toBe(reg[i] >= median ? 1 : 0);
  });
});
