/**
 * The one place the training loop calls the weighting strategy, for both engines: its coefficients before
 * each update, the event after it, the epoch's mean losses at an epoch's end, the validation losses after an evaluation.
 * A new hook is passed on here and nowhere else.
 */
import type { StepWeights, Strategy } from './weighting';

export interface StrategyHooks {
  /** this step's coefficients; `losses` per task (zeros when the step read none), `gram` T×T when the strategy needsGrads */
  beforeUpdate(step: number, losses: number[], gram: number[][] | null, grads?: readonly Float32Array[] | null): StepWeights;
  /** the optimiser applied step `step`'s update (not called for a step that trains nothing); `losses`: the batch's losses after it (lossesAfterStep strategies) */
  afterUpdate(step: number, losses?: number[]): void;
  /** the epoch whose last step is `step` ended; `sums`: each task's train loss summed over its `perEpoch` steps (strategies whose losses are 'epoch' or 'step') */
  epochEnded(step: number, sums: readonly number[], perEpoch: number): void;
  /** an evaluation at `step` measured these validation losses per task */
  evaluated(valLosses: number[], step: number): void;
  /** the latest shared coefficients (1 per task before the first step): the "effective weights" of a metric point */
  weights(): number[];
}

/** Hooks over `strategy` for T tasks. */
export function strategyHooks(strategy: Strategy, T: number): StrategyHooks {
  let weights = new Array<number>(T).fill(1);
  return {
    beforeUpdate(step, losses, gram, grads) {
      const w = strategy.step(grads ? { step, losses, gram, grads } : { step, losses, gram });
      weights = w.shared;
      return w;
    },
    afterUpdate: (step, losses) => strategy.emit('afterStep', losses ? { step, losses } : { step }),
    epochEnded: (step, sums, perEpoch) => strategy.emit('epochEnd', { step, meanLosses: sums.map((x) => x / perEpoch) }),
    evaluated: (valLosses, step) => strategy.emit('eval', { step, valLosses }),
    weights: () => weights,
  };
}
