import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { datasetTemplate, defaultExperiment, graphTemplate, planWarmStart, warmInit, type ExperimentConfig, type NodeWeights } from '../model';
import { generateDataset } from '../datasets';
import { createTrainer } from './tfjs/engine';
import { createFastTrainer } from './fast/engine';
import type { Trainer } from './trainer';
import { runSteps } from './testing';
import { expectParity } from './fast/testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ENGINES: [string, (c: ExperimentConfig) => Trainer][] = [
  ['tfjs', (c) => createTrainer(c, generateDataset(c))],
  ['js', (c) => createFastTrainer(c, generateDataset(c))],
];

/** The default graph with d2 widened to 8 units (d2 and all heads then change shape; d1 keeps [2,16] [16]) and head_height gone. */
function target(): ExperimentConfig {
  const c = defaultExperiment();
  c.seed = 7; // a different fresh init, so a copied tensor cannot equal the fresh one by accident
  c.graph.nodes.find((n) => n.id === 'd2')!.params.units = 8;
  c.tasks = c.tasks.filter((t) => t.id !== 'height');
  c.graph.nodes = c.graph.nodes.filter((n) => n.id !== 'head_height');
  c.graph.edges = c.graph.edges.filter((e) => e.target !== 'head_height');
  return c;
}

const byId = (ws: NodeWeights[]) => new Map(ws.map((n) => [n.id, n]));
const bits = (ws: NodeWeights | undefined) => ws!.tensors.map((t) => Array.from(new Uint32Array(t.values.buffer, t.values.byteOffset, t.values.length)));

describe.each(ENGINES)('warm start on the %s engine', (_, make) => {
  it('copies exactly the nodes it reports as copied (bit-for-bit) and leaves the rest at their fresh init', async () => {
    // Source: the default experiment trained a little, so its weights are not an init of any seed.
    const srcCfg = defaultExperiment();
    const src = make(srcCfg);
    await runSteps(src, 20);
    const source = await src.weights();
    src.dispose();

    const fresh = make(target());
    const before = byId(await fresh.weights());
    const report = fresh.loadWeights(source);
    const after = byId(await fresh.weights());

    // Only nodes with weights are reported; 'in' (no tensors) is skipped.
    expect(report).toEqual([
      { nodeId: 'd1', from: 'd1', status: 'copied', detail: 'copied [2,16] [16]' },
      { nodeId: 'd2', from: 'd2', status: 'mismatch', detail: 'shape mismatch: expected [16,8] [8] got [16,16] [16]' },
      { nodeId: 'head_side', from: 'head_side', status: 'mismatch', detail: 'shape mismatch: expected [8,1] [1] got [16,1] [1]' },
      { nodeId: 'head_zone', from: 'head_zone', status: 'mismatch', detail: 'shape mismatch: expected [8,3] [3] got [16,3] [3]' },
      { nodeId: 'head_height', from: 'head_height', status: 'missing', detail: 'not in this graph' },
    ]);
    const s = byId(source);
    expect(bits(after.get('d1'))).toEqual(bits(s.get('d1')));
    expect(bits(after.get('d1'))).not.toEqual(bits(before.get('d1')));
    for (const id of ['d2', 'head_side', 'head_zone']) expect(bits(after.get(id))).toEqual(bits(before.get(id)));

    // The copied weights are the ones the model computes with: training continues from them.
    const p = await runSteps(fresh, 1);
    expect(Number.isFinite(p[0].totalLoss)).toBe(true);
    fresh.dispose();
  });

  it('a same-shaped source copies every chosen node and only those', async () => {
    const src = make(defaultExperiment());
    await runSteps(src, 10);
    const source = (await src.weights()).filter((n) => n.id === 'd2' || n.id === 'head_zone');
    src.dispose();
    const c = defaultExperiment();
    c.seed = 3;
    const t = make(c);
    const before = byId(await t.weights());
    expect(t.loadWeights(source).map((r) => [r.nodeId, r.status])).toEqual([
      ['d2', 'copied'],
      ['head_zone', 'copied'],
    ]);
    const after = byId(await t.weights());
    const s = byId(source);
    for (const id of ['d2', 'head_zone']) expect(bits(after.get(id))).toEqual(bits(s.get(id)));
    for (const id of ['d1', 'head_side', 'head_height']) expect(bits(after.get(id))).toEqual(bits(before.get(id)));
    t.dispose();
  });
});

describe.each(ENGINES)('structural warm start on the %s engine', (_, make) => {
  it('the Hard sharing template (d1, d2) takes every layer of the 2D synthetic default (s1, s2), bit-for-bit, and says from where', async () => {
    const srcCfg = defaultExperiment();
    srcCfg.graph = datasetTemplate(srcCfg.dataset, srcCfg.tasks).graph;
    const src = make(srcCfg);
    await runSteps(src, 10);
    const source = await src.weights();
    src.dispose();
    const c = defaultExperiment();
    c.seed = 5;
    c.graph = graphTemplate('hard')!.build(c.tasks, 2);
    const plan = planWarmStart(srcCfg, source, c);
    const init = warmInit(plan, plan.entries.map((e) => e.nodeId), source);
    const t = make(c);
    const report = t.loadWeights(init);
    expect(report.map((r) => [r.nodeId, r.from, r.status])).toEqual([
      ['d1', 's1', 'copied'],
      ['d2', 's2', 'copied'],
      ...c.tasks.map((k) => [`head_${k.id}`, `head_${k.id}`, 'copied']),
    ]);
    const after = byId(await t.weights());
    const s = byId(source);
    expect(bits(after.get('d1'))).toEqual(bits(s.get('s1')));
    expect(bits(after.get('d2'))).toEqual(bits(s.get('s2')));
    t.dispose();
  });
});

/** A BatchNorm (momentum 0.5) between d2 and the heads. */
function insertBn(c: ExperimentConfig): void {
  c.graph.nodes.push({ id: 'bn', kind: 'batchnorm', params: { momentum: 0.5 }, position: { x: 0, y: 0 } });
  c.graph.edges = c.graph.edges.map((e) => (e.source === 'd2' ? { ...e, source: 'bn' } : e));
  c.graph.edges.push({ id: 'e_d2_bn', source: 'd2', target: 'bn' });
}

describe('warm start of BatchNorm and fusion modules', () => {
  it('copies BatchNorm running statistics with its gamma and beta', async () => {
    const withBn = () => {
      const c = defaultExperiment();
      c.graph.nodes.push({ id: 'bn', kind: 'batchnorm', params: { momentum: 0.5 }, position: { x: 0, y: 0 } });
      c.graph.edges = c.graph.edges.map((e) => (e.source === 'd2' ? { ...e, source: 'bn' } : e));
      c.graph.edges.push({ id: 'e_d2_bn', source: 'd2', target: 'bn' });
      return c;
    };
    const src = createTrainer(withBn(), generateDataset(withBn()));
    await runSteps(src, 3);
    const bn = (await src.weights()).find((n) => n.id === 'bn')!;
    src.dispose();
    expect(bn.tensors[2].values.some((v) => v !== 0)).toBe(true); // running mean moved
    const t = createTrainer(withBn(), generateDataset(withBn()));
    expect(t.loadWeights([bn])).toEqual([{ nodeId: 'bn', from: 'bn', status: 'copied', detail: 'copied [16] [16] [16] [16]' }]);
    expect(bits((await t.weights()).find((n) => n.id === 'bn'))).toEqual(bits(bn));
    t.dispose();
  });

  it('the JS engine warm-starts from a tfjs run like tfjs does (BatchNorm statistics, MMoE), then both train alike', async () => {
    for (const edit of [(c: ExperimentConfig) => insertBn(c), (c: ExperimentConfig) => (c.graph = graphTemplate('mmoe')!.build(c.tasks, 2))]) {
      const c = defaultExperiment();
      edit(c);
      const src = createTrainer(c, generateDataset(c));
      await runSteps(src, 30);
      const init = await src.weights();
      src.dispose();
      await expectParity(c, 50, 1e-4, init);
    }
  }, 60_000);

  it('reports a node whose tensor count differs as a mismatch and leaves it alone', async () => {
    const t = createTrainer(defaultExperiment(), generateDataset(defaultExperiment()));
    const before = byId(await t.weights());
    const odd: NodeWeights = { id: 'd1', kind: 'dense', tensors: [{ shape: [2, 16], values: new Float32Array(32).fill(0.5) }] };
    expect(t.loadWeights([odd])).toEqual([{ nodeId: 'd1', from: 'd1', status: 'mismatch', detail: 'shape mismatch: expected [2,16] [16] got [2,16]' }]);
    expect(bits(byId(await t.weights()).get('d1'))).toEqual(bits(before.get('d1')));
    t.dispose();
  });
});
