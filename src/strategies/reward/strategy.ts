/** Reward-driven online alignment: an exponentiated-gradient update of the weights at each evaluation. */
import { asLossWeights, fill, sum, type StrategyContext, type StrategyCore } from '../_shared';

/**
 * At each evaluation (the eval hook), improvement i_t = (prev_t − val_t)/max(prev_t, 1e-12), reward
 * r_t = mean(i) − i_t (lagging tasks earn a positive reward), w_t ← w_t·exp(η r_t), renormalised so Σw = T.
 * Weights start at 1.
 */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const eta = Number(ctx.params.eta);
  let w = fill(T, 1);
  let prev: number[] | null = null;
  return {
    step: () => asLossWeights(w),
    on: {
      eval({ valLosses: val }) {
        if (!val.every(Number.isFinite)) return;
        if (prev) {
          const p = prev;
          const imp = val.map((v, t) => (p[t] - v) / Math.max(p[t], 1e-12));
          const mean = sum(imp) / T;
          const next = w.map((wt, t) => wt * Math.exp(eta * (mean - imp[t])));
          const total = sum(next);
          if (total > 0 && Number.isFinite(total)) w = next.map((x) => (T * x) / total);
        }
        prev = [...val];
      },
    },
  };
}
