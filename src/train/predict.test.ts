import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment } from '../model';
import { generateDataset } from '../datasets';
import { readout } from '../protocol';
import { createFastTrainer } from './fast/engine';
import { createTrainer } from './tfjs/engine';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Trainer.predict', () => {
  it('gives the same head outputs on both engines, and readouts that reproduce the evaluated accuracy', async () => {
    const cfg = defaultExperiment();
    cfg.optimizer.steps = 60;
    const data = generateDataset(cfg);
    const a = createTrainer(cfg, data);
    const b = createFastTrainer(cfg, data);
    await runSteps(a, 60);
    const points = await runSteps(b, 60);
    const pa = await a.predict(data.xVal, data.nVal);
    const pb = await b.predict(data.xVal, data.nVal);
    cfg.tasks.forEach((t, i) => {
      const width = t.kind === 'multiclass' ? t.classes : 1;
      expect(pa[i].length).toBe(data.nVal * width);
      expect(pb[i].length).toBe(data.nVal * width);
      for (let k = 0; k < pa[i].length; k++) expect(pa[i][k]).toBeCloseTo(pb[i][k], 3);
      if (t.kind === 'regression') return;
      const r = readout(t, pb[i], data.nVal);
      const y = data.yVal[t.id];
      let right = 0;
      for (let k = 0; k < data.nVal; k++) right += (t.kind === 'binary' ? (r[k] >= 0.5 ? 1 : 0) : r[k]) === y[k] ? 1 : 0;
      expect(right / data.nVal).toBeCloseTo(points.at(-1)!.tasks[i].metric, 6);
    });
    a.dispose();
  });
});
