/**
 * The training loop, independent of the worker (runs in Node tests on the cpu backend).
 * Per step: gather a batch through the epoch's permutation, forward, weighted loss,
 * optimizer update — all on the device, nothing read back. Only evaluation steps
 * read numbers, asynchronously, as one stacked tensor.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients (the tfjs union package does this import).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { activeTasks, headsFedBy, phaseAt, sharedBoundary, usesRepresentation, weightingSpec, type DatasetArrays, type ExperimentConfig } from '../model';
import { deriveSeed, makeRng, permutation } from '../data';
import type { MetricPoint } from '../protocol';
import { buildModel, type BuiltModel } from './builder';
import { taskLoss, weightedLoss, type TaskLoss } from './losses';
import { createOptimizer, type StepOptimizer } from './optimizer';
import { createConflictMeter } from './conflict';
import { assembleTrainer, metricPoint, type Trainer } from './trainer';
import { phasedStrategy } from './schedule';

export { divergedMessage, type Trainer } from './trainer';

/** Validation rows the live inspection (mean gate weights) averages over. */
const INSPECT_ROWS = 256;

export interface TrainerOptions {
  /** cap on the train rows used for the reported train loss (fixed subset: the first rows) */
  maxEvalRows?: number;
}

/** A trainer for a valid config and its generated dataset; same config + backend → same numbers. */
export function createTrainer(config: ExperimentConfig, data: DatasetArrays, opts: TrainerOptions = {}): Trainer {
  const tasks = config.tasks;
  const losses: TaskLoss[] = tasks.map(taskLoss);
  const T = tasks.length;
  const strategy = phasedStrategy(config.weighting, config.schedule, tasks.map((t) => t.id), config.seed, config.optimizer.learningRate);
  const schedule = config.schedule;
  const lossMode = weightingSpec(config.weighting.kind)?.losses ?? 'none';
  const meter = createConflictMeter();
  let weights = new Array<number>(T).fill(1);
  const evalEvery = Math.max(1, Math.round(config.evalEvery));
  const totalSteps = Math.max(0, Math.round(config.optimizer.steps));
  const nTrain = data.nTrain;
  const batch = Math.max(1, Math.min(Math.round(config.optimizer.batchSize), nTrain));
  // Drop the ragged tail: every step sees the same batch shape (GPU backends cache shaders per shape).
  const batchesPerEpoch = Math.floor(nTrain / batch);
  const nEvalTrain = Math.min(nTrain, opts.maxEvalRows ?? 1024);

  const model: BuiltModel = buildModel(config, data.inputDim);
  const fed = headsFedBy(config.graph, model.headIds);
  const varTasksAll = model.variableNodes.map((id) => fed.get(id) ?? new Set<number>());
  /**
   * The variables a phase updates. Phase 1: those that feed some active task (an inactive task's own layers stay
   * bit-for-bit as they are). Phase 2: all but freezeInPhase2's. Without a schedule: every trainable variable.
   */
  const phaseVars = (phase: 1 | 2): tf.Variable[] => {
    if (!schedule) return model.variables;
    if (phase === 1) {
      const on = activeTasks(schedule, tasks.map((t) => t.id), 0);
      return model.variables.filter((_, i) => [...varTasksAll[i]].some((t) => on[t]));
    }
    const frozen = new Set(schedule.freezeInPhase2);
    return model.variables.filter((_, i) => !frozen.has(model.variableNodes[i]));
  };
  let phase = phaseAt(schedule, 0);
  let trainVars = phaseVars(phase);
  const owned: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => (owned.push(t), t);
  let xAll: tf.Tensor2D, yAll: tf.Tensor[], xEvalTrain: tf.Tensor2D, yEvalTrain: tf.Tensor[], xVal: tf.Tensor2D, yVal: tf.Tensor[];
  let optimizer: StepOptimizer;
  try {
    xAll = keep(tf.tensor2d(data.xTrain, [nTrain, data.inputDim]));
    yAll = tasks.map((t, i) => keep(losses[i].labels(data.yTrain[t.id], nTrain, t)));
    xEvalTrain = keep(tf.slice(xAll, 0, nEvalTrain));
    yEvalTrain = yAll.map((y) => keep(tf.slice(y, 0, nEvalTrain)));
    xVal = keep(tf.tensor2d(data.xVal, [data.nVal, data.inputDim]));
    yVal = tasks.map((t, i) => keep(losses[i].labels(data.yVal[t.id], data.nVal, t)));
    optimizer = createOptimizer(config.optimizer, trainVars);
  } catch (err) {
    model.dispose();
    tf.dispose(owned);
    throw err;
  }

  // Shared variables feed ≥ 2 heads; a task-specific variable feeds exactly one (ownerTask). All over this phase's trainVars.
  let varTasks: Set<number>[] = [];
  let sharedVars: tf.Variable[] = [];
  let taskVars: tf.Variable[][] = [];
  const derive = () => {
    const tasksOf = new Map(model.variables.map((v, i) => [v, varTasksAll[i]]));
    varTasks = trainVars.map((v) => tasksOf.get(v)!);
    sharedVars = trainVars.filter((_, i) => varTasks[i].size >= 2);
    taskVars = tasks.map((_, t) => trainVars.filter((_, i) => varTasks[i].has(t)));
  };
  derive();
  /** Phase 2 starts: a fresh optimiser (new moments) over phase 2's variables. */
  const enterPhase = (p: 1 | 2) => {
    phase = p;
    optimizer.dispose();
    trainVars = phaseVars(p);
    optimizer = createOptimizer(config.optimizer, trainVars);
    derive();
  };
  /** Σ w_t·L_t over the tasks whose loss counts now (an inactive task's term is left out, not multiplied by 0: NaN-safe). */
  const combinedLoss = (ls: tf.Scalar[], w: number[], s: number): tf.Scalar => {
    if (!schedule) return weightedLoss(ls, w);
    const on = activeTasks(schedule, tasks.map((t) => t.id), s);
    return weightedLoss(ls.filter((_, i) => on[i]), w.filter((_, i) => on[i]));
  };
  let epochLoss: tf.Tensor | null = null;
  const onRepresentation = usesRepresentation(config.weighting);
  const boundaryIds = sharedBoundary(config.graph, model.headIds);
  const noLosses = new Array<number>(T).fill(0);

  let step = 0;
  let lastEval = -1;
  let epoch = -1;
  let permEpoch: tf.Tensor1D | null = null;
  const epochSeed = deriveSeed(config.seed, 'batches');

  /**
   * One small int32 upload per epoch: the shuffled row order. Batches are gathered through it
   * instead of slicing a permuted copy, because tfjs-wasm's Slice copies its whole input to JS
   * on every call (~10 ms per step for a 1024×784 train set); slicing this index vector is cheap.
   */
  function startEpoch(e: number): void {
    permEpoch?.dispose();
    permEpoch = tf.tensor1d(permutation(nTrain, makeRng(deriveSeed(epochSeed, String(e)))), 'int32');
    epoch = e;
  }

  /** Running per-task loss sum of the epoch, kept on the device (read once per epoch). */
  function addEpochLoss(ls: tf.Tensor): void {
    const next = tf.keep(epochLoss ? tf.add(epochLoss, ls) : tf.clone(ls));
    epochLoss?.dispose();
    epochLoss = next;
  }

  /**
   * One optimizer update. Synchronous (nothing read back) unless the step needs numbers on the
   * CPU — per-task gradients (gradient strategies, or the periodic conflict measurement) or
   * per-step losses — in which case it returns a promise and reads them asynchronously: WebGPU
   * in a worker cannot read synchronously at all.
   */
  function trainStep(): void | Promise<void> {
    if (step >= totalSteps) return;
    if (phaseAt(schedule, step) !== phase) enterPhase(phaseAt(schedule, step));
    // Everything frozen in this phase: the step changes nothing.
    if (trainVars.length === 0) return afterStep();
    const e = Math.floor(step / batchesPerEpoch);
    if (e !== epoch) startEpoch(e);
    const start = (step % batchesPerEpoch) * batch;
    const s = step;
    const perTask = strategy.needsGrads || (sharedVars.length > 0 && step % evalEvery === 0);
    const batchOf = () => {
      const idx = tf.slice(permEpoch!, start, batch);
      return { x: tf.gather(xAll, idx), ys: yAll.map((y) => tf.gather(y, idx)) };
    };
    if (perTask) return trainStepPerTask(s, batchOf).then(afterStep);
    if (lossMode === 'step') return trainStepWithLosses(s, batchOf).then(afterStep);
    tf.tidy(() => {
      const { x, ys } = batchOf();
      const w = strategy.step({ step: s, losses: noLosses, gram: null });
      weights = w.shared;
      const { grads } = tf.variableGrads(() => {
        const ls = model.forward(x, true, s).map((o, i) => losses[i].loss(o, ys[i]));
        if (lossMode === 'epoch') addEpochLoss(tf.stack(ls));
        return combinedLoss(ls, w.task, s);
      }, trainVars);
      optimizer.apply(trainVars.map((v) => grads[v.name]));
    });
    return afterStep();
  }

  /** Count the step; at an epoch's end hand the epoch's mean losses to strategies that use them. */
  function afterStep(): void | Promise<void> {
    if (trainVars.length) strategy.emit('afterStep', { step });
    step++;
    if (step % batchesPerEpoch !== 0 || lossMode !== 'epoch' || !epochLoss) return;
    const sums = epochLoss;
    epochLoss = null;
    return sums.data().then((v) => {
      sums.dispose();
      strategy.emit('epochEnd', { step: step - 1, meanLosses: Array.from(v, (x) => x / batchesPerEpoch) });
    });
  }

  /** A step for strategies that weigh this step's losses (uncertainty): read them, then update. */
  async function trainStepWithLosses(s: number, batchOf: () => { x: tf.Tensor; ys: tf.Tensor[] }): Promise<void> {
    const { x, ys, ls } = tf.tidy(() => {
      const b = batchOf();
      return { ...b, ls: tf.stack(model.forward(b.x, true, s).map((o, i) => losses[i].loss(o, b.ys[i]))) };
    });
    try {
      const values = Array.from(await ls.data());
      const w = strategy.step({ step: s, losses: values, gram: null });
      weights = w.shared;
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => combinedLoss(model.forward(x, true, s).map((o, i) => losses[i].loss(o, ys[i])), w.task, s), trainVars);
        optimizer.apply(trainVars.map((v) => grads[v.name]));
      });
    } finally {
      tf.dispose([x, ...ys, ls]);
    }
  }

  /** Gram matrix (as a [T, T] tensor) of the tasks' gradients with respect to the shared representation Z (MGDA-UB). */
  function representationGram(s: number, x: tf.Tensor, ys: tf.Tensor[]): tf.Tensor {
    const values = model.forwardValues(x, true, s);
    const zs = boundaryIds.map((id) => values.get(id)!);
    const rows = tasks.map((_, t) => {
      const lossFromZ = (...given: tf.Tensor[]) => losses[t].loss(model.forward(x, true, s, new Map(boundaryIds.map((id, i) => [id, given[i]])))[t], ys[t]);
      return tf.concat(tf.grads(lossFromZ)(zs).map((g) => tf.reshape(g, [-1])));
    });
    const flat = tf.stack(rows) as tf.Tensor2D;
    return tf.matMul(flat, flat, false, true);
  }

  const toGram = (G: ArrayLike<number>) => tasks.map((_, i) => tasks.map((__, j) => G[i * T + j]));

  /**
   * One step from each task's own gradient: shared variables move along Σ α_t·g_t (α from the
   * strategy, given the T×T Gram matrix of the shared gradients, the only numbers read back), each
   * task-specific variable along w_t·g_t. Costs T forward/backward passes.
   */
  async function trainStepPerTask(s: number, batchOf: () => { x: tf.Tensor; ys: tf.Tensor[] }): Promise<void> {
    interface Held {
      perTaskGrads: Record<string, tf.Tensor>[];
      flat?: tf.Tensor2D;
      losses: tf.Tensor;
      gram?: tf.Tensor;
      repGram?: tf.Tensor;
    }
    // tidy keeps every tensor of the returned object; the rest of the step's temporaries are freed.
    const held = tf.tidy((): tf.TensorContainer => {
      const { x, ys } = batchOf();
      const perTaskGrads: Record<string, tf.Tensor>[] = [];
      const values: tf.Scalar[] = [];
      for (let t = 0; t < T; t++) {
        // A task with nothing to train this phase (its layers are all inactive or frozen): its loss only.
        if (taskVars[t].length === 0) {
          perTaskGrads.push({});
          values.push(losses[t].loss(model.forward(x, true, s)[t], ys[t]));
          continue;
        }
        const { value, grads } = tf.variableGrads(() => losses[t].loss(model.forward(x, true, s)[t], ys[t]), taskVars[t]);
        perTaskGrads.push(grads);
        values.push(value);
      }
      // A shared variable a task does not reach has a zero gradient from it.
      const flat = sharedVars.length
        ? (tf.stack(perTaskGrads.map((g) => tf.concat(sharedVars.map((v) => tf.reshape(g[v.name] ?? tf.zerosLike(v), [-1]))))) as tf.Tensor2D)
        : undefined;
      const out: Held = {
        perTaskGrads,
        flat,
        losses: tf.stack(values),
        gram: flat ? tf.matMul(flat, flat, false, true) : undefined,
        repGram: onRepresentation && boundaryIds.length ? representationGram(s, x, ys) : undefined,
      };
      return out as unknown as tf.TensorContainer;
    }) as unknown as Held;
    try {
      const [lossValues, gramValues, repValues] = await Promise.all([held.losses.data(), held.gram?.data(), held.repGram?.data()]);
      const values = Array.from(lossValues);
      const gram = gramValues ? toGram(gramValues) : null;
      if (gram) meter.record(gram);
      if (lossMode === 'epoch') tf.tidy(() => addEpochLoss(tf.tensor1d(values)));
      const solveGram = repValues ? toGram(repValues) : gram;
      const w = strategy.step({ step: s, losses: values, gram: strategy.needsGrads ? (solveGram ?? tasks.map(() => noLosses)) : null });
      weights = w.shared;
      tf.tidy(() => {
        const combinedShared = held.flat ? tf.squeeze(tf.matMul(tf.tensor2d(w.shared, [1, T]), held.flat), [0]) : null;
        const sharedParts = combinedShared ? tf.split(combinedShared, sharedVars.map((v) => v.size)) : [];
        const sharedGrad = new Map(sharedVars.map((v, i) => [v.name, tf.reshape(sharedParts[i], v.shape)]));
        optimizer.apply(
          trainVars.map((v, i) => {
            const g = sharedGrad.get(v.name);
            if (g) return g;
            const t = [...varTasks[i]][0];
            return tf.mul(held.perTaskGrads[t][v.name], w.task[t]);
          }),
        );
      });
    } finally {
      tf.dispose(held as unknown as tf.TensorContainer);
    }
  }

  async function evaluate(): Promise<MetricPoint> {
    const at = step;
    const stacked = tf.tidy(() => {
      const outTrain = model.forward(xEvalTrain, false, at);
      const outVal = model.forward(xVal, false, at);
      const parts: tf.Scalar[] = [];
      tasks.forEach((_, i) => {
        parts.push(losses[i].loss(outTrain[i], yEvalTrain[i]), losses[i].loss(outVal[i], yVal[i]), losses[i].metric(outVal[i], yVal[i]));
      });
      return tf.stack(parts);
    });
    let v: Float32Array;
    try {
      v = (await stacked.data()) as Float32Array;
    } finally {
      stacked.dispose();
    }
    lastEval = at;
    const pick = (k: number) => tasks.map((_, i) => v[3 * i + k]);
    const point = metricPoint(at, { trainLoss: pick(0), valLoss: pick(1), metric: pick(2) }, weights, meter.take());
    strategy.emit('eval', { step: at, valLosses: point.tasks.map((p) => p.valLoss) });
    return point;
  }

  /** Heads' raw outputs for n rows of x (inference mode), read asynchronously. */
  async function predict(x: Float32Array, n: number): Promise<Float32Array[]> {
    const outs = tf.tidy(() => model.forward(tf.tensor2d(x.subarray(0, n * data.inputDim), [n, data.inputDim]), false, step));
    try {
      return (await Promise.all(outs.map((o) => o.data()))) as Float32Array[];
    } finally {
      tf.dispose(outs);
    }
  }

  /** ∂(task t's mean loss)/∂x for n rows (inference mode), by tf.grad with respect to the input. */
  async function inputGradient(t: number, x: Float32Array, y: Float32Array, n: number): Promise<Float32Array> {
    const g = tf.tidy(() => {
      const labels = losses[t].labels(y, n, tasks[t]);
      const lossOfX = (xs: tf.Tensor) => losses[t].loss(model.forward(xs, false, step)[t], labels);
      return tf.grad(lossOfX)(tf.tensor2d(x.subarray(0, n * data.inputDim), [n, data.inputDim]));
    });
    try {
      return (await g.data()) as Float32Array;
    } finally {
      g.dispose();
    }
  }

  return assembleTrainer({
    step: () => step,
    lastEval: () => lastEval,
    totalSteps,
    evalEvery,
    paramCount: model.paramCount,
    inputGradient,
    weights: () => model.snapshot(),
    async inspect() {
      // Gate means over at most INSPECT_ROWS validation rows: a steady view at the cost of one small forward pass.
      const x = tf.slice(xVal, 0, Math.min(INSPECT_ROWS, data.nVal));
      try {
        return await model.inspect(x);
      } finally {
        x.dispose();
      }
    },
    loadWeights: (init) => model.load(init),
    trainStep,
    evaluate,
    predict,
    dispose() {
      permEpoch?.dispose();
      epochLoss?.dispose();
      tf.dispose(owned);
      optimizer.dispose();
      model.dispose();
    },
  });
}
