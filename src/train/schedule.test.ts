import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { activeTasks, defaultExperiment, graphTemplate, phaseAt, type ExperimentConfig, type NodeWeights } from '../model';
import { generateDataset } from '../datasets';
import { createTrainer } from './tfjs/engine';
import { autoPicksJs } from './engine';
import { fastUnsupported } from './fast/plan';
import { phasedStrategy } from './schedule';
import { runSteps } from './testing';
import { expectParity } from './fast/testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const byId = (ws: NodeWeights[]) => new Map(ws.map((n) => [n.id, n]));
const bits = (n: NodeWeights | undefined) => n!.tensors.map((t) => Array.from(new Uint32Array(t.values.buffer, t.values.byteOffset, t.values.length)));

function cfg(edit: (c: ExperimentConfig) => void): ExperimentConfig {
  const c = defaultExperiment();
  c.optimizer.steps = 12;
  c.evalEvery = 4;
  edit(c);
  return c;
}

async function weightsAfter(c: ExperimentConfig, steps: number): Promise<Map<string, NodeWeights>> {
  const t = createTrainer(c, generateDataset(c));
  await runSteps(t, steps);
  const w = byId(await t.weights());
  t.dispose();
  return w;
}

describe('phaseAt / activeTasks', () => {
  it('phase 1 is steps 0 … phase1Steps−1 and counts only phase1Tasks', () => {
    const s = { phase1Steps: 3, phase1Tasks: ['zone'], freezeInPhase2: [] };
    expect([0, 1, 2, 3, 4].map((k) => phaseAt(s, k))).toEqual([1, 1, 1, 2, 2]);
    expect(phaseAt(undefined, 0)).toBe(2);
    expect(activeTasks(s, ['side', 'zone', 'height'], 2)).toEqual([false, true, false]);
    expect(activeTasks(s, ['side', 'zone', 'height'], 3)).toEqual([true, true, true]);
  });
});

describe('two-phase schedule (tfjs engine)', () => {
  const ids = ['d1', 'd2', 'head_side', 'head_zone', 'head_height'];

  it.each(['equal', 'pcgrad', 'mgda'])('phase 1 moves only the active task and the shared layers (%s)', async (kind) => {
    const c = cfg((c) => {
      c.weighting.kind = kind;
      c.schedule = { phase1Steps: 12, phase1Tasks: ['side'], freezeInPhase2: [] };
    });
    const init = await weightsAfter(c, 0);
    const after = await weightsAfter(c, 12);
    for (const id of ['head_zone', 'head_height']) expect(bits(after.get(id))).toEqual(bits(init.get(id)));
    for (const id of ['d1', 'd2', 'head_side']) expect(bits(after.get(id))).not.toEqual(bits(init.get(id)));
  });

  it('phase 1 on one task trains the shared layers exactly as fixed weights (1, 0, 0) would', async () => {
    // Σ wₜ·Lₜ with w = (1, 0, 0) has the gradient of L_side alone; Adam is per element, so the shared
    // layers and the active head must agree bit for bit with the phase-1 run.
    const phased = await weightsAfter(cfg((c) => (c.schedule = { phase1Steps: 12, phase1Tasks: ['side'], freezeInPhase2: [] })), 12);
    const fixed = await weightsAfter(
      cfg((c) => {
        c.weighting = { kind: 'fixed', params: {}, weights: { side: 1, zone: 0, height: 0 } };
      }),
      12,
    );
    for (const id of ['d1', 'd2', 'head_side']) expect(bits(phased.get(id))).toEqual(bits(fixed.get(id)));
  });

  it('reports weight 0 for inactive tasks in phase 1 and the strategy’s weights in phase 2', async () => {
    const c = cfg((c) => (c.schedule = { phase1Steps: 6, phase1Tasks: ['side', 'height'], freezeInPhase2: [] }));
    const t = createTrainer(c, generateDataset(c));
    const points = await runSteps(t, 12);
    t.dispose();
    expect(points.find((p) => p.step === 4)!.weights).toEqual([1, 0, 1]);
    expect(points.find((p) => p.step === 12)!.weights).toEqual([1, 1, 1]);
  });

  it.each(['equal', 'pcgrad'])('phase 2 leaves freezeInPhase2 nodes bit-for-bit unchanged and trains the rest (%s)', async (kind) => {
    const c = cfg((c) => {
      c.weighting.kind = kind;
      c.schedule = { phase1Steps: 5, phase1Tasks: ['zone'], freezeInPhase2: ['d1', 'head_zone'] };
    });
    const atBoundary = await weightsAfter(c, 5);
    const end = await weightsAfter(c, 12);
    for (const id of ['d1', 'head_zone']) expect(bits(end.get(id))).toEqual(bits(atBoundary.get(id)));
    for (const id of ['d2', 'head_side', 'head_height']) expect(bits(end.get(id))).not.toEqual(bits(atBoundary.get(id)));
    // phase 1 trained d1 (zone's loss reaches it) and left side's head alone
    const init = await weightsAfter(c, 0);
    expect(bits(atBoundary.get('d1'))).not.toEqual(bits(init.get('d1')));
    expect(bits(atBoundary.get('head_side'))).toEqual(bits(init.get('head_side')));
    expect(ids.every((id) => end.has(id))).toBe(true);
  });

  it('a phase 1 with none of the tasks is refused with a message', () => {
    const c = cfg((c) => (c.schedule = { phase1Steps: 5, phase1Tasks: ['nope'], freezeInPhase2: [] }));
    expect(() => createTrainer(c, generateDataset(c))).toThrow(/phase 1 trains none/);
  });

  it('the JS engine runs a schedule like tfjs (losses and weights within 1e-4 over 50 steps), so Auto picks it', async () => {
    const c = cfg((c) => {
      c.optimizer.steps = 50;
      c.schedule = { phase1Steps: 20, phase1Tasks: ['side', 'zone'], freezeInPhase2: ['d1'] };
    });
    expect(fastUnsupported(c)).toBeNull();
    expect(autoPicksJs(c, 2).js).toBe(true);
    await expectParity(c, 50);
    // per-task gradients (PCGrad) across the phase change, on a fusion graph
    const m = cfg((c) => {
      c.optimizer.steps = 50;
      c.graph = graphTemplate('mmoe')!.build(c.tasks, 2);
      c.weighting = { kind: 'pcgrad', params: {}, weights: c.weighting.weights };
      c.schedule = { phase1Steps: 25, phase1Tasks: ['height'], freezeInPhase2: ['mmoe'] };
    });
    await expectParity(m, 50);
  }, 60_000);
});

describe('phasedStrategy', () => {
  it('gives gradient strategies only the active tasks’ Gram matrix (MGDA on two orthogonal active tasks: ½, ½, 0)', () => {
    const s = phasedStrategy({ kind: 'mgda', params: { normalize: 'none' }, weights: {} }, { phase1Steps: 2, phase1Tasks: ['a', 'c'], freezeInPhase2: [] }, ['a', 'b', 'c'], 1, 0.01);
    // g_a = (1, 0), g_b = (−5, −5) (would dominate if seen), g_c = (0, 1): min-norm point of {g_a, g_c} is (½, ½).
    const gram = [
      [1, -5, 0],
      [-5, 50, -5],
      [0, -5, 1],
    ];
    const w = s.step({ step: 0, losses: [1, 1, 1], gram });
    expect(w.shared[0]).toBeCloseTo(0.5, 6);
    expect(w.shared[1]).toBe(0);
    expect(w.shared[2]).toBeCloseTo(0.5, 6);
    expect(w.task).toEqual([1, 0, 1]);
    // phase 2: all three tasks; the min-norm point of {g_a, g_b, g_c} is no longer (½, 0, ½)
    const w2 = s.step({ step: 2, losses: [1, 1, 1], gram });
    expect(w2.task).toEqual([1, 1, 1]);
    expect(w2.shared[1]).toBeGreaterThan(0);
  });

  it('gives gradient-vector strategies only the active tasks’ vectors, and passes their direction on (GradDrop, leak 1)', () => {
    const s = phasedStrategy({ kind: 'graddrop', params: { leak: 1 }, weights: {} }, { phase1Steps: 2, phase1Tasks: ['a', 'c'], freezeInPhase2: [] }, ['a', 'b', 'c'], 1, 0.01);
    const g = [[1, 0], [-5, -5], [0, 2]].map((v) => Float32Array.from(v));
    const gram = g.map((a) => g.map((b) => a[0] * b[0] + a[1] * b[1]));
    // leak 1 keeps every gradient: the direction is g_a + g_c = (1, 2) in phase 1, g_a + g_b + g_c = (−4, −3) in phase 2.
    const w = s.step({ step: 0, losses: [1, 1, 1], gram, grads: g });
    expect(Array.from(w.direction!)).toEqual([1, 2]);
    expect(w.task).toEqual([1, 0, 1]);
    expect(Array.from(s.step({ step: 2, losses: [1, 1, 1], gram, grads: g }).direction!)).toEqual([-4, -3]);
  });
});
