/** Pure comparison helpers over run records: which baselines fit a multi-task run, and its Δm% against them. */
import { dataSeedOf, deltaMWith, type DeltaMConvention, type ExperimentConfig, type MetricPair, type TaskKind, type TaskSpec } from '../model';
import { finalMetrics, metricDirection } from '../model/analysis';
import type { RunRecord } from './runsDb';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts of an experiment a baseline must share with a multi-task run to be comparable: data (and its seed), training seed, optimiser and budget. */
export function comparableKey(cfg: ExperimentConfig): string {
  return JSON.stringify({ dataset: cfg.dataset, seed: cfg.seed, dataSeed: dataSeedOf(cfg), optimizer: cfg.optimizer });
}

/** True when `base` is a finished single-task baseline for `task` trained on the same data, seed and optimiser budget as `mtl`. */
export function baselineMatches(base: RunRecord, mtl: ExperimentConfig, task: TaskSpec): boolean {
  if (base.kind !== 'baseline' || base.status !== 'done' || base.points.length === 0) return false;
  if (base.baselineOf?.taskId !== task.id || base.config.tasks.length !== 1) return false;
  const bt = base.config.tasks[0];
  return bt.id === task.id && bt.kind === task.kind && same(bt, task) && comparableKey(base.config) === comparableKey(mtl);
}

/** A task's final validation numbers: its metric (accuracy in [0, 1] or RMSE) and its loss (cross-entropy or MSE). */
export interface TaskFinal {
  metric: number;
  valLoss: number;
}

/**
 * The metrics a task contributes to Δm%: its validation metric (accuracy, higher better; RMSE, lower better) and,
 * for a classification task, its validation cross-entropy (lower better). A regression task's loss (MSE) is its
 * RMSE squared, so it is not counted twice. Tasks thus report different numbers of metrics, which is where the two
 * Δm% conventions part.
 */
export function deltaMetricPairs(kind: TaskKind, mtl: TaskFinal, base: TaskFinal): MetricPair[] {
  const main: MetricPair = { value: mtl.metric, base: base.metric, higherIsBetter: metricDirection(kind).higherIsBetter };
  return kind === 'regression' ? [main] : [main, { value: mtl.valLoss, base: base.valLoss, higherIsBetter: false }];
}

export interface RunDeltaM {
  /** Δm% over all tasks under `convention`; positive = the multi-task run beats its baselines */
  mean: number;
  /** per task (the mean over that task's metrics), in run.config.tasks order, in percent */
  perTask: number[];
  /** the baseline run used for each task */
  baselineIds: string[];
  convention: DeltaMConvention;
}

/**
 * Δm% of a multi-task run against the latest matching baseline of each of its tasks (by createdAt), under
 * `convention` (see deltaMWith); null when the run has no points, is single-task, or some task has no matching baseline.
 */
export function runDeltaM(run: RunRecord, runs: readonly RunRecord[], convention: DeltaMConvention = 'per-task'): RunDeltaM | null {
  if (run.kind !== 'mtl' || run.config.tasks.length < 2) return null;
  const fin = finalMetrics(run.points);
  if (!fin) return null;
  const baselineIds: string[] = [];
  const pairs: MetricPair[][] = [];
  for (const [t, task] of run.config.tasks.entries()) {
    let best: RunRecord | null = null;
    for (const r of runs) if (baselineMatches(r, run.config, task) && (!best || r.createdAt > best.createdAt)) best = r;
    if (!best) return null;
    baselineIds.push(best.id);
    const b = finalMetrics(best.points)!;
    pairs.push(deltaMetricPairs(task.kind, { metric: fin.metric[t], valLoss: fin.valLoss[t] }, { metric: b.metric[0], valLoss: b.valLoss[0] }));
  }
  // + 0 turns −0 into 0
  const perTask = pairs.map((p) => deltaMWith([p], 'per-task') + 0);
  return { mean: deltaMWith(pairs, convention) + 0, perTask, baselineIds, convention };
}
