/**
 * The PyTorch reference of multimnist.mjs: the default MultiMNIST experiment (what picking MultiMNIST in the menu
 * gives) exported as the app's own PyTorch project, with the very pairs the browser trains on (same seed, same
 * digits: the `mnist` package the build packs, read here from its JSON). Node only, through Vite's SSR loader.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { generateDataset } from '../datasets';
import { projectFiles } from '../export/project';
import { generateModelPy, weightKey } from '../export/torch';
import { datasetExperiment, datasetSpec, type ExperimentConfig } from '../model';

/** The mnist package's digits by class, as float32 (bit-for-bit what the browser unpacks; see pack.ts). */
function mnistDigits(): { byClass: Float32Array[] } {
  const require = createRequire(import.meta.url);
  return { byClass: Array.from({ length: 10 }, (_, c) => Float32Array.from((require(`mnist/src/digits/${c}.json`) as { data: number[] }).data)) };
}

/** Write the default MultiMNIST experiment's PyTorch project (model.py, train.py, data/…) into `dir`; returns its config. */
export function writeReferenceProject(dir: string): ExperimentConfig {
  const config = datasetExperiment(datasetSpec('multimnist').make());
  const data = generateDataset(config, { digits: mnistDigits() });
  const files = projectFiles({ config, data, modelPy: generateModelPy(config, data.inputDim), weightKey });
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return config;
}
