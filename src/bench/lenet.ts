/**
 * The MultiMNIST LeNet hard-sharing template trained by the app's own trainer on tfjs WASM in Node, on random
 * 28×28 inputs (timing only). Loaded by lenet-wasm.mjs through Vite's SSR loader.
 */
import { datasetTasks, datasetTemplate, defaultExperiment, type DatasetArrays, type DatasetConfig, type ExperimentConfig } from '../model';
import { makeRng } from '../data';
import { createTrainer } from '../train/tfjs/engine';
import { createFastTrainer } from '../train/fast/engine';
import { useWasmBackend } from '../train/wasmKernels.testing';

/** The template's experiment at batch `batch`, Adam 1e-3, never evaluating (so every step is a training step). */
function lenetExperiment(batch: number): ExperimentConfig {
  const base = defaultExperiment();
  const dataset: DatasetConfig = { kind: 'multimnist', nTrain: batch * 8, nVal: 16 };
  const tasks = datasetTasks(dataset);
  return { ...base, dataset, tasks, graph: datasetTemplate(dataset, tasks).graph, optimizer: { ...base.optimizer, kind: 'adam', learningRate: 1e-3, batchSize: batch, steps: 1e9 }, evalEvery: 1e9 };
}

function randomData(cfg: ExperimentConfig, nTrain: number, nVal: number): DatasetArrays {
  const rng = makeRng(1);
  const labels = (n: number) => Object.fromEntries(cfg.tasks.map((t) => [t.id, Float32Array.from({ length: n }, () => Math.floor(rng.next() * 10))]));
  const pixels = (n: number) => Float32Array.from({ length: n * 784 }, () => rng.next());
  return { inputDim: 784, nTrain, nVal, xTrain: pixels(nTrain), xVal: pixels(nVal), yTrain: labels(nTrain), yVal: labels(nVal) };
}

/** Training steps per second at `batch` on tfjs WASM or the JS engine (`engine`) over about `seconds` s of wall time, after `warmup` steps. */
export async function lenetStepsPerSec(batch: number, seconds: number, warmup = 5, engine: 'wasm' | 'js' = 'wasm'): Promise<{ steps: number; seconds: number; stepsPerSec: number }> {
  const cfg = lenetExperiment(batch);
  if (engine === 'wasm') await useWasmBackend();
  const trainer = engine === 'js' ? createFastTrainer(cfg, randomData(cfg, batch * 8, 16)) : createTrainer(cfg, randomData(cfg, batch * 8, 16));
  try {
    // The first step evaluates (step 0) and allocates; warm-up steps also fill XNNPACK's operator caches.
    for (let i = 0; i < warmup; i++) await trainer.trainStep();
    const t0 = performance.now();
    let steps = 0;
    while (performance.now() - t0 < seconds * 1000) {
      await trainer.trainStep();
      steps++;
    }
    const s = (performance.now() - t0) / 1000;
    return { steps, seconds: s, stepsPerSec: steps / s };
  } finally {
    trainer.dispose();
  }
}
