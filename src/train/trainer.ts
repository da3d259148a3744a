/** The engine-neutral trainer interface (no tfjs here): the worker drives either engine through it. */
import type { MetricPoint, NodeWeights } from '../protocol';
import type { NodeInspection, WarmStartEntry } from '../model';

export interface Trainer {
  /** optimizer updates done so far */
  readonly step: number;
  /** config.optimizer.steps */
  readonly totalSteps: number;
  readonly paramCount: number;
  /** true when the current step should be evaluated (every evalEvery steps, step 0 and the last step) and has not been yet */
  readonly evalDue: boolean;
  /** one optimizer update; returns a promise when the step must read numbers back (then await it before the next) */
  trainStep(): void | Promise<void>;
  /** metrics at the current step (one async read); throws when a loss is not finite */
  evaluate(): Promise<MetricPoint>;
  /** up to n steps (bounded by totalSteps), evaluating when due (including step 0); returns the new points */
  run(n: number): Promise<MetricPoint[]>;
  /** the heads' raw outputs (logits for classification), one [n, width] array per task, for n rows of x (n × inputDim); no training-mode layers */
  predict(x: Float32Array, n: number): Promise<Float32Array[]>;
  /** ∂(task t's mean loss)/∂x for n rows of x (n × inputDim) with labels y (as in DatasetArrays), in inference mode; n × inputDim values */
  inputGradient(t: number, x: Float32Array, y: Float32Array, n: number): Promise<Float32Array>;
  /** every built node's current weights (see NodeWeights), in build order; copies */
  weights(): Promise<NodeWeights[]>;
  /** live tables of the fusion modules that offer one (cross-stitch α, MMoE/CGC mean gate weights), from validation rows; [] on the JS engine */
  inspect(): Promise<NodeInspection[]>;
  /** warm start, before the first step: copy the given nodes' tensors where the id and every shape match; one entry per given node with weights */
  loadWeights(nodes: readonly NodeWeights[]): WarmStartEntry[];
  /** frees every tensor the trainer owns */
  dispose(): void;
}

/** The message for a run whose loss overflowed. */
export function divergedMessage(step: number): string {
  return `Training diverged at step ${step} (loss is not finite). Try a lower learning rate.`;
}

/** Rows dropped from the ragged tail so that every batch has the same shape. */
export function batchesPerEpoch(nTrain: number, batch: number): number {
  return Math.max(1, Math.floor(nTrain / batch));
}

/** What an engine supplies; assembleTrainer adds the scheduling both engines share. */
export interface TrainerCore {
  step(): number;
  /** step of the last evaluation, −1 before the first */
  lastEval(): number;
  totalSteps: number;
  evalEvery: number;
  paramCount: number;
  trainStep(): void | Promise<void>;
  evaluate(): Promise<MetricPoint>;
  predict(x: Float32Array, n: number): Promise<Float32Array[]>;
  inputGradient(t: number, x: Float32Array, y: Float32Array, n: number): Promise<Float32Array>;
  weights(): Promise<NodeWeights[]>;
  inspect(): Promise<NodeInspection[]>;
  loadWeights(nodes: readonly NodeWeights[]): WarmStartEntry[];
  dispose(): void;
}

/** A Trainer from an engine's core: evaluation at step 0, every evalEvery steps and at the last step. */
export function assembleTrainer(core: TrainerCore): Trainer {
  const trainer: Trainer = {
    get step() {
      return core.step();
    },
    totalSteps: core.totalSteps,
    paramCount: core.paramCount,
    get evalDue() {
      const s = core.step();
      return core.lastEval() !== s && (s % core.evalEvery === 0 || s === core.totalSteps);
    },
    trainStep: core.trainStep,
    evaluate: core.evaluate,
    predict: core.predict,
    inputGradient: core.inputGradient,
    weights: core.weights,
    inspect: core.inspect,
    loadWeights: core.loadWeights,
    async run(n) {
      const points: MetricPoint[] = [];
      if (trainer.evalDue) points.push(await core.evaluate());
      for (let i = 0; i < n && core.step() < core.totalSteps; i++) {
        await core.trainStep();
        if (trainer.evalDue) points.push(await core.evaluate());
      }
      return points;
    },
    dispose: core.dispose,
  };
  return trainer;
}

/** The metric point of an evaluation; throws the divergence message when a loss is not finite. */
export function metricPoint(
  step: number,
  values: { trainLoss: number[]; valLoss: number[]; metric: number[] },
  weights: number[],
  conflict: MetricPoint['conflict'],
): MetricPoint {
  const tasks = values.trainLoss.map((trainLoss, i) => ({ trainLoss, valLoss: values.valLoss[i], metric: values.metric[i] }));
  const totalLoss = tasks.reduce((a, p, i) => a + weights[i] * p.trainLoss, 0);
  if (!Number.isFinite(totalLoss) || tasks.some((p) => !Number.isFinite(p.valLoss))) throw new Error(divergedMessage(step));
  return { step, tasks, weights: [...weights], totalLoss, conflict };
}
