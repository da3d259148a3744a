/**
 * The benchmark's workloads are the ones issue 12 names, one per graph template of the registry, and the PyTorch
 * side (torchModels.ts → torch_bench.py) trains the same models: per workload the exported PyTorch model has
 * exactly the app's trainable parameter count, and torch_bench.py answers with a rate at the workload's batch.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultExperiment, graphPlan, TEMPLATES } from '../model';
import { buildModel } from '../train/builder';
import { useCpuBackend } from '../train/testing';
import { torchWorkload } from './torchModels';
import { workloadConfig, WORKLOAD_IDS } from './workloads';

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' }).status === 0;

describe('bench workloads', () => {
  it('are mtl2d-<template> for every template of the registry, then mlp784 and lenet', () => {
    expect(WORKLOAD_IDS).toEqual([...TEMPLATES.map((t) => `mtl2d-${t.id}`), 'mlp784', 'lenet']);
    expect(() => workloadConfig('nope', 10)).toThrow(/unknown workload nope/);
    expect(() => workloadConfig('mtl2d-nope', 10)).toThrow(/unknown template nope/);
  });

  it('each is a valid graph at its batch: mtl2d on the default 2D dataset at 32, mlp784 at 128, lenet on MultiMNIST at 256, Adam', () => {
    const def = defaultExperiment();
    for (const id of WORKLOAD_IDS) {
      const cfg = workloadConfig(id, 123);
      const w = torchWorkload(id);
      expect(() => graphPlan(cfg.graph, { inputDim: w.inputDim, tasks: cfg.tasks }), id).not.toThrow();
      expect(cfg.optimizer.kind, id).toBe('adam');
      expect(cfg.optimizer.steps, id).toBe(123);
      const want = id === 'lenet' ? 256 : id === 'mlp784' ? 128 : 32;
      expect(cfg.optimizer.batchSize, id).toBe(want);
      if (id.startsWith('mtl2d-')) {
        expect(cfg.dataset, id).toEqual(def.dataset);
        expect(cfg.graph, id).toEqual(TEMPLATES.find((t) => `mtl2d-${t.id}` === id)!.build(def.tasks, 2));
      }
    }
    expect(workloadConfig('lenet', 1).dataset.kind).toBe('multimnist');
    expect(torchWorkload('lenet').inputDim).toBe(784);
    expect(torchWorkload('mlp784').inputDim).toBe(784);
  });
});

describe.skipIf(!hasTorch)('bench workloads in PyTorch (torch_bench.py)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mtl-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every workload trains in PyTorch with exactly the app model’s trainable parameters', async () => {
    await useCpuBackend();
    const child = spawn(PYTHON, [resolve(import.meta.dirname, 'torch_bench.py')], { env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } });
    const lines = createInterface({ input: child.stdout });
    const queue: string[] = [];
    const waiting: ((l: string) => void)[] = [];
    lines.on('line', (l) => (waiting.length ? waiting.shift()!(l) : queue.push(l)));
    const next = () => new Promise<Record<string, unknown>>((res) => (queue.length ? res(JSON.parse(queue.shift()!)) : waiting.push((l) => res(JSON.parse(l)))));
    try {
      expect(await next()).toMatchObject({ ready: true, threads: 1 });
      for (const id of WORKLOAD_IDS) {
        const w = torchWorkload(id);
        const folder = join(dir, id);
        mkdirSync(folder);
        writeFileSync(join(folder, 'model.py'), w.modelPy);
        writeFileSync(join(folder, 'common.py'), w.commonPy);
        writeFileSync(join(folder, 'experiment.json'), JSON.stringify(w.experiment));
        child.stdin.write(JSON.stringify({ dir: folder, inputDim: w.inputDim, seconds: 0.01, warmup: 1 }) + '\n');
        const r = await next();
        const model = buildModel(w.experiment, w.inputDim);
        const appParams = model.variables.reduce((a, v) => a + v.size, 0);
        model.dispose();
        expect(r.error, id).toBeUndefined();
        expect(r.params, id).toBe(appParams);
        expect(r.batch, id).toBe(w.experiment.optimizer.batchSize);
        expect(r.stepsPerSec as number, id).toBeGreaterThan(0);
      }
    } finally {
      child.stdin.end();
      child.kill();
    }
  }, 120_000);
});
