/** "Train single-task baselines": which experiments to queue, and the names of their runs (pure). */
import type { ExperimentConfig } from '../model';
import { comparableKey } from './compare';
import { baselineConfigs, defaultRunName } from './runs';
import type { RunRecord } from './runsDb';

/** One single-task baseline waiting to train, and the multi-task run (when there is one) it stands beside. */
export interface QueuedBaseline {
  config: ExperimentConfig;
  baselineOf: NonNullable<RunRecord['baselineOf']>;
}

/**
 * One baseline per task of `config` that has a head, each from scratch (no warm start, no two-phase schedule), tied
 * to the newest multi-task run in `runs` trained on the same data, seed and budget. Empty when no task has a head.
 */
export function queueBaselines(config: ExperimentConfig, runs: readonly RunRecord[]): QueuedBaseline[] {
  const snapshot = structuredClone(config);
  delete snapshot.warmStart;
  delete snapshot.schedule;
  const key = comparableKey(snapshot);
  const mtl = runs.filter((r) => r.kind === 'mtl' && comparableKey(r.config) === key).sort((a, b) => b.createdAt - a.createdAt)[0];
  return baselineConfigs(snapshot).map(({ taskId, config: c }) => ({ config: c, baselineOf: mtl ? { runId: mtl.id, taskId } : { taskId } }));
}

/** "Baseline · ‹task name› #n", unique among `existing`. */
export function baselineRunName(item: QueuedBaseline, existing: readonly string[]): string {
  const task = item.config.tasks[0];
  // No weighting spec is called 'Baseline', so defaultRunName uses the word itself as the label.
  return defaultRunName({ ...item.config, name: task.name || task.id, weighting: { ...item.config.weighting, kind: 'Baseline' } }, existing);
}
