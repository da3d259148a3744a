/** Core experiment types: plain JSON data, id-keyed, no classes. */

export type TaskKind = 'binary' | 'multiclass' | 'regression';

/** One learning task over the shared inputs. `classes` is 1 for binary/regression heads' output width rules (see headUnits). */
export interface TaskSpec {
  id: string;
  name: string;
  kind: TaskKind;
  /** number of classes for multiclass (>= 3), 2 for binary, 1 for regression */
  classes: number;
  /** share of TRAINING rows that keep this task's label, in (0, 1]; the rest are masked out of its loss (default 1) */
  labelBudget?: number;
  /** classification: share of TRAINING labels flipped to another class, in [0, 1); regression: std of added Gaussian noise (default 0) */
  labelNoise?: number;
}

// Dataset configs come from the dataset folders (src/datasets/<id>/spec.ts), collected in datasetSpec.ts.
import type { ConfigOf, DatasetConfig } from './datasetSpec';
import type { LessonRef } from './lessons/hide';
/** Named for the modules outside src/datasets that read these configs' fields. */
export type CsvConfig = ConfigOf<'csv'>;
export type CsvTarget = CsvConfig['targets'][number];
export type Synthetic2DConfig = ConfigOf<'synthetic2d'>;

/**
 * Benchmark-only (src/bench): seeded N(0, 1) inputs with uniformly random labels; classes come from
 * the tasks. Deliberately NOT part of DatasetConfig, so the UI, share codec and validation never see it.
 */
export interface RandomDatasetConfig {
  kind: 'random';
  /** total points (train + validation) */
  nPoints: number;
  /** features per row */
  inputDim: number;
  /** share of points held out for validation, in (0, 1) */
  valFraction: number;
}

/** A parsed CSV table (session memory only): header names and the raw cell strings per row ('' = missing). */
export interface CsvTable {
  fileName: string;
  columns: string[];
  rows: string[][];
}

export interface XY {
  x: number;
  y: number;
}

export interface GraphNode {
  id: string;
  kind: string;
  params: Record<string, number | string | boolean>;
  position: XY;
}

export interface GraphEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type OptimizerKind = 'adam' | 'sgd';

export interface OptimizerConfig {
  kind: OptimizerKind;
  learningRate: number;
  /** SGD momentum in [0, 1); ignored by Adam */
  momentum: number;
  batchSize: number;
  steps: number;
}

/** A strategy id from the WEIGHTINGS registry (src/model/weighting.ts). */
export type WeightingKind = string;

export interface WeightingConfig {
  kind: WeightingKind;
  /** the strategy's own parameters, keyed as in its registry entry */
  params: Record<string, number | string | boolean>;
  /** per-task static weights (α/β style), keyed by task id; used by 'fixed' */
  weights: Record<string, number>;
}

export type BackendChoice = 'auto' | 'js' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendName = Exclude<BackendChoice, 'auto'>;

export interface ExperimentConfig {
  version: 1;
  name: string;
  /** weight initialisation, batch order, dropout and strategy randomness; also the data's unless dataSeed is set */
  seed: number;
  /** the data's own seed (generation, split, label budget and noise) when it must stay fixed while `seed` varies; absent = seed */
  dataSeed?: number;
  /** "Train × N seeds": how many seeds, and whether each seed also draws its own data split; absent = 5, data fixed */
  seeds?: SeedsConfig;
  /** how Δm% averages (see DeltaMConvention in stats.ts); absent = 'per-task' */
  deltaM?: 'per-task' | 'all-metrics';
  dataset: DatasetConfig;
  tasks: TaskSpec[];
  graph: Graph;
  optimizer: OptimizerConfig;
  weighting: WeightingConfig;
  backend: BackendChoice;
  /** evaluate and report metrics every this many steps */
  evalEvery: number;
  /** initialise some nodes from an earlier run's (or an uploaded file's) weights; see src/model/warmstart.ts */
  warmStart?: WarmStartConfig;
  /** two-phase training: some tasks first, then all with some nodes frozen (both engines) */
  schedule?: ScheduleConfig;
  /** the guided lesson this experiment was opened from, and the controls it hides; absent = none (src/model/lessons) */
  lesson?: LessonRef;
  /** the toy landscape's picked strategies (ids) and start point (x1, x2 in [−10, 10]), so a link reopens them */
  toy?: { strategies: string[]; start: [number, number] };
}

/** A seeded study: `count` runs with seeds seed, seed+1, …; `varyData` gives each its own data (else the data keeps the base seed). */
export interface SeedsConfig {
  count: number;
  varyData: boolean;
}

/** Where a run's initial weights come from: a finished run of this browser (runId) or an uploaded file (runId 'file:…'). */
export interface WarmStartConfig {
  runId: string;
  /** the source's name when chosen, for messages when it is not in this browser */
  runName: string;
  /** ids of this graph's nodes to initialise (each takes the source node matched to it by structure; see planWarmStart) */
  nodes: string[];
}

/** Phase 1 (steps < phase1Steps): only phase1Tasks' losses count. Phase 2: every task; freezeInPhase2 nodes stop updating. */
export interface ScheduleConfig {
  phase1Steps: number;
  phase1Tasks: string[];
  freezeInPhase2: string[];
}

/** What a warm start did with one node: copied, not in the built graph, or shapes differ (detail says how). */
export interface WarmStartEntry {
  nodeId: string;
  /** the source node whose tensors were offered (absent in records made before structural matching: the same id) */
  from?: string;
  status: 'copied' | 'missing' | 'mismatch';
  detail: string;
}

/**
 * One node's weights as the tfjs engine lays them out: its variables in builder order, then its
 * non-trained state (e.g. BatchNorm's running mean and variance); row-major values. Both engines
 * produce the same layout (the JS engine reserves each kind's tensors in the tfjs builder's order and shapes).
 */
export interface NodeWeights {
  id: string;
  kind: string;
  tensors: { shape: number[]; values: Float32Array }[];
}

/** Warm-start tensors addressed to a node of the new graph (`id`); `from` names the source node they come from (absent: the same id). */
export interface WarmInit extends NodeWeights {
  from?: string;
}

/** A generated dataset: row-major float inputs and one target array per task. */
export interface DatasetArrays {
  /** feature count per row */
  inputDim: number;
  xTrain: Float32Array;
  xVal: Float32Array;
  nTrain: number;
  nVal: number;
  /** per task id: class index (as float) or regression value, one per row */
  yTrain: Record<string, Float32Array>;
  yVal: Record<string, Float32Array>;
}
