import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, type ExperimentConfig } from '../model';
import type { MetricPoint } from '../protocol';
import { generateDataset } from '../datasets';
import { createTrainer } from './tfjs/engine';
import { trainLoop } from './loop';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function trainer(edit: (c: ExperimentConfig) => void = () => {}) {
  const cfg = defaultExperiment();
  edit(cfg);
  return createTrainer(cfg, generateDataset(cfg));
}

describe('createTrainer', () => {
  it('lowers every task’s validation loss within 200 steps', async () => {
    const t = trainer((c) => (c.optimizer.steps = 200));
    const points = await runSteps(t, 200);
    t.dispose();
    const first = points[0];
    const last = points[points.length - 1];
    expect(first.step).toBe(0);
    expect(last.step).toBe(200);
    expect(points.length).toBe(21); // steps 0, 10, …, 200
    first.tasks.forEach((p, i) => expect(last.tasks[i].valLoss).toBeLessThan(p.valLoss));
    // equal weighting: totalLoss = Σ train losses
    expect(last.totalLoss).toBeCloseTo(last.tasks.reduce((a, p) => a + p.trainLoss, 0), 4);
    expect(last.weights).toEqual([1, 1, 1]);
    // classification metrics are accuracies; regression is an RMSE
    expect(last.tasks[0].metric).toBeGreaterThan(0.5);
    expect(last.tasks[0].metric).toBeLessThanOrEqual(1);
  });

  it('keeps the tensor count flat across steps', async () => {
    const t = trainer();
    await runSteps(t, 50);
    const after50 = tf.memory().numTensors;
    await runSteps(t, 450);
    const after500 = tf.memory().numTensors;
    expect(t.step).toBe(500);
    expect(after500).toBe(after50);
    const before = after500;
    t.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });

  it('frees everything on dispose', async () => {
    const baseline = tf.memory().numTensors;
    const t = trainer((c) => (c.optimizer.steps = 40));
    await runSteps(t, 40);
    t.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('reports divergence with a huge learning rate', async () => {
    const t = trainer((c) => {
      c.optimizer = { ...c.optimizer, kind: 'sgd', learningRate: 1e6, momentum: 0.9 };
    });
    await expect(runSteps(t, 500)).rejects.toThrow(/Training diverged at step \d+ \(loss is not finite\)\. Try a lower learning rate\./);
    t.dispose();
  });

  it('gives identical metric points for the same seed, different ones for another', async () => {
    const run = async (seed: number) => {
      const t = trainer((c) => {
        c.seed = seed;
        c.optimizer.steps = 60;
      });
      const pts = await runSteps(t, 60);
      t.dispose();
      return pts;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it('is deterministic with dropout and SGD with momentum', async () => {
    const run = async () => {
      const t = trainer((c) => {
        c.optimizer = { ...c.optimizer, kind: 'sgd', learningRate: 0.05, momentum: 0.9, steps: 30 };
        c.graph.nodes.push({ id: 'dr', kind: 'dropout', params: { rate: 0.3 }, position: { x: 0, y: 0 } });
        c.graph.edges = c.graph.edges.map((e) => (e.source === 'd2' ? { ...e, source: 'dr' } : e));
        c.graph.edges.push({ id: 'e_dr', source: 'd2', target: 'dr' });
      });
      const pts = await runSteps(t, 30);
      t.dispose();
      return pts;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('trainLoop', () => {
  it('run in chunks, stopped and resumed, gives the points of one uninterrupted run', async () => {
    const whole = trainer((c) => (c.optimizer.steps = 45));
    const expected = await runSteps(whole, 45);
    whole.dispose();
    const t = trainer((c) => (c.optimizer.steps = 45));
    const got: MetricPoint[] = [];
    let chunks = 0;
    let afterChunks = 0;
    let steps = 0;
    const control = {
      onEval: (p: MetricPoint) => void got.push(p),
      beforeChunk: () => chunks++ < 3,
      chunkOver: () => ++steps % 7 === 0,
      afterChunk: () => void afterChunks++,
    };
    expect(await trainLoop(t, control)).toBe(false);
    expect([t.step, afterChunks]).toEqual([21, 3]);
    chunks = -100;
    expect(await trainLoop(t, control)).toBe(true);
    expect(t.step).toBe(45);
    expect(got).toEqual(expected);
    t.dispose();
  });
});
