import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultExperiment, graphTemplate, type ExperimentConfig } from '../model';
import { generateDataset } from '../datasets';
import { buildModel } from './builder';
import { fastUnsupported } from './fast/plan';
import { createTrainer } from './tfjs/engine';
import { runSteps } from './testing';
import { expectParity } from './fast/testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Every registered variable's values, by name (weights and optimiser state alike). */
function snapshot(): Map<string, { v: tf.Variable; data: number[] }> {
  const vars = tf.engine().state.registeredVariables;
  return new Map(Object.keys(vars).map((k) => [k, { v: vars[k], data: Array.from(vars[k].dataSync()) }]));
}

function config(edit: (c: ExperimentConfig) => void): ExperimentConfig {
  const c = defaultExperiment();
  c.optimizer.steps = 30;
  edit(c);
  return c;
}

describe('frozen layers', () => {
  it('are left out of the trainable variables but counted in paramCount', () => {
    const c = config((c) => (c.graph.nodes.find((n) => n.id === 'd1')!.params.frozen = true));
    const m = buildModel(c, 2);
    expect(m.variableNodes).not.toContain('d1');
    expect(m.paramCount).toBe(2 * 16 + 16 + (16 * 16 + 16) + (16 + 1) + (16 * 3 + 3) + (16 + 1));
    // the trainable variables hold everything but d1's 2·16 + 16
    expect(m.variables.reduce((a, v) => a + v.size, 0)).toBe(m.paramCount - (2 * 16 + 16));
    m.dispose();
  });

  it.each([['equal'], ['pcgrad']])('keep their weights bit for bit while the others train (%s)', async (weighting) => {
    const c = config((c) => {
      c.graph.nodes.find((n) => n.id === 'd1')!.params.frozen = true;
      c.weighting.kind = weighting;
    });
    const before = new Set(Object.keys(tf.engine().state.registeredVariables));
    const t = createTrainer(c, generateDataset(c));
    const start = snapshot();
    await runSteps(t, 30);
    expect(t.step).toBe(30);
    const end = snapshot();
    const mine = [...start.keys()].filter((k) => !before.has(k));
    // d1: W [2, 16] and b [16], the only untrainable variables of those shapes (optimiser buffers are flat [n])
    const frozen = mine.filter((k) => !start.get(k)!.v.trainable && [[2, 16], [16]].some((s) => JSON.stringify(s) === JSON.stringify(start.get(k)!.v.shape)));
    expect(frozen.length).toBe(2);
    for (const k of frozen) expect(end.get(k)!.data).toEqual(start.get(k)!.data);
    const trained = mine.filter((k) => start.get(k)!.v.trainable);
    expect(trained.length).toBe(2 + 3 * 2); // d2 and three heads
    for (const k of trained) expect(end.get(k)!.data).not.toEqual(start.get(k)!.data);
    t.dispose();
  });

  it('freeze alike on the JS engine: losses and weights match tfjs over 50 steps (d1 frozen, then an MMoE frozen)', async () => {
    const c = config((c) => (c.graph.nodes.find((n) => n.id === 'd1')!.params.frozen = true));
    expect(fastUnsupported(c)).toBeNull();
    await expectParity(c, 50);
    const m = config((c) => {
      c.graph = graphTemplate('mmoe')!.build(c.tasks, 2);
      c.graph.nodes.find((n) => n.kind === 'mmoe')!.params.frozen = true;
    });
    await expectParity(m, 50);
  }, 60_000);
});

describe('fusion templates train through createTrainer', () => {
  it.each([['crossstitch'], ['mtan'], ['mmoe'], ['cgc'], ['tam'], ['care']])('%s lowers every validation loss', async (id) => {
    const c = config((c) => {
      c.graph = graphTemplate(id)!.build(c.tasks, 2);
      c.optimizer.steps = 150;
    });
    // the JS engine covers these too (its parity tests are in src/kinds/<kind>/fast.test.ts)
    expect(fastUnsupported(c)).toBeNull();
    const t = createTrainer(c, generateDataset(c));
    const points = await runSteps(t, 150);
    t.dispose();
    const [first, last] = [points[0], points[points.length - 1]];
    first.tasks.forEach((p, i) => expect(last.tasks[i].valLoss, `${id} task ${i}`).toBeLessThan(p.valLoss));
  });

  it('MGDA-UB on the representation works when the boundary is a multi-output module', async () => {
    const c = config((c) => {
      c.graph = graphTemplate('mmoe')!.build(c.tasks, 2);
      c.weighting = { kind: 'mgda', params: { normalize: 'none', on: 'representation' }, weights: {} };
    });
    const t = createTrainer(c, generateDataset(c));
    const points = await runSteps(t, 30);
    t.dispose();
    expect(points[points.length - 1].step).toBe(30);
    expect(points.every((p) => p.tasks.every((x) => Number.isFinite(x.valLoss)))).toBe(true);
  });
});
