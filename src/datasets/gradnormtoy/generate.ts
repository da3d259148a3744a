/**
 * GradNorm's toy (src/data/paperToys.ts gradnormToy): y_t = σ_t·tanh((b + ε_t)ᵀx) with σ_t from gradnormScales.
 * The first nTrain rows train, the next nVal validate. Every task of the config is generated and each is read by
 * id (t1 … tT), so a single-task baseline sees exactly the targets the multi-task run saw.
 */
import { gradnormToy } from '../../data/paperToys';
import type { DatasetArrays, TaskSpec } from '../../model';
import { splitRows } from '../../data/split';
import type { DatasetBuilder } from '../build';
import type { GradnormToyConfig } from './schema';
import { gradnormScales } from './spec';

/** Generate nTrain + nVal rows of dim features and one target per task; deterministic per seed. */
export function generateGradnormToy(cfg: GradnormToyConfig, tasks: TaskSpec[], seed: number): DatasetArrays {
  const d = cfg.dim;
  const n = cfg.nTrain + cfg.nVal;
  const { x, y } = gradnormToy(n, d, gradnormScales(cfg), seed);
  const columns: Record<string, Float32Array> = {};
  for (const t of tasks) {
    const k = /^t(\d+)$/.exec(t.id);
    columns[t.id] = (k && y[Number(k[1]) - 1]) || new Float32Array(n);
  }
  return splitRows(x, d, columns, cfg.nTrain, cfg.nVal);
}

declare module '../build' {
  interface DatasetBuilders {
    gradnormtoy: true;
  }
}

export const builder: DatasetBuilder<'gradnormtoy'> = { kind: 'gradnormtoy', generate: generateGradnormToy };
