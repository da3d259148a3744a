/**
 * UPGrad (Quinton & Rey, "Jacobian Descent for Multi-Objective Optimization", 2024; TorchJD's UPGradWeighting, as in
 * LibMTL): with G' = G/tr(G) (zeros when tr(G) < normEps) + regEps·I, each scaled task gradient g_i/T is projected
 * onto the dual cone {d : g_t·d ≥ 0 ∀t}: its weights v⁽ⁱ⁾ = argmin vᵀG'v s.t. v ≥ e_i/T; the update is Σ_i v⁽ⁱ⁾.
 */
import { dualConeWeights, fill, regularisedGram, type StrategyContext, type StrategyCore } from '../_shared';

/** UPGrad's weights: Σ_i dualConeWeights(G', e_i/T). */
export function upgradWeights(gram: number[][], normEps: number, regEps: number): number[] {
  const T = gram.length;
  const G = regularisedGram(gram, normEps, regEps);
  const out = fill(T, 0);
  for (let i = 0; i < T; i++) {
    const u = fill(T, 0);
    u[i] = 1 / T;
    dualConeWeights(G, u).forEach((v, t) => (out[t] += v));
  }
  return out;
}

/** The UPGrad strategy: shared weights from upgradWeights; heads weigh 1. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const normEps = Number(ctx.params.normEps);
  const regEps = Number(ctx.params.regEps);
  return { step: ({ gram }) => ({ shared: upgradWeights(gram!, normEps, regEps), task: fill(T, 1) }) };
}
