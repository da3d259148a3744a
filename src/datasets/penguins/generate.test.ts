import { describe, expect, it } from 'vitest';
import penguinRows from 'vega-datasets/data/penguins.json';
import { datasetTasks, type DatasetConfig } from '../../model';
import { generateDataset, type DataSources } from '../build';

const sources: DataSources = { penguins: penguinRows };

describe('penguins', () => {
  const ds: DatasetConfig = { kind: 'penguins', inputs: ['Beak Length (mm)', 'Flipper Length (mm)'], targets: ['Species', 'Sex', 'Body Mass (g)'], valFraction: 0.25 };
  const d = generateDataset({ dataset: ds, tasks: datasetTasks(ds), seed: 7 }, sources);
  it('drops rows with a missing input, masks missing targets, standardises on the training split', () => {
    expect(d.nTrain + d.nVal).toBe(342); // 344 rows, 2 without measurements
    const sex = [...d.yTrain.sex, ...d.yVal.sex];
    expect(sex.filter(Number.isNaN).length).toBe(9); // null or '.'
    for (let j = 0; j < 2; j++) {
      const col = Array.from({ length: d.nTrain }, (_, i) => d.xTrain[i * 2 + j]);
      const m = col.reduce((s, v) => s + v, 0) / col.length;
      const sd = Math.sqrt(col.reduce((s, v) => s + (v - m) ** 2, 0) / col.length);
      expect(m).toBeCloseTo(0, 5);
      expect(sd).toBeCloseTo(1, 4);
    }
    expect(new Set(d.yTrain.species)).toEqual(new Set([0, 1, 2]));
  });
});
