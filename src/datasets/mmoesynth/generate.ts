/**
 * MMoE's synthetic data (src/data/paperToys.ts mmoeSynthetic): x ~ N(0, I_d); y_t = w_tᵀx + Σ_i sin(α_i·w_tᵀx + β_i)
 * + noise, with cos(w1, w2) = p. The first nTrain rows train, the next nVal validate; each task is read by id, so
 * a single-task baseline sees exactly the targets the two-task run saw.
 */
import { mmoeSynthetic } from '../../data/paperToys';
import type { DatasetArrays, TaskSpec } from '../../model';
import { splitRows } from '../../data/split';
import type { DatasetBuilder } from '../build';
import type { MmoeSynthConfig } from './schema';
import { MMOE_TASKS } from './spec';

/** Generate nTrain + nVal rows of dim features and both targets; deterministic per seed. */
export function generateMmoeSynth(cfg: MmoeSynthConfig, tasks: TaskSpec[], seed: number): DatasetArrays {
  const d = cfg.dim;
  const n = cfg.nTrain + cfg.nVal;
  const { x, y } = mmoeSynthetic(n, d, Math.min(1, Math.max(-1, cfg.correlation)), seed);
  const columns: Record<string, Float32Array> = {};
  for (const t of tasks) {
    const k = MMOE_TASKS.findIndex((m) => m.id === t.id);
    columns[t.id] = k >= 0 ? y[k] : new Float32Array(n);
  }
  return splitRows(x, d, columns, cfg.nTrain, cfg.nVal);
}

declare module '../build' {
  interface DatasetBuilders {
    mmoesynth: true;
  }
}

export const builder: DatasetBuilder<'mmoesynth'> = { kind: 'mmoesynth', generate: generateMmoeSynth };
