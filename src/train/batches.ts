/**
 * Batch geometry both engines share, a pure function of the config: the same seed gives the same epochs'
 * row orders, batches and evaluation steps on either engine.
 */
import { deriveSeed, makeRng, permutation } from '../data';
import type { ExperimentConfig } from '../model';

export interface StepGeometry {
  /** optimiser updates in the run (config.optimizer.steps rounded, ≥ 0) */
  totalSteps: number;
  /** steps between evaluations (≥ 1) */
  evalEvery: number;
  /** rows per batch, in 1 … nTrain */
  batch: number;
  /** whole batches per epoch (≥ 1): the ragged tail is dropped so every step sees the same batch shape (GPU backends cache shaders per shape) */
  perEpoch: number;
  /** train rows the reported train loss is measured on (a fixed subset: the first rows) */
  nEvalTrain: number;
  /** the epoch (0-based) that `step` falls in */
  epochOf(step: number): number;
  /** the batch's first position in its epoch's row order */
  startOf(step: number): number;
  /** the row order of epoch `e`: a permutation of 0 … nTrain−1 that depends on (seed, e) only */
  order(e: number): Int32Array;
  /** whether `step` is evaluated (step 0, every evalEvery steps, the last step) and was not yet (lastEval: step of the last evaluation, −1 before any) */
  evalDue(step: number, lastEval: number): boolean;
}

/** The geometry of a run on nTrain train rows; maxEvalRows caps the train-loss subset (default 1024). */
export function stepGeometry(config: Pick<ExperimentConfig, 'optimizer' | 'evalEvery' | 'seed'>, nTrain: number, maxEvalRows = 1024): StepGeometry {
  const totalSteps = Math.max(0, Math.round(config.optimizer.steps));
  const evalEvery = Math.max(1, Math.round(config.evalEvery));
  const batch = Math.max(1, Math.min(Math.round(config.optimizer.batchSize), nTrain));
  const perEpoch = Math.max(1, Math.floor(nTrain / batch));
  const epochSeed = deriveSeed(config.seed, 'batches');
  return {
    totalSteps,
    evalEvery,
    batch,
    perEpoch,
    nEvalTrain: Math.min(nTrain, maxEvalRows),
    epochOf: (step) => Math.floor(step / perEpoch),
    startOf: (step) => (step % perEpoch) * batch,
    order: (e) => permutation(nTrain, makeRng(deriveSeed(epochSeed, String(e)))),
    evalDue: (step, lastEval) => lastEval !== step && (step % evalEvery === 0 || step === totalSteps),
  };
}
