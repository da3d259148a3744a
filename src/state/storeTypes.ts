/** The app store's state and action types (the store itself is in store.ts). */
import type { ExperimentConfig, GraphAnalysis, GraphEdge, NodeInspection, NodeWeights, TaskSpec, XY, BackendName } from '../model';
import type { GridSpec, MetricPoint } from '../protocol';
import type { PyTorchExport } from './exportProject';
import type { RunRecord, RunsDb, RunWeights, WarmStartRecord } from './runsDb';

/** Each task's readout (protocol readout()) over a grid of the input plane, at a step. */
export interface BoundaryGrid {
  step: number;
  grid: GridSpec;
  values: Float32Array[];
}

/** Each task's readout and true label on the validation rows, in the run's task order. */
export interface ValPredictions {
  step: number;
  pred: Float32Array[];
  truth: Float32Array[];
}

/** A warm-start source: a run's or an uploaded file's weights, with the experiment they were trained in when known. */
export interface WarmSource {
  name: string;
  config: ExperimentConfig | null;
  weights: NodeWeights[];
}

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'failed' | 'stopped';

export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

export interface AppState {
  // experiment
  config: ExperimentConfig;
  analysis: GraphAnalysis;
  setConfig(cfg: ExperimentConfig): void;
  update(fn: (draft: ExperimentConfig) => void): void;
  addNode(kind: string, position: XY): string;
  removeNodes(ids: string[]): void;
  moveNode(id: string, position: XY): void;
  setNodeParam(id: string, key: string, value: number | string | boolean): void;
  connect(edge: Omit<GraphEdge, 'id'>): void;
  removeEdges(ids: string[]): void;
  // training
  status: RunStatus;
  runId: string | null;
  backend: BackendName | null;
  backendNotes: string[];
  runTasks: TaskSpec[];
  totalSteps: number;
  points: MetricPoint[];
  step: number;
  stepsPerSec: number;
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
  train(): void;
  pause(): void;
  resume(): void;
  stop(): void;
  reset(): void;
  // runs
  /** every run of this browser, newest first */
  runs: RunRecord[];
  /** id of the run the worker is training now, or null */
  liveRunId: string | null;
  /** ids of runs ticked for comparison, in ticking order */
  selectedRunIds: string[];
  /** progress of "Train single-task baselines": how many were queued and how many are finished; null when not running */
  baselines: { total: number; done: number } | null;
  /** Use `db` for persistence from now on; `stored` (already loaded from it) are merged under the runs in memory, which are then written to it. */
  attachDb(db: RunsDb | null, stored?: RunRecord[]): void;
  /** A finished run's trained weights (from memory, else the database); null when it has none */
  getRunWeights(runId: string): Promise<RunWeights | null>;
  /** tfjs weights uploaded in this tab (memory only, never persisted): a warm-start source under runId WARM_FILE_PREFIX + name */
  uploadedWeights: WarmSource | null;
  setUploadedWeights(u: WarmSource | null): void;
  /** A warm-start source by config.warmStart.runId (a run of this browser with weights, or the uploaded file); null when absent */
  getWarmSource(runId: string): Promise<WarmSource | null>;
  /** Export → PyTorch: the project zip of run `runId` (its config and weights), or with null of the current experiment (with its newest matching finished run's weights); null and an error banner on failure */
  exportPyTorch(runId: string | null): Promise<PyTorchExport | null>;
  /** Train one single-task baseline per task of the current experiment, one after another. */
  trainBaselines(): void;
  renameRun(id: string, name: string): void;
  /** Delete a run (stopping it first when it is the live one). */
  deleteRun(id: string): void;
  /** Load a run's config into the editor. */
  openRun(id: string): void;
  toggleRunSelected(id: string): void;
  // ui
  selectedNodeId: string | null;
  banner: Banner | null;
  select(id: string | null): void;
  setBanner(b: Banner | null): void;
}
