/**
 * GLS, the geometric loss strategy (Chennupati et al., CVPR Workshops 2019; LibMTL's GLS): total loss
 * (Π_t L_t)^{1/T}. Its gradient is Σ_t (Π L)^{1/T}/(T·L_t) · ∇L_t, so the step's loss weights are GLS/(T·L_t).
 * (LibMTL reports L_t/(T·Π L) as its "batch weight"; the weights here are the ones its backward pass applies.)
 */
import { asLossWeights, LOSS_FLOOR, type StrategyContext, type StrategyCore } from '../_shared';

/** w_t = exp(mean_k log L_k) / (T·L_t) (the geometric mean taken in log space), losses floored at 1e-20. */
export function glsWeights(losses: readonly number[]): number[] {
  const L = losses.map((x) => Math.max(x, LOSS_FLOOR));
  const T = L.length;
  const geo = Math.exp(L.reduce((s, x) => s + Math.log(x), 0) / T);
  return L.map((x) => geo / (T * x));
}

/** The GLS strategy: loss weights GLS/(T·L_t) on the shared parameters and the heads alike. */
export function strategy(_ctx: StrategyContext): StrategyCore {
  return { step: ({ losses }) => asLossWeights(glsWeights(losses)) };
}
