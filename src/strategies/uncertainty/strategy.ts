/** Uncertainty weighting (Kendall, Gal & Cipolla, CVPR 2018) in LibMTL's form, with its small Adam. */
import { asLossWeights, fill, type StrategyContext, type StrategyCore } from '../_shared';

const BETA1 = 0.9;
const BETA2 = 0.999;
/** tfjs's default Adam ε, used in the same ε-hat form as src/train/optimizer.ts */
const EPSILON = 1e-7;

/** One bias-corrected Adam step on a small vector, ε-hat form: x ← x − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε√(1−β₂ᵗ)). */
export function makeAdam(n: number, lr: number): (x: number[], grad: readonly number[]) => void {
  const m = fill(n, 0);
  const v = fill(n, 0);
  let t = 0;
  return (x, grad) => {
    t++;
    const c2 = Math.sqrt(1 - BETA2 ** t);
    const stepSize = (lr * c2) / (1 - BETA1 ** t);
    for (let i = 0; i < n; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
      x[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) + EPSILON * c2);
    }
  };
}

/**
 * Total loss Σ_t L_t/(2e^{s_t}) + s_t/2 with a learned log-variance s_t (init 0). Weight w_t = 1/(2e^{s_t});
 * ∂/∂s_t = −L_t/(2e^{s_t}) + 1/2, applied with Adam at the experiment's learning rate AFTER this step's weights
 * are read (step 0 weighs every task 0.5).
 */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const s = fill(T, 0);
  const adam = makeAdam(T, ctx.learningRate);
  return {
    step({ losses }) {
      const w = s.map((si) => 1 / (2 * Math.exp(si)));
      const grad = losses.map((L, t) => (Number.isFinite(L) ? -L * w[t] + 0.5 : 0));
      adam(s, grad);
      return asLossWeights(w);
    },
  };
}
