/**
 * Engine choice for a run: the JS engine or tfjs on a backend. Auto takes the JS engine for
 * every graph it covers that is small enough (where tfjs's per-kernel overhead dominates), else tfjs's own choice.
 */
import { type BackendChoice, type BackendName, type DatasetArrays, type ExperimentConfig } from '../model';
import { initBackend } from './backend';
import { createFastTrainer } from './fast/engine';
import { compileFast, fastUnsupported, forwardMacs } from './fast/plan';
import { gemmBackend } from './fast/gemm';
import { createTrainer } from './tfjs/engine';
import type { Trainer } from './trainer';

/**
 * Largest forward multiply-adds per batch for which Auto picks the JS engine without the SIMD gemm (and, with
 * it, for graphs of SIZE_RULED_KINDS). Measured
 * (npm run bench, 2 cores): on the default model (12k per batch) JS runs ~18,000 steps/s
 * against tfjs WASM's ~460; on 784-256-256 (35M) JS manages ~0.9 G multiply-adds/s and
 * 8.6 steps/s against WASM's 21. WASM's fixed ~2 ms of kernel overhead per step and its
 * faster matmul put the crossover near 1M.
 */
export const JS_ENGINE_MAX_MACS = 1_000_000;

/**
 * Kinds whose JS kernels stay slower than tfjs WASM at scale even with the SIMD gemm (measured in Chromium,
 * 2026-12-04: the LeNet at b256 ran 6.5 steps/s on the JS engine against 9.9 on WASM); graphs with one of them
 * keep the size rule. Graphs without them run their large products on the SIMD gemm, where the JS engine beat
 * WASM at every size measured (784-256-256 at b128: 106 against 40.8 steps/s).
 */
const SIZE_RULED_KINDS = new Set(['conv2d', 'maxpool2d', 'globalavgpool', 'lstm', 'bilstm', 'embedding']);

export interface Engine {
  trainer: Trainer;
  backend: BackendName;
  notes: string[];
}

/**
 * Whether Auto should run this config on the JS engine, with the reason in words. `simd`: whether the JS
 * engine's large products run on WebAssembly SIMD here (detected by default).
 */
export function autoPicksJs(config: ExperimentConfig, inputDim: number, simd = gemmBackend() !== 'js'): { js: boolean; why: string } {
  const unsupported = fastUnsupported(config);
  if (unsupported) return { js: false, why: unsupported };
  const macs = forwardMacs(compileFast(config, inputDim)) * config.optimizer.batchSize;
  const n = macs.toLocaleString('en');
  if (macs <= JS_ENGINE_MAX_MACS) return { js: true, why: `small model (${n} multiply-adds per batch)` };
  if (simd && !config.graph.nodes.some((node) => SIZE_RULED_KINDS.has(node.kind)))
    return { js: true, why: `its large products run on the WebAssembly SIMD matrix product (${n} multiply-adds per batch)` };
  return { js: false, why: `model too large for the JS engine (${n} multiply-adds per batch)` };
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
