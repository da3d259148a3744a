import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../model';
import { generateDataset } from './build';

describe('data seed', () => {
  it('the data (points, split, labels) follows dataSeed when set, the training seed otherwise', () => {
    const cfg = defaultExperiment();
    const ref = generateDataset({ ...cfg, seed: 42 });
    const fixed = generateDataset({ ...cfg, seed: 43, dataSeed: 42 });
    const own = generateDataset({ ...cfg, seed: 43 });
    expect(fixed).toEqual(ref);
    expect(own.xTrain).not.toEqual(ref.xTrain);
    expect(fixed.xTrain).toEqual(ref.xTrain);
  });
});
