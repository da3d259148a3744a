/**
 * The one place the training loop calls the weighting strategy, for both engines: its coefficients before
 * each update, the epoch's mean losses at an epoch's end, the validation losses after an evaluation.
 * A new hook is passed on here and nowhere else.
 */
import type { StepWeights, Strategy } from './weighting';

export interface StrategyHooks {
  /** this step's coefficients; `losses` per task (zeros when the step read none), `gram` T×T when the strategy needsGrads */
  beforeUpdate(step: number, losses: number[], gram: number[][] | null): StepWeights;
  /** an epoch of `perEpoch` steps ended; `sums`: each task's train loss summed over it (strategies with losses 'epoch' only) */
  epochEnded(sums: readonly number[], perEpoch: number): void;
  /** an evaluation at `step` measured these validation losses per task */
  evaluated(valLosses: number[], step: number): void;
  /** the latest shared coefficients (1 per task before the first step): the "effective weights" of a metric point */
  weights(): number[];
}

/** Hooks over `strategy` for T tasks. */
export function strategyHooks(strategy: Strategy, T: number): StrategyHooks {
  let weights = new Array<number>(T).fill(1);
  return {
    beforeUpdate(step, losses, gram) {
      const w = strategy.step({ step, losses, gram });
      weights = w.shared;
      return w;
    },
    epochEnded: (sums, perEpoch) => strategy.onEpoch(sums.map((x) => x / perEpoch)),
    evaluated: (valLosses, step) => strategy.onEval(valLosses, step),
    weights: () => weights,
  };
}
