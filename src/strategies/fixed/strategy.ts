/** Fixed: the user's static per-task weights, w_t = cfg.weights[task id] (loss = Σ w_t·L_t). */
import { asLossWeights, type StrategyContext, type StrategyCore } from '../_shared';

/** Fixed weights: w_t = the user's weight for task t (1 when missing or not a finite number). */
export function strategy(ctx: StrategyContext): StrategyCore {
  const w = ctx.taskIds.map((id) => {
    const v = ctx.weights[id];
    return typeof v === 'number' && Number.isFinite(v) ? v : 1;
  });
  return { step: () => asLossWeights(w) };
}
