/**
 * SI-LS, scale-invariant linear scalarisation (Navon et al., ICML 2022; their repo's ScaleInvariantLinearScalarization,
 * task weights 1): total loss Σ_t log L_t, whose gradient is Σ_t ∇L_t / L_t, so the step's loss weights are 1/L_t.
 */
import { asLossWeights, LOSS_FLOOR, type StrategyContext, type StrategyCore } from '../_shared';

/** w_t = 1/max(L_t, 1e-20): the gradient of Σ log L_t with respect to each loss. */
export function silsWeights(losses: readonly number[]): number[] {
  return losses.map((L) => 1 / Math.max(L, LOSS_FLOOR));
}

/** The SI-LS strategy: loss weights 1/L_t on the shared parameters and the heads alike. */
export function strategy(_ctx: StrategyContext): StrategyCore {
  return { step: ({ losses }) => asLossWeights(silsWeights(losses)) };
}
