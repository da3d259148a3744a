/** Export → PyTorch: regenerate the experiment's data exactly as the worker does, generate model.py, zip the project. */
import { prepareDataset } from '../datasets';
import type { CsvTable, ExperimentConfig, NodeWeights } from '../model';
import { projectFiles, projectFolder, zipProject, type ProjectRun } from './project';
import { generateModelPy, weightKey } from './torch';

export type { ProjectRun } from './project';

/**
 * The project zip for `config` (with `run`'s weights when given). `table` is the session's CSV for csv datasets.
 * Async because datasets load their sources lazily (MNIST digits, penguins). Throws with a message in words.
 */
export async function buildPyTorchZip(
  config: ExperimentConfig,
  opts: { table?: CsvTable | null; run?: ProjectRun | null; warm?: NodeWeights[] | null } = {},
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const data = await prepareDataset(config, opts.table);
  const modelPy = generateModelPy(config, data.inputDim);
  const folder = projectFolder(config.name);
  const files = projectFiles({ config, data, modelPy, weightKey, run: opts.run ?? null, warm: opts.warm ?? null });
  return { fileName: `${folder}.zip`, bytes: zipProject(files, folder) };
}
