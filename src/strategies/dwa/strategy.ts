/** DWA (Liu, Johns & Davison, CVPR 2019): weights from the ratio of the last two epoch-mean losses. */
import { asLossWeights, fill, softmax, type StrategyContext, type StrategyCore } from '../_shared';

/**
 * w_t = T·exp(r_t/τ) / Σ_k exp(r_k/τ) with r_t = L̄_t(e−1)/L̄_t(e−2), the ratio of the last two epoch-mean losses
 * (from the epochEnd hook); w = 1 until two epochs have ended.
 */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const tau = Number(ctx.params.temperature);
  const history: number[][] = [];
  let w = fill(T, 1);
  return {
    step: () => asLossWeights(w),
    on: {
      epochEnd({ meanLosses }) {
        history.push([...meanLosses]);
        if (history.length < 2) return;
        const prev = history[history.length - 2];
        const last = history[history.length - 1];
        const r = last.map((l, t) => (prev[t] > 0 && Number.isFinite(l / prev[t]) ? l / prev[t] : 1));
        w = softmax(r.map((x) => x / tau)).map((p) => T * p);
      },
    },
  };
}
