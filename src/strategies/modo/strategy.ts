/**
 * MoDo (Chen et al., "Three-Way Trade-Off in Multi-Objective Learning", NeurIPS 2023), LibMTL's form. LibMTL takes
 * three batches' gradients (g⁽¹⁾, g⁽²⁾, g⁽³⁾) and sets λ ← Π_simplex(λ − γ(g⁽¹⁾g⁽²⁾ᵀλ + ρλ)), shared update Σ λ_t g⁽³⁾_t,
 * heads the mean of the three. The app's step has one batch, so g⁽¹⁾g⁽²⁾ᵀ is the Gram matrix and heads weigh 1.
 * λ starts at 1/T and is updated before it is used.
 */
import { fill, matVec, projectSimplex, type StrategyContext, type StrategyCore } from '../_shared';

/** One MoDo update of λ (in place) for Gram matrix gram; returns the new λ. */
export function modoStep(gram: number[][], lambda: number[], gamma: number, rho: number): number[] {
  const Gl = matVec(gram, lambda);
  const next = projectSimplex(lambda.map((l, t) => l - gamma * (Gl[t] + rho * l)));
  next.forEach((v, t) => (lambda[t] = v));
  return [...lambda];
}

/** The MoDo strategy (params gamma, rho); λ persists across steps. */
export function strategy(ctx: StrategyContext): StrategyCore {
  const T = ctx.taskIds.length;
  const gamma = Number(ctx.params.gamma);
  const rho = Number(ctx.params.rho);
  const lambda = fill(T, 1 / T);
  return { step: ({ gram }) => ({ shared: modoStep(gram!, lambda, gamma, rho), task: fill(T, 1) }) };
}
