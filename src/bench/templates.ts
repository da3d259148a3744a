/**
 * Steps per second of every graph template on the default 2D dataset at a batch size, on the JS engine and on
 * tfjs WASM, trained by the app's own trainers in Node (pure training steps: no evaluation). Loaded by
 * templates-node.mjs through Vite's SSR loader.
 */
import { TEMPLATES, defaultExperiment, graphTemplate, type ExperimentConfig } from '../model';
import { generateDataset } from '../datasets';
import { createFastTrainer } from '../train/fast/engine';
import { createTrainer } from '../train/tfjs/engine';
import type { Trainer } from '../train/trainer';
import { useWasmBackend } from '../train/wasmKernels.testing';

/** The template's experiment at `batch`: Adam, equal weighting, never evaluating (every step is a training step). */
export function templateExperiment(id: string, batch: number): ExperimentConfig {
  const c = defaultExperiment();
  c.graph = graphTemplate(id)!.build(c.tasks, 2);
  c.optimizer = { ...c.optimizer, batchSize: batch, steps: 1e9 };
  c.evalEvery = 1e9;
  return c;
}

/** Training steps per second over about `seconds` s after `warmup` s of steps (V8 optimises the kernels only after many calls). */
async function stepsPerSec(trainer: Trainer, seconds: number, warmup = 0.5): Promise<number> {
  const w0 = performance.now();
  while (performance.now() - w0 < warmup * 1000) for (let i = 0; i < 16; i++) await trainer.trainStep();
  const t0 = performance.now();
  let steps = 0;
  while (performance.now() - t0 < seconds * 1000) {
    // Synchronous steps in chunks: the clock is read once per 16 steps.
    for (let i = 0; i < 16; i++) await trainer.trainStep();
    steps += 16;
  }
  return steps / ((performance.now() - t0) / 1000);
}

/** One row per template: JS engine and tfjs WASM steps/s at `batch`. */
export async function templateRates(batch: number, seconds: number, only?: string[]): Promise<{ template: string; js: number; wasm: number }[]> {
  await useWasmBackend();
  const rows = [];
  for (const t of TEMPLATES) {
    if (only && !only.includes(t.id)) continue;
    const cfg = templateExperiment(t.id, batch);
    const data = generateDataset(cfg);
    const js = await stepsPerSec(createFastTrainer(cfg, data), seconds);
    const tr = createTrainer(cfg, data);
    let wasm: number;
    try {
      wasm = await stepsPerSec(tr, seconds);
    } finally {
      tr.dispose();
    }
    rows.push({ template: t.id, js: Math.round(js), wasm: Math.round(wasm) });
  }
  return rows;
}
