/**
 * Benchmark workloads as ordinary experiment configs (the worker cannot tell them from a UI run). Named as in
 * issue 12: `mtl2d-<template id>` for every graph template of the menu (the TEMPLATES registry), `mlp784` and
 * `lenet`. The PyTorch side (torchModels.ts) exports these same configs, so both run the same model.
 */
import { datasetTasks, datasetTemplate, defaultExperiment, makeNode, TEMPLATES, type DatasetConfig, type ExperimentConfig, type RandomDatasetConfig } from '../model';

export type Workload = string;

/** Batch size of the mtl2d workloads (the default experiment's). */
const MTL2D_BATCH = 32;

/** The default 3-task experiment (synthetic 2D, batch 32) with template `id`'s graph; eval every 50 steps. */
function mtl2d(id: string, steps: number): ExperimentConfig {
  const cfg = defaultExperiment();
  const tpl = TEMPLATES.find((t) => t.id === id);
  if (!tpl) throw new Error(`unknown template ${id}`);
  cfg.name = `Bench: 2D, ${tpl.label}`;
  cfg.graph = tpl.build(cfg.tasks, 2);
  cfg.optimizer.steps = steps;
  cfg.optimizer.batchSize = MTL2D_BATCH;
  cfg.evalEvery = 50;
  return cfg;
}

/**
 * 784-256-256 MLP with two 10-way heads at batch 128, on random data (timing only).
 * 640 rows and evalEvery 10: evaluations are the bench's sync points on GPU backends
 * (≈2 s apart at SwiftShader speeds); each costs about 1.7 training steps of compute.
 */
function mlp784(steps: number): ExperimentConfig {
  const tasks = [
    { id: 'a', name: 'A', kind: 'multiclass' as const, classes: 10 },
    { id: 'b', name: 'B', kind: 'multiclass' as const, classes: 10 },
  ];
  const dataset: RandomDatasetConfig = { kind: 'random', nPoints: 640, inputDim: 784, valFraction: 0.2 };
  return {
    version: 1,
    name: 'Bench: 784-256-256 × 2 heads',
    seed: 1,
    // The random kind is benchmark-only and deliberately outside DatasetConfig; the worker's generateDataset accepts it.
    dataset: dataset as unknown as DatasetConfig,
    tasks,
    graph: {
      nodes: [
        makeNode('in', 'input', 0, 0),
        makeNode('d1', 'dense', 0, 0, { units: 256, activation: 'relu' }),
        makeNode('d2', 'dense', 0, 0, { units: 256, activation: 'relu' }),
        ...tasks.map((t) => makeNode(`head_${t.id}`, 'head', 0, 0, { taskId: t.id })),
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'd1' },
        { id: 'e2', source: 'd1', target: 'd2' },
        ...tasks.map((t) => ({ id: `e_${t.id}`, source: 'd2', target: `head_${t.id}` })),
      ],
    },
    optimizer: { kind: 'adam', learningRate: 0.001, momentum: 0.9, batchSize: 128, steps },
    weighting: { kind: 'equal', params: {}, weights: { a: 1, b: 1 } },
    backend: 'auto',
    evalEvery: 10,
  };
}

/**
 * MultiMNIST (real pairs) with its LeNet hard-sharing template at batch 256, Adam 1e-3. 2,048 training pairs
 * (8 batches) and 256 validation pairs; evalEvery 10 gives GPU backends a sync point every 10 steps while an
 * evaluation (1,024 + 256 rows forward) costs about 1.5 training steps of compute on the CPU backends.
 */
function lenet(steps: number): ExperimentConfig {
  const dataset: DatasetConfig = { kind: 'multimnist', nTrain: 2048, nVal: 256 };
  const cfg = defaultExperiment() as ExperimentConfig;
  const tasks = datasetTasks(dataset);
  const tpl = datasetTemplate(dataset, tasks);
  return {
    ...cfg,
    name: `Bench: ${tpl.name}`,
    dataset,
    tasks,
    graph: tpl.graph,
    weighting: { kind: 'equal', params: {}, weights: Object.fromEntries(tasks.map((t) => [t.id, 1])) },
    optimizer: { kind: 'adam', learningRate: 1e-3, momentum: 0.9, batchSize: 256, steps },
    evalEvery: 10,
  };
}

/** Every workload id in bench order: one `mtl2d-<template>` per template of the registry, then mlp784 and lenet. */
export const WORKLOAD_IDS: readonly Workload[] = [...TEMPLATES.map((t) => `mtl2d-${t.id}`), 'mlp784', 'lenet'];

/** The experiment of workload `id` running `steps` steps; throws on an unknown id. */
export function workloadConfig(id: Workload, steps: number): ExperimentConfig {
  if (id === 'mlp784') return mlp784(steps);
  if (id === 'lenet') return lenet(steps);
  if (id.startsWith('mtl2d-')) return mtl2d(id.slice('mtl2d-'.length), steps);
  throw new Error(`unknown workload ${id} (known: ${WORKLOAD_IDS.join(', ')})`);
}
