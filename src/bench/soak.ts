/**
 * Soak (Node, through Vite's SSR loader: see soak.mjs): tfjs tensors held while the app's trainer runs 5,000 steps of
 * the default experiment and of the MMoE template, on tfjs CPU and WASM; the count must stay flat.
 */
import { defaultExperiment, graphTemplate, type ExperimentConfig } from '../model';
import { generateDataset } from '../datasets';
import { createTrainer } from '../train/tfjs/engine';
import { liveTensors, runSteps, useCpuBackend } from '../train/testing';
import { useWasmBackend } from '../train/wasmKernels.testing';

/** Tensor counts every `every` steps over `steps` steps, per backend and graph. */
export async function tensorSoak(steps = 5000, every = 1000): Promise<{ backend: string; graph: string; counts: number[] }[]> {
  const out: { backend: string; graph: string; counts: number[] }[] = [];
  for (const [backend, use] of [['cpu', useCpuBackend], ['wasm', useWasmBackend]] as const) {
    await use();
    for (const graph of ['hard', 'mmoe']) {
      const cfg: ExperimentConfig = defaultExperiment();
      cfg.graph = graphTemplate(graph)!.build(cfg.tasks, 2);
      cfg.optimizer.steps = steps;
      cfg.evalEvery = 100;
      const data = generateDataset(cfg);
      const before = liveTensors();
      const trainer = createTrainer(cfg, data);
      const counts = [liveTensors() - before];
      for (let s = 0; s < steps; s += every) {
        await runSteps(trainer, every);
        counts.push(liveTensors() - before);
      }
      trainer.dispose();
      counts.push(liveTensors() - before);
      out.push({ backend, graph, counts });
    }
  }
  return out;
}
