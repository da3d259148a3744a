import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, graphTemplate, type ExperimentConfig } from '../model';
import { generateDataset } from '../datasets';
import { buildModel, type BuiltModel } from './builder';
import { crossStitchInit } from './layers';
import { createTrainer } from './tfjs/engine';
import { createFastTrainer } from './fast/engine';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let model: BuiltModel | null = null;
afterEach(() => {
  model?.dispose();
  model = null;
});

const tasks = defaultExperiment().tasks;
const build = (template: string, edit: (c: Pick<ExperimentConfig, 'graph' | 'tasks' | 'seed'>) => void = () => {}) => {
  const cfg = { graph: graphTemplate(template)!.build(tasks, 2), tasks, seed: 5 };
  edit(cfg);
  return (model = buildModel(cfg, 2));
};
const rows = (n: number) => tf.randomUniform([n, 2], -1, 1, 'float32', 9);
const names = tasks.map((t) => t.name);

describe('live inspection of fusion modules', () => {
  it('cross-stitch: the T×T table is the mixing variable (0.9 on the diagonal at init), and follows it', async () => {
    const m = build('crossstitch');
    const x = rows(4);
    const [cs] = await m.inspect(x);
    expect(cs).toMatchObject({ nodeId: 'crossstitch', kind: 'crossstitch', rows: 3, cols: 3, rowLabels: names, colLabels: ['in 1', 'in 2', 'in 3'] });
    expect(cs.values).toEqual(Array.from(crossStitchInit(3)));
    const a = m.variables[m.variableNodes.indexOf('crossstitch')];
    a.assign(tf.tensor2d([[1, 2, 3], [4, 5, 6], [7, 8, -9]]));
    expect((await m.inspect(x))[0].values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, -9]);
    x.dispose();
  });

  it('MMoE: each task’s mean gate weight per expert; rows sum to 1 and equal the mean of the per-row softmax gates', async () => {
    const m = build('mmoe');
    const x = rows(16);
    const before = tf.memory().numTensors;
    const [g] = await m.inspect(x);
    expect(tf.memory().numTensors).toBe(before);
    expect(g).toMatchObject({ nodeId: 'mmoe', kind: 'mmoe', rows: 3, cols: 4, rowLabels: names, colLabels: ['E1', 'E2', 'E3', 'E4'] });
    for (let t = 0; t < 3; t++) expect(g.values.slice(t * 4, t * 4 + 4).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
    expect(g.note).toMatch(/averaged over validation rows/);
    // By hand: softmax(x·Wg + bg) per row, then the mean over rows.
    const [, , wg, bg] = m.variables;
    const want = tf.tidy(() => Array.from(tf.mean(tf.softmax(tf.reshape(tf.add(tf.matMul(x, wg as tf.Tensor2D), bg), [16, 3, 4])), 0).dataSync()));
    g.values.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
    // Input-dependent: some gate differs from uniform once the gate weights are not zero.
    expect(g.values.some((v) => Math.abs(v - 0.25) > 1e-3)).toBe(true);
    x.dispose();
  });

  it('CGC: columns are the shared experts then the task’s own; rows sum to 1', async () => {
    const m = build('cgc');
    const x = rows(8);
    const [g] = await m.inspect(x);
    expect(g).toMatchObject({ nodeId: 'cgc', rows: 3, cols: 3, colLabels: ['S1', 'S2', 'T1'] });
    for (let t = 0; t < 3; t++) expect(g.values.slice(t * 3, t * 3 + 3).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
    x.dispose();
  });

  it('PLE: a row per gate and level (the shared gate below the last level), every expert a column; rows sum to 1, no leak', async () => {
    const m = build('ple');
    const x = rows(8);
    const before = tf.memory().numTensors;
    const [g] = await m.inspect(x);
    expect(tf.memory().numTensors).toBe(before);
    expect(g).toMatchObject({ nodeId: 'ple', rows: 7, cols: 5, colLabels: ['S1', 'S2', 'T1.1', 'T2.1', 'T3.1'] });
    expect(g.rowLabels).toEqual([...names.map((n) => `L1 ${n}`), 'L1 shared', ...names.map((n) => `L2 ${n}`)]);
    for (let r = 0; r < 7; r++) expect(g.values.slice(r * 5, r * 5 + 5).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
    expect(g.values[4]).toBe(0); // task 1's gate cannot read task 3's expert
    x.dispose();
  });

  it('ensemble: only with learned weights, which start equal', async () => {
    expect(await build('ensemble').inspect(rows(2))).toEqual([]);
    model!.dispose();
    const m = build('ensemble', (c) => (c.graph.nodes.find((n) => n.id === 'ensemble')!.params.combine = 'learned'));
    const [w] = await m.inspect(rows(2));
    expect(w).toMatchObject({ nodeId: 'ensemble', rows: 3, cols: 3, colLabels: ['M1', 'M2', 'M3'] });
    w.values.forEach((v) => expect(v).toBeCloseTo(1 / 3, 6));
  });

  it('graphs without such modules have nothing to inspect, on either engine', async () => {
    expect(await build('hard').inspect(rows(2))).toEqual([]);
    const cfg = defaultExperiment();
    cfg.optimizer.steps = 2;
    const t = createTrainer(cfg, generateDataset(cfg));
    expect(await t.inspect()).toEqual([]);
    t.dispose();
    expect(await createFastTrainer(cfg, generateDataset(cfg)).inspect()).toEqual([]);
  });

  it.each([['crossstitch'], ['mmoe'], ['cgc'], ['dselectk'], ['ltb'], ['ensemble'], ['nddr'], ['ple']])('%s: the JS engine shows the tfjs engine’s table after 20 steps', async (id) => {
    const cfg = defaultExperiment();
    cfg.graph = graphTemplate(id)!.build(cfg.tasks, 2);
    for (const n of cfg.graph.nodes) if (n.kind === 'ensemble') n.params.combine = 'learned';
    cfg.optimizer.steps = 20;
    const data = generateDataset(cfg);
    const a = createTrainer(cfg, data);
    const b = createFastTrainer(cfg, data);
    await runSteps(a, 20);
    await runSteps(b, 20);
    const [ta, tb] = [await a.inspect(), await b.inspect()];
    a.dispose();
    expect(ta.length).toBe(1);
    expect(tb.map(({ values, ...rest }) => rest)).toEqual(ta.map(({ values, ...rest }) => rest));
    tb[0].values.forEach((v, i) => expect(v).toBeCloseTo(ta[0].values[i], 4));
  });

  it('the trainer inspects on validation rows while training: gate rows still sum to 1', async () => {
    const cfg = defaultExperiment();
    cfg.graph = graphTemplate('mmoe')!.build(cfg.tasks, 2);
    cfg.optimizer.steps = 20;
    const t = createTrainer(cfg, generateDataset(cfg));
    await runSteps(t, 20);
    const before = tf.memory().numTensors;
    const [g] = await t.inspect();
    expect(tf.memory().numTensors).toBe(before);
    for (let r = 0; r < g.rows; r++) expect(g.values.slice(r * g.cols, (r + 1) * g.cols).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
    t.dispose();
  });
});
