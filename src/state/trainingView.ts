/** The live view of the current run (status, curves, insight tables) and the pure reducer that follows the worker. */
import type { BackendName, NodeInspection, TaskSpec } from '../model';
import type { FromWorker, MetricPoint } from '../protocol';
import type { RunStatus, BoundaryGrid, ValPredictions } from './types';
import type { WarmStartRecord } from './runsDb';
import { boundedAppend } from './series';

/** Most evaluation points the live charts hold per run (older ones thinned: see boundedAppend). */
export const LIVE_POINTS = 4000;

/** What the training panels and live charts show of the live (or last) run. */
export interface TrainingView {
  status: RunStatus;
  runId: string | null;
  backend: BackendName | null;
  backendNotes: string[];
  runTasks: TaskSpec[];
  totalSteps: number;
  /** every metric point so far, appended (never copied into the editor) */
  points: MetricPoint[];
  step: number;
  /** steps per second, as the worker measured it */
  stepsPerSec: number;
  /** ms of training, at the end */
  elapsedMs: number;
  error: string | null;
  /** latest decision-boundary grid of the live run (2D inputs only) */
  boundary: BoundaryGrid | null;
  /** the finished run's validation predictions */
  predictions: ValPredictions | null;
  /** latest live tables of the run's fusion modules (cross-stitch α, mean gate weights), by node id; null before the first */
  inspection: { step: number; nodes: Record<string, NodeInspection> } | null;
  /** the live (or last) run's warm start: source, note, per-node report; null when it had none */
  warmStart: WarmStartRecord | null;
}

/** The view before any run (and after reset). */
export const idleTraining: TrainingView = {
  status: 'idle',
  runId: null,
  backend: null,
  backendNotes: [],
  runTasks: [],
  totalSteps: 0,
  points: [],
  step: 0,
  stepsPerSec: 0,
  elapsedMs: 0,
  error: null,
  boundary: null,
  predictions: null,
  inspection: null,
  warmStart: null,
};

/** The fields of `view` that `msg` (of the live run) changes; null when it changes none. */
export function trainingPatch(view: Pick<TrainingView, 'points' | 'warmStart'>, msg: FromWorker): Partial<TrainingView> | null {
  switch (msg.type) {
    case 'ready':
      return { status: 'running', backend: msg.backend, backendNotes: msg.notes };
    case 'metrics':
      return { points: boundedAppend(view.points, msg.points, LIVE_POINTS), step: msg.step, stepsPerSec: msg.stepsPerSec };
    case 'paused':
      return { status: 'paused', step: msg.step };
    case 'resumed':
      return { status: 'running', step: msg.step };
    case 'done':
      return { status: 'done', step: msg.step, stepsPerSec: msg.stepsPerSec, elapsedMs: msg.elapsedMs };
    case 'boundary':
      return { boundary: { step: msg.step, grid: msg.grid, values: msg.values } };
    case 'inspect':
      return { inspection: { step: msg.step, nodes: Object.fromEntries(msg.nodes.map((n) => [n.nodeId, n])) } };
    case 'predictions':
      return { predictions: { step: msg.step, pred: msg.pred, truth: msg.truth } };
    case 'warmstart':
      return { warmStart: { ...(view.warmStart ?? { source: '' }), report: msg.report } };
    case 'error':
      return { status: 'failed', error: msg.message };
    case 'robustness':
    case 'weights':
      return null;
    default: {
      const never: never = msg;
      return never && null;
    }
  }
}
