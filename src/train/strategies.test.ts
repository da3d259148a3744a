/** Every weighting strategy trains the default experiment on both engines: every task's loss falls, memory stays flat. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, defaultParams, WEIGHTINGS, type ExperimentConfig } from '../model';
import { generateDataset } from '../datasets';
import { createFastTrainer } from './fast/engine';
import { createTrainer } from './tfjs/engine';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function config(kind: string, steps: number): ExperimentConfig {
  const c = defaultExperiment();
  const spec = WEIGHTINGS.find((w) => w.id === kind)!;
  c.weighting = { kind, params: defaultParams(spec.params), weights: { side: 1, zone: 2, height: 0.5 } };
  c.optimizer.steps = steps;
  c.evalEvery = 20;
  return c;
}

describe.each(WEIGHTINGS.map((w) => w.id))('strategy %s', (kind) => {
  it('lowers every task loss on the JS engine and reports weights and conflicts', async () => {
    const cfg = config(kind, 300);
    const pts = await runSteps(createFastTrainer(cfg, generateDataset(cfg)), 300);
    const first = pts[0];
    const last = pts.at(-1)!;
    first.tasks.forEach((t, i) => expect(last.tasks[i].valLoss, `task ${i}`).toBeLessThan(t.valLoss));
    expect(last.weights).toHaveLength(3);
    expect(last.weights.every(Number.isFinite)).toBe(true);
    const c = last.conflict!;
    expect(c.cosine).toHaveLength(3);
    expect(c.cosine[0][0]).toBeCloseTo(1, 5);
    expect(c.measured).toBeGreaterThanOrEqual(1);
    expect(c.conflicting).toBeLessThanOrEqual(c.measured);
  });

  it('lowers every task loss on tfjs (cpu) with a flat tensor count', async () => {
    const cfg = config(kind, 120);
    const t = createTrainer(cfg, generateDataset(cfg));
    const pts = await runSteps(t, 40);
    const n40 = tf.memory().numTensors;
    pts.push(...(await runSteps(t, 80)));
    expect(tf.memory().numTensors).toBe(n40);
    t.dispose();
    const first = pts[0];
    const last = pts.at(-1)!;
    expect(last.step).toBe(120);
    first.tasks.forEach((p, i) => expect(last.tasks[i].valLoss, `task ${i}`).toBeLessThan(p.valLoss));
  });
});

describe('strategy effects', () => {
  it('fixed weights scale the total loss', async () => {
    const cfg = config('fixed', 20);
    const last = (await runSteps(createFastTrainer(cfg, generateDataset(cfg)), 20)).at(-1)!;
    expect(last.weights).toEqual([1, 2, 0.5]);
    expect(last.totalLoss).toBeCloseTo(last.tasks[0].trainLoss + 2 * last.tasks[1].trainLoss + 0.5 * last.tasks[2].trainLoss, 5);
  });

  it('gradient strategies measure every step; loss strategies once per evaluation interval', async () => {
    const pc = config('pcgrad', 40);
    const ptsPc = await runSteps(createFastTrainer(pc, generateDataset(pc)), 40);
    expect(ptsPc[1].conflict!.measured).toBe(20);
    const eq = config('equal', 40);
    const ptsEq = await runSteps(createFastTrainer(eq, generateDataset(eq)), 40);
    expect(ptsEq[1].conflict!.measured).toBe(1);
  });

  it('the JS and tfjs engines agree for a gradient strategy (MGDA)', async () => {
    const cfg = config('mgda', 30);
    const data = generateDataset(cfg);
    const a = await runSteps(createFastTrainer(cfg, data), 30);
    const tr = createTrainer(cfg, data);
    const b = await runSteps(tr, 30);
    tr.dispose();
    a.forEach((p, k) => p.tasks.forEach((t, i) => expect(Math.abs(t.valLoss - b[k].tasks[i].valLoss)).toBeLessThan(1e-3)));
  });
});

describe('strategies that build the shared direction from the gradient vectors', () => {
  it('the engines apply the direction: GradDrop with leak 1 (direction Σ g_t) trains exactly as equal weighting, leak 0 does not', async () => {
    const eq = config('equal', 30);
    const data = generateDataset(eq);
    const base = await runSteps(createFastTrainer(eq, data), 30);
    const run = async (leak: number) => {
      const c = config('graddrop', 30);
      c.weighting.params.leak = leak;
      return runSteps(createFastTrainer(c, data), 30);
    };
    const full = await run(1);
    const dropped = await run(0);
    full.forEach((p, k) => p.tasks.forEach((t, i) => expect(t.valLoss).toBeCloseTo(base[k].tasks[i].valLoss, 5)));
    expect(dropped.at(-1)!.tasks[0].valLoss).not.toBeCloseTo(base.at(-1)!.tasks[0].valLoss, 5);
    const tr = createTrainer({ ...config('graddrop', 30), weighting: { ...config('graddrop', 30).weighting, params: { leak: 1 } } }, data);
    const tf1 = await runSteps(tr, 30);
    tr.dispose();
    tf1.forEach((p, k) => p.tasks.forEach((t, i) => expect(Math.abs(t.valLoss - base[k].tasks[i].valLoss)).toBeLessThan(1e-3)));
  });

  it('the JS and tfjs engines agree for DB-MTL (its direction is order-free)', async () => {
    const cfg = config('db-mtl', 30);
    const data = generateDataset(cfg);
    const a = await runSteps(createFastTrainer(cfg, data), 30);
    const tr = createTrainer(cfg, data);
    const b = await runSteps(tr, 30);
    tr.dispose();
    a.forEach((p, k) => p.tasks.forEach((t, i) => expect(Math.abs(t.valLoss - b[k].tasks[i].valLoss)).toBeLessThan(1e-3)));
  });
});

/** Strategies offering to solve on the shared representation (MGDA-UB, Aligned-MTL-UB). */
const REPRESENTATION = WEIGHTINGS.filter((w) => w.params.some((p) => p.key === 'on' && p.type === 'select' && p.options.includes('representation'))).map((w) => w.id);

describe.each(REPRESENTATION)('%s on the shared representation', (kind) => {
  it('both engines train with it, agree with each other, and differ from the same strategy on parameters', async () => {
    const rep = config(kind, 30);
    rep.weighting.params.on = 'representation';
    const data = generateDataset(rep);
    const a = await runSteps(createFastTrainer(rep, data), 30);
    const tr = createTrainer(rep, data);
    const b = await runSteps(tr, 10);
    const n10 = tf.memory().numTensors;
    b.push(...(await runSteps(tr, 20)));
    expect(tf.memory().numTensors).toBe(n10);
    tr.dispose();
    a.forEach((p, k) => p.tasks.forEach((t, i) => expect(Math.abs(t.valLoss - b[k].tasks[i].valLoss)).toBeLessThan(1e-3)));
    const par = config(kind, 30);
    const c = await runSteps(createFastTrainer(par, data), 30);
    expect(c.at(-1)!.weights).not.toEqual(a.at(-1)!.weights);
    a[0].tasks.forEach((t, i) => expect(a.at(-1)!.tasks[i].valLoss).toBeLessThan(t.valLoss));
  });
});
