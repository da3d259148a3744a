/** The dataset registry: every `src/datasets/<id>/spec.ts`, in menu order, and the facts known without generating data. */
import type { DatasetConfig, DatasetKind, DatasetSpec, DatasetTemplate } from './datasetSpec';
import { defaultExperiment } from './defaults';
import type { CsvTable, ExperimentConfig, TaskSpec } from './types';
import { analyzeGraph, type GraphAnalysis } from './graph';
import { activationFloatsPerRow, estimateMemory, memoryProblem } from './budget';

const found = import.meta.glob<DatasetSpec>('../datasets/*/spec.ts', { eager: true, import: 'spec' });

/** Every dataset, in menu order. */
export const DATASETS: readonly DatasetSpec[] = Object.values(found).sort((a, b) => a.order - b.order);

const byKind = new Map<string, DatasetSpec>(DATASETS.map((s) => [s.kind, s]));

/** Whether a string names a registered dataset. */
export function isDatasetKind(kind: string): kind is DatasetKind {
  return byKind.has(kind);
}

/** The entry of a registered dataset; throws on an unknown kind (configs are validated before they get here). */
export function datasetSpec<K extends DatasetKind>(kind: K): DatasetSpec<K> {
  const spec = byKind.get(kind);
  if (!spec) throw new Error(`unknown dataset "${kind}"`);
  return spec as DatasetSpec<K>;
}

/** Number of input features a dataset config produces. */
export function datasetInputDim(ds: DatasetConfig): number {
  return datasetSpec(ds.kind).inputDim(ds);
}

/** The tasks a dataset implies (fresh objects; label budget/noise at their defaults). */
export function datasetTasks(ds: DatasetConfig): TaskSpec[] {
  return datasetSpec(ds.kind).tasks(ds);
}

/** The graph that suits a dataset (its paper's architecture where there is one), for these tasks. */
export function datasetTemplate(ds: DatasetConfig, tasks: TaskSpec[]): DatasetTemplate {
  return datasetSpec(ds.kind).template(ds, tasks);
}

/**
 * A classification task's class names, one per class in class order: the dataset's (Penguins species, a CSV column's
 * text values) where it has them, else "0", "1", …; a missing or surplus name falls back to the class number.
 */
export function taskClassNames(ds: DatasetConfig, task: TaskSpec, table: CsvTable | null): string[] {
  const C = task.kind === 'multiclass' ? task.classes : task.kind === 'binary' ? 2 : 0;
  const names = datasetSpec(ds.kind).classNames?.(ds, task.id, table) ?? [];
  return Array.from({ length: C }, (_, c) => names[c] || String(c));
}

/** Keep a task list's per-task label budget/noise when the dataset's tasks are recomputed (matched by id). */
export function mergeTaskSettings(fresh: TaskSpec[], old: TaskSpec[]): TaskSpec[] {
  return fresh.map((t) => {
    const o = old.find((x) => x.id === t.id && x.kind === t.kind);
    return o ? { ...t, ...(o.labelBudget !== undefined ? { labelBudget: o.labelBudget } : {}), ...(o.labelNoise !== undefined ? { labelNoise: o.labelNoise } : {}) } : t;
  });
}

/** Set the optimiser (momentum kept) and evaluation interval to the template's recipe, the default experiment's where it says nothing. */
export function applyTrainingRecipe(cfg: Pick<ExperimentConfig, 'optimizer' | 'evalEvery'>, tpl: DatasetTemplate): void {
  const def = defaultExperiment();
  cfg.optimizer = { ...def.optimizer, momentum: cfg.optimizer.momentum, ...tpl.training?.optimizer };
  cfg.evalEvery = tpl.training?.evalEvery ?? def.evalEvery;
}

/** A fresh experiment on `ds`: the default experiment with the dataset's tasks, template graph, name, weighting and training recipe (as picking it in the menu gives). */
export function datasetExperiment(ds: DatasetConfig): ExperimentConfig {
  const cfg: ExperimentConfig = defaultExperiment();
  cfg.dataset = ds;
  cfg.tasks = datasetTasks(ds);
  const tpl = datasetTemplate(ds, cfg.tasks);
  cfg.graph = tpl.graph;
  cfg.name = tpl.name;
  cfg.weighting = tpl.weighting ?? { kind: 'equal', params: {}, weights: Object.fromEntries(cfg.tasks.map((t) => [t.id, 1])) };
  applyTrainingRecipe(cfg, tpl);
  return cfg;
}

/**
 * Tasks of `cfg` that the dataset cannot train, one sentence each (empty when all match): a task the dataset
 * does not have, or one whose kind or class count differs from the dataset's. Matched by task id.
 */
export function taskMismatches(cfg: Pick<ExperimentConfig, 'dataset' | 'tasks'>): string[] {
  // A generator outside the registry (the bench's random rows) defines its tasks by the config itself.
  if (!isDatasetKind(cfg.dataset.kind)) return [];
  const spec = datasetSpec(cfg.dataset.kind);
  const own = datasetTasks(cfg.dataset);
  const byId = new Map(own.map((t) => [t.id, t]));
  const names = own.map((t) => `“${t.name}”`).join(', ') || 'none yet';
  const out: string[] = [];
  for (const t of cfg.tasks) {
    const d = byId.get(t.id);
    if (!d) out.push(`Task “${t.name}” (${t.id}) is not a task of ${spec.label}; its tasks are ${names}.`);
    else if (d.kind !== t.kind) out.push(`Task “${t.name}” is ${t.kind} here, but ${spec.label} makes it ${d.kind}.`);
    else if (d.classes !== t.classes && !(spec.freeClasses && t.kind === 'multiclass')) out.push(`Task “${t.name}” has ${t.classes} classes here, but ${spec.label} gives it ${d.classes}.`);
  }
  return out;
}

/** analyzeGraph for the experiment's dataset, with the tasks that do not match the dataset, and a step whose activations alone exceed the memory limit, as blocking problems first. */
export function analyzeExperiment(cfg: Pick<ExperimentConfig, 'dataset' | 'tasks' | 'graph' | 'optimizer'>): GraphAnalysis {
  const a = analyzeGraph(cfg.graph, { inputDim: datasetInputDim(cfg.dataset), tasks: cfg.tasks });
  const bad = taskMismatches(cfg);
  // A lower bound before any data exists (activations of one step only): the worker checks the whole budget.
  const batch = Math.max(1, Math.round(cfg.optimizer.batchSize));
  const tooBig = a.ok ? memoryProblem(estimateMemory({ perRow: activationFloatsPerRow(a), batch, evalRows: 0, dataFloats: 0, params: 0, gradCopies: 0 }), batch) : null;
  if (tooBig) bad.push(tooBig);
  if (bad.length === 0) return a;
  return { ...a, ok: false, errors: [...bad, ...a.errors], firstError: bad[0] };
}
