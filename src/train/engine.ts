/**
 * Engine choice for a run: the JS engine or tfjs on a backend. Auto takes the JS engine for
 * every graph it covers that is small enough (where tfjs's per-kernel overhead dominates), else tfjs's own choice.
 */
import { type BackendChoice, type BackendName, type DatasetArrays, type ExperimentConfig } from '../model';
import { initBackend } from './backend';
import { createFastTrainer } from './fast/engine';
import { compileFast, fastUnsupported, forwardMacs } from './fast/plan';
import { createTrainer } from './tfjs/engine';
import type { Trainer } from './trainer';

/**
 * Largest forward multiply-adds per batch for which Auto picks the JS engine. Measured
 * (npm run bench, 2 cores): on the default model (12k per batch) JS runs ~18,000 steps/s
 * against tfjs WASM's ~460; on 784-256-256 (35M) JS manages ~0.9 G multiply-adds/s and
 * 8.6 steps/s against WASM's 21. WASM's fixed ~2 ms of kernel overhead per step and its
 * faster matmul put the crossover near 1M.
 */
export const JS_ENGINE_MAX_MACS = 1_000_000;

export interface Engine {
  trainer: Trainer;
  backend: BackendName;
  notes: string[];
}

/** Whether Auto should run this config on the JS engine, with the reason in words. */
export function autoPicksJs(config: ExperimentConfig, inputDim: number): { js: boolean; why: string } {
  const unsupported = fastUnsupported(config);
  if (unsupported) return { js: false, why: unsupported };
  const macs = forwardMacs(compileFast(config, inputDim)) * config.optimizer.batchSize;
  return macs <= JS_ENGINE_MAX_MACS
    ? { js: true, why: `small model (${macs.toLocaleString('en')} multiply-adds per batch)` }
    : { js: false, why: `model too large for the JS engine (${macs.toLocaleString('en')} multiply-adds per batch)` };
}

/** Set up the engine the config asks for (falling back with a note when it cannot) and its trainer. */
export async function startEngine(config: ExperimentConfig, data: DatasetArrays, choice: BackendChoice = config.backend): Promise<Engine> {
  const notes: string[] = [];
  let tfChoice: Exclude<BackendChoice, 'js'>;
  if (choice === 'js') {
    const why = fastUnsupported(config);
    if (!why) return { trainer: createFastTrainer(config, data), backend: 'js', notes: ['Running on the JS engine.'] };
    notes.push(`JS engine unavailable: ${why}; using tfjs WASM.`);
    tfChoice = 'wasm';
  } else if (choice === 'auto') {
    const pick = autoPicksJs(config, data.inputDim);
    if (pick.js) return { trainer: createFastTrainer(config, data), backend: 'js', notes: [`Auto: JS engine, ${pick.why}.`] };
    notes.push(`Auto: tfjs, ${pick.why}.`);
    tfChoice = 'auto';
  } else tfChoice = choice;
  // Every kind trains on WASM (its missing conv gradients are registered in wasmKernels.ts).
  const { backend, notes: more } = await initBackend(tfChoice);
  return { trainer: createTrainer(config, data), backend, notes: [...notes, ...more] };
}
