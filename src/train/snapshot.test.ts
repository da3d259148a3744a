import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, graphTemplate } from '../model';
import { generateDataset } from '../datasets';
import { createTrainer } from './tfjs/engine';
import { createFastTrainer } from './fast/engine';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('weight snapshots', () => {
  it('both engines report the same nodes, shapes and initial values (default 2-16-16 two-head graph)', async () => {
    const cfg = defaultExperiment();
    const data = generateDataset(cfg);
    const a = createTrainer(cfg, data);
    const b = createFastTrainer(cfg, data);
    const wa = await a.weights();
    const wb = await b.weights();
    a.dispose();
    expect(wb.map((n) => [n.id, n.kind, n.tensors.map((t) => t.shape)])).toEqual(wa.map((n) => [n.id, n.kind, n.tensors.map((t) => t.shape)]));
    wa.forEach((n, i) => n.tensors.forEach((t, k) => expect(Array.from(wb[i].tensors[k].values)).toEqual(Array.from(t.values))));
    // dense W [fanIn, units] then b [units]; Σ sizes = paramCount
    const total = wa.reduce((s, n) => s + n.tensors.reduce((q, t) => q + t.values.length, 0), 0);
    expect(total).toBe(a.paramCount);
  });

  it('a snapshot is a copy: training moves the weights, not the snapshot taken before', async () => {
    const cfg = defaultExperiment();
    const b = createFastTrainer(cfg, generateDataset(cfg));
    const before = await b.weights();
    const frozenCopy = before.map((n) => n.tensors.map((t) => Array.from(t.values)));
    await runSteps(b, 5);
    const after = await b.weights();
    before.forEach((n, i) => n.tensors.forEach((t, k) => expect(Array.from(t.values)).toEqual(frozenCopy[i][k])));
    expect(after.some((n, i) => n.tensors.some((t, k) => t.values.some((v, j) => v !== before[i].tensors[k].values[j])))).toBe(true);
  });

  it('BatchNorm contributes gamma, beta, then its running mean and variance', async () => {
    const cfg = defaultExperiment();
    cfg.graph.nodes.push({ id: 'bn', kind: 'batchnorm', params: { momentum: 0.5 }, position: { x: 0, y: 0 } });
    const trunk = cfg.graph.edges.find((e) => e.target === cfg.graph.nodes.find((n) => n.kind === 'head')!.id)!;
    const src = trunk.source;
    // input → … → src → bn → heads
    cfg.graph.edges = cfg.graph.edges.map((e) => (e.source === src && cfg.graph.nodes.find((n) => n.id === e.target)?.kind === 'head' ? { ...e, source: 'bn' } : e));
    cfg.graph.edges.push({ id: 'e-bn', source: src, sourceHandle: null, target: 'bn', targetHandle: null });
    const t = createTrainer(cfg, generateDataset(cfg));
    await runSteps(t, 1);
    const bn = (await t.weights()).find((n) => n.id === 'bn')!;
    t.dispose();
    expect(bn.kind).toBe('batchnorm');
    expect(bn.tensors.map((x) => x.shape)).toEqual([[16], [16], [16], [16]]);
    // After one training step with momentum 0.5 the running mean is half the batch mean: no longer all zeros.
    expect(bn.tensors[2].values.some((v) => v !== 0)).toBe(true);
  });

  it('fusion templates snapshot every node in build order (MMoE)', async () => {
    const cfg = defaultExperiment();
    cfg.graph = graphTemplate('mmoe')!.build(cfg.tasks, 2);
    const t = createTrainer(cfg, generateDataset(cfg));
    const w = await t.weights();
    t.dispose();
    expect(w.reduce((s, n) => s + n.tensors.reduce((q, x) => q + x.values.length, 0), 0)).toBe(t.paramCount);
    expect(w.some((n) => n.kind === 'mmoe' && n.tensors.length > 0)).toBe(true);
  });
});
