/** PyTorch export: model.py generation (MtlModel, TASKS, INPUT_DIM, load_browser_weights) and the browser weight keys it reads. */
export { generateModelPy, weightKey } from './generate';
export { TORCH_EXPORTERS } from './registry';
export type { TorchExportContext, TorchExporter } from './types';
