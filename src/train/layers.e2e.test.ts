import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { analyzeGraph, defaultExperiment, graphTemplate, makeNode, type ExperimentConfig, type GraphNode } from '../model';
import { generateDataset } from '../datasets';
import { createTrainer } from './tfjs/engine';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The default experiment with its trunk (in → d1 → d2) replaced by a chain of nodes ending in the heads. */
function withTrunk(chain: GraphNode[], edit: (c: ExperimentConfig) => void = () => {}): ExperimentConfig {
  const cfg = defaultExperiment();
  const heads = cfg.graph.nodes.filter((n) => n.kind === 'head');
  const ids = ['in', ...chain.map((n) => n.id)];
  cfg.graph.nodes = [cfg.graph.nodes[0], ...chain, ...heads];
  cfg.graph.edges = [
    ...ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i], target: id })),
    ...heads.map((h) => ({ id: `e_${h.id}`, source: ids[ids.length - 1], target: h.id })),
  ];
  cfg.optimizer.steps = 80;
  cfg.evalEvery = 20;
  edit(cfg);
  return cfg;
}

/** Trains all steps; returns the first and last total train loss and the tensor counts after steps 20 and 80. */
async function train(cfg: ExperimentConfig) {
  const a = analyzeGraph(cfg.graph, { inputDim: 2, tasks: cfg.tasks });
  expect(a.firstError).toBeNull();
  const baseline = tf.memory().numTensors;
  const t = createTrainer(cfg, generateDataset(cfg));
  const points = await runSteps(t, 20);
  const at20 = tf.memory().numTensors;
  points.push(...(await runSteps(t, 60)));
  const at80 = tf.memory().numTensors;
  t.dispose();
  expect(tf.memory().numTensors).toBe(baseline);
  return { first: points[0].totalLoss, last: points[points.length - 1].totalLoss, at20, at80, shapes: a.shapes };
}

describe('backbone layers train end to end through createTrainer', () => {
  it('Dense → Reshape [2×2×1] → Conv2D 2×2 valid → Flatten → Dense → heads', async () => {
    const cfg = withTrunk([
      makeNode('d0', 'dense', 0, 0, { units: 4, activation: 'tanh' }),
      makeNode('rs', 'reshape', 0, 0, { d1: 2, d2: 2, d3: 1 }),
      makeNode('cv', 'conv2d', 0, 0, { filters: 2, kernel: 2, padding: 'valid' }),
      makeNode('fl', 'flatten', 0, 0),
      makeNode('d1', 'dense', 0, 0, { units: 16 }),
    ]);
    const r = await train(cfg);
    expect(r.shapes.cv).toEqual([1, 1, 2]);
    expect(r.last).toBeLessThan(r.first);
    expect(r.at80).toBe(r.at20);
  });

  it('Dense → BatchNorm → LayerNorm → Residual → Reshape [4×1] → BiLSTM → heads, with a per-task gradient strategy', async () => {
    const cfg = withTrunk(
      [
        makeNode('d0', 'dense', 0, 0, { units: 4 }),
        makeNode('bn', 'batchnorm', 0, 0),
        makeNode('ln', 'layernorm', 0, 0),
        makeNode('res', 'residual', 0, 0),
        makeNode('rs', 'reshape', 0, 0, { d1: -1, d2: 1, d3: 0 }),
        makeNode('rnn', 'bilstm', 0, 0, { units: 4 }),
      ],
      // PCGrad runs one forward/backward per task every step: BatchNorm must still update its running stats once.
      (c) => (c.weighting = { ...c.weighting, kind: 'pcgrad' }),
    );
    const r = await train(cfg);
    expect(r.shapes.rnn).toEqual([8]);
    expect(r.last).toBeLessThan(r.first);
    expect(r.at80).toBe(r.at20);
  });

  it('Reshape → Conv2D same → MaxPool2D → global average pool, and Embedding → LSTM sequences → global average pool, joined by Add', async () => {
    const cfg = withTrunk([]);
    const heads = cfg.graph.nodes.filter((n) => n.kind === 'head');
    cfg.graph.nodes = [
      cfg.graph.nodes[0],
      makeNode('d0', 'dense', 0, 0, { units: 16 }),
      makeNode('img', 'reshape', 0, 0, { d1: 4, d2: 4, d3: 1 }),
      makeNode('cv', 'conv2d', 0, 0, { filters: 6, kernel: 3 }),
      makeNode('mp', 'maxpool2d', 0, 0),
      makeNode('gap1', 'globalavgpool', 0, 0),
      // Token ids from a linear Dense: the Embedding rounds and clamps them to 0…6 and passes no gradient back
      makeNode('tok', 'dense', 0, 0, { units: 3, activation: 'linear' }),
      makeNode('emb', 'embedding', 0, 0, { vocab: 7, dim: 4 }),
      makeNode('rnn', 'lstm', 0, 0, { units: 6, returnSequences: true }),
      makeNode('gap2', 'globalavgpool', 0, 0),
      makeNode('sum', 'add', 0, 0),
      ...heads,
    ];
    const e = (source: string, target: string) => ({ id: `${source}_${target}`, source, target });
    cfg.graph.edges = [
      e('in', 'd0'),
      e('d0', 'img'),
      e('img', 'cv'),
      e('cv', 'mp'),
      e('mp', 'gap1'),
      e('in', 'tok'),
      e('tok', 'emb'),
      e('emb', 'rnn'),
      e('rnn', 'gap2'),
      e('gap1', 'sum'),
      e('gap2', 'sum'),
      ...heads.map((h) => e('sum', h.id)),
    ];
    const r = await train(cfg);
    expect(r.shapes.sum).toEqual([6]);
    expect(r.last).toBeLessThan(r.first);
    expect(r.at80).toBe(r.at20);
  });

  it.each(['mean', 'learned'])('the ensemble template (combine %s) trains without leaking tensors', async (combine) => {
    const cfg = withTrunk([], (c) => {
      c.graph = graphTemplate('ensemble')!.build(c.tasks, 2);
      c.graph.nodes.find((n) => n.kind === 'ensemble')!.params.combine = combine;
    });
    const r = await train(cfg);
    expect(r.shapes.ensemble).toEqual([8]);
    expect(r.last).toBeLessThan(r.first);
    expect(r.at80).toBe(r.at20);
  });
});
