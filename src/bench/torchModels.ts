/**
 * The PyTorch side of `npm run bench:torch`: each workload's experiment (workloads.ts, the very config the
 * browser trains) exported by the app's own PyTorch exporter, so both sides run the same architecture, weight
 * shapes and per-task losses. Loaded in Node through Vite's SSR loader by torch.mjs.
 */
import { assembleCommonPy } from '../export/commonPy';
import { generateModelPy } from '../export/torch';
import { datasetInputDim, type ExperimentConfig } from '../model';
import { workloadConfig, WORKLOAD_IDS, type Workload } from './workloads';

export { WORKLOAD_IDS };

/** What torch_bench.py needs for one workload: model.py and common.py (the export's), the experiment and its input width. */
export interface TorchWorkload {
  id: Workload;
  modelPy: string;
  commonPy: string;
  experiment: ExperimentConfig;
  /** features per row (784 for images, 2 for the synthetic plane) */
  inputDim: number;
}

/** Features per row; the benchmark-only 'random' dataset (mlp784) is outside the dataset registry. */
function inputDim(cfg: ExperimentConfig): number {
  const ds = cfg.dataset as unknown as { kind: string; inputDim?: number };
  return ds.kind === 'random' ? Number(ds.inputDim) : datasetInputDim(cfg.dataset);
}

/** Workload `id` (at `batch` instead of its own when given) as an exported PyTorch model (throws on an unknown id or a graph the exporter refuses). */
export function torchWorkload(id: Workload, batch?: number): TorchWorkload {
  const experiment = workloadConfig(id, 1_000_000);
  if (batch) experiment.optimizer.batchSize = batch;
  const dim = inputDim(experiment);
  return { id, modelPy: generateModelPy(experiment, dim), commonPy: assembleCommonPy(), experiment, inputDim: dim };
}
