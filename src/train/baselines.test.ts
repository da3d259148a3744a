/** Single-task baselines of every template are valid one-task graphs that train (fusion modules with one task included). */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { analyzeGraph, defaultExperiment, TEMPLATES } from '../model';
import { generateDataset } from '../datasets';
import { baselineConfigs } from '../state/runs';
import { createTrainer } from './tfjs/engine';
import { runSteps } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(TEMPLATES.map((t) => t.id))('baselines of the %s template', (id) => {
  it('are valid single-task graphs whose loss falls', async () => {
    const cfg = defaultExperiment();
    cfg.graph = TEMPLATES.find((t) => t.id === id)!.build(cfg.tasks, 2);
    cfg.optimizer.steps = 60;
    const baselines = baselineConfigs(cfg);
    expect(baselines.map((b) => b.taskId)).toEqual(cfg.tasks.map((t) => t.id));
    for (const { taskId, config } of baselines) {
      const a = analyzeGraph(config.graph, { inputDim: 2, tasks: config.tasks });
      expect(a.firstError, `${id}/${taskId}`).toBeNull();
      const t = createTrainer(config, generateDataset(config));
      const pts = await runSteps(t, 60);
      t.dispose();
      expect(pts.at(-1)!.tasks[0].valLoss, `${id}/${taskId}`).toBeLessThan(pts[0].tasks[0].valLoss);
    }
  });
});
