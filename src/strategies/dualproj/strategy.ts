/**
 * DualProj (TorchJD's DualProjWeighting; GEM's Eq. 11, Lopez-Paz & Ranzato, NeurIPS 2017): the mean gradient
 * Σ g_t/T projected onto the dual cone of the task gradients, weights argmin vᵀG'v s.t. v ≥ 1/T, with UPGrad's G'.
 */
import { dualConeWeights, fill, regularisedGram, type StrategyContext, type StrategyCore } from '../_shared';

/** DualProj's weights: dualConeWeights(G', 1/T). */
export function dualprojWeights(gram: number[][], normEps: number, regEps: number): number[] {
  const T = gram.length;
  return dualConeWeights(regularisedGram(gram, normEps, regEps), fill(T, 1 / T));
}

/** The DualProj strategy: shared weights from dualprojWeights; heads weigh 1. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const normEps = Number(ctx.params.normEps);
  const regEps = Number(ctx.params.regEps);
  return { step: ({ gram }) => ({ shared: dualprojWeights(gram!, normEps, regEps), task: fill(T, 1) }) };
}
