/**
 * The PyTorch project an experiment exports to, as files: model.py (given), train.py / evaluate.py / common.py
 * (templates in ./python), the exact train/validation arrays the browser trained on (label noise included,
 * unlabelled rows masked), experiment.json, README.md, and for a finished run its weights and validation readouts.
 */
import { strToU8, zipSync } from 'fflate';
import { WEIGHTINGS, type DatasetArrays, type ExperimentConfig, type NodeWeights, type TaskSpec } from '../model';
import { assembleCommonPy } from './commonPy';
import { f32, npyBytes, npzBytes, type NpyArray } from './npy';
import evaluatePy from './python/evaluate.py?raw';
import torchrunCompatPy from './python/torchrun_compat.py?raw';
import trainPy from './python/train.py?raw';

/** A finished run's weights (NodeWeights in build order) and each task's validation readout, in config.tasks order. */
export interface ProjectRun {
  runId: string;
  name?: string;
  weights: NodeWeights[];
  valPred?: Float32Array[];
}

export interface ProjectInput {
  config: ExperimentConfig;
  data: DatasetArrays;
  /** the generated model.py (src/export/torch generateModelPy) */
  modelPy: string;
  /** key of node `id`'s k-th tensor in weights.npz (src/export/torch weightKey) */
  weightKey: (nodeId: string, k: number) => string;
  run?: ProjectRun | null;
  /** the warm-start source's weights of the nodes config.warmStart names (train.py starts from them), when available */
  warm?: NodeWeights[] | null;
}

/** Task ids name data files; ids are validated by the share schema, but a file name must never escape data/. */
function fileId(t: TaskSpec): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(t.id) || t.id.startsWith('.')) throw new Error(`task id "${t.id}" cannot name a file`);
  return t.id;
}

/** Labels of one task: int64 class indices (classification) or float32 values (regression), unlabelled (NaN) rows as 0; plus the 0/1 float32 mask. */
export function labelArrays(task: TaskSpec, y: Float32Array, n: number): { y: NpyArray; mask: NpyArray } {
  const mask = new Float32Array(n);
  for (let i = 0; i < n; i++) mask[i] = Number.isNaN(y[i]) ? 0 : 1;
  if (task.kind === 'regression') {
    const v = new Float32Array(n);
    for (let i = 0; i < n; i++) v[i] = mask[i] ? y[i] : 0;
    return { y: f32(v, [n]), mask: f32(mask, [n]) };
  }
  const v = new BigInt64Array(n);
  for (let i = 0; i < n; i++) v[i] = mask[i] ? BigInt(Math.round(y[i])) : 0n;
  return { y: { dtype: '<i8', shape: [n], values: v }, mask: f32(mask, [n]) };
}

/** The arrays of data/: x_{split}.npy [n, inputDim] float32; y_{split}_{task}.npy and mask_{split}_{task}.npy [n]. */
export function dataFiles(config: Pick<ExperimentConfig, 'tasks'>, data: DatasetArrays): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {
    'data/x_train.npy': npyBytes(f32(data.xTrain.subarray(0, data.nTrain * data.inputDim), [data.nTrain, data.inputDim])),
    'data/x_val.npy': npyBytes(f32(data.xVal.subarray(0, data.nVal * data.inputDim), [data.nVal, data.inputDim])),
  };
  for (const t of config.tasks) {
    const id = fileId(t);
    for (const [split, ys, n] of [['train', data.yTrain, data.nTrain], ['val', data.yVal, data.nVal]] as const) {
      const y = ys[t.id];
      if (!y) throw new Error(`the dataset has no ${split} labels for task "${t.id}"`);
      const a = labelArrays(t, y, n);
      files[`data/y_${split}_${id}.npy`] = npyBytes(a.y);
      files[`data/mask_${split}_${id}.npy`] = npyBytes(a.mask);
    }
  }
  return files;
}

/** weights.npz entries: "{nodeId}/{k}" → the k-th tensor of that node, float32 in the browser's shape. */
export function weightArrays(weights: NodeWeights[], key: ProjectInput['weightKey']): Record<string, NpyArray> {
  const out: Record<string, NpyArray> = {};
  for (const w of weights) w.tensors.forEach((t, k) => (out[key(w.id, k)] = f32(t.values, t.shape)));
  return out;
}

/** The labels of the strategies that combine per-task gradients, in picker order. */
const gradientStrategies = () => WEIGHTINGS.filter((w) => w.needsGrads).map((w) => w.label).join(', ');

/** The project README: what is inside and the commands to run it. */
export function projectReadme(config: ExperimentConfig, run?: ProjectRun | null): string {
  const o = config.optimizer;
  const tasks = config.tasks.map((t) => `- \`${t.id}\` (${t.name}): ${t.kind}${t.kind === 'multiclass' ? `, ${t.classes} classes` : ''}`).join('\n');
  const weights = run
    ? `\n\`weights.npz\` holds the weights of the finished browser run${run.name ? ` “${run.name}”` : ''}; \`python evaluate.py\` prints their validation metrics and, per task, the largest difference from the browser's own validation readouts (\`browser_val_pred.npz\`).\n`
    : '\nThis export has no trained weights (export a finished run to include them).\n';
  return `# ${config.name || 'MTL experiment'} — PyTorch project

Exported from MTL Playground. Needs Python 3 with PyTorch (≥ 1.13) and NumPy.

## Run it

\`\`\`sh
python train.py                                  # one machine (cuda when available, else cpu)
torchrun --nproc_per_node=2 train.py             # distributed: DistributedDataParallel, gloo on CPU, nccl on CUDA
python evaluate.py                               # per-task validation metrics of the browser's weights (weights.npz)
python evaluate.py --state-dict out/model.pt     # ... or of the weights train.py saved
\`\`\`

PyTorch 1.13 on Python 3.11 or newer (e.g. Debian 12's \`python3-torch\`) has a launcher bug: \`torchrun\` stops
with \`AttributeError: 'NoneType' object has no attribute 'get'\` before starting train.py. There, run
\`python torchrun_compat.py --standalone --nproc_per_node=2 train.py\` (the same launcher with that one bug patched).

\`train.py\` flags: \`--steps\` (default ${o.steps}), \`--device cpu|cuda\`, \`--out\` (folder for \`model.pt\` and
\`metrics.csv\`, default \`out\`), \`--lr\` (default ${o.learningRate}), \`--batch-size\` (default ${o.batchSize}), \`--seed\`
(default ${config.seed}), \`--log-every\` (default ${config.evalEvery}), \`--init weights.npz\` (start from browser weights).
${config.warmStart ? `\nThe browser run was warm-started from “${config.warmStart.runName}”: when \`warm_start.npz\` is here (the source's weights of the chosen nodes), \`train.py\` starts from it as the browser did, copying a node only when every shape matches, and prints what it copied per node (\`--no-warm-start\` skips it).\n` : ''}
${weights}
## What is inside

- \`model.py\`: the graph as an \`nn.Module\` (\`MtlModel\`); \`forward(x)\` returns one output per task, in the order below.
- \`train.py\`: ${o.kind === 'adam' ? 'Adam (β₁ 0.9, β₂ 0.999, ε 1e-7)' : `SGD with momentum ${o.momentum}`}, learning rate ${o.learningRate}, batch size ${o.batchSize}, ${o.steps} steps, weighting strategy \`${config.weighting.kind}\`, the browser's seeded batch order.
- \`torchrun_compat.py\`: \`torchrun\` with the PyTorch 1.13 / Python 3.11 launcher bug patched.
- \`common.py\`: data loading, masked per-task losses and metrics, and the weighting strategies.
- \`data/\`: the exact rows the browser trained on: \`x_train.npy\`, \`x_val.npy\` (float32 [rows, features]);
  per task \`y_{split}_{task}.npy\` (int64 class index, or float32 value) and \`mask_{split}_{task}.npy\`
  (1 = labelled; 0 = outside the task's label budget, excluded from its loss). Label noise is already applied.
- \`experiment.json\`: the experiment as the browser saves it.

Tasks:
${tasks}

Under \`torchrun\` each process reads its shard of every epoch's shuffled rows, so one step still sees
${o.batchSize} rows in total; only rank 0 prints metrics and saves. Gradient strategies (${gradientStrategies()})
take each task's gradient with \`torch.autograd.grad\` and average them across processes before combining, so they
work in both modes.
`;
}

/** Every file of the project, by path relative to its folder. */
export function projectFiles(input: ProjectInput): Record<string, Uint8Array> {
  const { config, data, run } = input;
  const files: Record<string, Uint8Array> = {
    'README.md': strToU8(projectReadme(config, run)),
    'model.py': strToU8(input.modelPy),
    'train.py': strToU8(trainPy),
    'evaluate.py': strToU8(evaluatePy),
    'common.py': strToU8(assembleCommonPy()),
    'torchrun_compat.py': strToU8(torchrunCompatPy),
    'requirements.txt': strToU8('torch>=1.13\nnumpy\n'),
    'experiment.json': strToU8(JSON.stringify(config, null, 2) + '\n'),
    ...dataFiles(config, data),
  };
  if (input.warm?.length) files['warm_start.npz'] = npzBytes(weightArrays(input.warm, input.weightKey));
  if (run) {
    files['weights.npz'] = npzBytes(weightArrays(run.weights, input.weightKey));
    if (run.valPred && run.valPred.length === config.tasks.length) {
      const preds: Record<string, NpyArray> = {};
      config.tasks.forEach((t, i) => (preds[t.id] = f32(run.valPred![i], [run.valPred![i].length])));
      files['browser_val_pred.npz'] = npzBytes(preds);
    }
  }
  return files;
}

/** A folder name from the experiment's name: lower-case letters, digits and dashes. */
export function projectFolder(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${slug || 'mtl-experiment'}-pytorch`;
}

/** The zip of a project: every file under `folder/`; .npy data deflated (level 6), the rest too. */
export function zipProject(files: Record<string, Uint8Array>, folder: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(files)) entries[`${folder}/${path}`] = bytes;
  return zipSync(entries, { level: 6 });
}
