/** The typed worker protocol. Every message carries the runId it belongs to; stale runIds are dropped by the bridge. */
import type { BackendChoice, BackendName, CsvTable, ExperimentConfig, NodeInspection, NodeWeights, WarmInit, WarmStartEntry } from '../model';

export type { NodeWeights } from '../model';
import type { GridSpec } from './insight';

export * from './insight';
export * from './faults';
import type { FaultPlan } from './faults';

/**
 * The version of these unions. The page sends it in 'start'; a worker built from other sources (a stale cached
 * chunk after a deploy) refuses the run with a clear message instead of misreading it. Bump it on any change to
 * ToWorker or FromWorker that an older peer would misread.
 */
export const PROTOCOL_VERSION = 1;

/** The worker's answer to a 'start' of protocol version `v`: null when it matches PROTOCOL_VERSION, else the message to show. */
export function protocolMismatch(v: unknown): string | null {
  if (v === PROTOCOL_VERSION) return null;
  const page = typeof v === 'number' ? `version ${v}` : 'no version';
  return `This page and its training worker come from different versions of the app (page sends ${page}, worker expects version ${PROTOCOL_VERSION}). Reload the page.`;
}

export type ToWorker =
  /**
   * v: PROTOCOL_VERSION of the sender (the worker checks it, see protocolMismatch);
   * table: the session's uploaded CSV, sent only when config.dataset.kind is 'csv' (it is never part of the config);
   * lean: a study's run: metrics and 'done' only (no boundaries, tables, predictions, weights or robustness);
   * faults: a test's injected fault (see faults.ts), absent in production
   */
  | { type: 'start'; v: typeof PROTOCOL_VERSION; runId: string; config: ExperimentConfig; table?: CsvTable; init?: WarmInit[]; lean?: boolean; faults?: FaultPlan }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string };

/** One task's numbers at an evaluation step. metric = accuracy in [0,1] (classification) or RMSE (regression). */
export interface TaskPoint {
  trainLoss: number;
  valLoss: number;
  metric: number;
}

/** How the tasks' gradients on the shared parameters relate, measured on training batches since the previous point. */
export interface GradConflict {
  /** T×T cosine similarity at the latest measured step */
  cosine: number[][];
  /** per-task gradient norm on the shared parameters at the latest measured step */
  norms: number[];
  /** steps measured since the previous point (every step for gradient strategies, else one per evaluation interval) */
  measured: number;
  /** of those, how many had some pair of tasks with cosine < 0 */
  conflicting: number;
}

/** All tasks at one evaluation step, in config.tasks order. */
export interface MetricPoint {
  step: number;
  tasks: TaskPoint[];
  /** effective weight per task at this step: the coefficient of its gradient on the shared parameters */
  weights: number[];
  /** Σ weight·train loss over tasks */
  totalLoss: number;
  /** gradient conflict on the shared parameters; null when the graph shares no parameters or nothing was measured */
  conflict: GradConflict | null;
}

export type FromWorker =
  | { type: 'ready'; runId: string; backend: BackendName; requested: BackendChoice; notes: string[] }
  | { type: 'metrics'; runId: string; points: MetricPoint[]; step: number; stepsPerSec: number }
  | { type: 'paused'; runId: string; step: number }
  | { type: 'resumed'; runId: string; step: number }
  /** every built node's weights (frozen ones included), at the end of a run, in build order */
  | { type: 'weights'; runId: string; step: number; weights: NodeWeights[] }
  /** what the warm start (start's `init`) did per node; sent once after 'ready', before training, when `init` was given */
  | { type: 'warmstart'; runId: string; report: WarmStartEntry[] }
  | { type: 'done'; runId: string; step: number; stepsPerSec: number; elapsedMs: number }
  /** live tables of the fusion modules that offer one (cross-stitch α, MMoE/CGC mean gates); at most every 250 ms while training and at the end; only when there are some */
  | { type: 'inspect'; runId: string; step: number; nodes: NodeInspection[] }
  /** each task's readout (see insight.ts) over the cells of `grid`, for 2D inputs; sent every so often while training and at the end */
  | { type: 'boundary'; runId: string; step: number; grid: GridSpec; values: Float32Array[] }
  /** each task's readout and true label on the validation rows, in config.tasks order; sent once, at the end of a run */
  | { type: 'predictions'; runId: string; step: number; pred: Float32Array[]; truth: Float32Array[] }
  /** each task's validation score (accuracy or RMSE) under an FGSM attack of each strength, at the end of a run */
  | { type: 'robustness'; runId: string; robustness: Robustness }
  | { type: 'error'; runId: string; message: string };

/** Metric name shown for a task kind. */
export function metricName(kind: ExperimentConfig['tasks'][number]['kind']): 'accuracy' | 'RMSE' {
  return kind === 'regression' ? 'RMSE' : 'accuracy';
}

/** Validation scores under FGSM, x' = x + ε·sign(∇ₓL_t): scores[e][t] for eps[e] and task t (accuracy in [0,1] or RMSE). */
export interface Robustness {
  eps: number[];
  scores: number[][];
}
