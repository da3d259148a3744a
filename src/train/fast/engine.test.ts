import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, makeNode, type ExperimentConfig } from '../../model';
import { generateDataset } from '../../datasets';
import { createTrainer } from '../tfjs/engine';
import { createFastTrainer } from './engine';
import { compileFast, fastUnsupported, forwardMacs } from './plan';
import { runSteps } from '../testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const cfgWith = (edit: (c: ExperimentConfig) => void = () => {}) => {
  const c = defaultExperiment();
  edit(c);
  return c;
};

/** Both engines on the same config: the JS engine must reproduce the tfjs engine's numbers. */
async function parity(cfg: ExperimentConfig, steps: number, tol: number) {
  const data = generateDataset(cfg);
  const a = createTrainer(cfg, data);
  const b = createFastTrainer(cfg, data);
  const pa = await runSteps(a, steps);
  const pb = await runSteps(b, steps);
  a.dispose();
  expect(pb.map((p) => p.step)).toEqual(pa.map((p) => p.step));
  pa.forEach((p, k) =>
    p.tasks.forEach((t, i) => {
      const q = pb[k].tasks[i];
      expect(Math.abs(q.trainLoss - t.trainLoss), `step ${p.step} task ${i} train`).toBeLessThan(tol * Math.max(1, t.trainLoss));
      expect(Math.abs(q.valLoss - t.valLoss), `step ${p.step} task ${i} val`).toBeLessThan(tol * Math.max(1, t.valLoss));
    }),
  );
  return { pa, pb };
}

describe('JS engine', () => {
  it('lays out parameters like the tfjs engine: default graph has 405 in one array', () => {
    const plan = compileFast(defaultExperiment(), 2);
    expect(plan.P.length).toBe(405);
    expect(plan.nodes.map((n) => n.id)).toEqual(['in', 'd1', 'd2', 'head_side', 'head_zone', 'head_height']);
    // 2·16 + 16·16 + 16·1 + 16·3 + 16·1 multiply-adds per example
    expect(forwardMacs(plan)).toBe(368);
  });

  it('matches the tfjs engine step for step with Adam (default experiment)', async () => {
    await parity(cfgWith((c) => (c.optimizer.steps = 60)), 60, 1e-4);
  });

  it('matches with SGD + momentum, fixed weights, tanh/sigmoid/elu and a Concatenate of the input', async () => {
    const cfg = cfgWith((c) => {
      c.optimizer = { kind: 'sgd', learningRate: 0.05, momentum: 0.9, batchSize: 16, steps: 40 };
      c.weighting = { kind: 'fixed', params: {}, weights: { side: 0.5, zone: 2, height: 1.5 } };
      c.graph.nodes.find((n) => n.id === 'd1')!.params.activation = 'tanh';
      c.graph.nodes.find((n) => n.id === 'd2')!.params.activation = 'elu';
      c.graph.nodes.push(makeNode('cat', 'concat', 0, 0), makeNode('d3', 'dense', 0, 0, { units: 8, activation: 'sigmoid' }));
      c.graph.edges = c.graph.edges.filter((e) => e.target !== 'head_zone');
      c.graph.edges.push(
        { id: 'x1', source: 'd2', target: 'cat' },
        { id: 'x2', source: 'in', target: 'cat' },
        { id: 'x3', source: 'cat', target: 'd3' },
        { id: 'x4', source: 'd3', target: 'head_zone' },
      );
    });
    const { pb } = await parity(cfg, 40, 1e-4);
    expect(pb.at(-1)!.totalLoss).toBeCloseTo(0.5 * pb.at(-1)!.tasks[0].trainLoss + 2 * pb.at(-1)!.tasks[1].trainLoss + 1.5 * pb.at(-1)!.tasks[2].trainLoss, 5);
  });

  it('trains with dropout, deterministically, and lowers every task loss', async () => {
    const cfg = cfgWith((c) => {
      c.optimizer.steps = 300;
      c.graph.nodes.push(makeNode('drop', 'dropout', 0, 0, { rate: 0.2 }));
      c.graph.edges = c.graph.edges.filter((e) => e.id !== 'e_d1_d2');
      c.graph.edges.push({ id: 'a', source: 'd1', target: 'drop' }, { id: 'b', source: 'drop', target: 'd2' });
    });
    const data = generateDataset(cfg);
    const p1 = await runSteps(createFastTrainer(cfg, data), 300);
    const p2 = await runSteps(createFastTrainer(cfg, data), 300);
    expect(p2).toEqual(p1);
    p1[0].tasks.forEach((t, i) => expect(p1.at(-1)!.tasks[i].valLoss).toBeLessThan(t.valLoss * 0.8));
  });

  it('reports divergence and refuses kinds it lacks', async () => {
    const cfg = cfgWith((c) => {
      c.optimizer = { kind: 'sgd', learningRate: 1e6, momentum: 0, batchSize: 32, steps: 50 };
    });
    await expect(runSteps(createFastTrainer(cfg, generateDataset(cfg)), 50)).rejects.toThrow(/diverged/);
    expect(fastUnsupported(cfgWith((c) => c.graph.nodes.push(makeNode('x', 'dense', 0, 0))))).toBeNull();
    // Every kind has a kernel now (LSTM included); a kind without one is named.
    const odd = cfgWith();
    odd.graph.nodes.push({ id: 'z', kind: 'lstm', params: {}, position: { x: 0, y: 0 } });
    expect(fastUnsupported(odd)).toBeNull();
    odd.graph.nodes.push({ id: 'w', kind: 'nosuchkind' as 'lstm', params: {}, position: { x: 0, y: 0 } });
    expect(fastUnsupported(odd)).toMatch(/the JS engine has no/);
  });
});
