/** Equal: w_t = 1 (loss = Σ L_t) on the shared parameters and every head. */
import { asLossWeights, fill, type StrategyContext, type StrategyCore } from '../_shared';

/** Equal weights: the same [1, …, 1] every step. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const w = fill(ctx.taskIds.length, 1);
  return { step: () => asLossWeights(w) };
}
