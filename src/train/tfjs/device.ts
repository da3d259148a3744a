/**
 * The one owner of the tfjs engine's device tensors besides the model's variables: the data, the epoch's row
 * order, the epoch's loss sum and the phase's optimiser with its split of the variables. Per step nothing is
 * allocated here that outlives the step, so tf.memory().numTensors stays flat; dispose frees it all.
 */
import * as tf from '@tensorflow/tfjs-core';
import { headsFedBy, type DatasetArrays, type ExperimentConfig } from '../../model';
import type { BuiltModel } from '../builder';
import type { TaskLoss } from '../losses';
import { createOptimizer, type StepOptimizer } from '../optimizer';
import type { PhasePlan } from '../phases';

/** The variables one phase trains, split by who they feed. */
export interface PhaseParams {
  /** trained variables, in build order */
  vars: tf.Variable[];
  /** per variable of `vars`: the tasks whose heads it feeds */
  tasksOf: ReadonlySet<number>[];
  /** those feeding ≥ 2 tasks */
  shared: tf.Variable[];
  /** per task: those feeding it */
  perTask: tf.Variable[][];
}

export interface Device {
  readonly xEvalTrain: tf.Tensor2D;
  readonly yEvalTrain: tf.Tensor[];
  readonly xVal: tf.Tensor2D;
  readonly yVal: tf.Tensor[];
  /** the current phase's variables */
  readonly params: PhaseParams;
  /** the current phase's optimiser over params.vars */
  readonly optimizer: StepOptimizer;
  /** a fresh optimiser (new moments) over `phase`'s variables */
  enterPhase(phase: 1 | 2): void;
  /** upload the epoch's row order */
  startEpoch(order: Int32Array): void;
  /** the batch at `start` of the epoch's order: inputs [batch, inputDim] and labels per task; new tensors (call in tf.tidy or dispose) */
  batch(start: number): { x: tf.Tensor; ys: tf.Tensor[] };
  /** add per-task losses [T] to the epoch's running sum (kept on the device) */
  addEpochLoss(ls: tf.Tensor): void;
  /** the epoch's sum so far (the caller disposes it), null when nothing was added; restarts the sum */
  takeEpochLoss(): tf.Tensor | null;
  dispose(): void;
}

/** The device state of a run; on failure frees what it made and rethrows (the model stays the caller's). */
export function createDevice(config: ExperimentConfig, data: DatasetArrays, model: BuiltModel, losses: TaskLoss[], phases: PhasePlan, batch: number, nEvalTrain: number): Device {
  const tasks = config.tasks;
  const fed = headsFedBy(config.graph, model.headIds);
  const owners = model.variables.map((v, i) => ({ v, node: model.variableNodes[i], tasks: fed.get(model.variableNodes[i]) ?? new Set<number>() }));
  const paramsOf = (phase: 1 | 2): PhaseParams => {
    const on = owners.filter((o) => phases.trains(phase, o));
    const vars = on.map((o) => o.v);
    const tasksOf = on.map((o) => o.tasks);
    return {
      vars,
      tasksOf,
      shared: vars.filter((_, i) => tasksOf[i].size >= 2),
      perTask: tasks.map((_, t) => vars.filter((_, i) => tasksOf[i].has(t))),
    };
  };

  const owned: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => (owned.push(t), t);
  let xAll: tf.Tensor2D, yAll: tf.Tensor[], xEvalTrain: tf.Tensor2D, yEvalTrain: tf.Tensor[], xVal: tf.Tensor2D, yVal: tf.Tensor[];
  let params = paramsOf(phases.phaseAt(0));
  let optimizer: StepOptimizer;
  try {
    xAll = keep(tf.tensor2d(data.xTrain, [data.nTrain, data.inputDim]));
    yAll = tasks.map((t, i) => keep(losses[i].labels(data.yTrain[t.id], data.nTrain, t)));
    xEvalTrain = keep(tf.slice(xAll, 0, nEvalTrain));
    yEvalTrain = yAll.map((y) => keep(tf.slice(y, 0, nEvalTrain)));
    xVal = keep(tf.tensor2d(data.xVal, [data.nVal, data.inputDim]));
    yVal = tasks.map((t, i) => keep(losses[i].labels(data.yVal[t.id], data.nVal, t)));
    optimizer = createOptimizer(config.optimizer, params.vars);
  } catch (err) {
    tf.dispose(owned);
    throw err;
  }
  let order: tf.Tensor1D | null = null;
  let epochLoss: tf.Tensor | null = null;

  return {
    xEvalTrain,
    yEvalTrain,
    xVal,
    yVal,
    get params() {
      return params;
    },
    get optimizer() {
      return optimizer;
    },
    enterPhase(phase) {
      optimizer.dispose();
      params = paramsOf(phase);
      optimizer = createOptimizer(config.optimizer, params.vars);
    },
    /**
     * One small int32 upload per epoch. Batches are gathered through it instead of slicing a permuted copy,
     * because tfjs-wasm's Slice copies its whole input to JS on every call (~10 ms per step for a 1024×784
     * train set); slicing this index vector is cheap.
     */
    startEpoch(rows) {
      order?.dispose();
      order = tf.tensor1d(rows, 'int32');
    },
    batch(start) {
      const idx = tf.slice(order!, start, batch);
      return { x: tf.gather(xAll, idx), ys: yAll.map((y) => tf.gather(y, idx)) };
    },
    addEpochLoss(ls) {
      const next = tf.keep(epochLoss ? tf.add(epochLoss, ls) : tf.clone(ls));
      epochLoss?.dispose();
      epochLoss = next;
    },
    takeEpochLoss() {
      const sums = epochLoss;
      epochLoss = null;
      return sums;
    },
    dispose() {
      order?.dispose();
      epochLoss?.dispose();
      tf.dispose(owned);
      optimizer.dispose();
    },
  };
}
