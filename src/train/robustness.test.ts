import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, makeNode } from '../model';
import { generateDataset } from '../datasets';
import { createFastTrainer } from './fast/engine';
import { createTrainer } from './tfjs/engine';
import { fgsmPerturb, fgsmScores, FGSM_EPS } from './robustness';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('fgsmPerturb', () => {
  it('moves each input by ε against the gradient sign, leaving zero-gradient inputs', () => {
    expect(Array.from(fgsmPerturb([1, 2, 3], [0.3, -5, 0], 0.5))).toEqual([1.5, 1.5, 3]);
  });
});

/** One binary task, logistic regression straight on the input: z = w·x + b. */
function logistic() {
  const cfg = defaultExperiment();
  cfg.tasks = [cfg.tasks[0]];
  cfg.weighting.weights = { side: 1 };
  cfg.graph = {
    nodes: [makeNode('in', 'input', 0, 0), makeNode('head_side', 'head', 200, 0, { taskId: 'side' })],
    edges: [{ id: 'e', source: 'in', target: 'head_side' }],
  };
  cfg.optimizer.steps = 200;
  return cfg;
}

describe('input gradients (FGSM)', () => {
  it('logistic model: ∂L/∂x_i = (σ(z_i) − y_i)·w / n, so rows of the two classes point opposite ways along w', async () => {
    const cfg = logistic();
    const data = generateDataset(cfg);
    const fast = createFastTrainer(cfg, data);
    const tfjs = createTrainer(cfg, data);
    await runSteps(fast, 200);
    await runSteps(tfjs, 200);
    const n = data.nVal;
    const y = data.yVal.side;
    const g = await fast.inputGradient(0, data.xVal, y, n);
    const gt = await tfjs.inputGradient(0, data.xVal, y, n);
    expect(g.length).toBe(2 * n);
    for (let k = 0; k < g.length; k++) expect(g[k]).toBeCloseTo(gt[k], 5);
    // Recover w from the outputs: z at (1,0), (0,1) and the origin.
    const z = (await fast.predict(Float32Array.from([0, 0, 1, 0, 0, 1]), 3))[0];
    const w = [z[1] - z[0], z[2] - z[0]];
    const zv = (await fast.predict(data.xVal, n))[0];
    for (let i = 0; i < n; i++) {
      const coef = (1 / (1 + Math.exp(-zv[i])) - y[i]) / n;
      // Hand formula, and its sign: y = 1 rows move against w, y = 0 rows along it.
      expect(g[2 * i]).toBeCloseTo(coef * w[0], 6);
      expect(g[2 * i + 1]).toBeCloseTo(coef * w[1], 6);
      expect(Math.sign(g[2 * i])).toBe(y[i] === 1 ? -Math.sign(w[0]) : Math.sign(w[0]));
    }
    tfjs.dispose();
  });

  it('accuracy falls as ε grows, and ε = 0 is the clean accuracy, on both engines alike', async () => {
    const cfg = defaultExperiment();
    cfg.optimizer.steps = 300;
    const data = generateDataset(cfg);
    const fast = createFastTrainer(cfg, data);
    const tfjs = createTrainer(cfg, data);
    const points = await runSteps(fast, 300);
    await runSteps(tfjs, 300);
    const a = await fgsmScores(fast, cfg.tasks, data.xVal, data.yVal, data.nVal);
    const b = await fgsmScores(tfjs, cfg.tasks, data.xVal, data.yVal, data.nVal);
    expect(a).toHaveLength(FGSM_EPS.length);
    cfg.tasks.forEach((task, t) => {
      expect(a[0][t]).toBeCloseTo(points.at(-1)!.tasks[t].metric, 5);
      for (let e = 0; e < FGSM_EPS.length; e++) expect(a[e][t]).toBeCloseTo(b[e][t], 2);
      // Classification accuracy drops, regression RMSE rises, at the largest ε.
      if (task.kind === 'regression') expect(a.at(-1)![t]).toBeGreaterThan(a[0][t]);
      else expect(a.at(-1)![t]).toBeLessThan(a[0][t]);
    });
    tfjs.dispose();
  });
});
